import Foundation
import Stochastics

/// Integrals of a probability law that the mobility formulas need, each by a
/// closed form where the family has one and by GSL quadrature otherwise.
extension ProbabilityLaw {
    /// E[g(X)] by quadrature, with a substitution per family that keeps the
    /// integrand smooth (docs/MODELS.md §2.2): Weibull y = (x/λ)^β,
    /// lognormal z = (ln x − ζ)/σ, Pareto x = x_m u^{−1/A}.
    func expectation(_ what: @autoclosure () -> String, epsrel: Double = 1e-10, _ g: @escaping (Double) throws -> Double) throws -> Double {
        let label = "\(what()) under \(spec)"
        switch form {
        case let .exponential(m):
            return try Quadrature.integrate(label, over: .upperInfinite(from: 0), epsrel: epsrel) { y in try g(m * y) * exp(-y) }.value
        case let .gamma(k, m):
            // y = x/θ; split at the mean so the (integrable) singularity at 0 for k < 1 sits at an endpoint.
            let theta = m / k
            let f: (Double) throws -> Double = { y in y == 0 ? 0 : try g(theta * y) * (SpecialFunctions.gammaDensity(y, shape: k, scale: 1)) }
            let a = try Quadrature.integrate(label, over: .finite(0, k), epsrel: epsrel, f).value
            let b = try Quadrature.integrate(label, over: .upperInfinite(from: k), epsrel: epsrel, f).value
            return a + b
        case let .hyperexponential(ph), let .hypererlang(ph):
            var total = 0.0
            for i in 0..<ph.p.count {
                let part = try ProbabilityLaw.gamma(shape: Double(ph.shapes[i]), mean: ph.means[i])
                total += ph.p[i] * (try part.expectation(label, epsrel: epsrel, g))
            }
            return total
        case let .weibull(b, _, l):
            return try Quadrature.integrate(label, over: .upperInfinite(from: 0), epsrel: epsrel) { y in try g(l * pow(y, 1 / b)) * exp(-y) }.value
        case let .lognormal(s, _, z):
            let norm = 1 / (2 * Double.pi).squareRoot()
            return try Quadrature.integrate(label, over: .real, epsrel: epsrel) { u in
                let e = exp(-u * u / 2)
                return e == 0 ? 0 : try g(exp(z + s * u)) * e * norm
            }.value
        case let .pareto(a, _, xm):
            let h: (Double) throws -> Double = { u in u == 0 ? 0 : try g(xm * pow(u, -1 / a)) }
            do {
                return try Quadrature.integrate(label, over: .finite(0, 1), epsrel: epsrel, h).value
            } catch let error as GSLError where error.code == 18 || error.code == 22 {
                // The heavy tail (u → 0, x → ∞) of an integrand that grows like x meets
                // GSL's roundoff or divergence test on the whole interval (the campaign's
                // Pareto laws, 3 of 200 scenarios): integrate it on geometric pieces
                // [16^-(i+1), 16^-i], each smooth, to 1e-9 relative each, until a piece adds
                // less than 1e-13 of the total: the integrand is O(u^(-1/A)) with 1/A < 1, so
                // the pieces shrink geometrically (ratio 16^(1/A - 1) <= 0.88 for A >= 1.05)
                // and the rest is below 8e-13 of the total.
                var total = 0.0, hi = 1.0
                for _ in 0..<200 {
                    let lo = hi / 16
                    let piece = try Quadrature.integrate(label, over: .finite(lo, hi), epsrel: Swift.max(epsrel, 1e-9), h).value
                    total += piece
                    hi = lo
                    if abs(piece) <= 1e-13 * abs(total) { break }
                }
                return total
            }
        case let .uniform(a, b):
            if b == a { return try g(a) }
            return try Quadrature.integrate(label, over: .finite(a, b), epsrel: epsrel) { x in try g(x) / (b - a) }.value
        case let .deterministic(v):
            return try g(v)
        }
    }

