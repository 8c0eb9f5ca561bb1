import Foundation
import Stochastics

/// Binding refreshes per second per MN (analytic-models.md 4): with binding
/// lifetime T_L, a residence X holds Σ_{n≥1} 1{X > n T_L} refreshes, so the rate
/// is η Σ_{n≥1} F^c(n T_L). Exponential residence: η e^{−ηT}/(1 − e^{−ηT}) (exact).
/// Other laws: the series summed until a term is below 1e-12 of the sum
/// (at most 10^6 terms; exact up to that truncation).
public enum BindingRefresh {
    public static func rate(residence: ProbabilityLaw, lifetime: Double) -> Double {
        let eta = 1 / residence.mean
        if case let .exponential(m) = residence.form {
            let x = exp(-lifetime / m)
            return eta * x / (1 - x)
        }
        var sum = 0.0
        for n in 1...1_000_000 {
            let term = residence.ccdf(Double(n) * lifetime)
            sum += term
            if term <= 1e-12 * max(sum, 1e-300) { break }
        }
        return eta * sum
    }
}
