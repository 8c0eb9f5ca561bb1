import Foundation
import Stochastics

/// The law of K, the number of AR boundaries crossed during a session
/// (docs/MODELS.md §2.3, §2.5).
///
/// Assumptions: residence times X at successive ARs are i.i.d. (law `residence`,
/// mean 1/η); the session (duration T, law `session`) starts at a time
/// independent of movement, so the first residence is the equilibrium residual R
/// (density η P(X > t)). Then P(K ≥ k) = P(S_k ≤ T) with S_k = R + X_2 + … + X_k.
///
/// Routes, chosen once from the pair of laws (`route`):
/// - `.laplace`: exponential sessions (rate μ), any residence law: Fang/Lin's
///   closed form P(K ≥ k) = r*(μ) f*(μ)^{k−1}, r*(μ) = η(1 − f*(μ))/μ (§2.3).
///   f* is closed form or GSL quadrature (`ProbabilityLaw.laplace`).
/// - `.erlangSeries`: sessions that are finite mixtures of Erlang laws
///   (integer-shape gamma up to 64 stages, hyperexponential, hyper-Erlang), any
///   residence law: P(S_k ≤ T) = Σ_i w_i Σ_{j<n_i} (λ_i^j/j!) E[S_k^j e^{−λ_i S_k}]
///   (§2.5, the Erlang-derivative form written as tilted moments); the moments of
///   S_k come from those of R and X by the binomial convolution, all terms positive.
/// - `.quadrature`: any other session law (non-integer gamma, lognormal, Weibull,
///   Pareto, uniform, deterministic) with gamma or exponential residence:
///   P(K ≥ k) = E_T[F_{S_k}(T)], F_{S_k}(t) = ∫₀^t η Q(k_r, u/θ) P((k−1)k_r, (t−u)/θ) du
///   (§2.5), in closed form (`GammaRenewal`) inside one GSL quadrature per k.
/// - `.deterministicResidence`: residence fixed at v, any other session law:
///   S_k = (k − 1)v + Uv, so P(K ≥ k) = (1/v) ∫_{(k−1)v}^{kv} P(T > u) du =
///   (E[(T − (k−1)v)⁺] − E[(T − kv)⁺])/v in closed form (`integratedTail`); for the
///   time average, (1/v) ∫_{(k−1)v}^{kv} E[(T − u)⁺]/E[T] du by one GSL quadrature.
/// - `.inversion`: every other pair (Weibull, lognormal, Pareto or uniform residence
///   with a session that is not an Erlang mixture): P(K ≥ k) = E_T[F_{S_k}(T)] as in
///   `.quadrature`, with F_{S_k}(t) from the Laplace transform r*(s) f*(s)^{k−1}/s by
///   Abate and Whitt's Euler inversion (`RenewalInversion`, error about 1e-8 on
///   F_{S_k}); all k at one t come from one set of transform values and are memoised
///   by t across the per-k quadratures. Accuracy of P(K = k): 1e-6 absolute, tested
///   against Fang/Lin, the Erlang series and the gamma closed form where those apply
///   and against the Monte Carlo elsewhere (`CrossingInversionTests`).
///
/// `mean` = E[T]/E[X] = η E[T] is exact for every pair (stationarity, §2.5).
public struct CrossingDistribution: Sendable {
    public enum Route: String, Sendable { case laplace, erlangSeries, quadrature, deterministicResidence, inversion }

    public let residence: ProbabilityLaw
    public let session: ProbabilityLaw
    /// When true, T is replaced by the session's time-stationary residual
    /// T_e (density P(T > t)/E[T]): then P(K = j) is the fraction of session
    /// time spent after exactly j handovers (§3.1).
    let timeAverage: Bool

    public init(residence: ProbabilityLaw, session: ProbabilityLaw) {
        self.init(residence: residence, session: session, timeAverage: false)
    }

    init(residence: ProbabilityLaw, session: ProbabilityLaw, timeAverage: Bool) {
        self.residence = residence
        self.session = session
        self.timeAverage = timeAverage
    }

    /// E[K] = E[T]/E[X], exact for every pair of laws (§2.5). For the time
    /// average it is E[T_e]/E[X] = E[T²]/(2E[T]E[X]).
    public var mean: Double {
        timeAverage ? session.residualMean / residence.mean : session.mean / residence.mean
    }

