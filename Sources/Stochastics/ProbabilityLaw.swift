import CGSL
import Foundation

/// A law of a non-negative duration (residence time, session length, ...),
/// parameterised by its mean so that changing a shape keeps the mean
/// (docs/MODELS.md 2.2; docs/MODELS.md §2.2).
///
/// Spelling, used by the CLI, YAML and CSV alike:
///
///     exponential:mean=M
///     gamma:shape=K,mean=M             (Erlang when K is an integer)
///     weibull:shape=B,mean=M
///     lognormal:sigma=S,mean=M
///     hyperexponential:p=P1/P2/..,mean=M1/M2/..
///     hypererlang:p=P1/P2/..,shape=K1/K2/..,mean=M1/M2/..
///     pareto:shape=A,mean=M            (A > 1)
///     uniform:min=A,max=B
///     deterministic:value=V
///
/// Values are validated on construction; a law that exists is usable. Time
/// units are the caller's (dmmkit uses seconds throughout).
public struct ProbabilityLaw: Sendable, Hashable, CustomStringConvertible {
    /// The law's family and parameters, with derived constants cached for sampling.
    public enum Form: Sendable, Hashable {
        case exponential(mean: Double)
        case gamma(shape: Double, mean: Double)
        /// `scale` λ = mean / Γ(1 + 1/shape).
        case weibull(shape: Double, mean: Double, scale: Double)
        /// `zeta` = ln(mean) − σ²/2, the mean of ln X.
        case lognormal(sigma: Double, mean: Double, zeta: Double)
        case hyperexponential(Phases)
        case hypererlang(Phases)
        /// `scale` x_m = mean (A − 1)/A.
        case pareto(shape: Double, mean: Double, scale: Double)
        case uniform(min: Double, max: Double)
        case deterministic(value: Double)
    }

    /// Phases of a hyperexponential or hyper-Erlang law.
    public struct Phases: Sendable, Hashable {
        /// Phase probabilities, summing to 1.
        public let p: [Double]
        /// Erlang shape of each phase (all 1 for a hyperexponential).
        public let shapes: [Int]
        /// Mean of each phase.
        public let means: [Double]
        /// Probability of each phase under length biasing: p_i m_i / Σ p_j m_j.
        public let lengthBiased: [Double]
        public let mean: Double

        init(p: [Double], shapes: [Int], means: [Double]) {
            self.p = p
            self.shapes = shapes
            self.means = means
            let mean = zip(p, means).reduce(0) { $0 + $1.0 * $1.1 }
            self.mean = mean
            self.lengthBiased = zip(p, means).map { $0 * $1 / mean }
        }
    }

    public let form: Form

    init(form: Form) { self.form = form }

    // MARK: Validated constructors
    // Numbers in, law out: the same checks and messages as `parse` (`build`), no text in between.

    public static func exponential(mean: Double) throws -> ProbabilityLaw {
        try typed("exponential", ["mean": [mean]])
    }
    public static func gamma(shape: Double, mean: Double) throws -> ProbabilityLaw {
        try typed("gamma", ["shape": [shape], "mean": [mean]])
    }
    public static func weibull(shape: Double, mean: Double) throws -> ProbabilityLaw {
        try typed("weibull", ["shape": [shape], "mean": [mean]])
    }
    public static func lognormal(sigma: Double, mean: Double) throws -> ProbabilityLaw {
        try typed("lognormal", ["sigma": [sigma], "mean": [mean]])
    }
    public static func hyperexponential(p: [Double], means: [Double]) throws -> ProbabilityLaw {
        try typed("hyperexponential", ["p": p, "mean": means])
    }
    public static func hypererlang(p: [Double], shapes: [Int], means: [Double]) throws -> ProbabilityLaw {
        try typed("hypererlang", ["p": p, "shape": shapes.map(Double.init), "mean": means])
    }
    public static func pareto(shape: Double, mean: Double) throws -> ProbabilityLaw {
        try typed("pareto", ["shape": [shape], "mean": [mean]])
    }
    public static func uniform(min: Double, max: Double) throws -> ProbabilityLaw {
        try typed("uniform", ["min": [min], "max": [max]])
    }
    public static func deterministic(value: Double) throws -> ProbabilityLaw {
        try typed("deterministic", ["value": [value]])
    }

