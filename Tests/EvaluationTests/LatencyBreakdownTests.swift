import Foundation
import Schemes
import Testing

@testable import Evaluation

/// The handoff-latency breakdown (docs/MODELS.md 6.3.1): its parts against hand
/// computations, and their sum against the `handoff_latency` closed form that
/// `ClosedForm.evaluate` reports, for every scheme at several scenarios.
@Suite struct LatencyBreakdownTests {
    static func scenarios() throws -> [(String, Scenario)] {
        let d = Scenario.default
        return [
            ("default", d),
            ("mac", try d.setting("links.wireless.mac", to: "ieee80211").setting("links.wireless.loss", to: "0.3")),
            ("dad-delay-ra", try d.setting("links.dad_random_delay", to: "true").setting("links.ra_delay_ms", to: "120")),
            ("optimistic-hex", try d.setting("links.dad", to: "optimistic").setting("mobility.grid", to: "hexagonal")
                .setting("mobility.residence", to: "gamma:shape=0.5,mean=20")),
            ("inet", try ValidationCatalog.inetScenario()),
        ]
    }

    @Test func partsSumToTheClosedFormForEveryScheme() throws {
        let cards = MonteCarloFixtures.cards
        #expect(cards.count >= 15)
        for (name, s) in try Self.scenarios() {
            let rows = try ClosedForm.evaluate(scenario: s, schemes: cards)
            let parts = try LatencyBreakdown.evaluate(scenario: s, schemes: cards)
            for p in parts {
                let metric = try #require(MonteCarloFixtures.find(rows, p.scheme, "handoff_latency")).estimate
                let sum = p.l2HandoffMs + p.movementDetectionMs + p.dadMs + p.signalingMs
                #expect(abs(sum - metric) <= 1e-9 * metric, "\(name) \(p.scheme): \(sum) vs \(metric)")
                for (what, x) in [("l2", p.l2HandoffMs), ("md", p.movementDetectionMs), ("dad", p.dadMs), ("signaling", p.signalingMs)] {
                    #expect(x >= -1e-9 * metric, "\(name) \(p.scheme) \(what) = \(x)")
                }
            }
        }
    }

    /// MIPv6 and PMIPv6 on RP-1 by hand (docs/MODELS.md 6.1-6.3): T_wl(s) = (1.1/0.9)(8s/11 Mb/s + 2),
    /// T_wd(s, h) = h(8s/100 Mb/s + 1); MIPv6 MD = T_wl(56) + T_wl(96), DAD 1000 (+ 500 with the random
    /// delay), signaling reg(8) with 80-byte BU and BA; PMIPv6 MD = T_wl(96), no DAD, signaling
    /// the PBU/PBA round trip over h_MAG-LMA = 4 with 76 bytes.
    @Test(arguments: [false, true])
    func rp1ByHand(randomDAD: Bool) throws {
        let s = try Scenario.default.setting("links.dad_random_delay", to: randomDAD ? "true" : "false")
        func wl(_ b: Double) -> Double { (1.1 / 0.9) * (8 * b / 11e6 * 1000 + 2) }
        func wd(_ b: Double, _ h: Double) -> Double { h * (8 * b / 1e8 * 1000 + 1) }
        let parts = try LatencyBreakdown.evaluate(scenario: s, schemes: ["mipv6", "pmipv6"].map(MonteCarloFixtures.card))
        let m = parts[0], p = parts[1]
        #expect(m.l2HandoffMs == 50 && p.l2HandoffMs == 50)
        #expect(m.dadMs == (randomDAD ? 1500 : 1000) && p.dadMs == 0)
        #expect(abs(m.movementDetectionMs - (wl(56) + wl(96))) <= 1e-12)
        #expect(abs(m.signalingMs - (wl(80) + 2 * wd(80, 8) + wl(80))) <= 1e-9)
        #expect(abs(p.movementDetectionMs - wl(96)) <= 1e-12)
        #expect(abs(p.signalingMs - 2 * wd(76, 4)) <= 1e-9)
    }
}
