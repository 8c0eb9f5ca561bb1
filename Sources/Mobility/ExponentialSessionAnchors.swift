import Foundation
import Stochastics

/// `AnchorResidences.Values` for exponential sessions, exactly, without the grid of ψ
/// (docs/MODELS.md 3.3-3.4).
///
/// With sessions Exp(mean 1/μ), H(t) = (1 − e^{−μt})/μ, so residence j's live sessions
/// `shift` u after a handoff are Poisson with mean c V_j (1 − W), c = ρ e^{−μu},
/// W = e^{−μX} for that residence and V_j = e^{−μS_j} the product of the j later
/// residences' copies of W, all independent. Expanding 1 − e^{−z} term by term and
/// taking expectations factor by factor:
///
///     alive_j    = Σ_{n≥1} (−1)^{n+1} (cⁿ/n!) f*(nμ)^j E[(1 − W)ⁿ]
///     sessions_j = c f*(μ)^j (1 − f*(μ))
///
/// (the binomial series of 3.3 per residence). E[(1 − W)ⁿ] is Π_{i≤n} i/(a + i),
/// a = E[T]/E[X], for exponential residence (W ~ Beta(a, 1)) and one quadrature per n
/// otherwise. Exact: the alternating sum's roundoff is ε Σ_n |term_n| ≤ ε E[e^{c(1 − W)}]
/// ≤ ε e^c (4e-11 absolute at c = 12), hence `maxRho`, or for exponential residence
/// that bound computed (`exponentialResidenceConditioning`) and held to e^{12} (short
/// residences next to sessions allow ρ far above 12); the terms are summed while
/// n ≤ c or the next term exceeds 1e-17 of the sum; residences are added until the
/// remaining live sessions c f*(μ)^J are ≤ 1e-12 of c (the sum of every later alive_j
/// is below that). `init` returns nil where this route does not apply: sessions not
/// exponential, ill-conditioned (`applies`), or more than 2²⁰ residences needed.
struct ExponentialSessionAnchors {
    /// The largest ρ the alternating series is used for (that of `anchorsSeries`).
    static let maxRho = 12.0

    let rho: Double
    let mu: Double
    /// f*(nμ) and E[(1 − W)ⁿ], n = 1, 2, … (index n − 1); 1 − f*(μ) without cancellation.
    let transforms: [Double]
    let complement: Double
    let moments: [Double]
    /// The residences summed: c f*(μ)^count ≤ 1e-12 c at every shift.
    let count: Int

    /// The largest Σ_n |term_n| at j = 0 (what the alternating sum's roundoff is
    /// relative to) accepted: e^{12}, the worst case of ρ ≤ 12 (`maxRho`).
    static let maxConditioning = exp(12.0)

    /// Σ_n (ρⁿ/n!) E[(1 − W)ⁿ] = E[e^{ρ(1 − W)}] − 1 for exponential residence
    /// (E[(1 − W)ⁿ] = Π_{i≤n} i/(a + i)), the bound on the terms' magnitudes at every j
    /// and shift; far below e^ρ when residences are short next to sessions (1 − W is
    /// then small), so ρ may exceed `maxRho` there. Summed while n ≤ ρ or the term
    /// exceeds 1e-17 of the sum; +∞ past `maxConditioning` (or ρ > 600, where ρⁿ/n! overflows).
    static func exponentialResidenceConditioning(rho: Double, a: Double) -> Double {
        guard rho <= 600 else { return .infinity }
        var term = 1.0, sum = 0.0
        for n in 1...2000 {
            term *= rho / Double(n) * Double(n) / (a + Double(n))
            sum += term
            if sum > maxConditioning { return .infinity }
            if Double(n) > rho && term <= 1e-17 * sum { break }
        }
        return sum
    }

    /// Whether `init` returns a value (without its quadratures): exponential sessions,
    /// and ρ ≤ `maxRho` or, for exponential residence, the conditioning within its bound.
    static func applies(_ r: AnchorResidences) -> Bool { ((try? Self.route(r)) ?? nil) != nil }

