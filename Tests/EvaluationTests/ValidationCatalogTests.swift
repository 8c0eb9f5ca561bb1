import Foundation
import Schemes
import Stochastics
import Testing

@testable import Evaluation

/// The validation catalogue is part of CI: every case must pass (with the
/// smallest Monte Carlo the command accepts), and the pass/fail rule must fail.
@Suite struct ValidationCatalogTests {
    static let cards: [SchemeCard] = {
        GSL.configure()
        return try! SchemeCatalog.load(directory: ModelsLocator.schemesDirectory()).cards
    }()
    static let small = ValidationCatalog.MonteCarloSettings(
        scenarioHandoffs: ValidationCatalog.minimumSamples, crossingSessions: 200_000, seed: 1, jobs: 2)

    @Test func everyCasePasses() {
        let cases = ValidationCatalog.all(cards: Self.cards, settings: Self.small)
        #expect(cases.count >= 130)
        for c in cases {
            #expect(c.passed, "\(c.id): reference \(c.reference), dmmkit \(c.computed), tolerance \(c.tolerance), note \(c.note ?? "-")")
        }
        // Every catalogued id was evaluated, in catalogue order, once.
        #expect(cases.map(\.id) == ValidationCatalog.ids(cards: Self.cards))
    }

    @Test func idsAreUnique() {
        let ids = ValidationCatalog.ids(cards: Self.cards)
        #expect(Set(ids).count == ids.count)
    }

    @Test func onlyRunsTheMatchingCases() {
        let cases = ValidationCatalog.all(cards: Self.cards, settings: Self.small, only: "v1.mu2.k4.")
        #expect(cases.map(\.id) == ["fstar", "rstar", "alpha0", "alpha1", "alpha2", "alpha3", "mean", "var"].map { "v1.mu2.k4.\($0)" })
    }

    /// Half a unit in the last printed digit, worked by hand.
    @Test func printedTolerances() {
        func tol(_ s: String, _ d: Int? = nil) -> Double { ValidationCase.printedTolerance(s, decimals: d).1 }
        #expect(abs(tol("0.759836") - 5e-7) < 1e-20)
        #expect(tol("1440") == 0.5)
        #expect(abs(tol("1097.14") - 0.005) < 1e-15)
        #expect(abs(tol("9.5128e-6") - 5e-11) < 1e-24)
        #expect(abs(tol("2", 6) - 5e-7) < 1e-20)
        #expect(abs(tol("3.0") - 0.05) < 1e-15)
    }

    @Test func aWrongReferenceFails() {
        let wrong = ValidationCase(id: "x", quantity: "q", source: "s", printed: "0.7965996", computed: 0.7966010)
        #expect(!wrong.passed)  // 1.4e-6 off, tolerance 5e-8
        let right = ValidationCase(id: "x", quantity: "q", source: "s", printed: "0.7965996", computed: 0.79659963)
        #expect(right.passed)
        let broken = ValidationCase(id: "x", quantity: "q", source: "s", printed: "1", computed: .nan)
        #expect(!broken.passed)
    }
}
