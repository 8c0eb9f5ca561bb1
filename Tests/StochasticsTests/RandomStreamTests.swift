import Dispatch
import Foundation
import Testing
@testable import Stochastics

@Suite("Random streams")
struct RandomStreamTests {
    static func draws(_ stream: RandomStream, _ n: Int = 20) -> [Double] { (0..<n).map { _ in stream.uniform() } }

    @Test("same seed and kind, same numbers", arguments: GeneratorKind.allCases)
    func reproducible(kind: GeneratorKind) {
        #expect(Self.draws(RandomStream(seed: 12345, kind: kind)) == Self.draws(RandomStream(seed: 12345, kind: kind)))
        #expect(Self.draws(RandomStream(seed: 12345, kind: kind)) != Self.draws(RandomStream(seed: 12346, kind: kind)))
    }

    @Test("a child depends on (seed, index, kind) only, not on the parent's draws", arguments: GeneratorKind.allCases)
    func childIndependentOfHistory(kind: GeneratorKind) {
        let fresh = RandomStream(seed: 5, kind: kind)
        let used = RandomStream(seed: 5, kind: kind)
        _ = Self.draws(used, 1000)
        #expect(Self.draws(fresh.child(3)) == Self.draws(used.child(3)))
        #expect(fresh.child(3).seed == SeedMixer.mix(seed: 5, index: 3))
        #expect(Self.draws(fresh.child(3)) != Self.draws(fresh.child(4)))
        #expect(Self.draws(fresh.child(0)) != Self.draws(fresh))
    }

    @Test("children are uncorrelated: sample correlation of paired draws within 4/√n of 0")
    func childrenUncorrelated() {
        let root = RandomStream(seed: 1)
        let n = 50_000
        for i in 0..<4 {
            let a = root.child(i), b = root.child(i + 1)
            var sum = 0.0
            for _ in 0..<n { sum += (a.uniform() - 0.5) * (b.uniform() - 0.5) }
            // Var((U−½)(V−½)) = (1/12)² for independent U, V: correlation = 12·mean.
            let correlation = 12 * sum / Double(n)
            #expect(abs(correlation) <= 4 / Double(n).squareRoot(), "children \(i), \(i + 1): \(correlation)")
        }
    }

