import Foundation
import Stochastics

/// Refreshes per second of a binding that only domain handoffs update (HMIPv6's
/// HA binding: inside a domain the MN's local BUs reach only the MAP, RFC 5380
/// section 8), with binding lifetime T: its clock restarts at each domain entry,
/// so a domain residence D holds Σ_{n≥1} 1{D > nT} refreshes and, by
/// renewal-reward over domain residences (entered at rate p_d η),
///
///     rate = p_d η Σ_{n≥1} P(D > nT).
///
/// D = X_1 + ... + X_K, K the steps the walk takes before leaving the domain from
/// a uniformly chosen inward boundary edge (the stationary entry).
///
/// - Domain of one AR (square side 1, hexagonal 0 rings): D = X, η Σ F^c(nT) (exact).
/// - Square side m, exponential residence: each step moves x or y by ±1, so the walk
///   killed outside [0, m)² has eigenvalues λ_ij = (c_i + c_j)/2, c_i = cos(πi/(m+1)),
///   eigenvectors φ_i(x)φ_j(y), φ_i(x) = √(2/(m+1)) sin(πi(x+1)/(m+1)). Entering
///   through one side (x = 0, y uniform; the four sides are alike) in continuous time,
///   P(D > t) = Σ_ij A_i B_j e^{−ηt(1−λ_ij)}, A_i = φ_i(0) Σ_x φ_i(x),
///   B_j = (Σ_y φ_j(y))²/m, and Σ_n e^{−nηT(1−λ)} = q/(1 − q): exact [derived here].
///   (Side 1 gives η e^{−ηT}/(1 − e^{−ηT}), the per-AR refresh rate.) For other
///   residence laws on sides above 30 the same sum with η = 1/E[X] is an approximation.
/// - Hexagonal domains up to 40 rings, square sides up to 30 for laws other than
///   exponential (`DomainStay`): the walk's K law by iteration, then S_k per K
///   (`StaySums`): exact for deterministic and gamma residence (exponential
///   included), a two-moment gamma fit of S_k otherwise.
/// - Otherwise (larger hexagonal domains, square sides above `spectralSideLimit`): D taken
///   as exponential with the exact mean E[D] = E[X]/p_d (Wald): an approximation
///   that keeps the two limits, 1/T − p_d η/2 for D ≫ T and → 0 for D ≪ T.
public enum DomainRefresh {
    /// Above this square side the spectral sum (≈ m²/4 terms) is not used.
    public static let spectralSideLimit = 2000

    /// The rate, 1/s, and whether it is exact under the model. Throws
    /// `DomainSizeError` for a bad domain, `GSLError` from the tail integral.
    public static func rate(residence: ProbabilityLaw, grid: GridKind, domainSize m: Int, lifetime t: Double)
        throws -> (rate: Double, exact: Bool)
    {
        let pd = try DomainCrossing.fraction(grid: grid, domainSize: m)
        let eta = 1 / residence.mean
        switch try route(residence: residence, grid: grid, domainSize: m) {
        case .oneAR:
            return (try perResidence(residence, lifetime: t) * eta, true)
        case let .spectral(exact):
            return (pd * eta * spectralSum(side: m, etaT: eta * t), exact)
        case let .stay(sums):
            let stay = try DomainStay(grid: grid, domainSize: m)
            return (pd * eta * (try sums.refreshesPerStay(stay, lifetime: t)), sums.exact)
        case .exponentialStay:
            // Exponential D with mean E[X]/p_d: p_d η e^{−p_d η T}/(1 − e^{−p_d η T}).
            let x = pd * eta * t
            return (pd * eta * exp(-x) / -expm1(-x), false)
        }
    }

    /// Which of the type comment's routes `rate` takes (`isExact` reads the same choice).
    private enum Route {
        case oneAR, spectral(exact: Bool), stay(StaySums), exponentialStay
    }

    private static func route(residence: ProbabilityLaw, grid: GridKind, domainSize m: Int) throws -> Route {
        if try DomainCrossing.fraction(grid: grid, domainSize: m) == 1 { return .oneAR }
        let exponential: Bool
        if case .exponential = residence.form { exponential = true } else { exponential = false }
        if grid == .square, exponential, m <= spectralSideLimit { return .spectral(exact: true) }
        if DomainStay.iterates(grid: grid, domainSize: m), let sums = StaySums(residence) { return .stay(sums) }
        if grid == .square, m <= spectralSideLimit { return .spectral(exact: false) }
        return .exponentialStay
    }

    /// Whether `rate` is exact for these inputs (without computing it).
    public static func isExact(residence: ProbabilityLaw, grid: GridKind, domainSize m: Int) throws -> Bool {
        switch try route(residence: residence, grid: grid, domainSize: m) {
        case .oneAR: return true
        case let .spectral(exact): return exact
        case let .stay(sums): return sums.exact
        case .exponentialStay: return false
        }
    }

    /// Σ_{n≥1} P(D > nT) = Σ_k P(K = k) R_k, R_k = Σ_{n≥1} P(S_k > nT) for S_k a sum of
    /// k residences (independent of the walk, so of K). Deterministic residence v:
    /// R_k = ⌈kv/T⌉ − 1 (exact). Gamma residence (exponential included) of shape α and
    /// scale θ: S_k is gamma of shape kα, R_k = Σ_n Q(kα, nT/θ) (exact); once
    /// |φ(2π/T)|^k = (1 + (2πθ/T)²)^{−kα/2} ≤ 1e-17 the fractional part of S_k/T is
    /// uniform to that accuracy (its Fourier series, 1/2 − Σ_j sin(2πjy)/(πj)) and
    /// R_k = kE[X]/T − 1/2. Other laws with a finite variance: S_k taken as gamma with
    /// the law's mean and variance (α = 1/cv², θ = E[X]·cv²): an APPROXIMATION, exact in
    /// E[D] and in the limit of many residences (D ≫ T: 1/T − p_d η/2 per unit rate).
    struct StaySums {
        enum Form { case deterministic(Double), gamma(shape: Double, scale: Double) }
        let form: Form
        let mean: Double
        let exact: Bool

