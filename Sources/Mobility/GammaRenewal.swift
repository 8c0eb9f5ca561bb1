import Foundation
import Stochastics

/// The equilibrium renewal process of gamma residence times (shape k, scale θ,
/// mean m = kθ), in closed form (docs/MODELS.md §2.4-2.5).
///
/// S_j = R + X_2 + … + X_j (R the equilibrium residual, density P(X > u)/m) has
/// the cdf F_{S_j}(t) = (I_{(j−1)k}(t) − I_{jk}(t))/m, where
/// I_a(t) = ∫₀^t P(a, u/θ) du = E[(t − G_a)⁺] = t P(a, t/θ) − aθ P(a+1, t/θ),
/// G_a ~ Gamma(a, θ), I_0(t) = t. [DERIVED: the Laplace transform of F_{S_j} is
/// r*(s) f*(s)^{j−1}/s = (f*^{j−1} − f*^j)/(m s²), that of I_a is f*(s)^{a/k}/s².]
/// Past the bulk (t > jkθ) the same value is 1 − (J_{jk}(t) − J_{(j−1)k}(t))/m with
/// J_a(t) = E[(G_a − t)⁺] = aθ Q(a+1, t/θ) − t Q(a, t/θ), which avoids subtracting
/// two numbers of size t; P, Q are GSL's regularised incomplete gamma functions.
///
/// `walkMean` needs F_{S_j}(t) for hundreds of consecutive j at one t. When the
/// shape is a fraction p/q (q ≤ 1024; every integer, binary fraction
/// such as 0.25 or decimal such as 1.37), it walks ladders a, a+1, a+2, … in each of the q
/// classes of a mod 1 with Q(a+1, x) = Q(a, x) + d(a), d(a) = x^a e^{−x}/Γ(a+1),
/// d(a+1) = d(a)·x/(a+1): one GSL call per class instead of four per j, and
/// I_a/θ = (x − a)P(a, x) + a d(a), J_a/θ = (a − x)Q(a, x) + a d(a).
struct GammaRenewal: Sendable {
    let shape: Double
    let scale: Double
    var mean: Double { shape * scale }
    /// shape = p/q, when q ≤ 1024 and p ≤ 4096.
    let ladder: (p: Int, q: Int)?

    /// `ladders: false` evaluates every F_{S_j} by `sumCDF` (tests compare the two).
    init(shape: Double, scale: Double, ladders: Bool = true) {
        self.shape = shape
        self.scale = scale
        ladder = !ladders ? nil : (1...1024).lazy.compactMap { q -> (p: Int, q: Int)? in
            let pq = shape * Double(q)
            return pq == pq.rounded() && pq >= 1 && pq <= 4096 ? (Int(pq), q) : nil
        }.first
    }

    /// F_{S_j}(t) = P(N_e(t) ≥ j), N_e the equilibrium renewal counting process; j ≥ 1.
    func sumCDF(_ j: Int, _ t: Double) throws -> Double {
        if t <= 0 { return 0 }
        let x = t / scale, a1 = Double(j - 1) * shape, a2 = Double(j) * shape
        let value: Double
        if x > a2 {
            value = 1 - (try upper(a2, x) - upper(a1, x)) / shape
        } else {
            value = (try lower(a1, x) - lower(a2, x)) / shape
        }
        return Swift.min(1, Swift.max(0, value))
    }

    /// I_a/θ = x P(a, x) − a P(a+1, x).
    private func lower(_ a: Double, _ x: Double) throws -> Double {
        a == 0 ? x : x * (try SpecialFunctions.gammaP(a, x)) - a * (try SpecialFunctions.gammaP(a + 1, x))
    }

    /// J_a/θ = a Q(a+1, x) − x Q(a, x).
    private func upper(_ a: Double, _ x: Double) throws -> Double {
        a == 0 ? 0 : a * (try SpecialFunctions.gammaQ(a + 1, x)) - x * (try SpecialFunctions.gammaQ(a, x))
    }

    /// E[g(N_e(t))] = Σ_{j≥1} F_{S_j}(t) (g_j − g_{j−1}) for each sequence g of
    /// `values` (g_0 = 0), written into `out`. F_{S_j}(t) decreases in j: below a
    /// window [lo, hi] around t/m (checked: F_{S_lo}(t) rounds to 1, F_{S_hi}(t) ≤ 1e-15, about the rounding error of the closed form)
    /// the terms telescope to g_{lo−1}, above it they are dropped. Returns false (and
    /// `out` zero) when the sequences are too short for t: the caller must extend them.
    func walkMean(_ t: Double, values: [[Double]], into out: inout [Double]) throws -> Bool {
        for i in out.indices { out[i] = 0 }
        if t <= 0 { return true }
        let n = t / mean
        let spread = 10 * (n / shape + 1).squareRoot() + 4
        var lo = Swift.max(1, Int((n - spread).rounded(.down)))
        while lo > 1, try sumCDF(lo, t) < 1 { lo = Swift.max(1, lo - Int(spread) - 1) }
        // Search hi in quarter-spreads within the sequences: a step of a whole spread overshot
        // the sequences `SessionAnchoring.renewalIntegral` sized for N_e(t) at bursty shapes
        // (k < 1, F_{S_j} decays slowly past the bulk), and the walk was dropped for those t.
        let count = values[0].count
        let step = Swift.max(1, Int(spread / 4))
        var hi = Swift.min(count - 1, Int((n + spread).rounded(.up)))
        while try sumCDF(hi, t) > 1e-15 {
            if hi >= count - 1 { return false }
            hi = Swift.min(count - 1, hi + step)
        }
        for i in out.indices { out[i] = values[i][lo - 1] }
        if let (p, q) = ladder {
            let x = t / scale
            let u0 = (lo - 1) * p, u1 = hi * p  // a = u/q
            var qs = [Double](repeating: 0, count: u1 - u0 + 1), ds = qs
            for c in 0..<Swift.min(q, u1 - u0 + 1) {
                var u = u0 + c
                var a = Double(u) / Double(q)
                var qa: Double, da: Double
                if u == 0 {
                    qa = 0; da = exp(-x)
                } else {
                    qa = try SpecialFunctions.gammaQ(a, x); da = exp(a * log(x) - x - lgamma(a + 1))
                }
                while u <= u1 {
                    qs[u - u0] = qa; ds[u - u0] = da
                    qa += da; da *= x / (a + 1)
                    a += 1; u += q
                }
            }
            for j in lo...hi {
                let i1 = (j - 1) * p - u0, i2 = j * p - u0
                let a1 = Double((j - 1) * p) / Double(q), a2 = Double(j * p) / Double(q)
                var f: Double
                if x > a2 {
                    let j1 = (a1 - x) * qs[i1] + a1 * ds[i1], j2 = (a2 - x) * qs[i2] + a2 * ds[i2]
                    f = 1 - (j2 - j1) / shape
                } else {
                    let l1 = (x - a1) * (1 - qs[i1]) + a1 * ds[i1], l2 = (x - a2) * (1 - qs[i2]) + a2 * ds[i2]
                    f = (l1 - l2) / shape
                }
                f = Swift.min(1, Swift.max(0, f))
                for i in out.indices { out[i] += f * (values[i][j] - values[i][j - 1]) }
            }
        } else {
            for j in lo...hi {
                let f = try sumCDF(j, t)
                for i in out.indices { out[i] += f * (values[i][j] - values[i][j - 1]) }
            }
        }
        return true
    }
}
