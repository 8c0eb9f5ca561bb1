import Foundation
import Stochastics

/// F_{S_k}(t) = P(R + X_2 + … + X_k ≤ t) for any residence law, k = 1…kmax at
/// once, by numerical inversion of its Laplace transform (analytic-models.md §2.5,
/// "otherwise, numerically invert g_k*(s)/s").
///
/// The transform of F_{S_k} is F̂_k(s) = r*(s) f*(s)^{k−1}/s = (1 − f*(s)) f*(s)^{k−1}/(E[X] s²),
/// so one set of transform values at the inversion nodes serves every k (powers of
/// f*). Inversion: Abate and Whitt's Euler algorithm (Abate & Whitt 1995, "Numerical
/// inversion of Laplace transforms of probability distributions", ORSA J. Computing
/// 7:36-43): the Bromwich integral on Re s = A/(2t) by the trapezoidal rule,
///
///     F(t) ≈ (e^{A/2}/t) [½ Re F̂(A/(2t)) + Σ_{j≥1} (−1)^j Re F̂((A + 2πij)/(2t))],
///
/// whose alternating tail is summed by Euler's binomial averaging of the partial
/// sums n…n+m. Why this method: it needs the transform only on a line with
/// Re s > 0, where every law has one (heavy-tailed Weibull, lognormal and Pareto laws
/// have no transform left of the imaginary axis, which rules out Talbot's contour),
/// its discretisation error is bounded for a cdf, Σ_{j≥1} e^{−jA} F((2j+1)t) ≤
/// e^{−A}/(1 − e^{−A}) ≈ 1.0e-8 at A = 18.4, and F_{S_k} is continuous (R has a
/// density) so the Euler sum converges; a time grid would need a step of
/// ~E[X]/400 for 1e-6 and cost O(N²) per k. Roundoff: the sum is scaled by
/// e^{A/2} ≈ 1e4, so transform errors of 1e-12 relative (closed forms, or the
/// quadratures of `ProbabilityLaw.laplacePair`) give ~1e-8. Measured accuracy
/// (tests, `RenewalInversionTests`): |error| ≤ 1e-7 on F_{S_k}(t) against the closed
/// forms for gamma residences and against Fang/Lin through the crossing law.
/// Not used for the deterministic residence (a cdf with kinks), which has its own
/// closed form in `CrossingDistribution`.
struct RenewalInversion: Sendable {
    let residence: ProbabilityLaw
    /// A and m of the Euler algorithm (Abate & Whitt's recommended values).
    static let a = 18.4, averaged = 11
    /// n of the Euler algorithm: Abate & Whitt's 15 for smooth cdfs; 120 for the
    /// uniform residence, whose F_{S_k} has kinks (its density jumps at the ends), so
    /// the alternating tail converges slowly (6e-6 error with 15 terms, measured
    /// against Fang/Lin); its transform is closed form, so the extra terms are cheap.
    /// `terms` overrides (`ResidenceSumGrid` takes 30 for sums far past their mean).
    let terms: Int

    /// The Euler weights folded onto each term j = 0…n+m of the trapezoidal sum (see `sumCDFs`).
    let weights: [Double]

    init(residence: ProbabilityLaw, terms override: Int? = nil) {
        self.residence = residence
        let terms: Int
        if let override { terms = override } else if case .uniform = residence.form { terms = 120 } else { terms = 15 }
        self.terms = terms
        // Euler weights of the partial sums n…n+m: C(m, q)/2^m; term j appears in partial
        // sums n + q for every q with n + q ≥ j; the signs (−1)^j and the ½ of j = 0 folded in.
        let m = Self.averaged
        var binomial = [Double](repeating: 0, count: m + 1)
        binomial[0] = 1
        for q in 1...m { binomial[q] = binomial[q - 1] * Double(m - q + 1) / Double(q) }
        let scale = pow(2.0, -Double(m))
        weights = (0...(terms + m)).map { j in
            var w = 0.0
            for q in 0...m where terms + q >= j { w += binomial[q] * scale }
            return (j == 0 ? 0.5 : (j % 2 == 0 ? 1 : -1)) * w
        }
    }

