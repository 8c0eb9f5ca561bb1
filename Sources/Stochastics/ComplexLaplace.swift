import CGSL
import Foundation

/// A complex number, only as much of one as the Laplace transforms at
/// complex arguments need (numerical transform inversion, `RenewalInversion`).
public struct Complex: Sendable, Equatable {
    public var re: Double
    public var im: Double

    public init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    public static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    public static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    public static func * (a: Complex, b: Complex) -> Complex {
        Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    public static func * (a: Double, b: Complex) -> Complex { Complex(a * b.re, a * b.im) }
    public static func / (a: Complex, b: Complex) -> Complex {
        // Smith's algorithm: no overflow for large |b|.
        if abs(b.re) >= abs(b.im) {
            let r = b.im / b.re, d = b.re + b.im * r
            return Complex((a.re + a.im * r) / d, (a.im - a.re * r) / d)
        }
        let r = b.re / b.im, d = b.re * r + b.im
        return Complex((a.re * r + a.im) / d, (a.im * r - a.re) / d)
    }

    /// |z|.
    public var magnitude: Double { hypot(re, im) }

    public static func / (a: Complex, b: Double) -> Complex { Complex(a.re / b, a.im / b) }

    /// The principal square root (Re ≥ 0), without overflow or cancellation.
    public static func sqrt(_ z: Complex) -> Complex {
        if z.re == 0 && z.im == 0 { return Complex(0) }
        let t = (0.5 * (abs(z.re) + z.magnitude)).squareRoot()
        if z.re >= 0 { return Complex(t, z.im / (2 * t)) }
        return Complex(abs(z.im) / (2 * t), z.im >= 0 ? t : -t)
    }

    /// z^p for real p on the principal branch (arg z in (−π, π]).
    public static func pow(_ z: Complex, _ p: Double) -> Complex {
        if z.re == 0 && z.im == 0 { return Complex(0) }
        let r = Foundation.pow(z.magnitude, p), a = p * atan2(z.im, z.re)
        return Complex(r * cos(a), r * sin(a))
    }

    /// e^z.
    public static func exp(_ z: Complex) -> Complex {
        let e = Foundation.exp(z.re)
        return Complex(e * cos(z.im), e * sin(z.im))
    }

    /// e^z − 1 without cancellation for small |z|: (e^x − 1) cos y − 2 sin²(y/2) + i e^x sin y.
    public static func expm1(_ z: Complex) -> Complex {
        let h = sin(z.im / 2)
        return Complex(Foundation.expm1(z.re) * cos(z.im) - 2 * h * h, Foundation.exp(z.re) * sin(z.im))
    }

    /// The principal logarithm.
    public static func log(_ z: Complex) -> Complex {
        Complex(Foundation.log(hypot(z.re, z.im)), atan2(z.im, z.re))
    }

    /// log(1 + z), keeping its digits for small |z|.
    public static func log1p(_ z: Complex) -> Complex {
        let m = hypot(1 + z.re, z.im)
        // |1 + z|² − 1 = 2x + x² + y², so log|1 + z| = ½ log1p(2x + x² + y²).
        let re = m < 0.5 || m > 2 ? Foundation.log(m) : 0.5 * Foundation.log1p(z.re * (2 + z.re) + z.im * z.im)
        return Complex(re, atan2(z.im, 1 + z.re))
    }
}

extension ProbabilityLaw {
    /// f*(s) = E[e^{−sX}] and its complement 1 − f*(s) = E[1 − e^{−sX}] at a
    /// complex s with Re s > 0 (analytic-models.md §2.2, continued off the real axis).
    ///
    /// Closed forms: exponential and gamma (1 + sθ)^{−k} (principal branch;
    /// Re(1 + sθ) > 0), hyperexponential and hyper-Erlang term by term,
    /// uniform (e^{−sa} − e^{−sb})/(s(b − a)), deterministic e^{−sv}; the complement
    /// by `Complex.expm1` and series where it would cancel. Weibull, lognormal
    /// and Pareto: GSL quadrature of the real and imaginary parts of 1 − e^{−sx}
    /// (−expm1(−ax) + 2e^{−ax} sin²(bx/2) and e^{−ax} sin(bx), s = a + ib) with the
    /// substitutions of `laplace(_:)` (see `complexComplement` for the tolerances); f* = 1 − complement. Throws
    /// `GSLError` when a quadrature fails, or GSL_EDOM for Re s ≤ 0.
    public func laplacePair(_ s: Complex) throws -> (transform: Complex, complement: Complex) {
        guard s.re > 0, s.re.isFinite, s.im.isFinite else {
            throw GSLError(code: Int32(GSL_EDOM), context: "Laplace transform of \(self) at s=\(s.re)+\(s.im)i: allowed: finite s with Re s > 0")
        }
        func erlang(_ k: Double, _ m: Double) -> Complex {
            // 1 − (1 + sθ)^{−k} = −expm1(−k log1p(sθ)).
            let e = Complex.expm1((-k) * Complex.log1p((m / k) * s))
            return Complex(-e.re, -e.im)
        }
        let one = Complex(1)
        func pair(_ c: Complex) -> (transform: Complex, complement: Complex) { (one - c, c) }
        switch form {
        case let .exponential(m): return pair(erlang(1, m))
        case let .gamma(k, m): return pair(erlang(k, m))
        case let .hyperexponential(ph), let .hypererlang(ph):
            var c = Complex(0)
            for i in 0..<ph.p.count { c = c + ph.p[i] * erlang(Double(ph.shapes[i]), ph.means[i]) }
            return pair(c)
        case let .deterministic(v):
            let e = Complex.expm1((-v) * s)
            return pair(Complex(-e.re, -e.im))
        case let .uniform(a, b):
            // 1 − f* = (1 − e^{−sa}) + e^{−sa} g(s(b − a)), g(z) = 1 − (1 − e^{−z})/z = (z + expm1(−z))/z.
            let z = (b - a) * s
            let g: Complex
            if hypot(z.re, z.im) < 0.01 {
                // z/2 − z²/6 + z³/24 − z⁴/120 + z⁵/720: the next term is below 1e-13 relative, and
                // above |z| = 0.01 the direct form loses at most 2ε/|z|.
                let z2 = z * z, z3 = z2 * z, z4 = z3 * z, z5 = z4 * z
                g = 0.5 * z - (1.0 / 6) * z2 + (1.0 / 24) * z3 - (1.0 / 120) * z4 + (1.0 / 720) * z5
            } else if b == a {
                g = Complex(0)
            } else {
                g = (z + Complex.expm1(Complex(-z.re, -z.im))) / z
            }
            let ea = Complex.expm1((-a) * s)
            return pair(Complex(-ea.re, -ea.im) + (ea + one) * g)
        case let .weibull(beta, _, l):
            return pair(try complexComplement(s, over: .upperInfinite(from: 0)) { y in (l * pow(y, 1 / beta), exp(-y)) })
        case let .lognormal(sigma, _, z):
            let norm = 1 / (2 * Double.pi).squareRoot()
            return pair(try complexComplement(s, over: .real) { u in (exp(z + sigma * u), exp(-u * u / 2) * norm) })
        case let .pareto(a, _, xm):
            return pair(try complexComplement(s, over: .finite(0, 1)) { u in (u == 0 ? .infinity : xm * pow(u, -1 / a), 1) })
        }
    }

