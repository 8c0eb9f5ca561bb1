import Foundation
import Testing
@testable import Stochastics

/// The covering interval of a random instant: X̃ length-biased (density x f(x)/E[X]),
/// so E[X̃] = E[X²]/E[X]; split by the instant into age A and residual R with
/// E[A] = E[R] = E[X²]/(2E[X]) and E[A·R] = E[X̃²]/6 = E[X³]/(6E[X]) (docs/MODELS.md §2.2,
/// §2.4). Moments from `LawFixtures.rawMoment`'s textbook formulas.
@Suite("Probability laws: length-biased interval, age and residual")
struct LengthBiasedSamplerTests {
    static let n = 200_000

    @Test("sampled length-biased mean within 4 standard errors of E[X²]/E[X]",
          arguments: LawFixtures.specs.enumerated().map { $0 })
    func lengthBiasedMean(index: Int, spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let m1 = LawFixtures.rawMoment(law, 1), m2 = LawFixtures.rawMoment(law, 2), m3 = LawFixtures.rawMoment(law, 3)
        guard m3.isFinite else {
            #expect(law.family == "pareto")  // Var X̃ = E[X³]/E[X] − E[X̃]² needs E[X³]
            return
        }
        let stream = RandomStream(seed: 41).child(index)
        let s = SampleSummary(Self.n) { law.sampleLengthBiased(stream) }
        let exact = m2 / m1
        let se = ((m3 / m1 - exact * exact) / s.n).squareRoot()
        #expect(abs(s.mean - exact) <= 4 * se + 1e-12 * exact, "\(spec): \(s.mean) vs \(exact), se \(se)")
    }

    @Test("the residual is sampleResidual's, draw for draw", arguments: LawFixtures.specs)
    func residualIsDrawForDraw(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let a = RandomStream(seed: 9), b = RandomStream(seed: 9), ages = RandomStream(seed: 10)
        for _ in 0..<1000 {
            let joint = law.sampleResidualAndAge(a, age: ages)
            #expect(joint.residual == law.sampleResidual(b))
        }
        #expect(a.uniform() == b.uniform())  // both streams consumed alike
    }

    @Test("E[A] and E[A·R] within 4 standard errors", arguments: LawFixtures.specs.enumerated().map { $0 })
    func ageAndItsCorrelationWithTheResidual(index: Int, spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let m1 = LawFixtures.rawMoment(law, 1)
        let m2 = LawFixtures.rawMoment(law, 2), m3 = LawFixtures.rawMoment(law, 3), m5 = LawFixtures.rawMoment(law, 5)
        guard m5.isFinite else {
            #expect(law.family == "pareto")  // Var(A·R) needs E[X⁵]
            return
        }
        let stream = RandomStream(seed: 43).child(index), ages = RandomStream(seed: 44).child(index)
        var age = RunningStatistics(), product = RunningStatistics()
        for _ in 0..<Self.n {
            let (r, a) = law.sampleResidualAndAge(stream, age: ages)
            #expect(r >= 0 && a >= 0)
            age.add(a)
            product.add(a * r)
        }
        let n = Double(Self.n)
        // E[A] = E[X²]/(2E[X]), E[A²] = E[X³]/(3E[X]); E[A·R] = E[X³]/(6E[X]), E[(A·R)²] = E[X⁵]/(30E[X]).
        let meanA = m2 / (2 * m1), seA = ((m3 / (3 * m1) - meanA * meanA) / n).squareRoot()
        let meanAR = m3 / (6 * m1), seAR = ((m5 / (30 * m1) - meanAR * meanAR) / n).squareRoot()
        #expect(abs(age.mean - meanA) <= 4 * seA + 1e-12 * meanA, "\(spec): E[A] \(age.mean) vs \(meanA)")
        #expect(abs(product.mean - meanAR) <= 4 * seAR + 1e-12 * meanAR, "\(spec): E[AR] \(product.mean) vs \(meanAR)")
    }
}
