import Foundation
import Testing
@testable import Stochastics

/// 1 − f*(s) (`laplaceComplement`): equal to 1 − `laplace` where that has its
/// digits, and correct to first order, 1 − f*(s) = sE[X] − s²E[X²]/2 + …, where
/// `1 - laplace(s)` has none left (sE[X] ≤ 1e−12).
@Suite("Probability laws: 1 - Laplace transform without cancellation")
struct LaplaceComplementTests {
    @Test("agrees with 1 - laplace at ordinary s", arguments: LawFixtures.specs)
    func agreesWithLaplace(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        for s in [0.05, 1, 20].map({ $0 / law.mean }) {
            #expect(abs(try law.laplaceComplement(s) - (1 - (try law.laplace(s)))) <= 1e-9, "\(spec) at s=\(s)")
        }
        #expect(try law.laplaceComplement(0) == 0)
    }

    /// At sE[X] = 1e−12 the second-order term is below 1e−10 relative for every
    /// fixture (E[X²]/E[X]² ≤ 50), so c/(sE[X]) must be 1 to 1e−9.
    @Test("first order at tiny s", arguments: LawFixtures.specs)
    func firstOrder(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let s = 1e-12 / law.mean
        let ratio = try law.laplaceComplement(s) / (s * law.mean)
        #expect(abs(ratio - 1) <= 1e-9, "\(spec): \(ratio)")
    }

    @Test func negativeOrInfiniteSThrows() throws {
        let law = try ProbabilityLaw.parse("exponential:mean=60")
        #expect(throws: GSLError.self) { try law.laplaceComplement(-1) }
        #expect(throws: GSLError.self) { try law.laplaceComplement(.infinity) }
    }
}