    private static func typed(_ family: String, _ values: [String: [Double]]) throws -> ProbabilityLaw {
        try build(family, values, spec: spelling(family, values))
    }

    // MARK: Moments

    /// E[X].
    public var mean: Double {
        switch form {
        case let .exponential(m), let .gamma(_, m), let .weibull(_, m, _), let .lognormal(_, m, _),
            let .pareto(_, m, _):
            return m
        case let .hyperexponential(ph), let .hypererlang(ph): return ph.mean
        case let .uniform(a, b): return (a + b) / 2
        case let .deterministic(v): return v
        }
    }

    /// E[X²]; infinite for a Pareto law with shape ≤ 2.
    public var secondMoment: Double {
        switch form {
        case let .exponential(m): return 2 * m * m
        case let .gamma(k, m): return m * m * (1 + 1 / k)
        case let .weibull(b, _, l): return l * l * tgamma(1 + 2 / b)
        case let .lognormal(s, m, _): return m * m * exp(s * s)
        case let .hyperexponential(ph), let .hypererlang(ph):
            // Erlang(k, mean m): E[X²] = m²(1 + 1/k).
            return zip(ph.p, zip(ph.shapes, ph.means)).reduce(0) { acc, t in
                let (p, (k, m)) = t
                return acc + p * m * m * (1 + 1 / Double(k))
            }
        case let .pareto(a, _, xm): return a > 2 ? a * xm * xm / (a - 2) : .infinity
        case let .uniform(a, b): return (a * a + a * b + b * b) / 3
        case let .deterministic(v): return v * v
        }
    }

    /// Whether E[X^k] is finite (k > 0): a Pareto law of shape A has the moments of
    /// order k < A only (its tail P(X > x) = (x_m/x)^A); every other family has all
    /// of them (exponential, gamma, Weibull, lognormal and phase-type tails decay
    /// faster than any power; uniform and deterministic laws are bounded). What the
    /// Monte Carlo's intervals need (docs/MODELS.md 9.4): an average of a quantity
    /// growing like X^r has a finite variance only when E[X^{2r}] is finite.
    public func hasFiniteMoment(_ k: Double) -> Bool {
        if case let .pareto(a, _, _) = form { return k < a }
        return true
    }

    /// Var X.
    public var variance: Double {
        let m = mean
        return Swift.max(0, secondMoment - m * m)
    }

    /// Squared coefficient of variation, Var X / E[X]²; infinite for Pareto with shape ≤ 2.
    public var cv2: Double {
        switch form {
        case .exponential: return 1
        case let .gamma(k, _): return 1 / k
        case let .weibull(b, _, _): return tgamma(1 + 2 / b) / pow(tgamma(1 + 1 / b), 2) - 1
        case let .lognormal(s, _, _): return expm1(s * s)
        case let .pareto(a, _, _): return a > 2 ? 1 / (a * (a - 2)) : .infinity
        default:
            let m = mean
            return m > 0 ? variance / (m * m) : 0
        }
    }

    /// Mean of the equilibrium residual (the time to the next renewal seen from
    /// a random instant): E[X²]/(2E[X]) = (1 + CV²)·E[X]/2 (docs/MODELS.md §2.4).
    public var residualMean: Double {
        let m = mean
        return m > 0 ? secondMoment / (2 * m) : 0
    }

