import Foundation
import Stochastics

/// Φ_g(z) = Σ_{j≥1} (g_j − g_{j−1}) z^{j−1} for the two grid-walk sequences of
/// `AnchorDistance` (docs/MODELS.md §3.2): g_j = P(D_j ≠ 0) (`away`) and
/// g_j = E[D_j] (`distance`), at complex z with |z| < 1.
///
/// Why: for a counting variable N, E[g(N)] = Σ_{j≥1} P(N ≥ j) Δg_j. For the renewal
/// count N(t) of a session's walk, P(N(t) ≥ j) = F_{S_j}(t) has the transform
/// r*(s) f*(s)^{j−1}/s (`RenewalInversion`), so E[g(N(t))] has the transform
/// r*(s) Φ_g(f*(s))/s: one transform value for every j at once, with no cut in j.
///
/// Square grid, exact closed forms. From E[D_j] = 2j C(2j, j)/4^j and
/// Σ_j C(2j, j) z^j/4^j = (1 − z)^{−1/2}: Σ_j E[D_j] z^j = z (1 − z)^{−3/2}, so
/// Φ_distance(z) = (1 − z)^{−1/2}. From P(D_{2n} = 0) = (C(2n, n)/4^n)²:
/// P(z) = Σ_j P(D_j = 0) z^j = (2/π) K(z) = 1/AGM(1, √(1 − z²)) (K the complete
/// elliptic integral of the first kind, modulus z), so Φ_away(z) = (1 − (1 − z) P(z))/z.
///
/// Hexagonal grid: the exact sequences for j ≤ J = `AnchorDistance.hexagonalExactSteps`
/// and, for j > J, the same extrapolation as `AnchorDistance.walkSequences`
/// (E[D_j] = d_J √(j/J), P(D_j = 0) = p_J J/j; not exact), whose tail sums have closed forms:
///
///     Σ_{j>J} (√j − √(j−1)) z^{j−1} = ((1 − z) Li_{−1/2}(z) − Σ_{j≤J} (√j − √(j−1)) z^j)/z
///     Σ_{j>J} z^{j−1}/(j(j−1))    = ((1 − z) ln(1 − z) + z)/z − Σ_{2≤j≤J} z^{j−1}/(j(j−1))
///
/// with Li_{−1/2}(e^μ) = Γ(3/2)(−μ)^{−3/2} + Σ_{k≥0} ζ(−1/2 − k) μ^k/k! (|μ| < 2π; the
/// polylogarithm's expansion about z = 1).
///
/// Wherever |z|^J/(1 − |z|) ≤ 1e-17 the first J terms alone are used (|Δg_j| ≤ 1, so that
/// bounds the rest), on both grids; beyond, the closed forms (|z| ≥ 0.78, where the
/// subtractions above lose at most a factor 1/|z|). The callers pass 1 − z as well,
/// which keeps its digits when z = f*(s) is within 1e-10 of 1.
struct WalkGeneratingFunction: Sendable {
    let grid: GridKind
    /// Horner coefficients of the direct sums: Δg_j, j = 1…J.
    private let awayDirect: [Double], distanceDirect: [Double]
    /// Horner coefficients of the hexagonal closed forms: Δg_j minus the extrapolated
    /// tail's own first J terms (the closed forms then add the whole extrapolated series).
    private let awayHex: [Double], distanceHex: [Double]
    /// b = p_J J and a = d_J/√J, the hexagonal extrapolation's constants.
    private let originScale: Double, distanceScale: Double

    /// c_k of `polylogMinusHalf`.
    private let polylog: [Double]

    static let steps = AnchorDistance.hexagonalExactSteps

    /// Throws `GSLError` if GSL's ζ fails (it does not for arguments above 1).
    init(grid: GridKind) throws {
        self.grid = grid
        polylog = try Self.polylogCoefficients()
        let n = Self.steps
        let (distance, away) = AnchorDistance.walkSequences(grid: grid, count: n + 1)
        awayDirect = (1...n).map { away[$0] - away[$0 - 1] }
        distanceDirect = (1...n).map { distance[$0] - distance[$0 - 1] }
        let b = (1 - away[n]) * Double(n), a = distance[n] / Double(n).squareRoot()
        originScale = b
        distanceScale = a
        var awayHex = awayDirect, distanceHex = distanceDirect
        for j in 1...n {
            let x = Double(j)
            if j >= 2 { awayHex[j - 1] -= b / (x * (x - 1)) }
            // √j − √(j−1) without cancellation.
            let step: Double = 1 / (x.squareRoot() + (x - 1).squareRoot())
            distanceHex[j - 1] -= a * step
        }
        self.awayHex = awayHex
        self.distanceHex = distanceHex
    }

