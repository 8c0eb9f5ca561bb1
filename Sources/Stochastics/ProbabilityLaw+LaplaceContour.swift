import CGSL
import Foundation

extension ProbabilityLaw {
    /// 1 − f*(s_j) = E[1 − e^{−s_j X}] at the points s_j = a + i·j·ω, j = 0..<count,
    /// of one Bromwich line (the nodes of an Euler inversion at one time t:
    /// a = A/(2t), ω = π/t; `RenewalInversion`). Same values as
    /// `laplacePair(_:).complement` at each point, computed together.
    ///
    /// Why a batch: for the laws without a closed-form transform (Weibull, lognormal,
    /// Pareto) `laplacePair` runs two adaptive GSL quadratures per point, so one time
    /// t cost 2·count of them. Here one adaptive vector Gauss–Kronrod quadrature
    /// (`VectorQuadrature`) integrates every point at once over the substituted
    /// variable of `laplace(_:)` (Weibull y = (x/λ)^β on [0, 46], graded as y = w^q, see below; lognormal
    /// u = (ln x − ζ)/σ on [−9, σ + 9]; Pareto x = x_m e^{v/A}, v on [0, 41.5/(1 − 1/A)]),
    /// and at each node the count values share e^{−ax} and the phase e^{−iωx}
    /// (raised to the power j by recurrence). Truncation: the mass left out is
    /// below 1e-18, and its share of E[1 − e^{−sX}] is below 1e-18·|s|E[X].
    ///
    /// Accuracy: each component is scaled by min(1, |s_j|E[X]), the size of the
    /// complement (≈ s E[X] for small |s|, O(1) otherwise), so that the
    /// quadrature's tolerance (1e-12 absolute plus 1e-11 of the interval's value,
    /// on the scaled components) is relative for small |s| where the complement's
    /// digits matter (Fang/Lin's r* = (1 − f*)/(sE[X])) and absolute for large |s|;
    /// 1 − e^{−z} comes from `Complex.expm1` where |z| < 1/2. Breakpoints at the
    /// images of 50/a·8^{−i}, i ≤ 6 (beyond 50/a, |e^{−sx}| < 2e-22) keep the mass
    /// near 0 in view for large a, as in `laplacePair`. Tested against
    /// `laplacePair` (`LaplaceContourTests`). Other families: `laplacePair` per point
    /// (closed forms). Throws GSL_EDOM unless a > 0 and a, ω are finite, and
    /// `VectorQuadratureError` if the quadrature does not converge.
    public func laplaceComplements(real a: Double, step omega: Double, count: Int) throws -> [Complex] {
        guard a > 0, a.isFinite, omega.isFinite else {
            throw GSLError(code: Int32(GSL_EDOM), context: "Laplace transform of \(self) on Re s=\(a), step \(omega): allowed: finite Re s > 0")
        }
        if count <= 0 { return [] }
        let lower: Double, upper: Double, bulk: [Double]
        let point: (Double) -> (x: Double, weight: Double)
        let inverse: (Double) -> Double
        switch form {
        case let .weibull(beta, _, l):
            // y = (x/λ)^β = w^q, q = nβ ≥ 5 with n an integer: x = λ w^n is a polynomial and the
            // weight q w^{q−1} e^{−w^q} has four bounded derivatives at 0, where y itself gives
            // x = λ y^{1/β}, a singular derivative for β > 1 (√y at β = 2) that bisection
            // resolves only slowly.
            let n = Swift.max(1, (5 / beta).rounded(.up)), q = n * beta
            (lower, upper) = (0, pow(46, 1 / q))
            bulk = [0.25, 0.5, 1, 2, 4, 8, 16, 32].map { pow($0, 1 / q) }
            point = { w in (l * pow(w, n), q * pow(w, q - 1) * exp(-pow(w, q))) }
            inverse = { x in pow(x / l, 1 / n) }
        case let .lognormal(sigma, _, z):
            (lower, upper) = (-9, sigma + 9)
            bulk = stride(from: -6.0, to: sigma + 9, by: 1.5).map { $0 }
            let norm = 1 / (2 * Double.pi).squareRoot()
            point = { u in (exp(z + sigma * u), exp(-u * u / 2) * norm) }
            inverse = { x in (log(x) - z) / sigma }
        case let .pareto(shape, _, xm):
            let top = 41.5 / (1 - 1 / shape)
            (lower, upper) = (0, top)
            var b = [0.25]
            while b[b.count - 1] * 2 < top { b.append(b[b.count - 1] * 2) }
            bulk = b
            point = { v in (xm * exp(v / shape), exp(-v)) }
            inverse = { x in x <= xm ? 0 : shape * log(x / xm) }
        default:
            return try (0..<count).map { try laplacePair(Complex(a, Double($0) * omega)).complement }
        }
        let m = mean
        let scale = (0..<count).map { Swift.min(1, hypot(a, Double($0) * omega) * m) }
        let inverseScale = scale.map { 1 / $0 }
        var cuts = bulk
        var xc = 50 / a
        for _ in 0...6 { cuts.append(inverse(xc)); xc /= 8 }
        let breakpoints = cuts.filter { $0.isFinite && $0 > lower && $0 < upper }
        let values = try VectorQuadrature.integrate(
            "1 - Laplace transform of \(self) on Re s=\(a), Im s=0...\(Double(count - 1) * omega)",
            from: lower, to: upper, breakpoints: breakpoints, dimension: 2 * count, tolerance: 1e-12, relative: 1e-11
        ) { y in
            var out = [Double](repeating: 0, count: 2 * count)
            let (x, w) = point(y)
            if w == 0 { return out }
            out.withUnsafeMutableBufferPointer { o in
                if !x.isFinite {
                    for j in 0..<count { o[2 * j] = w * inverseScale[j] }
                    return
                }
                // Plain doubles rather than `Complex` values: this loop runs for every node of
                // every inversion time, and debug builds do not inline.
                let ax = a * x, wx = omega * x
                let decay = exp(-ax)
                let stepRe = cos(wx), stepIm = -sin(wx)
                var re = 1.0, im = 0.0
                for j in 0..<count {
                    let ws = w * inverseScale[j]
                    let theta = Double(j) * wx
                    if ax + theta < 0.5 {
                        // 1 − e^{−ax − iθ} = −expm1(−ax) cos θ + 2 sin²(θ/2) + i e^{−ax} sin θ, no cancellation.
                        let h = sin(theta / 2)
                        o[2 * j] = ws * (-expm1(-ax) * cos(theta) + 2 * h * h)
                        o[2 * j + 1] = ws * (decay * sin(theta))
                    } else {
                        o[2 * j] = ws * (1 - decay * re)
                        o[2 * j + 1] = ws * (-decay * im)
                    }
                    let r = re * stepRe - im * stepIm
                    im = re * stepIm + im * stepRe
                    re = r
                }
            }
            return out
        }
        return (0..<count).map { Complex(values[2 * $0] * scale[$0], values[2 * $0 + 1] * scale[$0]) }
    }
}
