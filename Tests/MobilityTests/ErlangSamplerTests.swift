import Foundation
import Testing
@testable import Mobility
import Stochastics

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
        let sampler = ErlangSampler(shape: Int(shape), scale: mean / shape)
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
}