    /// E[1 − e^{−sX}] with X = x(y) of weight w(y) over `interval`, real and imaginary parts.
    ///
    /// Where |s|E[X] ≤ 1 the complement is small and needed to relative accuracy
    /// (1e-10, or 1e-11·|s|E[X] absolute): the substituted integrals of `laplace(_:)`.
    /// Where |s|E[X] > 1, f*(s) is what matters, to absolute accuracy (1e-12):
    /// ∫₀^{x_c} e^{−sx} f(x) dx in x over geometric pieces x_c 8^{−j}, j ≤ 6 (x_c = 50/Re s,
    /// beyond which |e^{−sx}| < 2e-22), which keeps the mass near 0 in view however
    /// large s is; a density singular at 0 sits at the end of the first piece.
    private func complexComplement(_ s: Complex, over interval: Quadrature.Interval,
                                   _ point: @escaping (Double) -> (x: Double, weight: Double)) throws -> Complex {
        let what = "1 - Laplace transform of \(self) at s=\(s.re)+\(s.im)i"
        let size = hypot(s.re, s.im) * mean
        if size > 1 {
            let xc = 50 / s.re
            var cuts = [xc]
            for _ in 0..<6 { cuts.append(cuts[cuts.count - 1] / 8) }
            cuts.append(0)
            // The Pareto density jumps from 0 to its maximum at x_m: a piece must end there.
            if case let .pareto(_, _, xm) = form, xm < xc { cuts.append(xm) }
            cuts = Array(Set(cuts)).sorted()
            var re = 0.0, im = 0.0
            for i in 0..<(cuts.count - 1) {
                re += try Quadrature.integrate(what + " (real part)", over: .finite(cuts[i], cuts[i + 1]), epsabs: 1e-13, epsrel: 1e-10) { x in
                    let d = self.density(x) ?? 0
                    return d == 0 ? 0 : d * exp(-s.re * x) * cos(s.im * x)
                }.value
                im -= try Quadrature.integrate(what + " (imaginary part)", over: .finite(cuts[i], cuts[i + 1]), epsabs: 1e-13, epsrel: 1e-10) { x in
                    let d = self.density(x) ?? 0
                    return d == 0 ? 0 : d * exp(-s.re * x) * sin(s.im * x)
                }.value
            }
            return Complex(1 - re, -im)
        }
        let epsabs = 1e-11 * size
        let re = try Quadrature.integrate(what + " (real part)", over: interval, epsabs: epsabs, epsrel: 1e-10) { y in
            let (x, w) = point(y)
            if w == 0 { return 0 }
            if x == .infinity { return w }
            let h = sin(s.im * x / 2)
            return w * (-expm1(-s.re * x) + 2 * exp(-s.re * x) * h * h)
        }.value
        let im = try Quadrature.integrate(what + " (imaginary part)", over: interval, epsabs: epsabs, epsrel: 1e-10) { y in
            let (x, w) = point(y)
            if w == 0 || x == .infinity { return 0 }
            return w * exp(-s.re * x) * sin(s.im * x)
        }.value
        return Complex(re, im)
    }
}
