import Foundation
import Schemes
import Stochastics
import Testing
@testable import Evaluation

/// `dmm sweep --metrics` asks `ClosedFormAccuracy.approximations` only for the metrics it
/// writes, which skips the verdict blocks of the others: the verdicts it gives must be the
/// full verdicts restricted to the selection, for every metric alone and for mixed
/// selections, over scenarios where different blocks are approximate.
@Suite struct SelectedExactnessTests {
    static let catalog: SchemeCatalog = {
        GSL.configure()
        return try! SchemeCatalog.load(directory: ModelsLocator.schemesDirectory())
    }()

    static let scenarios: [[String]] = [
        [],
        ["mobility.residence=weibull:shape=0.6,mean=60", "mobility.grid=hexagonal"],
        ["mobility.residence=gamma:shape=2,mean=40", "traffic.session_duration=lognormal:sigma=1,mean=300",
         "traffic.buffer_packets=20"],
        ["links.wireless.mac=ieee80211", "mobility.residence=deterministic:value=90"],
    ]

    @Test func aSelectionGetsTheFullVerdictsRestrictedToIt() throws {
        let cards = Self.catalog.cards
        let ids = Metric.wide.map { MetricKey($0).id }
            + Metric.perElement.flatMap { m in ElementKind.allCases.map { MetricKey(m, element: $0).id } }
        var selections: [Set<String>] = ids.map { [$0] }
        selections += [["signaling_cost", "handoff_latency"], ["processing_cost"], ["anchor_signaling_rate", "outage.ha"],
                       ["packet_loss_buffered", "disruption", "signaling_cost_refresh"]]
        var approximateSeen = 0
        for sets in Self.scenarios {
            let s = try Scenario.default.applying(sets)
            let full = try ClosedFormAccuracy.approximations(scenario: s, cards: cards)
            for selection in selections {
                let selected = try ClosedFormAccuracy.approximations(scenario: s, cards: cards, metrics: selection)
                for card in cards {
                    let expected = (full[card.id] ?? []).intersection(selection)
                    #expect(selected[card.id] == expected, "\(sets) \(card.id) \(selection.sorted())")
                    approximateSeen += expected.count
                }
            }
        }
        // The comparison is not vacuous: the selections meet approximate verdicts.
        #expect(approximateSeen > 100)
    }
}
