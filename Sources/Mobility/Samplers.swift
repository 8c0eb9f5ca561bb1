import Stochastics

/// A law's sampler as a concrete value type, so the Monte Carlo hot loops are
/// specialised per family (no existential, no closure, no per-draw switch for
/// the common families). Draws are the same as `ProbabilityLaw.sample` /
/// `sampleResidual`.
protocol VariateSampler: Sendable {
    func draw(_ s: RandomStream) -> Double
    func drawResidual(_ s: RandomStream) -> Double
}

struct ExponentialSampler: VariateSampler {
    let mean: Double
    @inline(__always) func draw(_ s: RandomStream) -> Double { s.exponential(mean: mean) }
    @inline(__always) func drawResidual(_ s: RandomStream) -> Double { s.exponential(mean: mean) }
}

struct GammaSampler: VariateSampler {
    let shape: Double, scale: Double
    @inline(__always) func draw(_ s: RandomStream) -> Double { s.gamma(shape: shape, scale: scale) }
    /// R = U·Gamma(k+1, θ) (docs/MODELS.md §2.2).
    @inline(__always) func drawResidual(_ s: RandomStream) -> Double { s.gamma(shape: shape + 1, scale: scale) * s.uniform() }
}

struct LawSampler: VariateSampler {
    let law: ProbabilityLaw
    @inline(__always) func draw(_ s: RandomStream) -> Double { law.sample(s) }
    @inline(__always) func drawResidual(_ s: RandomStream) -> Double { law.sampleResidual(s) }
}

/// Calls `body` with the concrete sampler of `law`.
protocol SamplerVisitor {
    associatedtype Output
    func visit<S: VariateSampler>(_ sampler: S) -> Output
}

extension ProbabilityLaw {
    func withSampler<V: SamplerVisitor>(_ visitor: V) -> V.Output {
        switch form {
        case let .exponential(m): return visitor.visit(ExponentialSampler(mean: m))
        case let .gamma(k, m): return visitor.visit(GammaSampler(shape: k, scale: m / k))
        default: return visitor.visit(LawSampler(law: self))
        }
    }
}