    /// The transform's points on the line Re s = A/(2t) and 1 − f* there.
    private func contour(_ t: Double) throws -> (s: [Complex], complements: [Complex]) {
        let count = weights.count
        let complements = try residence.laplaceComplements(real: Self.a / (2 * t), step: Double.pi / t, count: count)
        return ((0..<count).map { Complex(Self.a / (2 * t), Double.pi * Double($0) / t) }, complements)
    }

    /// (E[1{D_{N(t)} ≠ 0}], E[D_{N(t)}]): the walk averages of `WalkGeneratingFunction` at
    /// the renewal count N(t) of the stationary walk (first residence R, then i.i.d. X), by
    /// the Euler inversion of r*(s) Φ_g(f*(s))/s = (1 − f*) Φ_g(f*)/(E[X] s²).
    /// Error: the discretisation term Σ_{k≥1} e^{−kA} G((2k+1)t) is below 1.1e-8·G(3t)
    /// (G ≤ 1 for the away average, G(3t) ≤ 1 + √(6t/E[X]) for the distance), the rest as
    /// for `sumCDFs`.
    /// With `beyond` = n > 0 it also returns F_{S_{n+1}}(t) = P(N(t) > n) (transform
    /// r* f*^n/s), else 0 there.
    func walkMeans(_ t: Double, _ phi: WalkGeneratingFunction, beyond n: Int = 0) throws -> (away: Double, distance: Double, beyond: Double) {
        if t <= 0 { return (0, 0, 0) }
        let (s, complements) = try contour(t)
        let m = residence.mean
        var away = 0.0, distance = 0.0, tail = 0.0
        for j in 0..<weights.count {
            let c = complements[j], f = Complex(1) - c
            let base = c / (m * (s[j] * s[j]))
            let (pa, pd) = phi.values(f, complement: c)
            away += weights[j] * (base * pa).re
            distance += weights[j] * (base * pd).re
            if n > 0 {
                // f^n = exp(n log(1 − c)); |f| < 1, so no overflow.
                let power = Complex.exp(Double(n) * Complex.log1p(Complex(-c.re, -c.im)))
                tail += weights[j] * (base * power).re
            }
        }
        let factor = exp(Self.a / 2) / t
        away *= factor
        distance *= factor
        tail *= factor
        guard away.isFinite, distance.isFinite, tail.isFinite else {
            throw InversionError(quantity: "the walk averages at t = \(t)", residence: residence)
        }
        return (Swift.min(1, Swift.max(0, away)), Swift.max(0, distance), Swift.min(1, Swift.max(0, tail)))
    }

    /// [F_{S_1}(t), …, F_{S_kmax}(t)], each clamped to [0, 1] and non-increasing in k.
    func sumCDFs(_ t: Double, upTo kmax: Int) throws -> [Double] {
        var out = [Double](repeating: 0, count: Swift.max(kmax, 0))
        if t <= 0 || kmax <= 0 { return out }
        let m = residence.mean
        let factor = exp(Self.a / 2) / t
        // Every node of one t lies on Re s = A/(2t): one batch (`laplaceComplements`) serves them all.
        let (points, complements) = try contour(t)
        for j in 0..<weights.count {
            let s = points[j]
            let c = complements[j], f = Complex(1) - c
            // c f^{k−1}/(m s²), k = 1…kmax.
            var term = c / (m * (s * s))
            let w = weights[j] * factor
            for k in 0..<kmax {
                out[k] += w * term.re
                term = term * f
            }
        }
        var previous = 1.0
        for k in 0..<kmax {
            let v = Swift.min(previous, Swift.max(0, out[k]))
            guard v.isFinite else { throw InversionError(quantity: "P(S_\(k + 1) <= \(t))", residence: residence) }
            out[k] = v
            previous = v
        }
        return out
    }
}

