import Foundation
import Stochastics

/// A law's sampler as a concrete value type, so the Monte Carlo hot loops are
/// specialised per family (no existential, no closure, no per-draw switch for
/// the common families). Draws are the same as `ProbabilityLaw.sample` /
/// `sampleResidual`.
protocol VariateSampler: Sendable {
    func draw(_ s: RandomStream) -> Double
    func drawResidual(_ s: RandomStream) -> Double
    /// Renewals in (0, t] of the process that starts with an equilibrium
    /// residual then full draws: the crossings of a session of length t seen
    /// from a random instant (`CrossingSimulation`).
    func crossings(within t: Double, _ s: RandomStream) -> Int
}

extension VariateSampler {
    @inline(__always) func crossings(within t: Double, _ s: RandomStream) -> Int { renewals(within: t, s) }

    /// The renewals in (0, t] by summing draws: the default `crossings(within:)`, and
    /// the fallback of samplers that count them another way where that is not safe.
    @inline(__always) func renewals(within t: Double, _ s: RandomStream) -> Int {
        var elapsed = drawResidual(s)
        var k = 0
        while elapsed <= t {
            k += 1
            elapsed += draw(s)
        }
        return k
    }
}

/// A sampler whose every draw is made of uniforms (no GSL variate): it can run on
/// taus2's state held in registers (`Taus2State`) with, bit for bit, the variates its
/// `VariateSampler` methods draw from a taus2 stream in the same state
/// (`CrossingSimulation` takes this route when both laws have such samplers).
protocol UniformOnlySampler: VariateSampler {
    /// `draw(_:)` on taus2's state.
    func draw(_ g: inout Taus2State) -> Double
    /// `crossings(within:_:)` on taus2's state.
    func crossings(within t: Double, _ g: inout Taus2State) -> Int
}

struct ExponentialSampler: UniformOnlySampler {
    let mean: Double
    @inline(__always) func draw(_ s: RandomStream) -> Double { s.exponential(mean: mean) }
    @inline(__always) func drawResidual(_ s: RandomStream) -> Double { s.exponential(mean: mean) }
    @inline(__always) func draw(_ g: inout Taus2State) -> Double { value(ofUniform: g.uniformPositive()) }
    /// The session length that `draw(_:)` makes of the uniform u in (0, 1): −μ log u.
    @inline(__always) func value(ofUniform u: Double) -> Double { -mean * log(u) }
    /// `renewals(within:_:)`: the residual (memoryless) then full residences.
    @inline(__always) func crossings(within t: Double, _ g: inout Taus2State) -> Int {
        var elapsed = draw(&g)
        var k = 0
        while elapsed <= t {
            k += 1
            elapsed += draw(&g)
        }
        return k
    }
}

struct GammaSampler: VariateSampler {
    let shape: Double, scale: Double
    @inline(__always) func draw(_ s: RandomStream) -> Double { s.gamma(shape: shape, scale: scale) }
    /// R = U·Gamma(k+1, θ) (docs/MODELS.md §2.2).
    @inline(__always) func drawResidual(_ s: RandomStream) -> Double { s.gamma(shape: shape + 1, scale: scale) * s.uniform() }
}

/// Erlang(k, θ): a gamma law of integer shape k ≤ `ErlangSampler.maximumShape`,
/// drawn as −θ log(U_1 ⋯ U_k) (k exponential phases; one logarithm, k uniforms on
/// (0, 1)), about twice as fast as Marsaglia-Tsang for these shapes (`dmm bench`,
/// scripts/bench-crossings.sh). The same law as `GammaSampler`, not the same
/// variates: a run's numbers depend on which sampler its law gets.
struct ErlangSampler: UniformOnlySampler {
    /// Up to this shape the phases are cheaper than Marsaglia-Tsang's normal,
    /// uniform and square root per draw; the product of k ≤ 8 uniforms, each at
    /// least 2^-32, stays far above the smallest normal Double.
    static let maximumShape = 8
    let shape: Int, scale: Double
    /// 0..<shape for the residual's phase count, its divisions done once.
    let phaseRange: UniformIntRange

