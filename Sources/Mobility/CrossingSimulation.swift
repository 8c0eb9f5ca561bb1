import Foundation
import Stochastics

/// Monte Carlo of the number K of AR crossings during a session: for each
/// session it draws T from the session law, the first residence from the
/// equilibrium residual of the residence law (the session starts at a random
/// instant, §2.3-§2.4), then full residences until their sum exceeds T, and
/// counts the crossings. It simulates movement; it does not evaluate formulas.
///
/// Determinism: samples are split into chunks of `SampleChunks.chunkSize`;
/// chunk i uses `RandomStream(seed:kind:).child(i)`; chunk counts are merged
/// in index order, so results do not depend on `jobs`. Memory is O(kmax) per
/// chunk in flight (`ParallelWork`'s window), whatever `samples`.
public struct CrossingSimulation: Sendable {
    public let residence: ProbabilityLaw
    public let session: ProbabilityLaw
    public let kmax: Int
    public let generator: GeneratorKind

    public init(residence: ProbabilityLaw, session: ProbabilityLaw, kmax: Int = 10, generator: GeneratorKind = .default) {
        self.residence = residence
        self.session = session
        self.kmax = Swift.max(0, kmax)
        self.generator = generator
    }

    /// Estimates with 95 % Student-t intervals.
    public struct Result: Sendable {
        /// P(K = k), k = 0...kmax: proportions of sessions.
        public let probabilities: [ConfidenceInterval]
        /// E[K].
        public let meanCrossings: ConfidenceInterval
        /// Residence variates drawn (crossings), for the benchmark.
        public let residenceDraws: Int
        public let samples: Int
    }

    struct Counts: Sendable {
        var histogram: [Int]
        var sumK = 0.0, sumK2 = 0.0
    }

    /// Simulates `samples` sessions (≥ 1) on `jobs` threads (≥ 1); `progress` is
    /// called once per chunk, on the calling thread.
    public func run(samples: Int, seed: UInt64, jobs: Int = 1, progress: (() -> Void)? = nil) -> Result {
        precondition(samples >= 1 && jobs >= 1)
        let (count, size) = SampleChunks.layout(samples: samples)
        let kmax = self.kmax, generator = self.generator
        let residence = self.residence, session = self.session
        var total = Counts(histogram: [Int](repeating: 0, count: kmax + 1))
        ParallelWork.run(count: count, jobs: jobs) { i in
            residence.withSampler(ResidenceVisit(session: session, n: size(i), kmax: kmax,
                                                 stream: SampleChunks.stream(seed: seed, index: i, kind: generator)))
        } emit: { _, p in
            for k in 0...kmax { total.histogram[k] += p.histogram[k] }
            total.sumK += p.sumK
            total.sumK2 += p.sumK2
            progress?()
        }
        let hist = total.histogram, sumK = total.sumK, sumK2 = total.sumK2
        let n = Double(samples)
        let probs = hist.map { c -> ConfidenceInterval in
            let p = Double(c) / n
            let se = samples > 1 ? (p * (1 - p) / (n - 1)).squareRoot() : 0
            return ConfidenceInterval(mean: p, standardError: se, count: samples)
        }
        let m = sumK / n
        let variance = samples > 1 ? Swift.max(0, (sumK2 - n * m * m) / (n - 1)) : 0
        let meanCI = ConfidenceInterval(mean: m, standardError: (variance / n).squareRoot(), count: samples)
        return Result(probabilities: probs, meanCrossings: meanCI, residenceDraws: Int(sumK), samples: samples)
    }

    /// Draws the same numbers of variates as a run (one session, one residual and
    /// `residenceDraws` residences in all) without the crossing bookkeeping, and
    /// returns their sum: the benchmark's floor for `run`.
    public func drawOnly(samples: Int, residenceDraws: Int, seed: UInt64, jobs: Int = 1) -> Double {
        let (count, size) = SampleChunks.layout(samples: samples)
        let generator = self.generator
        let residence = self.residence, session = self.session
        var sum = 0.0
        ParallelWork.run(count: count, jobs: jobs) { i in
            let extra = residenceDraws / count + (i < residenceDraws % count ? 1 : 0)
            return residence.withSampler(DrawVisit(session: session, n: size(i), extra: extra,
                                                   stream: SampleChunks.stream(seed: seed, index: i, kind: generator)))
        } emit: { _, part in sum += part }
        return sum
    }
}

private struct ResidenceVisit: SamplerVisitor {
    let session: ProbabilityLaw, n: Int, kmax: Int, stream: RandomStream
    func visit<R: VariateSampler>(_ r: R) -> CrossingSimulation.Counts {
        session.withSampler(SessionVisit(residence: r, n: n, kmax: kmax, stream: stream))
    }
}