        init?(_ law: ProbabilityLaw) {
            mean = law.mean
            switch law.form {
            case let .deterministic(v): form = .deterministic(v); exact = true
            case let .exponential(m): form = .gamma(shape: 1, scale: m); exact = true
            case let .gamma(k, m): form = .gamma(shape: k, scale: m / k); exact = true
            default:
                let cv2 = law.cv2
                guard cv2.isFinite, cv2 > 0 else { return nil }
                form = .gamma(shape: 1 / cv2, scale: law.mean * cv2); exact = false
            }
        }

        /// R_k, the refreshes in k residences (see the type's comment).
        func refreshes(residences k: Int, lifetime t: Double) throws -> Double {
            switch form {
            case let .deterministic(v):
                // Strictly before the k-th residence ends: a refresh due at the handoff
                // instant itself is not sent (the handoff restarts the clock first).
                return Swift.max(0, (Double(k) * v / t * (1 - 1e-12)).rounded(.up) - 1)
            case let .gamma(alpha, theta):
                let a = Double(k) * alpha, m = a * theta, sd = a.squareRoot() * theta
                if a / 2 * log1p(pow(2 * Double.pi * theta / t, 2)) >= 39.2 { return m / t - 0.5 }
                let low = Swift.max(0, ((m - 12 * sd) / t).rounded(.down))
                var sum = low, n = low + 1
                while true {
                    let q = try SpecialFunctions.gammaQ(a, n * t / theta)
                    sum += q
                    if n * t > m, q <= 1e-17 * Swift.max(sum, 1e-300) { return sum }
                    n += 1
                }
            }
        }

        /// Σ_{n≥1} P(D > nT): the table's K law term by term, then its geometric tail
        /// (closed once R_k = kE[X]/T − 1/2 holds, else summed until the rest is below
        /// 1e-14 of the sum).
        func refreshesPerStay(_ stay: DomainStay, lifetime t: Double) throws -> Double {
            var total = 0.0, k = 1
            while true {
                let pk = k < stay.table.count ? stay.table[k - 1] - stay.table[k] : stay.survival(k - 1) - stay.survival(k)
                total += pk * (try refreshes(residences: k, lifetime: t))
                let past = k + 1 >= stay.table.count
                if past {
                    let rest = stay.survival(k)
                    if rest <= 1e-18 { return total }
                    if case let .gamma(alpha, theta) = form,
                       Double(k + 1) * alpha / 2 * log1p(pow(2 * Double.pi * theta / t, 2)) >= 39.2 {
                        // Σ_{j>k} p_j (j E[X]/T − 1/2) = (E[X]/T)(k S_k + Σ_{j≥k} S_j) − S_k/2.
                        return total + mean / t * (Double(k) * rest + stay.survivalSum(from: k)) - rest / 2
                    }
                    let bound = mean / t * (Double(k) * rest + stay.survivalSum(from: k)) + rest
                    if bound <= 1e-14 * total { return total }
                }
                k += 1
            }
        }
    }

    /// Σ_ij A_i B_j q_ij/(1 − q_ij), q_ij = e^{−ηT(1 − λ_ij)}: Σ_{n≥1} P(D > nT)
    /// for exponential residence (rate η) on a square domain of side m.
    static func spectralSum(side m: Int, etaT: Double) -> Double {
        let n1 = Double(m + 1)
        let norm = (2 / n1).squareRoot()
        // Σ_x φ_i(x) vanishes for even i (φ_i is odd about the centre); only odd i, j count.
        var a: [Double] = [], b: [Double] = [], c: [Double] = []
        for i in stride(from: 1, through: m, by: 2) {
            var sum = 0.0
            for x in 0..<m { sum += sin(Double.pi * Double(i) * Double(x + 1) / n1) }
            sum *= norm
            let phi0 = norm * sin(Double.pi * Double(i) / n1)
            a.append(phi0 * sum)
            b.append(sum * sum / Double(m))
            c.append(cos(Double.pi * Double(i) / n1))
        }
        var total = 0.0
        for i in a.indices {
            for j in b.indices {
                let gap = etaT * (1 - (c[i] + c[j]) / 2)
                total += a[i] * b[j] * exp(-gap) / -expm1(-gap)
            }
        }
        return max(0, total)
    }

    /// Σ_{n≥1} F^c(nT): refreshes per residence of a binding every handoff renews.
    static func perResidence(_ law: ProbabilityLaw, lifetime t: Double) throws -> Double {
        if case let .exponential(m) = law.form { return exp(-t / m) / -expm1(-t / m) }
        let cap = 1_000_000
        var sum = 0.0
        for n in 1...cap {
            let term = law.ccdf(Double(n) * t)
            sum += term
            if term <= 1e-12 * max(sum, 1e-300) { return sum }
        }
        let end = Double(cap) * t
        return sum + max(0, try law.integratedTail(end) / t - law.ccdf(end) / 2)
    }
}