    /// The exact route used for this pair (see the type's documentation).
    public var route: Route {
        if !timeAverage, case .exponential = session.form { return .laplace }
        if sessionMixture != nil { return .erlangSeries }
        if residence.gammaShapeAndScale != nil { return .quadrature }
        if case .deterministic = residence.form { return .deterministicResidence }
        return .inversion
    }

    var sessionMixture: [(weight: Double, stages: Int, rate: Double)]? {
        timeAverage ? session.residualErlangMixture() : session.erlangMixture()
    }

    /// P(K ≥ k); 1 for k ≤ 0.
    public func tail(_ k: Int) throws -> Double {
        try tails(upTo: k)[Swift.max(k, 0)]
    }

    /// P(K = k); 0 for k < 0.
    public func probability(_ k: Int) throws -> Double {
        if k < 0 { return 0 }
        return try probabilities(upTo: k)[k]
    }

    /// P(K = k) for k = 0...kmax, from one pass.
    public func probabilities(upTo kmax: Int) throws -> [Double] {
        if route == .laplace, let (r, f, c) = try fangLin() {
            // P(K = k) = r* f*^{k−1} (1 − f*) directly: the difference of two tails
            // would lose every digit when f* ≈ 1 (residences tiny next to the session).
            var out = [Swift.max(0, 1 - r)], v = r * c
            for _ in 0..<Swift.max(kmax, 0) { out.append(v); v *= f }
            return out
        }
        let t = try tails(upTo: kmax + 1)
        return (0...Swift.max(kmax, 0)).map { Swift.max(0, t[$0] - t[$0 + 1]) }
    }

    /// [P(K ≥ 0), …, P(K ≥ kmax)].
    public func tails(upTo kmax: Int) throws -> [Double] {
        try tails(upTo: kmax, route: route)
    }

    /// Same, through a chosen route (tests compare routes); `nestedQuadrature`
    /// evaluates F_{S_k} by `sumCDFByQuadrature` (the reference for the closed form).
    func tails(upTo kmax: Int, route: Route, nestedQuadrature: Bool = false) throws -> [Double] {
        var out = [1.0]
        if kmax <= 0 { return out }
        switch route {
        case .laplace:
            guard let (r, f, _) = try fangLin() else { throw CrossingError.noExactRoute(residence, session) }
            var v = r
            for _ in 1...kmax { out.append(v); v *= f }
        case .erlangSeries:
            guard let mix = sessionMixture else { throw CrossingError.noExactRoute(residence, session) }
            var sums = [Double](repeating: 0, count: kmax + 1)
            for c in mix {
                // ĉ_j = λ^j E[S^j e^{−λS}]/j!, â_i = λ^i m_i(λ)/i!: the convolution needs no factorials.
                let n = c.stages, lam = c.rate
                let a = try residence.tiltedMoments(lam, count: n)
                let b = try residence.residualTiltedMoments(lam, count: n)
                var scale = 1.0
                var aHat = [Double](), cHat = [Double]()
                for i in 0..<n {
                    if i > 0 { scale *= lam / Double(i) }
                    aHat.append(a[i] * scale)
                    cHat.append(b[i] * scale)
                }
                for k in 1...kmax {
                    if k > 1 {
                        var next = [Double](repeating: 0, count: n)
                        for j in 0..<n { for i in 0...j { next[j] += cHat[i] * aHat[j - i] } }
                        cHat = next
                    }
                    sums[k] += c.weight * cHat.reduce(0, +)
                }
            }
            for k in 1...kmax { out.append(Swift.min(1, sums[k])) }
        case .deterministicResidence:
            guard case let .deterministic(v) = residence.form else { throw CrossingError.noExactRoute(residence, session) }
            let session = self.session, sm = session.mean
            for k in 1...kmax {
                let lo = Double(k - 1) * v, hi = Double(k) * v
                let value: Double
                if timeAverage {
                    value = try Quadrature.integrate("P(K >= \(k)) for residence \(residence.spec), session \(session.spec)",
                                                     over: .finite(lo, hi)) { u in try session.integratedTail(u) / sm }.value / v
                } else {
                    value = (try session.integratedTail(lo) - session.integratedTail(hi)) / v
                }
                out.append(Swift.min(1, Swift.max(0, value)))
            }
        case .inversion:
            out += try inversionTails(upTo: kmax)
        case .quadrature:
            guard let (kr, theta) = residence.gammaShapeAndScale else { throw CrossingError.noExactRoute(residence, session) }
            let session = self.session, timeAverage = self.timeAverage, sm = session.mean
            for k in 1...kmax {
                let cdf = { (t: Double) throws -> Double in
                    try (nestedQuadrature ? Self.sumCDFByQuadrature : Self.sumCDF)(k, t, kr, theta, residence)
                }
                let value: Double
                if case let .deterministic(v) = session.form, !timeAverage {
                    value = try cdf(v)
                } else if case let .pareto(a, _, xm) = session.form, !timeAverage {
                    // T = x_m u^{−1/A}, u uniform on (0, 1]: a bounded integrand instead of a t^{−A−1} tail.
                    let sk = residence.residualMean + Double(k - 1) * residence.mean
                    let points = [0.125, 0.25, 0.5, 1, 2, 4, 8].map { c in pow(xm / Swift.max(xm, c * sk), a) }
                    value = try Self.piecewiseFinite("P(K >= \(k)) for residence \(residence.spec), session \(session.spec)",
                                                     breakpoints: points + [1]) { u in u == 0 ? 1 : try cdf(xm * pow(u, -1 / a)) }
                } else {
                    // Weight: the session density, or P(T > t)/E[T] for the time average.
                    let weight: (Double) -> Double = timeAverage
                        ? { t in session.ccdf(t) / sm }
                        : { t in session.density(t) ?? 0 }
                    // Breakpoints around the bulk of S_k and of T keep QAGS from missing the mass
                    // when F_{S_k} is negligible where T's weight is large, or the reverse.
                    let sk = residence.residualMean + Double(k - 1) * residence.mean
                    var points = [0.125, 0.25, 0.5, 1, 2, 4, 8].flatMap { [$0 * sk, $0 * sm] }
                    switch session.form {
                    case let .uniform(a, b): points += [a, b]
                    case let .pareto(_, _, xm): points.append(xm)
                    default: break
                    }
                    value = try Self.piecewise("P(K >= \(k)) for residence \(residence.spec), session \(session.spec)",
                                               breakpoints: points) { t in
                        let w = weight(t)
                        return w == 0 ? 0 : w * (try cdf(t))
                    }
                }
                out.append(Swift.min(1, Swift.max(0, value)))
            }
        }
        return out
    }

