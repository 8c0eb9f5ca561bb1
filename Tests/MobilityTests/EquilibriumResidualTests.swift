import Foundation
import Testing
@testable import Mobility
import Stochastics

@Suite("Equilibrium residual (analytic-models.md 2.4)")
struct EquilibriumResidualTests {
    /// E[R]·η from the §2.4 table (η = 1), and ∫ P(R > t) dt = E[R] by quadrature.
    @Test(arguments: [("exponential:mean=1", 1.0), ("gamma:shape=0.25,mean=1", 2.5), ("gamma:shape=4,mean=1", 0.625),
                      ("weibull:shape=0.5,mean=1", 3.0), ("weibull:shape=2,mean=1", 0.636620), ("lognormal:sigma=1,mean=1", 1.359141)])
    func meanMatchesTableAndTailIntegral(spec: String, expected: Double) throws {
        let r = EquilibriumResidual(of: try .parse(spec))
        #expect(abs(r.mean - expected) < 1e-6)
        let integral = try Quadrature.integrate(over: .upperInfinite(from: 0)) { t in try r.ccdf(t) }.value
        #expect(abs(integral - r.mean) < 1e-6 * r.mean)
    }

    /// Closed-form P(R > t) against ∫_t^∞ r(u) du, and r*(s) against ∫ e^{−st} r(t) dt.
    @Test(arguments: ["gamma:shape=0.5,mean=60", "hyperexponential:p=0.9/0.1,mean=30/330", "pareto:shape=3,mean=60", "uniform:min=10,max=110"])
    func lawAgreesWithDensity(spec: String) throws {
        let r = EquilibriumResidual(of: try .parse(spec))
        for t in [5.0, 50, 200] {
            let tail = try Quadrature.integrate(over: .upperInfinite(from: t)) { u in r.density(u) }.value
            #expect(abs(tail - (try r.ccdf(t))) < 1e-8)
        }
        let s = 1.0 / 45
        let lt = try Quadrature.integrate(over: .upperInfinite(from: 0)) { u in exp(-s * u) * r.density(u) }.value
        #expect(abs(lt - (try r.laplace(s))) < 1e-8)
    }

    /// The sampler's empirical P(R ≤ t) covers the closed form.
    @Test func samplerMatchesCDF() throws {
        let r = EquilibriumResidual(of: try .parse("lognormal:sigma=1.2,mean=60"))
        let stream = RandomStream(seed: 9)
        let t = 40.0
        var stats = RunningStatistics()
        for _ in 0..<100_000 { stats.add(r.sample(stream) <= t ? 1 : 0) }
        let ci = stats.confidenceInterval()
        let cdf = try r.cdf(t)
        #expect(abs(ci.estimate - cdf) <= 2 * ci.halfWidth, "\(ci) vs \(cdf)")
    }
}