    /// Work split into 32 chunks, chunk i drawn from child(i), summaries merged in index order.
    static func split(threads: Int, kind: GeneratorKind) -> RunningStatistics {
        let chunks = 32
        let law = try! ProbabilityLaw.parse("lognormal:sigma=1,mean=60")
        let results = UnsafeMutableBufferPointer<RunningStatistics>.allocate(capacity: chunks)
        results.initialize(repeating: RunningStatistics())
        defer { results.deallocate() }
        // Each chunk index is written by exactly one thread.
        nonisolated(unsafe) let base = results.baseAddress!
        let root = RandomStream(seed: 2718, kind: kind)
        let seeds = (0..<chunks).map { root.child($0).seed }
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for i in stride(from: t, to: chunks, by: threads) {
                let stream = RandomStream(seed: seeds[i], kind: kind)
                var s = RunningStatistics()
                for _ in 0..<2000 { s.add(law.sample(stream)) }
                base[i] = s
            }
        }
        return results.reduce(into: RunningStatistics()) { $0.merge($1) }
    }

    @Test("a computation split over 1, 2 or 4 threads gives bit-identical results", arguments: [GeneratorKind.taus2, .gfsr4])
    func threadCountDoesNotMatter(kind: GeneratorKind) {
        let one = Self.split(threads: 1, kind: kind)
        #expect(one.count == 64_000)
        #expect(Self.split(threads: 2, kind: kind) == one)
        #expect(Self.split(threads: 4, kind: kind) == one)
    }

    @Test("uniform draws have mean 1/2 and variance 1/12 within 4 standard errors", arguments: GeneratorKind.allCases)
    func uniformMoments(kind: GeneratorKind) {
        let stream = RandomStream(seed: 8, kind: kind)
        let s = SampleSummary(100_000) { stream.uniform() }
        #expect(abs(s.mean - 0.5) <= 4 * (1.0 / 12 / s.n).squareRoot())
        // μ₄ of U(0,1) is 1/80: Var(s²) ≈ (1/80 − 1/144)/n.
        #expect(abs(s.variance - 1.0 / 12) <= 4 * ((1.0 / 80 - 1.0 / 144) / s.n).squareRoot())
    }

    @Test("categorical, bernoulli and poisson frequencies within 4 standard errors")
    func discrete() {
        let stream = RandomStream(seed: 3)
        let n = 100_000
        let weights = [0.2, 0.5, 0.3]
        var counts = [0, 0, 0]
        var heads = 0
        var poisson = RunningStatistics()
        for _ in 0..<n {
            counts[stream.categorical(weights)] += 1
            if stream.bernoulli(0.1) { heads += 1 }
            poisson.add(Double(stream.poisson(mean: 3)))
        }
        for (w, c) in zip(weights, counts) {
            #expect(abs(Double(c) / Double(n) - w) <= 4 * (w * (1 - w) / Double(n)).squareRoot())
        }
        #expect(abs(Double(heads) / Double(n) - 0.1) <= 4 * (0.09 / Double(n)).squareRoot())
        #expect(abs(poisson.mean - 3) <= 4 * (3 / Double(n)).squareRoot())
    }

    /// With 32-bit seeds, 2×10^5 child streams would contain two identical
    /// streams with probability 1 − exp(−(2×10^5)²/2^33) ≈ 99 %. taus2 is
    /// seeded from all 64 bits, so the first 64 bits of output of every child
    /// differ (a chance collision of distinct streams has probability ~10^-9).
    @Test("200,000 taus2 child streams are pairwise distinct")
    func childStreamsDoNotCollide() {
        let parent = RandomStream(seed: 7)
        var seen = Set<UInt64>()
        for i in 0..<200_000 {
            let child = parent.child(i)
            let hi = UInt64(child.uniform() * 4_294_967_296), lo = UInt64(child.uniform() * 4_294_967_296)
            seen.insert(hi << 32 | lo)
        }
        #expect(seen.count == 200_000)
    }
}

/// taus2's uniforms are computed inline in Swift (`RandomStream.tausStep`); GSL's own
/// functions on a twin stream of the same seed are the independent reference.
@Suite("Inline taus2 equals GSL's taus2")
struct InlineTausTests {
    @Test(arguments: [UInt64(0), 1, 42, 0xDEAD_BEEF_CAFE_F00D])
    func uniformsAndIntegersMatchGSLBitForBit(seed: UInt64) {
        let inline = RandomStream(seed: seed), gsl = RandomStream(seed: seed)
        for i in 0..<20_000 {
            switch i % 4 {
            case 0: #expect(inline.uniform().bitPattern == gsl.gslUniform().bitPattern)
            case 1:
                let n = [1, 2, 3, 4, 6, 7, 1000, 1 << 31, 0xFFFF_FFFF][i % 9]
                #expect(inline.uniformInt(n) == gsl.gslUniformInt(n))
            case 2:
                // A C-side draw in between continues the same shared state on both.
                #expect(inline.gamma(shape: 2, scale: 30).bitPattern == gsl.gamma(shape: 2, scale: 30).bitPattern)
            default:
                var x = 0.0
                repeat { x = gsl.gslUniform() } while x == 0
                #expect(inline.uniformPositive().bitPattern == x.bitPattern)
            }
        }
    }

    @Test func otherGeneratorsStillGoThroughGSL() {
        let a = RandomStream(seed: 5, kind: .gfsr4), b = RandomStream(seed: 5, kind: .gfsr4)
        for _ in 0..<1000 { #expect(a.uniform().bitPattern == b.gslUniform().bitPattern) }
    }
}