    /// The checks `applies` and `init` share: ρ, μ = 1/E[T], 1 − f*(μ) and the residences
    /// needed (f*(μ)^J ≤ 1e-12: J = ln(1e-12)/ln(1 − (1 − f*(μ)))), or nil where the route
    /// does not apply (see the type's comment).
    private static func route(_ r: AnchorResidences) throws -> (rho: Double, mu: Double, g1: Double, count: Int)? {
        guard case let .exponential(sessionMean) = r.session.form else { return nil }
        let rho = r.sessionRate * sessionMean
        guard rho > 0, well(conditioned: r, rho: rho, sessionMean: sessionMean) else { return nil }
        let mu = 1 / sessionMean
        let g1 = try r.residence.laplaceComplement(mu)
        guard g1 > 0 else { return nil }
        let needed = (log(1e-12) / log1p(-g1)).rounded(.up)
        guard needed.isFinite, needed <= Double(1 << 20) else { return nil }
        return (rho, mu, g1, Swift.max(1, Int(needed)))
    }

    private static func well(conditioned r: AnchorResidences, rho: Double, sessionMean: Double) -> Bool {
        if rho <= maxRho { return true }
        if case let .exponential(m) = r.residence.form {
            return exponentialResidenceConditioning(rho: rho, a: sessionMean / m) <= maxConditioning
        }
        return false
    }

    init?(_ r: AnchorResidences) throws {
        guard let (rho, mu, g1, count) = try Self.route(r) else { return nil }
        self.rho = rho
        self.mu = mu
        self.count = count
        // Terms until n > ρ and the next is ≤ 1e-17 of the first (c E[1 − W] ≤
        // alive_0 c/(1 − e^{−c}), so the cut is ≤ 2e-16 of alive_0 at c ≤ 12; shifts
        // only shrink c and later residences only shrink the terms).
        var transforms: [Double] = [], moments: [Double] = []
        let a = r.session.mean / r.residence.mean
        var term = 1.0, first = 0.0
        for n in 1...2000 {
            let gn = n == 1 ? g1 : try r.residence.laplaceComplement(Double(n) * mu)
            let moment: Double
            if case .exponential = r.residence.form {
                moment = (moments.last ?? 1) * Double(n) / (a + Double(n))
            } else {
                let power = Double(n)
                moment = try r.residence.expectation("E[(1 - exp(-mu X))^\(n)], mu = \(mu)", epsrel: 1e-12) { x in
                    pow(-expm1(-mu * x), power)
                }
            }
            transforms.append(1 - gn)
            moments.append(moment)
            term *= rho / Double(n)
            let size = term * moment
            if n == 1 { first = size }
            if Double(n) > rho && size * rho / Double(n + 1) <= 1e-17 * first { break }
        }
        self.transforms = transforms
        self.moments = moments
        complement = g1
    }

    /// alive_j and sessions_j at `shift` u ≥ 0, j = 0 ..< `count`.
    func values(shift u: Double) -> AnchorResidences.Values {
        let c = rho * exp(-mu * u)
        let m = transforms.count
        var coefficients = [Double](repeating: 0, count: m)
        var power = 1.0
        for n in 0..<m {
            power *= c / Double(n + 1)
            coefficients[n] = (n % 2 == 0 ? power : -power) * moments[n]
        }
        // f*(nμ)^j by repeated products: relative error j ε, below 1e-10 at j = 2²⁰.
        var powers = [Double](repeating: 1, count: m)
        var alive: [Double] = [], sessions: [Double] = []
        alive.reserveCapacity(count); sessions.reserveCapacity(count)
        let oneMinusF1 = complement
        for _ in 0..<count {
            var sum = 0.0
            // Backwards: the small terms first.
            for n in stride(from: m - 1, through: 0, by: -1) { sum += coefficients[n] * powers[n] }
            let s = c * powers[0] * oneMinusF1
            // alive_j ≤ sessions_j (1 − e^{−z} ≤ z) and ≥ 0; roundoff may cross either.
            alive.append(Swift.min(Swift.max(0, sum), s))
            sessions.append(s)
            for n in 0..<m { powers[n] *= transforms[n] }
        }
        while alive.count > 1, sessions[sessions.count - 1] == 0 { alive.removeLast(); sessions.removeLast() }
        return AnchorResidences.Values(alive: alive, sessions: sessions, exact: true, sessionsExact: true)
    }
}