    /// E[(X − t)⁺] = ∫_t^∞ P(X > u) du, in closed form for every family.
    ///
    /// Used for the equilibrium residual (P(R > t) = E[(X − t)⁺]/E[X], §2.4)
    /// and for the time-stationary session age/residual.
    public func integratedTail(_ t: Double) throws -> Double {
        if t <= 0 { return mean - t }
        switch form {
        case let .exponential(m): return m * exp(-t / m)
        case let .gamma(k, m):
            let theta = m / k
            return Swift.max(0, m * (try SpecialFunctions.gammaCCDF(t, shape: k + 1, scale: theta)) - t * (try SpecialFunctions.gammaCCDF(t, shape: k, scale: theta)))
        case let .hyperexponential(ph), let .hypererlang(ph):
            var total = 0.0
            for i in 0..<ph.p.count {
                let k = Double(ph.shapes[i]), m = ph.means[i], theta = m / k
                total += ph.p[i] * Swift.max(0, m * (try SpecialFunctions.gammaCCDF(t, shape: k + 1, scale: theta)) - t * (try SpecialFunctions.gammaCCDF(t, shape: k, scale: theta)))
            }
            return total
        case let .weibull(b, m, l):
            let y = pow(t / l, b)
            return Swift.max(0, m * (try SpecialFunctions.gammaQ(1 + 1 / b, y)) - t * exp(-y))
        case let .lognormal(s, m, z):
            let d2 = (z - log(t)) / s
            return Swift.max(0, m * (try SpecialFunctions.normalCDF(d2 + s)) - t * (try SpecialFunctions.normalCDF(d2)))
        case let .pareto(a, m, xm):
            return t <= xm ? m - t : xm * pow(xm / t, a - 1) / (a - 1)
        case let .uniform(a, b):
            if t <= a { return (a + b) / 2 - t }
            if t >= b { return 0 }
            return (b - t) * (b - t) / (2 * (b - a))
        case let .deterministic(v): return Swift.max(0, v - t)
        }
    }

    /// E[X^r 1{X > t}] for r > 0, in closed form for every family (gamma:
    /// θ^r Γ(k+r)/Γ(k) Q(k+r, t/θ); Weibull: λ^r Γ(1+r/β) Q(1+r/β, (t/λ)^β);
    /// lognormal: e^{rζ+r²σ²/2} Φ((ζ + rσ² − ln t)/σ); Pareto: A x_m^A t^{r−A}/(A−r)
    /// for t ≥ x_m). Infinite when E[X^r] is. Bounds the cut-off remainder of
    /// `SessionAnchoring.walkAverages`.
    func partialMoment(_ r: Double, above t: Double) throws -> Double {
        func gammaPart(_ k: Double, _ m: Double) throws -> Double {
            let theta = m / k
            return exp(r * log(theta) + lgamma(k + r) - lgamma(k)) * (t <= 0 ? 1 : try SpecialFunctions.gammaQ(k + r, t / theta))
        }
        switch form {
        case let .exponential(m): return try gammaPart(1, m)
        case let .gamma(k, m): return try gammaPart(k, m)
        case let .hyperexponential(ph), let .hypererlang(ph):
            return try (0..<ph.p.count).reduce(0) { $0 + ph.p[$1] * (try gammaPart(Double(ph.shapes[$1]), ph.means[$1])) }
        case let .weibull(b, _, l):
            return pow(l, r) * tgamma(1 + r / b) * (t <= 0 ? 1 : try SpecialFunctions.gammaQ(1 + r / b, pow(t / l, b)))
        case let .lognormal(s, _, z):
            return exp(r * z + r * r * s * s / 2) * (t <= 0 ? 1 : try SpecialFunctions.normalCDF((z + r * s * s - log(t)) / s))
        case let .pareto(a, _, xm):
            if a <= r { return .infinity }
            let u = Swift.max(t, xm)
            return a * pow(xm, a) * pow(u, r - a) / (a - r)
        case let .uniform(a, b):
            let u = Swift.max(t, a)
            if u >= b { return 0 }
            return (pow(b, r + 1) - pow(u, r + 1)) / ((r + 1) * (b - a))
        case let .deterministic(v): return v > t ? pow(v, r) : 0
        }
    }

    /// Whether the law is a gamma law (exponential included), for which the
    /// n-fold sum of i.i.d. copies is gamma again.
    var gammaShapeAndScale: (shape: Double, scale: Double)? {
        switch form {
        case let .exponential(m): return (1, m)
        case let .gamma(k, m): return (k, m / k)
        default: return nil
        }
    }

