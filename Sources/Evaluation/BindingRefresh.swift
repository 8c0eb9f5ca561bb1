import Foundation
import Mobility
import Stochastics

/// Binding refreshes per second per MN (analytic-models.md 4): with binding
/// lifetime T_L, a residence X holds Σ_{n≥1} 1{X > n T_L} refreshes, so the rate
/// is η Σ_{n≥1} F^c(n T_L). Exponential residence: η e^{−ηT}/(1 − e^{−ηT}) (exact).
/// Other laws: the series summed until a term is below 1e-12 of the sum; if
/// 10^6 terms do not get there (a lifetime far below the mean residence), the
/// rest is taken from its integral, E[(X − NT)⁺]/T − F^c(NT)/2, which F^c's
/// monotonicity brackets within F^c(NT)/2 of the true tail.
public enum BindingRefresh {
    public static func rate(residence: ProbabilityLaw, lifetime: Double) throws -> Double {
        let eta = 1 / residence.mean
        if case let .exponential(m) = residence.form {
            // e^{−T/m}/(1 − e^{−T/m}), without cancellation when T ≪ m.
            return eta * exp(-lifetime / m) / -expm1(-lifetime / m)
        }
        let cap = 1_000_000
        var sum = 0.0
        for n in 1...cap {
            let term = residence.ccdf(Double(n) * lifetime)
            sum += term
            if term <= 1e-12 * max(sum, 1e-300) { return eta * sum }
        }
        let end = Double(cap) * lifetime
        return eta * (sum + max(0, try residence.integratedTail(end) / lifetime - residence.ccdf(end) / 2))
    }
}
