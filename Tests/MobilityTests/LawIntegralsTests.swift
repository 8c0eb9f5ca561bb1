import Foundation
@testable import Mobility
import Stochastics
import Testing

/// `ProbabilityLaw.expectation` on the heavy Pareto tail that met GSL's roundoff
/// and divergence tests in the campaign (scenarios 115, 133, 162 of
/// `dmm validate --campaign 200 --seed 1`): the value against the same quantity
/// integrated over the other variable.
@Suite struct LawIntegralsTests {
    /// τ = E[(T − S)⁺] for Pareto T and S ~ Gamma(a, θ): over T, E[t P(a, t/θ) − aθ P(a+1, t/θ)]
    /// (the per-flow route, `AnchorResidences`); over S, E[E[(T − s)⁺]] with E[(T − s)⁺]
    /// in closed form (`integratedTail`). Campaign scenario 133: T Pareto shape 4.34,
    /// mean 28.9 s; S four exponential residences of mean 462 s.
    @Test(arguments: [(4.34, 28.9, 4.0, 462.0), (3.07, 34.6, 9.0, 116.0)])
    func paretoTailAgreesWithTheOtherOrder(shape: Double, mean: Double, a: Double, theta: Double) throws {
        let t = try ProbabilityLaw.pareto(shape: shape, mean: mean)
        let overT = try t.expectation("τ over T", epsrel: 1e-10) { x in
            x <= 0 ? 0 : Swift.max(0, x * (try SpecialFunctions.gammaP(a, x / theta)) - a * theta * (try SpecialFunctions.gammaP(a + 1, x / theta)))
        }
        let s = try ProbabilityLaw.gamma(shape: a, mean: a * theta)
        let overS = try s.expectation("τ over S", epsrel: 1e-11) { y in try t.integratedTail(y) }
        #expect(overS > 0)
        #expect(abs(overT - overS) <= 1e-7 * overS, "over T \(overT), over S \(overS)")
    }
}