private struct SessionVisit<R: VariateSampler>: SamplerVisitor {
    let residence: R, n: Int, kmax: Int, stream: RandomStream
    func visit<S: VariateSampler>(_ s: S) -> CrossingSimulation.Counts {
        CrossingSimulation.chunk(residence: residence, session: s, n: n, kmax: kmax, stream: stream)
    }
}

extension CrossingSimulation {
    /// The hot loop: specialised per (residence, session) sampler pair.
    @inline(never)
    static func chunk<R: VariateSampler, S: VariateSampler>(residence: R, session: S, n: Int, kmax: Int,
                                                            stream: RandomStream) -> Counts {
        // Erlang residences and exponential sessions on taus2: the same variates and
        // counts, the session's log and the threshold's exp only where a comparison
        // needs them (`ErlangExponentialCrossings`).
        if let r = residence as? ErlangSampler, let s = session as? ExponentialSampler,
           let pair = ErlangExponentialCrossings(residence: r, session: s),
           let counts = stream.withTaus2State({ g in erlangExponentialChunk(pair, n: n, kmax: kmax, state: &g) }) {
            return counts
        }
        // Uniform-only samplers on taus2: the same loop, the same variates, with the
        // generator's state in registers for the whole chunk.
        if let r = residence as? any UniformOnlySampler, let s = session as? any UniformOnlySampler,
           let counts = stream.withTaus2State({ g in uniformChunk(residence: r, session: s, n: n, kmax: kmax, state: &g) }) {
            return counts
        }
        var hist = [Int](repeating: 0, count: kmax + 1)
        var sumK = 0.0, sumK2 = 0.0
        hist.withUnsafeMutableBufferPointer { h in
            for _ in 0..<n {
                let t = session.draw(stream)
                let k = residence.crossings(within: t, stream)
                if k <= kmax { h[k] += 1 }
                let dk = Double(k)
                sumK += dk
                sumK2 += dk * dk
            }
        }
        return Counts(histogram: hist, sumK: sumK, sumK2: sumK2)
    }
}

extension CrossingSimulation {
    /// `chunk` on taus2's state (`UniformOnlySampler`), specialised per pair.
    @inline(never)
    static func uniformChunk<R: UniformOnlySampler, S: UniformOnlySampler>(
        residence: R, session: S, n: Int, kmax: Int, state g: inout Taus2State
    ) -> Counts {
        var hist = [Int](repeating: 0, count: kmax + 1)
        var sumK = 0.0, sumK2 = 0.0
        hist.withUnsafeMutableBufferPointer { h in
            for _ in 0..<n {
                let t = session.draw(&g)
                let k = residence.crossings(within: t, &g)
                if k <= kmax { h[k] += 1 }
                let dk = Double(k)
                sumK += dk
                sumK2 += dk * dk
            }
        }
        return Counts(histogram: hist, sumK: sumK, sumK2: sumK2)
    }
}

extension CrossingSimulation {
    /// `uniformChunk` for Erlang residences and exponential sessions (the same counts).
    @inline(never)
    static func erlangExponentialChunk(_ pair: ErlangExponentialCrossings, n: Int, kmax: Int,
                                       state g: inout Taus2State) -> Counts {
        var hist = [Int](repeating: 0, count: kmax + 1)
        var sumK = 0.0, sumK2 = 0.0
        pair.logCell.withUnsafeBufferPointer { logCell in
            pair.inverseCell.withUnsafeBufferPointer { inverseCell in
                pair.exp2Cell.withUnsafeBufferPointer { exp2Cell in
                    hist.withUnsafeMutableBufferPointer { h in
                        let l = logCell.baseAddress!, v = inverseCell.baseAddress!, x = exp2Cell.baseAddress!
                        // A local copy: the inout captured by the closures was stored back at every draw.
                        var state = g
                        defer { g = state }
                        for _ in 0..<n {
                            let k = pair.crossings(&state, l, v, x)
                            if k <= kmax { h[k] += 1 }
                            let dk = Double(k)
                            sumK += dk
                            sumK2 += dk * dk
                        }
                    }
                }
            }
        }
        return Counts(histogram: hist, sumK: sumK, sumK2: sumK2)
    }
}

private struct DrawVisit: SamplerVisitor {
    let session: ProbabilityLaw, n: Int, extra: Int, stream: RandomStream
    func visit<R: VariateSampler>(_ r: R) -> Double {
        session.withSampler(DrawSessionVisit(residence: r, n: n, extra: extra, stream: stream))
    }
}

private struct DrawSessionVisit<R: VariateSampler>: SamplerVisitor {
    let residence: R, n: Int, extra: Int, stream: RandomStream
    func visit<S: VariateSampler>(_ s: S) -> Double {
        var sum = 0.0
        for _ in 0..<n { sum += s.draw(stream) + residence.drawResidual(stream) }
        for _ in 0..<extra { sum += residence.draw(stream) }
        return sum
    }
}
