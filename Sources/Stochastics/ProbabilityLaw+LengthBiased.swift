import Foundation

extension ProbabilityLaw {
    /// One length-biased draw X̃, density x f(x)/E[X]: the law of the interval that
    /// covers a random instant of a stationary renewal process (docs/MODELS.md §2.2).
    /// Gamma(k, θ) gives gamma(k + 1, θ), so exponential(m) gives gamma(2, m) and a
    /// hyperexponential its phase chosen with probability p_i m_i/E[X], then gamma(2, m_i);
    /// Weibull(β, λ) gives λ G^{1/β} with G ~ gamma(1 + 1/β); lognormal(ζ, σ) gives
    /// lognormal(ζ + σ², σ); Pareto(A, x_m) gives Pareto(A − 1, x_m) (infinite mean for
    /// A ≤ 2, still a proper law for A > 1); uniform(a, b) gives √(a² + (b² − a²)U).
    @inlinable
    public func sampleLengthBiased(_ stream: RandomStream) -> Double {
        switch form {
        case let .exponential(m): return stream.gamma(shape: 2, scale: m)
        case let .gamma(k, m): return stream.gamma(shape: k + 1, scale: m / k)
        case let .weibull(b, _, l): return l * pow(stream.gamma(shape: 1 + 1 / b, scale: 1), 1 / b)
        case let .lognormal(s, _, z): return stream.lognormal(zeta: z + s * s, sigma: s)
        case let .hyperexponential(ph):
            return stream.gamma(shape: 2, scale: ph.means[stream.categorical(ph.lengthBiased)])
        case let .hypererlang(ph):
            let i = stream.categorical(ph.lengthBiased)
            let k = Double(ph.shapes[i])
            return stream.gamma(shape: k + 1, scale: ph.means[i] / k)
        case let .pareto(a, _, xm): return stream.pareto(shape: a - 1, scale: xm)
        case let .uniform(a, b): return (a * a + (b * b - a * a) * stream.uniform()).squareRoot()
        case let .deterministic(v): return v
        }
    }

    /// The residual R and the age A of the interval covering a random instant of a
    /// stationary renewal process, drawn jointly: the covering interval X̃ is
    /// length-biased and the instant uniform in it, R = X̃U and A = X̃(1 − U), so A and R
    /// share X̃ (density of (A, R): f(a + r)/E[X]). R is `sampleResidual(stream)` draw for
    /// draw (the same values from `stream`); exponential and hyperexponential laws draw R
    /// directly, so their A, independent of R given the phase (memorylessness), comes
    /// from `ageStream` with the same phase.
    @inlinable
    public func sampleResidualAndAge(_ stream: RandomStream, age ageStream: RandomStream) -> (residual: Double, age: Double) {
        switch form {
        case let .exponential(m):
            return (stream.exponential(mean: m), ageStream.exponential(mean: m))
        case let .hyperexponential(ph):
            let m = ph.means[stream.categorical(ph.lengthBiased)]
            return (stream.exponential(mean: m), ageStream.exponential(mean: m))
        default:
            let biased = sampleLengthBiased(stream)
            let u = stream.uniform()
            return (biased * u, biased * (1 - u))
        }
    }
}
