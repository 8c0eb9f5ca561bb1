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

    /// The FPMIPv6 script's cases (docs/MODELS.md 9.8) by hand at H_MAG-LMA = 60: signaling
    /// (52 + 52) 2 + (76 + 76) 60 = 9328 byte-hops (18448 while the card's de-registration pair
    /// ignored messages.deregistration); the reactive core 59 + 2·60 · 8·104 B / (9·10⁹/11 bit/s)
    /// = 59.122026667 ms; the mix 59 + (1.1/0.9) 8·96/54·10⁶ s + 0.7 · 0.122026667 ms.
    @Test func fpmipv6ScriptByHand() throws {
        let rows = Dictionary(uniqueKeysWithValues: ValidationCatalog.all(cards: Self.cards, only: "fpmipv6script.").map { ($0.id, $0) })
        #expect(rows.count == 9 && rows.values.allSatisfy(\.passed))
        let signaling = try #require(rows["fpmipv6script.signaling.h60"])
        #expect(abs(signaling.computed - (104 * 2 + 152 * 60)) <= 1e-9)
        let hiHAck = 2.0 * 60 * 8 * 104 * 11 / 9e9 * 1000
        let core = try #require(rows["fpmipv6script.latency.reactive-core.h60"])
        #expect(abs(core.computed - (59 + hiHAck)) <= 1e-12)
        let ra = 1.1 / 0.9 * 8 * 96 / 54e6 * 1000
        let mixed = try #require(rows["fpmipv6script.latency.mixed.h60"])
        #expect(abs(mixed.computed - (59 + ra + 0.7 * hiHAck)) <= 1e-12)
        // The gap the tolerance allows is the script's own extra terms: -1.87 % here.
        #expect(abs(mixed.computed / 60.229754430 - 1 + 0.0187) < 0.0001)
    }
}
