import Foundation
import Stochastics

/// The mean time from a random instant to the MN's next binding update (BU),
/// when BUs are sent at every AR crossing (a renewal process with residence law
/// X) and, with periodic refresh, a binding lifetime T after the last BU while
/// the MN stays (docs/MODELS.md, "Failure impact": SAIL's outage).
///
/// Renewal-reward over one residence x: BUs at 0, T, 2T, … below x, then x, so
/// the wait integrates to ∫_0^x w = x T/2 + r(r − T)/2 with r = x mod T, and
///
///     E[W] = T/2 + E[r(X)(r(X) − T)] / (2 E[X])            (exact)
///     E[W] = E[X²]/(2 E[X])                                 (no refresh: the equilibrium residual)
///
/// Exponential X without refresh gives 1/η; deterministic X = 300 s with T = 420 s
/// gives 150 s. The expectation is a GSL quadrature of a bounded, continuous,
/// T-periodic function (`ProbabilityLaw.expectation`); when it does not converge
/// (very many periods), the periods are summed one by one up to `maxPeriods` and
/// the rest bracketed: in E[W] = T/2 + ∫ (x mod T − T/2) F^c(x) dx / E[X] every
/// period's term lies in [−(T²/8)(F^c(nT) − F^c((n+1)T)), 0], so the tail beyond
/// N periods is within (T²/16) F^c(NT)/E[X] of the midpoint taken.
public enum BindingUpdateWait {
    /// Periods the fallback sums before it brackets the rest.
    static let maxPeriods = 4096

    /// E[W] in seconds; `refreshLifetimeS` nil when bindings are not refreshed.
    /// Infinite when there is no refresh and E[X²] is (Pareto shape ≤ 2). Throws
    /// `GSLError` when the fallback's per-period quadrature fails.
    public static func mean(residence x: ProbabilityLaw, refreshLifetimeS: Double?) throws -> Double {
        guard let t = refreshLifetimeS, t > 0, t.isFinite else { return x.residualMean }
        let periodic: Double
        do {
            periodic = try x.expectation("mean wait for the next binding update", epsrel: 1e-9) { v in
                let r = v - (v / t).rounded(.down) * t
                return r * (r - t) / 2
            }
        } catch {
            periodic = try periodSum(x, t)
        }
        return Swift.max(0, t / 2 + periodic / x.mean)
    }

    /// E[r(X)(r(X) − T)]/2 = ∫_0^∞ (x mod T − T/2) F^c(x) dx, period by period (see the type).
    static func periodSum(_ x: ProbabilityLaw, _ t: Double) throws -> Double {
        var sum = 0.0
        for n in 0..<maxPeriods {
            let a = Double(n) * t
            let tail = x.ccdf(a)
            if tail * t * t / 8 <= 1e-12 * Swift.max(abs(sum), x.mean * t / 2) { return sum }
            // Absolute tolerance on the period's own scale (|term| ≤ T²/8 F^c(nT)): a period where
            // F^c is flat (below a Pareto x_m) integrates to 0 exactly, where a purely relative
            // target cannot be certified and GSL reports roundoff (campaign, Pareto residences).
            sum += try Quadrature.integrate("mean wait for the next binding update, period \(n)", over: .finite(0, t),
                                            epsabs: 1e-13 * t * t * tail) { v in
                (v - t / 2) * x.ccdf(a + v)
            }.value
        }
        return sum - t * t / 16 * x.ccdf(Double(maxPeriods) * t)
    }
}