    // MARK: Distribution functions

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        if x < 0 { return 0 }
        switch form {
        case let .exponential(m): return -expm1(-x / m)
        case let .gamma(k, m): return gsl_cdf_gamma_P(x, k, m / k)
        case let .weibull(b, _, l): return gsl_cdf_weibull_P(x, l, b)
        case let .lognormal(s, _, z): return x == 0 ? 0 : gsl_cdf_lognormal_P(x, z, s)
        case let .hyperexponential(ph), let .hypererlang(ph):
            return (0..<ph.p.count).reduce(0) { acc, i in
                let k = Double(ph.shapes[i])
                return acc + ph.p[i] * gsl_cdf_gamma_P(x, k, ph.means[i] / k)
            }
        case let .pareto(a, _, xm): return x <= xm ? 0 : gsl_cdf_pareto_P(x, a, xm)
        case let .uniform(a, b): return x <= a ? 0 : (x >= b ? 1 : (x - a) / (b - a))
        case let .deterministic(v): return x >= v ? 1 : 0
        }
    }

    /// P(X > x), computed directly (not as 1 − cdf) to keep precision in the tail.
    public func ccdf(_ x: Double) -> Double {
        if x < 0 { return 1 }
        switch form {
        case let .exponential(m): return exp(-x / m)
        case let .gamma(k, m): return gsl_cdf_gamma_Q(x, k, m / k)
        case let .weibull(b, _, l): return gsl_cdf_weibull_Q(x, l, b)
        case let .lognormal(s, _, z): return x == 0 ? 1 : gsl_cdf_lognormal_Q(x, z, s)
        case let .hyperexponential(ph), let .hypererlang(ph):
            return (0..<ph.p.count).reduce(0) { acc, i in
                let k = Double(ph.shapes[i])
                return acc + ph.p[i] * gsl_cdf_gamma_Q(x, k, ph.means[i] / k)
            }
        case let .pareto(a, _, xm): return x <= xm ? 1 : gsl_cdf_pareto_Q(x, a, xm)
        case let .uniform(a, b): return x <= a ? 1 : (x >= b ? 0 : (b - x) / (b - a))
        case let .deterministic(v): return x >= v ? 0 : 1
        }
    }

    /// The density at x; nil for the deterministic law, which has none.
    public func density(_ x: Double) -> Double? {
        if x < 0 { return 0 }
        switch form {
        case let .exponential(m): return exp(-x / m) / m
        case let .gamma(k, m): return gsl_ran_gamma_pdf(x, k, m / k)
        case let .weibull(b, _, l): return gsl_ran_weibull_pdf(x, l, b)
        case let .lognormal(s, _, z): return x == 0 ? 0 : gsl_ran_lognormal_pdf(x, z, s)
        case let .hyperexponential(ph), let .hypererlang(ph):
            return (0..<ph.p.count).reduce(0) { acc, i in
                let k = Double(ph.shapes[i])
                return acc + ph.p[i] * gsl_ran_gamma_pdf(x, k, ph.means[i] / k)
            }
        case let .pareto(a, _, xm): return x < xm ? 0 : gsl_ran_pareto_pdf(x, a, xm)
        case let .uniform(a, b): return (x < a || x > b) ? 0 : 1 / (b - a)
        case .deterministic: return nil
        }
    }

    // MARK: Laplace transform

    /// Whether `laplace(_:)` has a closed form for this law (else it uses quadrature).
    public var hasClosedFormLaplace: Bool {
        switch form {
        case .weibull, .lognormal, .pareto: return false
        default: return true
        }
    }

    /// f*(s) = E[e^{−sX}] for s ≥ 0 (docs/MODELS.md §2.2).
    ///
    /// Closed forms for exponential, gamma, hyperexponential, hyper-Erlang,
    /// uniform and deterministic laws. Otherwise GSL quadrature of a smooth
    /// integrand: Weibull ∫₀^∞ exp(−sλy^{1/β} − y) dy (y = (x/λ)^β);
    /// lognormal ∫ exp(−s e^{ζ+σz}) φ(z) dz; Pareto ∫₀¹ exp(−s x_m u^{−1/A}) du
    /// (X = x_m U^{−1/A}). Throws `GSLError` if the quadrature fails, and
    /// `GSLError` with GSL_EDOM (not a trap) when s is negative or not finite:
    /// for s < 0 the transform diverges for every heavy-tailed law here.
    public func laplace(_ s: Double) throws -> Double {
        guard s >= 0, s.isFinite else {
            throw GSLError(code: Int32(GSL_EDOM), context: "Laplace transform of \(self) at s=\(s): allowed: finite s >= 0")
        }
        if s == 0 { return 1 }
        switch form {
        case let .exponential(m): return 1 / (1 + s * m)
        case let .gamma(k, m): return pow(1 + s * m / k, -k)
        case let .hyperexponential(ph), let .hypererlang(ph):
            return (0..<ph.p.count).reduce(0) { acc, i in
                let k = Double(ph.shapes[i])
                return acc + ph.p[i] * pow(1 + s * ph.means[i] / k, -k)
            }
        case let .uniform(a, b):
            return b == a ? exp(-s * a) : (exp(-s * a) - exp(-s * b)) / (s * (b - a))
        case let .deterministic(v): return exp(-s * v)
        case let .weibull(b, _, l):
            return try Quadrature.integrate("Laplace transform of \(self) at s=\(s)", over: .upperInfinite(from: 0)) {
                y in exp(-s * l * pow(y, 1 / b) - y)
            }.value
        case let .lognormal(sigma, _, z):
            let norm = 1 / (2 * Double.pi).squareRoot()
            return try Quadrature.integrate("Laplace transform of \(self) at s=\(s)", over: .real) {
                u in exp(-s * exp(z + sigma * u) - u * u / 2) * norm
            }.value
        case let .pareto(a, _, xm):
            return try Quadrature.integrate("Laplace transform of \(self) at s=\(s)", over: .finite(0, 1)) {
                u in u == 0 ? 0 : exp(-s * xm * pow(u, -1 / a))
            }.value
        }
    }

    /// 1 − f*(s) = E[1 − e^{−sX}] for s ≥ 0, without the cancellation of
    /// `1 - laplace(s)` when sE[X] is small (f* ≈ 1): exponential sm/(1 + sm);
    /// gamma −expm1(−k log1p(sm/k)); mixtures term by term; deterministic
    /// −expm1(−sv); uniform −expm1(−sa) + e^{−sa}(w + expm1(−w))/w, w = s(b − a);
    /// Weibull, lognormal and Pareto by the quadratures of `laplace` with the
    /// integrand −expm1(−s x), to a relative tolerance only (epsabs 0: the value
    /// may be ~1e−12 and is divided by sE[X] next). Relative accuracy holds down to sE[X] ~ 1e−300,
    /// where `1 - laplace(s)` is 0 below sE[X] ~ 1e−16 (docs/MODELS.md §2.2-2.3:
    /// r*(μ) = η(1 − f*(μ))/μ for tiny residences next to the session).
    public func laplaceComplement(_ s: Double) throws -> Double {
        guard s >= 0, s.isFinite else {
            throw GSLError(code: Int32(GSL_EDOM), context: "Laplace transform of \(self) at s=\(s): allowed: finite s >= 0")
        }
        if s == 0 { return 0 }
        func erlang(_ k: Double, _ m: Double) -> Double { -expm1(-k * log1p(s * m / k)) }
        switch form {
        case let .exponential(m): return s * m / (1 + s * m)
        case let .gamma(k, m): return erlang(k, m)
        case let .hyperexponential(ph), let .hypererlang(ph):
            return (0..<ph.p.count).reduce(0) { acc, i in acc + ph.p[i] * erlang(Double(ph.shapes[i]), ph.means[i]) }
        case let .uniform(a, b):
            let w = s * (b - a)
            // g(w) = 1 − (1 − e^{−w})/w, by its series where w + expm1(−w) would cancel.
            let g = w < 1e-4 ? w / 2 - w * w / 6 + w * w * w / 24 : (w + expm1(-w)) / w
            return -expm1(-s * a) + exp(-s * a) * g
        case let .deterministic(v): return -expm1(-s * v)
        case let .weibull(b, _, l):
            return try Quadrature.integrate("1 - Laplace transform of \(self) at s=\(s)", over: .upperInfinite(from: 0), epsabs: 0) {
                y in -expm1(-s * l * pow(y, 1 / b)) * exp(-y)
            }.value
        case let .lognormal(sigma, _, z):
            let norm = 1 / (2 * Double.pi).squareRoot()
            return try Quadrature.integrate("1 - Laplace transform of \(self) at s=\(s)", over: .real, epsabs: 0) {
                u in -expm1(-s * exp(z + sigma * u)) * exp(-u * u / 2) * norm
            }.value
        case let .pareto(a, _, xm):
            // Closed form: 1 − f*(s) = s ∫ e^{−sx} F^c(x) dx = (1 − e^{−z}) + z^A Γ(1 − A, z), z = s x_m,
            // both parts positive (no cancellation at tiny s, where quadrature of either form met
            // GSL roundoff: the campaign's Pareto sessions at s ~ 1e-7). Beyond z = 700 the second
            // part is below e^{−700} and the value is 1 to double precision.
            let z = s * xm
            if z > 700 { return 1 }
            if z >= 0.25 { return -expm1(-z) + pow(z, a) * (try SpecialFunctions.gammaIncUpper(1 - a, z)) }
            // Small z: GSL's Γ(b, x) for b < 0 loses digits here (1 % at A = 1.3, z ~ 1e-8), so
            // z^A Γ(1 − A, z) comes from the recurrence Γ(b, z) = (z^b e^{−z} − Γ(b + 1, z))/(−b),
            // b < 0, up to b + k > 0 (Γ(c)Q(c, z), accurate) or = 0 (E1(z)). Every step subtracts a
            // term smaller by a factor about z ≤ 1/4 than the one it is taken from: no cancellation.
            // Scaled by z^A throughout: t_b = z^A Γ(b, z), z^A z^b e^{−z} = z^{A+b} e^{−z}.
            var b = 1 - a
            var chain: [Double] = []
            while b < 0 { chain.append(b); b += 1 }
            var t: Double
            if b == 0 { t = pow(z, a) * (try SpecialFunctions.expIntE1(z)) }
            else { t = pow(z, a) * (try SpecialFunctions.gammaFunction(b)) * (try SpecialFunctions.gammaQ(b, z)) }
            for c in chain.reversed() { t = (pow(z, a + c) * exp(-z) - t) / -c }
            return -expm1(-z) + t
        }
    }

    // MARK: Sampling

    /// One draw of X.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        switch form {
        case let .exponential(m): return stream.exponential(mean: m)
        case let .gamma(k, m): return stream.gamma(shape: k, scale: m / k)
        case let .weibull(b, _, l): return stream.weibull(scale: l, shape: b)
        case let .lognormal(s, _, z): return stream.lognormal(zeta: z, sigma: s)
        case let .hyperexponential(ph):
            return stream.exponential(mean: ph.means[stream.categorical(ph.p)])
        case let .hypererlang(ph):
            let i = stream.categorical(ph.p)
            let k = Double(ph.shapes[i])
            return stream.gamma(shape: k, scale: ph.means[i] / k)
        case let .pareto(a, _, xm): return stream.pareto(shape: a, scale: xm)
        case let .uniform(a, b): return a + (b - a) * stream.uniform()
        case let .deterministic(v): return v
        }
    }

    /// One draw of the equilibrium residual R: a length-biased draw X̃ (density
    /// x f(x)/E[X]) times an independent uniform (docs/MODELS.md §2.2, §2.4).
    /// E[R] = `residualMean`. For Pareto, X̃ is Pareto with shape A − 1.
    @inlinable
    public func sampleResidual(_ stream: RandomStream) -> Double {
        switch form {
        case let .exponential(m): return stream.exponential(mean: m)
        case let .hyperexponential(ph):
            return stream.exponential(mean: ph.means[stream.categorical(ph.lengthBiased)])
        default:
            let biased = sampleLengthBiased(stream)
            return biased * stream.uniform()
        }
    }

    public var description: String { spec }
}