    /// nil unless `shape` is an integer in 1 ... `maximumShape`.
    init?(shape k: Double, scale: Double) {
        guard k == k.rounded(), k >= 1, k <= Double(Self.maximumShape), let range = UniformIntRange(count: Int(k)) else {
            return nil
        }
        shape = Int(k)
        self.scale = scale
        phaseRange = range
    }

    @inline(__always) func draw(_ s: RandomStream) -> Double { phases(shape, s) }

    /// The equilibrium residual of Erlang(k, θ), density F^c(x)/(kθ) =
    /// (1/k) Σ_{j=1..k} Erlang(j, θ) density: J uniform on 1...k phases (the
    /// phase in progress at a random instant, memoryless, and those after it);
    /// the same law as U·Gamma(k + 1, θ) (docs/MODELS.md §2.2).
    @inline(__always) func drawResidual(_ s: RandomStream) -> Double { phases(1 + s.uniformInt(shape), s) }

    /// The same walk as the generic loop, its exponential phases −θ log U added
    /// as a product of uniforms: elapsed = −θ log P ≤ t exactly when P ≥ e^(−t/θ),
    /// so a session costs one `exp` instead of a logarithm per residence (the
    /// logarithms were 40 % of the crossing Monte Carlo). The threshold stays far
    /// above the smallest normal Double up to t/θ = 700; longer sessions take the
    /// logarithms.
    @inline(__always) func crossings(within t: Double, _ s: RandomStream) -> Int {
        let phasesOfT = t / scale
        guard phasesOfT <= 700 else { return renewals(within: t, s) }
        let threshold = exp(-phasesOfT)
        var product = 1.0
        for _ in 0..<(1 + s.uniformInt(shape)) { product *= s.uniformPositive() }
        var k = 0
        while product >= threshold {
            k += 1
            for _ in 0..<shape { product *= s.uniformPositive() }
        }
        return k
    }

    @inline(__always) private func phases(_ j: Int, _ s: RandomStream) -> Double {
        var product = s.uniformPositive()
        var i = 1
        while i < j { product *= s.uniformPositive(); i += 1 }
        return -scale * log(product)
    }

    @inline(__always) func draw(_ g: inout Taus2State) -> Double { phases(shape, &g) }

    /// `crossings(within:_:)` on taus2's state, draw for draw (the long-session fallback
    /// is `renewals`' walk: the residual's phases, then full residences).
    @inline(__always) func crossings(within t: Double, _ g: inout Taus2State) -> Int {
        let phasesOfT = t / scale
        guard phasesOfT <= 700 else {
            var elapsed = phases(1 + g.uniformInt(phaseRange), &g)
            var k = 0
            while elapsed <= t {
                k += 1
                elapsed += phases(shape, &g)
            }
            return k
        }
        let threshold = exp(-phasesOfT)  // = threshold(within: t)
        var product = 1.0
        for _ in 0..<(1 + g.uniformInt(phaseRange)) { product *= g.uniformPositive() }
        var k = 0
        while product >= threshold {
            k += 1
            for _ in 0..<shape { product *= g.uniformPositive() }
        }
        return k
    }

    /// e^(−t/θ): the phase product's threshold of a session of length t ≤ 700θ in
    /// `crossings(within:_:)` (and `ErlangExponentialCrossings`' exact comparisons).
    @inline(__always) func threshold(within t: Double) -> Double { exp(-(t / scale)) }

    @inline(__always) private func phases(_ j: Int, _ g: inout Taus2State) -> Double {
        var product = g.uniformPositive()
        var i = 1
        while i < j { product *= g.uniformPositive(); i += 1 }
        return -scale * log(product)
    }
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
        case let .gamma(k, m):
            if let erlang = ErlangSampler(shape: k, scale: m / k) { return visitor.visit(erlang) }
            return visitor.visit(GammaSampler(shape: k, scale: m / k))
        default: return visitor.visit(LawSampler(law: self))
        }
    }
}
