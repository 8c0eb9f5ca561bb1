import CGSL
import Foundation

/// The equilibrium renewal process of gamma residence times (shape k, scale θ,
/// mean m = kθ), in closed form (analytic-models.md §2.4-2.5).
///
/// S_j = R + X_2 + … + X_j (R the equilibrium residual, density P(X > u)/m) has
/// the cdf F_{S_j}(t) = (I_{(j−1)k}(t) − I_{jk}(t))/m, where
/// I_a(t) = ∫₀^t P(a, u/θ) du = E[(t − G_a)⁺] = t P(a, t/θ) − aθ P(a+1, t/θ),
/// G_a ~ Gamma(a, θ), I_0(t) = t. [DERIVED: the Laplace transform of F_{S_j} is
/// r*(s) f*(s)^{j−1}/s = (f*^{j−1} − f*^j)/(m s²), that of I_a is f*(s)^{a/k}/s².]
/// Past the bulk (t > jkθ) the same value is 1 − (J_{jk}(t) − J_{(j−1)k}(t))/m with
/// J_a(t) = E[(G_a − t)⁺] = aθ Q(a+1, t/θ) − t Q(a, t/θ), which avoids subtracting
/// two numbers of size t; P, Q are GSL's regularised incomplete gamma functions.
struct GammaRenewal: Sendable {
    let shape: Double
    let scale: Double
    var mean: Double { shape * scale }

    /// F_{S_j}(t) = P(N_e(t) ≥ j), N_e the equilibrium renewal counting process; j ≥ 1.
    func sumCDF(_ j: Int, _ t: Double) -> Double {
        if t <= 0 { return 0 }
        let x = t / scale, a1 = Double(j - 1) * shape, a2 = Double(j) * shape
        let value: Double
        if x > a2 {
            value = 1 - (upper(a2, x) - upper(a1, x)) / shape
        } else {
            value = (lower(a1, x) - lower(a2, x)) / shape
        }
        return Swift.min(1, Swift.max(0, value))
    }

    /// I_a/θ = x P(a, x) − a P(a+1, x).
    private func lower(_ a: Double, _ x: Double) -> Double {
        a == 0 ? x : x * gsl_sf_gamma_inc_P(a, x) - a * gsl_sf_gamma_inc_P(a + 1, x)
    }

    /// J_a/θ = a Q(a+1, x) − x Q(a, x).
    private func upper(_ a: Double, _ x: Double) -> Double {
        a == 0 ? 0 : a * gsl_sf_gamma_inc_Q(a + 1, x) - x * gsl_sf_gamma_inc_Q(a, x)
    }

    /// E[g(N_e(t))] = Σ_{j≥1} F_{S_j}(t) (g_j − g_{j−1}) for each sequence g of
    /// `values` (g_0 = 0), written into `out`. Terms with F_{S_j}(t) that round to 1
    /// (j well below t/m) telescope to g_{lo−1}; terms with F_{S_j}(t) < 1e-18
    /// past the mean t/m are dropped (F decreases in j). Returns false when the
    /// sequences are too short for t.
    func walkMean(_ t: Double, values: [[Double]], into out: inout [Double]) -> Bool {
        for i in out.indices { out[i] = 0 }
        if t <= 0 { return true }
        let n = t / mean
        let spread = 14 * (n / shape + 1).squareRoot() + 4
        var lo = Swift.max(1, Int((n - spread).rounded(.down)))
        while lo > 1 && sumCDF(lo, t) < 1 { lo = Swift.max(1, lo - Int(spread) - 1) }
        let count = values[0].count
        if lo >= count { return false }
        for i in out.indices { out[i] = values[i][lo - 1] }
        var j = lo
        while true {
            if j >= count { return false }
            let f = sumCDF(j, t)
            if f < 1e-18 && Double(j) > n { break }
            for i in out.indices { out[i] += f * (values[i][j] - values[i][j - 1]) }
            j += 1
        }
        return true
    }
}
