import Evaluation
import Foundation
import Schemes
import Stochastics
import Testing

/// The relay fixture's Swift half, defined here and not registered in
/// `SchemeModels.all`: a scheme is a card and a model, and nothing in the
/// simulator or the closed form needs to change to evaluate it.
/// PMIPv6's anchor and path, plus `processingMs` at the anchor on the handoff path.
struct RelayModel: SchemeModel {
    static let processingMs = 4.0
    var id: String { "relay" }

    func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        ClosedFormValue(
            c.links.l2HandoffMs + c.links.wired(c.size(.pbu), hops: c.hops.magLma)
                + c.links.wired(c.size(.pba), hops: c.hops.magLma) + Self.processingMs + c.links.wireless(c.size(.ra)))
    }

    func dataPath(_ c: SchemeContext) -> DataPath {
        .viaCentralAnchor(c, cnToAnchor: c.hops.cnLma, anchorToAR: c.hops.magLma)
    }

    func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.centralAnchor(c, kind: .lma, mns: c.mnsPerDomain), .accessRouter(c, kind: .mag)]
    }

    func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        HandoffLatencyParts(
            fixedMs: c.links.l2HandoffMs + c.links.wired(c.size(.pbu), hops: c.hops.magLma)
                + c.links.wired(c.size(.pba), hops: c.hops.magLma) + Self.processingMs,
            detection: .networkRA)
    }

    func pathLegs(_ c: SchemeContext) -> PathLegs {
        .viaCentralAnchor(c, cnToAnchor: c.hops.cnLma, anchorToAR: c.hops.magLma)
    }
}

@Suite struct TwelfthSchemeTests {
    static let models: [any SchemeModel] = SchemeModels.all + [RelayModel()]

    static func card() throws -> SchemeCard {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/relay.yaml")
        return try SchemeCard.parse(yaml: String(contentsOf: url, encoding: .utf8), file: url.path)
    }

    static var scenario: Scenario {
        var s = MonteCarloFixtures.scenario
        s.traffic.localCNFraction = 0.3
        return s
    }

    /// Hand formulas from the scenario's own fields (analytic-models.md 5-7), not
    /// through `SchemeContext`: T_wd(s, h) = h (8s/B + L + Q), T_wl(s) = (1+q)/(1−q) (8s/B_wl + L_wl).
    @Test func closedFormEqualsTheHandComputation() throws {
        let s = Self.scenario
        let rows = try ClosedForm.evaluate(scenario: s, schemes: [try Self.card()], models: Self.models)
        func value(_ key: MetricKey) throws -> Double {
            try #require(rows.first { $0.metric == key.id }, "relay has no \(key.id)").estimate
        }
        let w = s.links.wired, wl = s.links.wireless, h = s.topology.magLmaHops
        func wired(_ bytes: Double) -> Double { h * (8 * bytes / w.bandwidthBps * 1000 + w.latencyMsPerHop + w.queueingMsPerHop) }
        let ra = (1 + wl.loss) / (1 - wl.loss) * (8 * s.size(.ra) / wl.bandwidthBps * 1000 + wl.latencyMs)
        let latency = s.links.l2HandoffMs + wired(s.size(.pbu)) + wired(s.size(.pba)) + RelayModel.processingMs + ra
        #expect(abs(try value(MetricKey(.handoffLatency)) - latency) <= 1e-9 * latency)

        let p = s.traffic.localCNFraction, loc = s.traffic.localCNHops, t = s.topology
        let stretch = (1 - p) * (t.cnLmaHops + h + 1) / (t.cnArHops + 1) + p * (loc + 2 * h + 1) / (loc + 1)
        #expect(abs(try value(MetricKey(.pathStretch)) - stretch) <= 1e-12 * stretch)

        // Signaling: one PBU/PBA pair per handoff over h wired hops, at the crossing rate 1/E[X].
        let eta = 1 / s.mobility.residence.mean
        let cost = eta * (s.size(.pbu) + s.size(.pba)) * s.messages.wiredWeight * h
        #expect(abs(try value(MetricKey(.signalingCost)) - cost) <= 1e-9 * cost)
        #expect(abs(try value(MetricKey(.signalingRate)) - 2 * eta) <= 1e-12 * eta)

        // Failure: the LMA serves the domain's MNs (side² ARs x MNs per AR), all their sessions.
        let side = Double(s.mobility.domainSize)
        let domainMNs = side * side * s.population.mnsPerAR
        let rho = s.traffic.sessionRate * s.traffic.sessionDuration.mean
        #expect(abs(try value(MetricKey(.blastRadius)) - domainMNs * rho) <= 1e-9 * domainMNs * rho)
        #expect(try value(MetricKey(.outage, element: .lma)) == s.failure.anchorMttrH * 3600)
        #expect(try value(MetricKey(.unreachable, element: .mag)) == s.population.mnsPerAR)
    }

    /// Every closed form of the fixture is exact (it declares no approximation), so
    /// its Monte Carlo interval must cover each of them (±4 standard errors).
    @Test func monteCarloCoversItsExactClosedForms() throws {
        let s = Self.scenario
        let card = try Self.card()
        #expect(try ClosedFormAccuracy.approximations(scenario: s, card: card, models: Self.models).isEmpty)
        let cf = try ClosedForm.evaluate(scenario: s, schemes: [card], models: Self.models)
        let mc = try MonteCarlo.evaluate(
            scenario: s, schemes: [card], models: Self.models, samples: 60_000, seed: 12, jobs: 2)
        var checked = 0
        for row in cf {
            let est = try #require(mc.first { $0.metric == row.metric }, "relay \(row.metric) not simulated")
            #expect(MonteCarloCoverageTests.covers(est, row.estimate),
                    "relay \(row.metric): closed form \(row.estimate) vs MC \(est.estimate) [\(String(describing: est.ciLow)), \(String(describing: est.ciHigh))]")
            checked += 1
        }
        #expect(checked == cf.count && checked >= 17)
        // The simulated latency is the fixture's own parts, not a registered scheme's.
        let pmipv6 = try MonteCarlo.evaluate(
            scenario: s, schemes: [MonteCarloFixtures.card("pmipv6")], samples: 60_000, seed: 12, jobs: 2)
        let relayLatency = try #require(mc.first { $0.metric == MetricKey(.handoffLatency).id }).estimate
        let pmipLatency = try #require(pmipv6.first { $0.metric == MetricKey(.handoffLatency).id }).estimate
        #expect(abs(relayLatency - pmipLatency - RelayModel.processingMs) <= 1e-9 * relayLatency)
    }

    /// Without its model, the card is refused in both methods with the same message (exit 2).
    @Test func aCardWithoutAModelIsRefused() throws {
        let card = try Self.card()
        #expect(throws: SchemeCatalogError.self) { try ClosedForm.evaluate(scenario: Self.scenario, schemes: [card]) }
        #expect(throws: SchemeCatalogError.self) {
            try MonteCarlo.evaluate(scenario: Self.scenario, schemes: [card], samples: 60_000, seed: 1, jobs: 1)
        }
    }
}
