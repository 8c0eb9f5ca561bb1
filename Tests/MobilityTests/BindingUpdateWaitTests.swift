import Foundation
import Testing
@testable import Mobility
import Stochastics

/// Issue 11 defect 5: the mean wait from a random instant to the next binding
/// update, BUs at every crossing and a lifetime T after the last BU.
@Suite("Mean wait for the next binding update")
struct BindingUpdateWaitTests {
    /// Deterministic residence 300 s, T = 420 s: one BU per residence, wait 300/2.
    /// T = 100 s: BUs every 100 s, wait 50 s. No refresh: E[X²]/(2E[X]) = 150.
    @Test func deterministicByHand() throws {
        let x = try ProbabilityLaw.parse("deterministic:value=300")
        #expect(abs(try BindingUpdateWait.mean(residence: x, refreshLifetimeS: 420) - 150) < 1e-9)
        #expect(abs(try BindingUpdateWait.mean(residence: x, refreshLifetimeS: 100) - 50) < 1e-9)
        // T = 120: gaps 120, 120, 60 → (120² + 120² + 60²)/(2 · 300) = 54
        #expect(abs(try BindingUpdateWait.mean(residence: x, refreshLifetimeS: 120) - 54) < 1e-9)
        #expect(abs(try BindingUpdateWait.mean(residence: x, refreshLifetimeS: nil) - 150) < 1e-9)
    }

    /// Pareto residence with T below x_m: the first periods see F^c = 1 and integrate to 0
    /// exactly, which GSL could not certify to a relative tolerance (roundoff, exit 1 in the
    /// campaign). Reference: mpmath (30 digits), the per-period integrals of (x mod T − T/2)F^c
    /// in closed form (F^c = (x_m/x)^A beyond x_m) summed by nsum: 38.495804326228509723.
    @Test func paretoWithFlatFirstPeriods() throws {
        let x = try ProbabilityLaw.parse("pareto:shape=3.39,mean=365")
        let got = try BindingUpdateWait.mean(residence: x, refreshLifetimeS: 80.2)
        #expect(abs(got - 38.495804326228509723) < 1e-8, "\(got)")
    }

    /// Exponential mean m: summing the periods by hand, E[W] = m − T q/(1 − q), q = e^{−T/m}.
    @Test(arguments: [(60.0, 420.0), (60, 30), (600, 20)])
    func exponentialClosedForm(mean m: Double, lifetime t: Double) throws {
        let q = exp(-t / m)
        let expected = m - t * q / (1 - q)
        let got = try BindingUpdateWait.mean(residence: .parse("exponential:mean=\(m)"), refreshLifetimeS: t)
        #expect(abs(got - expected) < 1e-7 * expected, "\(got) vs \(expected)")
    }

    /// Other laws against a direct Riemann sum of T/2 + ∫ (x mod T − T/2) F^c(x) dx / E[X]
    /// (midpoint rule, step T/2000, to where F^c is negligible), and the per-period
    /// fallback against the same.
    @Test(arguments: [("gamma:shape=2,mean=100", 60.0), ("lognormal:sigma=1,mean=60", 45), ("uniform:min=10,max=290", 70),
                      ("hyperexponential:p=0.9/0.1,mean=30/330", 420), ("weibull:shape=0.7,mean=60", 25)])
    func againstRiemannSum(spec: String, lifetime t: Double) throws {
        let x = try ProbabilityLaw.parse(spec)
        let h = t / 2000
        var integral = 0.0, u = h / 2
        while x.ccdf(u) > 1e-14 || u < 10 * x.mean {
            let r = u - (u / t).rounded(.down) * t
            integral += (r - t / 2) * x.ccdf(u) * h
            u += h
        }
        let expected = t / 2 + integral / x.mean
        let got = try BindingUpdateWait.mean(residence: x, refreshLifetimeS: t)
        #expect(abs(got - expected) < 1e-5 * expected, "\(got) vs \(expected)")
        let fallback = t / 2 + (try BindingUpdateWait.periodSum(x, t)) / x.mean
        #expect(abs(fallback - expected) < 1e-5 * expected, "\(fallback) vs \(expected)")
    }
}
