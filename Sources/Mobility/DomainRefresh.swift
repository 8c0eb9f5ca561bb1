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
///   residence laws the same sum with η = 1/E[X] is an approximation.
/// - Otherwise (hexagonal domains, square sides above `spectralSideLimit`): D taken
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
        let exponential: Bool
        if case .exponential = residence.form { exponential = true } else { exponential = false }
        if pd == 1 {
            return (try perResidence(residence, lifetime: t) * eta, true)
        }
        if grid == .square, m <= spectralSideLimit {
            return (pd * eta * spectralSum(side: m, etaT: eta * t), exponential)
        }
        // Exponential D with mean E[X]/p_d: p_d η e^{−p_d η T}/(1 − e^{−p_d η T}).
        let x = pd * eta * t
        return (pd * eta * exp(-x) / -expm1(-x), false)
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
