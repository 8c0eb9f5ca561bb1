import Foundation
import Schemes
import Stochastics
import Testing
@testable import Evaluation

/// `ClosedForm.evaluate`'s `metrics` (`dmm sweep --metrics`) and `unitVariances`:
/// a metric subset gives exactly the rows of the full evaluation restricted to
/// those metrics, same order and same numbers; without unit variances the rows
/// are those with them, less `unitVariance`.
@Suite struct ClosedFormSelectionTests {
    static let catalog: SchemeCatalog = {
        GSL.configure()
        return try! SchemeCatalog.load(directory: ModelsLocator.schemesDirectory())
    }()

    /// Rows as the tidy columns see them (unit variance left out).
    static func tidy(_ rows: [MetricEstimate]) -> [String] {
        rows.map { "\($0.scheme),\($0.metric),\($0.unit),\($0.estimate.bitPattern)" }
    }

    @Test(arguments: [
        // Exponential residence, no buffer; then a gamma residence with a buffer (the latency
        // law's atoms route for P(L > X) and buffered loss).
        [String](), ["mobility.residence=gamma:shape=2,mean=90", "traffic.buffer_packets=20"],
    ])
    func subsetEqualsFullRowsFiltered(sets: [String]) throws {
        let s = try Scenario.default.applying(sets)
        let cards = Self.catalog.cards
        let full = try ClosedForm.evaluate(scenario: s, schemes: cards, unitVariances: true)
        #expect(full.contains { $0.unitVariance != nil })  // what the campaign's z reads
        let everything = try ClosedForm.evaluate(scenario: s, schemes: cards)
        #expect(Self.tidy(everything) == Self.tidy(full))
        #expect(everything.allSatisfy { $0.unitVariance == nil })
        for kept: Set<String> in [
            ["signaling_cost"], ["packet_loss", "packet_loss_buffered", "handover_failure_probability"],
            ["outage.ha", "outage.lma", "blast_radius", "anchor_signaling_rate", "path_stretch"],
        ] {
            let some = try ClosedForm.evaluate(scenario: s, schemes: cards, metrics: kept)
            let expected = full.filter { kept.contains($0.metric) }
            #expect(!expected.isEmpty)
            #expect(Self.tidy(some) == Self.tidy(expected), "\(kept)")
        }
    }
}