    /// The `.inversion` route: [P(K ≥ 1), …, P(K ≥ kmax)] = ∫ w(t) F_{S_k}(t) dt with
    /// w the session density (P(T > t)/E[T] for the time average), in u = ln t (a
    /// smooth integrand w(t)·t for densities singular at 0, and a light tail in u for
    /// Pareto sessions), by one adaptive vector quadrature (`VectorQuadrature`) whose
    /// every node inverts F_{S_k}(t) for all k at once (`RenewalInversion`).
    /// Truncation: below t₀ = 1e-10·min(E[X], E[T]) the integral is at most
    /// F_R(t₀) ≤ t₀/E[X] = 1e-10; above t₁ the weight's remaining mass (P(T > t₁),
    /// or E[(T − t₁)⁺]/E[T]) is at most 1e-11. Quadrature: 1e-10 absolute plus 1e-7
    /// of each interval's value (the inversion's noise).
    func inversionTails(upTo kmax: Int) throws -> [Double] {
        let inversion = RenewalInversion(residence: residence)
        let s = session, sm = s.mean, m = residence.mean, timeAverage = self.timeAverage
        if !timeAverage, case let .deterministic(v) = s.form { return try inversion.sumCDFs(v, upTo: kmax) }
        var lo = 1e-10 * Swift.min(m, sm), hi = Double.infinity
        var points = [m, sm, residence.residualMean, s.residualMean]
        switch s.form {
        case let .uniform(a, b):
            if a > lo && !timeAverage { lo = a }
            hi = b
            points += [a, b]
        case let .pareto(_, _, xm):
            if !timeAverage { lo = xm }
            points.append(xm)
        case let .deterministic(v):
            hi = v
        default: break
        }
        if !hi.isFinite {
            hi = 8 * Swift.max(sm, m)
            while (timeAverage ? try s.integratedTail(hi) / sm : s.ccdf(hi)) > 1e-11 && hi < 1e12 * Swift.max(sm, m) { hi *= 2 }
        }
        // Breakpoints at the laws' scales and every factor 2 between: the mass of S_k moves along t as k grows.
        // (Below min(E[X], E[T])/64 the integrand is at most t/E[X] times the weight: one interval.)
        var t = Swift.max(lo, Swift.min(m, sm) / 64)
        while t < hi { points.append(t); t *= 2 }
        let what = "P(K >= k) by Laplace inversion for residence \(residence.spec), session \(s.spec)"
        let values = try VectorQuadrature.integrate(
            what, from: log(lo), to: log(hi), breakpoints: points.filter { $0 > lo && $0 < hi }.map { log($0) },
            dimension: kmax, tolerance: 1e-10, relative: 1e-7
        ) { u in
            let t = exp(u)
            let w = (timeAverage ? s.ccdf(t) / sm : (s.density(t) ?? 0)) * t
            if w == 0 { return [Double](repeating: 0, count: kmax) }
            return try inversion.sumCDFs(t, upTo: kmax).map { $0 * w }
        }
        return values.map { Swift.min(1, Swift.max(0, $0)) }
    }

