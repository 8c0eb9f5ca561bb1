import Foundation
import Testing
@testable import Stochastics

/// f*(s) = E[e^{−sX}] by three routes: the law's own `laplace` (closed form or
/// its substitution quadrature), quadrature of e^{−sx} f(x), and
/// f*(s) = 1 − s ∫₀^∞ e^{−sx} F^c(x) dx (integration by parts), plus a Monte
/// Carlo mean of e^{−sX} within 4 standard errors.
@Suite("Probability laws: Laplace transforms")
struct LaplaceTransformTests {
    /// s in units of 1/mean: slow, typical and fast decay.
    static let scaledS = [0.05, 0.5, 1, 4, 20]

    @Test("closed forms agree with quadrature of the density",
          arguments: LawFixtures.specs.filter { try! ProbabilityLaw.parse($0).hasClosedFormLaplace && !$0.hasPrefix("deterministic") })
    func closedFormAgainstDensity(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let (low, high) = LawFixtures.support(law)
        for s in Self.scaledS.map({ $0 / law.mean }) {
            let quadrature = try LawFixtures.integral(from: low, to: high) { exp(-s * $0) * law.density($0)! }
            #expect(abs(try law.laplace(s) - quadrature) <= 1e-9, "\(spec) at s=\(s)")
        }
    }

    @Test("the closed-form set is exactly the families the issue expects")
    func whichAreClosedForm() throws {
        let quadratureFamilies = Set(LawFixtures.laws.filter { !$0.hasClosedFormLaplace }.map(\.family))
        #expect(quadratureFamilies == ["weibull", "lognormal", "pareto"])
    }

    @Test("every transform agrees with 1 − s∫e^{−sx}F^c(x)dx", arguments: LawFixtures.specs)
    func againstCCDF(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let (low, high) = LawFixtures.support(law)
        for s in Self.scaledS.map({ $0 / law.mean }) {
            // F^c = 1 on [0, low): that piece integrates to (1 − e^{−s·low})/s.
            let head = -expm1(-s * low) / s
            let tail = try LawFixtures.integral(from: low, to: high) { exp(-s * $0) * law.ccdf($0) }
            let byParts = 1 - s * (head + tail)
            let transform = try law.laplace(s)
            #expect(abs(transform - byParts) <= 1e-9, "\(spec) at s=\(s): \(transform) vs \(byParts)")
        }
    }

    @Test("every transform agrees with the Monte Carlo mean of e^{−sX}", arguments: LawFixtures.specs.enumerated().map { $0 })
    func againstMonteCarlo(index: Int, spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let s = 1 / law.mean
        let stream = RandomStream(seed: 99).child(index)
        let mc = SampleSummary(50_000) { exp(-s * law.sample(stream)) }
        let exact = try law.laplace(s)
        #expect(abs(mc.mean - exact) <= 4 * mc.stats.standardError + 1e-15, "\(spec): \(mc.mean) vs \(exact)")
    }

    @Test("f*(0) = 1 and the slope at 0 is −mean", arguments: LawFixtures.specs)
    func nearZero(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        #expect(try law.laplace(0) == 1)
        let h = 1e-6 / law.mean
        let slope = (try law.laplace(h) - 1) / h
        #expect(abs(slope + law.mean) <= 1e-3 * law.mean, "\(spec): slope \(slope)")
    }

    @Test("a negative or non-finite s throws instead of trapping")
    func badArgument() throws {
        let law = try ProbabilityLaw.parse("pareto:shape=2.2,mean=60")
        for s in [-1.0, .nan, .infinity] {
            #expect(throws: GSLError.self) { try law.laplace(s) }
        }
    }
}