    /// A finite mixture of Erlang laws equal to this law, if there is one:
    /// (weight, stages n, stage rate λ). Exponential, integer-shape gamma
    /// (n ≤ `maxStages`), hyperexponential and hyper-Erlang laws.
    func erlangMixture(maxStages: Int = 64) -> [(weight: Double, stages: Int, rate: Double)]? {
        switch form {
        case let .exponential(m): return [(1, 1, 1 / m)]
        case let .gamma(k, m):
            guard k == k.rounded(), k >= 1, k <= Double(maxStages) else { return nil }
            return [(1, Int(k), k / m)]
        case let .hyperexponential(ph), let .hypererlang(ph):
            guard ph.shapes.allSatisfy({ $0 <= maxStages }) else { return nil }
            return (0..<ph.p.count).map { (ph.p[$0], ph.shapes[$0], Double(ph.shapes[$0]) / ph.means[$0]) }
        default: return nil
        }
    }

    /// The Erlang mixture of the time-stationary residual of this law (density
    /// P(T > t)/E[T]): an Erlang(n, λ) component of weight w becomes stages
    /// 1...n at rate λ, each with weight w·(n/λ)/E[T]·(1/n).
    func residualErlangMixture(maxStages: Int = 64) -> [(weight: Double, stages: Int, rate: Double)]? {
        guard let mix = erlangMixture(maxStages: maxStages) else { return nil }
        let m = mean
        var out: [(weight: Double, stages: Int, rate: Double)] = []
        for c in mix {
            for j in 1...c.stages { out.append((c.weight / (c.rate * m), j, c.rate)) }
        }
        return out
    }

    /// m_i(s) = E[X^i e^{−sX}] for i = 0..<count: closed form for gamma-family
    /// laws (m_{i+1} = m_i (k+i)θ/(1+sθ)) and the deterministic law, quadrature otherwise.
    func tiltedMoments(_ s: Double, count: Int) throws -> [Double] {
        func gammaMoments(_ k: Double, _ theta: Double) -> [Double] {
            var out = [pow(1 + s * theta, -k)]
            for i in 0..<Swift.max(0, count - 1) { out.append(out[i] * (k + Double(i)) * theta / (1 + s * theta)) }
            return Array(out.prefix(count))
        }
        switch form {
        case let .exponential(m): return gammaMoments(1, m)
        case let .gamma(k, m): return gammaMoments(k, m / k)
        case let .hyperexponential(ph), let .hypererlang(ph):
            var total = [Double](repeating: 0, count: count)
            for i in 0..<ph.p.count {
                let k = Double(ph.shapes[i])
                for (j, v) in gammaMoments(k, ph.means[i] / k).enumerated() { total[j] += ph.p[i] * v }
            }
            return total
        case let .deterministic(v): return (0..<count).map { pow(v, Double($0)) * exp(-s * v) }
        default:
            return try (0..<count).map { i in
                try expectation("E[X^\(i) e^(-\(s) X)]") { x in pow(x, Double(i)) * exp(-s * x) }
            }
        }
    }

    /// E[R^j e^{−sR}] for j = 0..<count, R the equilibrium residual of this law:
    /// R = U·X̃ gives E[R^j e^{−sR}] = (1/E[X]) ∫₀¹ u^j m_{j+1}(s u) du, free of the
    /// cancellation in the textbook form η j!/s^{j+1}(1 − Σ s^i m_i(s)/i!).
    ///
    /// Pareto: E[X^{j+1}] is infinite from j + 1 ≥ A on, so the inner moments of that form
    /// blow up as u → 0 (GSL reported roundoff for shape 3); instead one quadrature over
    /// R's own density P(X > r)/E[X], (1/E[X]) ∫₀^∞ r^j e^{−sr} P(X > r) dr, split at x_m
    /// where the ccdf has its kink.
    func residualTiltedMoments(_ s: Double, count: Int) throws -> [Double] {
        let m = mean
        if case .exponential = form { return try tiltedMoments(s, count: count) }
        if case let .pareto(_, _, xm) = form {
            return try (0..<count).map { j in
                let what = "E[R^\(j) e^(-\(s) R)] for the residual of \(spec)"
                let f = { (r: Double) -> Double in
                    let c = self.ccdf(r)
                    return c == 0 ? 0 : pow(r, Double(j)) * exp(-s * r) * c / m
                }
                return try Quadrature.integrate(what, over: .finite(0, xm), f).value
                    + Quadrature.integrate(what, over: .upperInfinite(from: xm), f).value
            }
        }
        return try (0..<count).map { j in
            try Quadrature.integrate("E[R^\(j) e^(-\(s) R)] for the residual of \(spec)", over: .finite(0, 1)) { u in
                let mom = (try? self.tiltedMoments(s * u, count: j + 2)[j + 1]) ?? .nan
                return pow(u, Double(j)) * mom / m
            }.value
        }
    }
}
