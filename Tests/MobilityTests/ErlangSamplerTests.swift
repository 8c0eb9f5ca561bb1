import Foundation
import Testing
@testable import Mobility
@testable import Stochastics

@Suite("Erlang sampler: the gamma law of integer shape by its phases")
struct ErlangSamplerTests {
    /// Draws and equilibrium residuals against the moments of Erlang(k, θ):
    /// E[X] = kθ, E[X²] = k(k+1)θ², and for the residual R (density F^c/E[X])
    /// E[R] = E[X²]/(2E[X]) = (k+1)θ/2, E[R²] = E[X³]/(3E[X]) = (k+1)(k+2)θ²/3.
    /// Each sample mean is within 4.5 standard errors (its own sample variance).
    @Test(arguments: [1, 2, 3, 8])
    func momentsMatchTheLaw(shape k: Int) throws {
        let theta = 7.5
        let law = try ProbabilityLaw.parse("gamma:shape=\(k),mean=\(Double(k) * theta)")
        guard case let .gamma(shape, mean) = law.form else { Issue.record("not a gamma law"); return }
        let sampler = try #require(ErlangSampler(shape: shape, scale: mean / shape))
        let stream = RandomStream(seed: 11)
        let n = 200_000
        func check(_ draw: () -> Double, mean m1: Double, second m2: Double, _ what: String) {
            var s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0
            for _ in 0..<n {
                let x = draw()
                #expect(x > 0 && x.isFinite)
                s1 += x; s2 += x * x; s3 += x * x * x; s4 += x * x * x * x
            }
            let dn = Double(n)
            let mean1 = s1 / dn, mean2 = s2 / dn
            let se1 = ((s2 / dn - mean1 * mean1) / dn).squareRoot()
            let se2 = ((s4 / dn - mean2 * mean2) / dn).squareRoot()
            #expect(abs(mean1 - m1) <= 4.5 * se1, "\(what) k=\(k): mean \(mean1) vs \(m1) (se \(se1))")
            #expect(abs(mean2 - m2) <= 4.5 * se2, "\(what) k=\(k): E[X²] \(mean2) vs \(m2) (se \(se2))")
        }
        let dk = Double(k)
        check({ sampler.draw(stream) }, mean: dk * theta, second: dk * (dk + 1) * theta * theta, "draw")
        check({ sampler.drawResidual(stream) }, mean: (dk + 1) * theta / 2,
              second: (dk + 1) * (dk + 2) * theta * theta / 3, "residual")
    }

    /// Integer shapes up to the limit get the Erlang sampler, others Marsaglia-Tsang.
    @Test func integerShapesChooseErlang() throws {
        struct Kind: SamplerVisitor {
            func visit<S: VariateSampler>(_ sampler: S) -> String { String(describing: S.self) }
        }
        #expect(try ProbabilityLaw.parse("gamma:shape=2,mean=60").withSampler(Kind()) == "ErlangSampler")
        #expect(try ProbabilityLaw.parse("gamma:shape=8,mean=60").withSampler(Kind()) == "ErlangSampler")
        #expect(try ProbabilityLaw.parse("gamma:shape=9,mean=60").withSampler(Kind()) == "GammaSampler")
        #expect(try ProbabilityLaw.parse("gamma:shape=2.5,mean=60").withSampler(Kind()) == "GammaSampler")
        #expect(try ProbabilityLaw.parse("gamma:shape=0.5,mean=60").withSampler(Kind()) == "GammaSampler")
    }

    /// The register route (`Taus2State`, `UniformOnlySampler`) draws, bit for bit, what the
    /// stream route draws from the same state: session lengths and crossing counts of Erlang
    /// residences (k = 1, 2, 3, 8; sessions long enough for the 700-phase fallback too) and
    /// of exponential ones, in the same order, the two states equal afterwards.
    @Test(arguments: [1.0, 2.0, 3.0, 8.0])
    func registerRouteDrawsTheStreamsVariates(shape k: Double) throws {
        let erlang = try #require(ErlangSampler(shape: k, scale: 30 / k))
        let exponential = ExponentialSampler(mean: 30)
        let session = ExponentialSampler(mean: 120)
        for (i, sessionMean) in [120.0, 9000.0].enumerated() {
            let long = ExponentialSampler(mean: sessionMean)
            let a = RandomStream(seed: 40 + UInt64(i)), b = RandomStream(seed: 40 + UInt64(i))
            var fromStream: [Double] = [], fromState: [Double] = []
            for _ in 0..<20_000 {
                let t = long.draw(a)
                fromStream += [t, Double(erlang.crossings(within: t, a)), Double(exponential.crossings(within: t, a)),
                               session.draw(a)]
            }
            _ = b.withTaus2State { g in
                for _ in 0..<20_000 {
                    let t = long.draw(&g)
                    fromState += [t, Double(erlang.crossings(within: t, &g)), Double(exponential.crossings(within: t, &g)),
                                  session.draw(&g)]
                }
            }
            #expect(fromStream.map(\.bitPattern) == fromState.map(\.bitPattern), "k = \(k), session mean \(sessionMean)")
            #expect(a.uniform() == b.uniform(), "the states advanced alike")
        }
    }

    /// `UniformIntRange` against GSL's gsl_rng_uniform_int on the same draws, for ranges
    /// 1 … 9 and large ones (where the Double reciprocal's estimate needs its correction).
    @Test func precomputedRangeIsGSLsUniformInt() throws {
        for n in [1, 2, 3, 5, 7, 8, 9, 1000, 65_537, 3_000_000_000, 0xFFFF_FFFF] {
            let range = try #require(UniformIntRange(count: n))
            let a = RandomStream(seed: UInt64(n)), b = RandomStream(seed: UInt64(n))
            var ours: [Int] = []
            _ = a.withTaus2State { g in for _ in 0..<5000 { ours.append(g.uniformInt(range)) } }
            let gsl = (0..<5000).map { _ in b.gslUniformInt(n) }
            #expect(ours == gsl, "n = \(n)")
        }
        #expect(UniformIntRange(count: 0) == nil && UniformIntRange(count: 1 << 32) == nil)
    }
}
