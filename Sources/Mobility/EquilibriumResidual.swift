import Foundation
import Stochastics

/// The equilibrium residual R of a renewal process with inter-renewal law X:
/// the time from a random instant to the next renewal, e.g. to the next AR
/// crossing when a session starts (analytic-models.md §2.4).
///
/// Density r(t) = P(X > t)/E[X]; P(R > t) = E[(X − t)⁺]/E[X] (closed form for
/// every family, `ProbabilityLaw.integratedTail`); mean E[X²]/(2E[X]) =
/// (1 + CV²)E[X]/2 (the inspection paradox: above E[X] when CV > 1);
/// Laplace transform r*(s) = (1 − f*(s))/(s E[X]). Sampling is
/// `ProbabilityLaw.sampleResidual` (length-biased draw times a uniform).
public struct EquilibriumResidual: Sendable {
    public let law: ProbabilityLaw

    public init(of law: ProbabilityLaw) { self.law = law }

    /// E[R] in the law's time unit; infinite when E[X²] is (Pareto shape ≤ 2).
    public var mean: Double { law.residualMean }

    /// P(R > t); throws `GSLError` when a GSL function it needs fails.
    public func ccdf(_ t: Double) throws -> Double { t <= 0 ? 1 : Swift.min(1, try law.integratedTail(t) / law.mean) }

    /// P(R ≤ t).
    public func cdf(_ t: Double) throws -> Double { 1 - (try ccdf(t)) }

    /// r(t) = P(X > t)/E[X].
    public func density(_ t: Double) -> Double { t < 0 ? 0 : law.ccdf(t) / law.mean }

    /// r*(s) = (1 − f*(s))/(s E[X]), s ≥ 0; throws when f* needs quadrature that fails.
    public func laplace(_ s: Double) throws -> Double {
        s == 0 ? 1 : (try law.laplaceComplement(s)) / (s * law.mean)
    }

    /// One draw of R.
    public func sample(_ stream: RandomStream) -> Double { law.sampleResidual(stream) }
}