    /// (Φ_away(z), Φ_distance(z)); `complement` is 1 − z.
    func values(_ z: Complex, complement c: Complex) -> (away: Complex, distance: Complex) {
        let r = z.magnitude
        if r < 1 && Foundation.pow(r, Double(Self.steps)) <= 1e-17 * (1 - r) {
            return (Self.horner(awayDirect, z), Self.horner(distanceDirect, z))
        }
        switch grid {
        case .square:
            // P(z) = 1/AGM(1, √(1 − z²)), 1 − z² = c(2 − c).
            let p = Complex(1) / Self.agm(Complex(1), Complex.sqrt(c * (Complex(2) - c)))
            return ((Complex(1) - c * p) / z, Complex(1) / Complex.sqrt(c))
        case .hexagonal:
            let mu = Complex.log1p(Complex(-c.re, -c.im))
            let logC = Complex.log(c)
            let away = Self.horner(awayHex, z) + originScale * ((c * logC + z) / z)
            let distance = Self.horner(distanceHex, z) + distanceScale * (c * Self.polylogMinusHalf(mu, polylog) / z)
            return (away, distance)
        }
    }

    /// Σ_{j=1}^{n} a_j z^{j−1}.
    private static func horner(_ a: [Double], _ z: Complex) -> Complex {
        // Plain doubles: 160 steps at every contour point of every inversion time.
        var re = 0.0, im = 0.0
        let x = z.re, y = z.im
        a.withUnsafeBufferPointer { c in
            var i = c.count - 1
            while i >= 0 {
                let r = re * x - im * y + c[i]
                im = re * y + im * x
                re = r
                i -= 1
            }
        }
        return Complex(re, im)
    }

    /// The arithmetic-geometric mean, with the root of each step on the side of the
    /// arithmetic mean (Re(b/a) ≥ 0: the choice that converges to the principal value);
    /// quadratic convergence, stopped at |a − b| ≤ 1e-16 |a|.
    static func agm(_ a0: Complex, _ b0: Complex) -> Complex {
        var a = a0, b = b0
        for _ in 0..<64 {
            if (a - b).magnitude <= 1e-16 * a.magnitude { break }
            let next = 0.5 * (a + b)
            var g = Complex.sqrt(a * b)
            if (next - g).magnitude > (next + g).magnitude { g = Complex(-g.re, -g.im) }
            a = next
            b = g
        }
        return a
    }

    /// Li_{−1/2}(e^μ) = Σ_{j≥1} √j e^{jμ} for Re μ < 0, |μ| ≤ 3.2 (|z| ≥ 0.78 here):
    /// Γ(3/2)(−μ)^{−3/2} + Σ_{k<K} c_k μ^k; with |μ|/(2π) ≤ 0.51 the first 72 terms leave
    /// less than 1e-18.
    static func polylogMinusHalf(_ mu: Complex, _ c: [Double]) -> Complex {
        let singular = (0.5 * Double.pi.squareRoot()) * Complex.pow(Complex(-mu.re, -mu.im), -1.5)
        var h = Complex(0)
        for i in stride(from: c.count - 1, through: 0, by: -1) { h = h * mu + Complex(c[i]) }
        return singular + h
    }

    /// c_k = ζ(−1/2 − k)/k! by the functional equation ζ(s) = 2^s π^{s−1} sin(πs/2) Γ(1 − s) ζ(1 − s).
    static func polylogCoefficients() throws -> [Double] {
        try (0..<72).map { k in
            let s = -0.5 - Double(k)
            let logMagnitude = s * log(2.0) + (s - 1) * log(Double.pi) + lgamma(1 - s) - lgamma(Double(k) + 1)
            return sin(Double.pi * s / 2) * exp(logMagnitude) * (try SpecialFunctions.zeta(1 - s))
        }
    }
}
