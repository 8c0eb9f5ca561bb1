import CGSL

/// GSL special and distribution functions for the layers above Stochastics,
/// each with its status checked (DESIGN.md 4: only Stochastics touches GSL,
/// and every GSL status is checked).
///
/// Where GSL has an error-reporting form (`gsl_sf_*_e`), that form is called
/// and a non-zero status throws `GSLError` naming the function and its
/// arguments. GSL's distribution functions (`gsl_cdf_*`, `gsl_ran_*_pdf`)
/// return no status: with the abort handler off, a domain error comes back
/// as NaN, so those wrappers throw the same `GSLError` (GSL_EDOM) when the
/// value is not finite. The gamma cdf and ccdf are written out from the
/// incomplete gamma functions exactly as GSL 2.x writes `gsl_cdf_gamma_P/Q`
/// (the same branch on x/θ against the shape), so each value is bit for bit
/// GSL's while the status of every inner call is seen.
public enum SpecialFunctions {
    /// The regularised lower incomplete gamma function P(a, x) (`gsl_sf_gamma_inc_P_e`), a > 0, x ≥ 0.
    public static func gammaP(_ a: Double, _ x: Double) throws -> Double {
        GSL.configure()
        var result = gsl_sf_result()
        try GSLError.check(gsl_sf_gamma_inc_P_e(a, x, &result), "gsl_sf_gamma_inc_P_e(a=\(a), x=\(x))")
        return result.val
    }

    /// The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x)
    /// (`gsl_sf_gamma_inc_Q_e`), a ≥ 0, x ≥ 0.
    public static func gammaQ(_ a: Double, _ x: Double) throws -> Double {
        GSL.configure()
        var result = gsl_sf_result()
        try GSLError.check(gsl_sf_gamma_inc_Q_e(a, x, &result), "gsl_sf_gamma_inc_Q_e(a=\(a), x=\(x))")
        return result.val
    }

    /// The unnormalised upper incomplete gamma function Γ(a, x) = ∫_x^∞ t^{a−1} e^{−t} dt
    /// (`gsl_sf_gamma_inc_e`), any real a, x > 0 (x ≥ 0 for a > 0).
    public static func gammaIncUpper(_ a: Double, _ x: Double) throws -> Double {
        GSL.configure()
        var result = gsl_sf_result()
        try GSLError.check(gsl_sf_gamma_inc_e(a, x, &result), "gsl_sf_gamma_inc_e(a=\(a), x=\(x))")
        return result.val
    }

    /// Γ(x) (`gsl_sf_gamma_e`).
    public static func gammaFunction(_ x: Double) throws -> Double {
        GSL.configure()
        var result = gsl_sf_result()
        try GSLError.check(gsl_sf_gamma_e(x, &result), "gsl_sf_gamma_e(x=\(x))")
        return result.val
    }

    /// The exponential integral E1(x) = Γ(0, x) (`gsl_sf_expint_E1_e`), x > 0.
    public static func expIntE1(_ x: Double) throws -> Double {
        GSL.configure()
        var result = gsl_sf_result()
        try GSLError.check(gsl_sf_expint_E1_e(x, &result), "gsl_sf_expint_E1_e(x=\(x))")
        return result.val
    }

    /// P(G ≤ x) for G ~ Gamma(shape a, scale b): GSL's `gsl_cdf_gamma_P`,
    /// 1 − Q(a, x/b) above the mode side x/b > a, P(a, x/b) otherwise.
    public static func gammaCDF(_ x: Double, shape a: Double, scale b: Double) throws -> Double {
        if x <= 0 { return 0 }
        let y = x / b
        return y > a ? 1 - (try gammaQ(a, y)) : try gammaP(a, y)
    }

    /// P(G > x) for G ~ Gamma(shape a, scale b): GSL's `gsl_cdf_gamma_Q`,
    /// 1 − P(a, x/b) below x/b < a, Q(a, x/b) otherwise.
    public static func gammaCCDF(_ x: Double, shape a: Double, scale b: Double) throws -> Double {
        if x <= 0 { return 1 }
        let y = x / b
        return y < a ? 1 - (try gammaP(a, y)) : try gammaQ(a, y)
    }

    /// The Gamma(shape a, scale b) density at x (`gsl_ran_gamma_pdf`).
    public static func gammaDensity(_ x: Double, shape a: Double, scale b: Double) throws -> Double {
        GSL.configure()
        return try finite(gsl_ran_gamma_pdf(x, a, b), "gsl_ran_gamma_pdf(x=\(x), a=\(a), b=\(b))")
    }

    /// Φ(x), the standard normal cdf (`gsl_cdf_ugaussian_P`).
    public static func normalCDF(_ x: Double) throws -> Double {
        GSL.configure()
        return try finite(gsl_cdf_ugaussian_P(x), "gsl_cdf_ugaussian_P(x=\(x))")
    }

    /// Q(x) = P(Z > x), the standard normal upper tail (`gsl_cdf_ugaussian_Q`).
    public static func normalUpperTail(_ x: Double) throws -> Double {
        GSL.configure()
        return try finite(gsl_cdf_ugaussian_Q(x), "gsl_cdf_ugaussian_Q(x=\(x))")
    }

    /// The z with P(Z > z) = q, 0 < q < 1 (`gsl_cdf_ugaussian_Qinv`).
    public static func normalUpperQuantile(_ q: Double) throws -> Double {
        GSL.configure()
        return try finite(gsl_cdf_ugaussian_Qinv(q), "gsl_cdf_ugaussian_Qinv(q=\(q))")
    }

    /// The beta cdf I_x(a, b), the regularised incomplete beta function, a, b > 0,
    /// 0 ≤ x ≤ 1 (`gsl_cdf_beta_P`). For integer k it gives binomial tails:
    /// P(Bin(n, p) ≥ k) = I_p(k, n − k + 1); the same formula for real k and n is the
    /// continuous extension used by `ClosedFormComparison` for weighted counts.
    public static func betaCDF(_ x: Double, a: Double, b: Double) throws -> Double {
        GSL.configure()
        return try finite(gsl_cdf_beta_P(x, a, b), "gsl_cdf_beta_P(x=\(x), a=\(a), b=\(b))")
    }

    /// The Riemann zeta function ζ(x), x ≠ 1 (`gsl_sf_zeta_e`).
    public static func zeta(_ x: Double) throws -> Double {
        GSL.configure()
        var result = gsl_sf_result()
        try GSLError.check(gsl_sf_zeta_e(x, &result), "gsl_sf_zeta_e(x=\(x))")
        return result.val
    }

    /// The value of a GSL function that reports no status: a NaN or an infinity
    /// is its domain error (the handler is off), thrown as GSL_EDOM.
    private static func finite(_ value: Double, _ call: @autoclosure () -> String) throws -> Double {
        guard value.isFinite else {
            throw GSLError(code: Int32(GSL_EDOM), context: "\(call()) returned \(value)")
        }
        return value
    }
}
