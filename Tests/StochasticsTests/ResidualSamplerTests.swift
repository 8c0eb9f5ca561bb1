import Foundation
import Testing
@testable import Stochastics

/// The equilibrium residual R has density r(t) = F^c(t)/E[X]
/// (docs/MODELS.md §2.4), mean E[X²]/(2E[X]) = (1 + CV²)E[X]/2 and
/// second moment E[X³]/(3E[X]).
@Suite("Probability laws: equilibrium residual")
struct ResidualSamplerTests {
    static let n = 200_000

    @Test("residualMean = (1 + CV²)/2 × mean", arguments: LawFixtures.specs)
    func exactResidualMean(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let expected = LawFixtures.rawMoment(law, 2) / (2 * LawFixtures.mean(law))
        #expect(abs(law.residualMean - expected) <= 1e-12 * expected)
        #expect(abs(law.residualMean - (1 + law.cv2) / 2 * law.mean) <= 1e-10 * expected)
    }

    @Test("sampled residual mean within 4 standard errors of (1 + CV²)/2 × mean",
          arguments: LawFixtures.specs.enumerated().map { $0 })
    func sampledResidualMean(index: Int, spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        // Var R needs E[X³] < ∞: Pareto with shape ≤ 3 has an infinite-variance residual.
        let thirdMoment = LawFixtures.rawMoment(law, 3)
        guard thirdMoment.isFinite else {
            #expect(law.family == "pareto")
            return
        }
        let stream = RandomStream(seed: 31).child(index)
        let s = SampleSummary(Self.n) { law.sampleResidual(stream) }
        let mean = law.mean
        let exact = (1 + law.cv2) / 2 * mean
        let secondMoment = thirdMoment / (3 * mean)
        let se = ((secondMoment - exact * exact) / s.n).squareRoot()
        #expect(abs(s.mean - exact) <= 4 * se, "\(spec): \(s.mean) vs \(exact), se \(se)")
    }

    @Test("P(R > t) from samples matches ∫_t^∞ F^c(x) dx / mean",
          arguments: LawFixtures.specs.enumerated().map { $0 })
    func residualLaw(index: Int, spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let ts = [0.1, 0.5, 1, 2].map { $0 * law.mean }
        let stream = RandomStream(seed: 77).child(index)
        var above = Array(repeating: 0, count: ts.count)
        for _ in 0..<Self.n {
            let r = law.sampleResidual(stream)
            for (j, t) in ts.enumerated() where r > t { above[j] += 1 }
        }
        let (low, high) = LawFixtures.support(law)
        for (j, t) in ts.enumerated() {
            // F^c = 1 below the support's start.
            let flat = Swift.max(0, low - t)
            let rest = try LawFixtures.integral(from: Swift.max(t, low), to: high) { law.ccdf($0) }
            let exact = (flat + rest) / law.mean
            let p = Double(above[j]) / Double(Self.n)
            let se = (exact * (1 - exact) / Double(Self.n)).squareRoot()
            #expect(abs(p - exact) <= 4 * se + 1e-12, "\(spec) t=\(t): \(p) vs \(exact), se \(se)")
        }
    }
}