extension RenewalInversion {
    /// The contour at t prepared for sums of full residences: its points s_n on
    /// Re s = A/(2t) and log f*(s_n) = log1p(−(1 − f*(s_n))), so that f*^j = exp(j log f*)
    /// costs one complex exponential per j (as `walkMeans` takes its powers; |f*| < 1
    /// on Re s > 0, so no overflow).
    struct SumContour: Sendable {
        let t: Double
        let points: [Complex]
        let logTransform: [Complex]
    }

    func sumContour(_ t: Double) throws -> SumContour {
        let (s, complements) = try contour(t)
        return SumContour(t: t, points: s, logTransform: complements.map { Complex.log1p(Complex(-$0.re, -$0.im)) })
    }

    /// (F_j(t), I_j(t)) for S_j = X_1 + … + X_j, i.i.d. full residences (no equilibrium
    /// first residence), for each j of `counts` (ascending, ≥ 1): F_j(t) = P(S_j ≤ t)
    /// from the transform f*(s)^j/s and I_j(t) = ∫₀ᵗ F_j = E[(t − S_j)⁺] (seconds) from
    /// f*(s)^j/s², both by the Euler sum of this type. Then the partial mean is
    /// E[S_j 1{S_j ≤ t}] = t F_j(t) − I_j(t). Clamped: F_j to [0, 1] and I_j to [0, t],
    /// both non-increasing in j (S_{j+1} ≥ S_j); a non-finite value throws.
    /// Error: discretisation below e^{−A}/(1 − e^{−A}) ≈ 1e-8 of F_j(3t) and of I_j(3t) ≤ 3t,
    /// roundoff about 1e4 times the transform's relative error times j; measured
    /// (`AnchorResidencesTests`, with the terms of `ResidenceSumGrid.inversion`): within
    /// 1.1e-8 on F_j and 4e-8 y on I_j of the incomplete gamma for gamma sums, 8.3e-7 and
    /// 2.5e-8 y of the Irwin–Hall cdf for uniform sums (j = 2, 3; kinked densities).
    func sumLaw(_ contour: SumContour, counts: [Int]) throws -> (cdf: [Double], integral: [Double]) {
        let t = contour.t
        var cdf = [Double](repeating: 0, count: counts.count), integral = cdf
        if t <= 0 || counts.isEmpty { return (cdf, integral) }
        let factor = exp(Self.a / 2) / t
        for n in 0..<weights.count {
            let s = contour.points[n], w = weights[n] * factor
            let inverse = Complex(1) / s, inverse2 = inverse * inverse
            let log = contour.logTransform[n]
            for (i, j) in counts.enumerated() {
                let power = Complex.exp(Double(j) * log)
                cdf[i] += w * (power * inverse).re
                integral[i] += w * (power * inverse2).re
            }
        }
        var previous = (1.0, t)
        for i in 0..<counts.count {
            guard cdf[i].isFinite, integral[i].isFinite else {
                throw InversionError(quantity: "P(S_\(counts[i]) <= \(t)) of full residences", residence: residence)
            }
            cdf[i] = Swift.min(previous.0, Swift.max(0, cdf[i]))
            integral[i] = Swift.min(previous.1, Swift.max(0, integral[i]))
            previous = (cdf[i], integral[i])
        }
        return (cdf, integral)
    }

    /// `sumLaw` at one t.
    func sumLaw(_ t: Double, counts: [Int]) throws -> (cdf: [Double], integral: [Double]) {
        if t <= 0 { return ([Double](repeating: 0, count: counts.count), [Double](repeating: 0, count: counts.count)) }
        return try sumLaw(try sumContour(t), counts: counts)
    }
}

/// The Laplace inversion of a renewal quantity gave no finite number.
struct InversionError: Error, CustomStringConvertible {
    let quantity: String
    let residence: ProbabilityLaw
    var description: String {
        "numerical Laplace inversion of \(quantity) for residence '\(residence.spec)' is not finite; use --method monte-carlo"
    }
}