    /// Fang/Lin's r*(μ), f*(μ) and 1 − f*(μ) for exponential sessions of rate μ
    /// (§2.3), nil for other sessions. 1 − f* comes from `laplaceComplement` and f*
    /// from it, so both keep their digits when μE[X] is tiny.
    func fangLin() throws -> (r: Double, f: Double, c: Double)? {
        guard case let .exponential(sm) = session.form else { return nil }
        let mu = 1 / sm
        let c = try residence.laplaceComplement(mu)
        return (c / (mu * residence.mean), 1 - c, c)
    }

    /// ∫₀^∞ f, as QAGS over [0, p₁], [p₁, p₂], … and QAGIU beyond the last breakpoint.
    static func piecewise(_ what: String, breakpoints: [Double], _ f: @escaping (Double) throws -> Double) throws -> Double {
        let finite = try piecewiseFinite(what, breakpoints: breakpoints, f)
        let last = breakpoints.filter { $0 > 0 && $0.isFinite }.max() ?? 0
        return finite + (try Quadrature.integrate(what, over: .upperInfinite(from: last), f).value)
    }

    /// ∫₀^{last breakpoint} f, as QAGS between consecutive breakpoints.
    static func piecewiseFinite(_ what: String, breakpoints: [Double], _ f: @escaping (Double) throws -> Double) throws -> Double {
        let points = Array(Set(breakpoints.filter { $0 > 0 && $0.isFinite })).sorted()
        var total = 0.0, lower = 0.0
        for p in points {
            total += try Quadrature.integrate(what, over: .finite(lower, p), f).value
            lower = p
        }
        return total
    }

    /// F_{S_k}(t) for gamma residence (shape k_r, scale θ), §2.5, in closed form
    /// (`GammaRenewal.sumCDF`).
    static func sumCDF(k: Int, t: Double, shape kr: Double, scale theta: Double, residence: ProbabilityLaw) throws -> Double {
        try GammaRenewal(shape: kr, scale: theta).sumCDF(k, t)
    }

    /// The same by the nested quadrature of §2.5,
    /// F_{S_k}(t) = ∫₀^t η Q(k_r, u/θ) P((k−1)k_r, (t−u)/θ) du (tests compare the two).
    static func sumCDFByQuadrature(k: Int, t: Double, shape kr: Double, scale theta: Double, residence: ProbabilityLaw) throws -> Double {
        if t <= 0 { return 0 }
        let m = residence.mean
        if k == 1 { return 1 - (try residence.integratedTail(t)) / m }
        let a = Double(k - 1) * kr
        return try Quadrature.integrate("F_S\(k)(\(t))", over: .finite(0, t)) { u in
            (try SpecialFunctions.gammaCCDF(u, shape: kr, scale: theta)) / m * (try SpecialFunctions.gammaCDF(t - u, shape: a, scale: theta))
        }.value
    }
}

/// A crossing distribution that could not be evaluated.
public enum CrossingError: Error, CustomStringConvertible, Sendable {
    /// A route was forced (tests) on a pair of laws it does not apply to.
    case noExactRoute(ProbabilityLaw, ProbabilityLaw)

    public var description: String {
        switch self {
        case let .noExactRoute(r, s):
            return "no exact crossing distribution for residence '\(r.spec)' with session '\(s.spec)' by this route; use the pair's own route"
        }
    }
}
