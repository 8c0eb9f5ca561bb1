import Evaluation
import Foundation
import Schemes
import Testing

/// RFC 8885's relay and proxy modes (issue 15 item 2): the closed forms at the
/// default scenario against a hand computation from the scenario's message
/// sizes and hop counts, and the Monte Carlo against the exact closed forms.
@Suite struct RFC8885Tests {
    static let schemes = ["rfc8885-relay", "rfc8885-proxy"]

    /// E[N_a] for exponential residence (mean 1/η) and exponential sessions (mean 1/μ):
    /// a ∫₀¹ (1 − x)^{a−1} (1 − e^{−ρx})/x dx, a = η/μ (docs/MODELS.md 3.3), by
    /// composite Simpson here (the integrand is smooth, ρ at x = 0).
    static func anchorsInUse(a: Double, rho: Double) -> Double {
        func f(_ x: Double) -> Double { x == 0 ? rho : pow(1 - x, a - 1) * -expm1(-rho * x) / x }
        let n = 20_000, h = 1.0 / Double(n)
        var sum = f(0) + f(1)
        for i in 1..<n { sum += Double(i % 2 == 1 ? 4 : 2) * f(Double(i) * h) }
        return a * sum * h / 3
    }

    @Test func defaultScenarioByHand() throws {
        let s = Scenario.default
        let dir = try ModelsLocator.schemesDirectory()
        let catalog = try SchemeCatalog.load(directory: dir)
        let cards = try Self.schemes.map { try catalog.require($0) }
        let rows = try ClosedForm.evaluate(scenario: s, schemes: cards)
        func value(_ scheme: String, _ key: MetricKey) throws -> Double {
            try #require(rows.first { $0.scheme == scheme && $0.metric == key.id }, "\(scheme) has no \(key.id)").estimate
        }
        // Links (docs/MODELS.md 6.1) from the scenario's own fields.
        let w = s.links.wired, wl = s.links.wireless, h = s.topology.arLocationServerHops
        func wired(_ bytes: Double) -> Double { h * (8 * bytes / w.bandwidthBps * 1000 + w.latencyMsPerHop + w.queueingMsPerHop) }
        let ra = (1 + wl.loss) / (1 - wl.loss) * (8 * s.size(.ra) / wl.bandwidthBps * 1000 + wl.latencyMs)
        let pbu = wired(s.size(.pbu)), pba = wired(s.size(.pba))
        let dad = s.links.dad == .optimistic ? 0 : s.links.dadMs
        // Relay: PBU S→CMD, PBU CMD→P, PBA P→CMD, PBA CMD→S, then the RA.
        let relay = s.links.l2HandoffMs + 2 * pbu + 2 * pba + ra
        // 50 + 4·4.02432 + 2.529770 = 68.627 ms at the defaults.
        #expect(abs(relay - 68.627) < 1e-3)
        #expect(abs(try value("rfc8885-relay", MetricKey(.handoffLatency)) - relay) <= 1e-9 * relay)
        #expect(abs(try value("rfc8885-relay", MetricKey(.handoffLatencyNewSession)) - (relay + dad)) <= 1e-9 * relay)
        // Proxy: after the PBU to the CMD, the later of (PBA + RA) and the PBU CMD→P.
        let proxy = s.links.l2HandoffMs + pbu + max(pba + ra, pbu)
        #expect(abs(proxy - 60.578) < 1e-3)
        #expect(abs(try value("rfc8885-proxy", MetricKey(.handoffLatency)) - proxy) <= 1e-9 * proxy)
        #expect(abs(try value("rfc8885-proxy", MetricKey(.handoffLatencyNewSession)) - (s.links.l2HandoffMs + pbu + pba + ra + dad)) <= 1e-9 * proxy)

        // Handoff signaling: (s_PBU + s_PBA) h_S-CMD + n_old (s_PBU + s_PBA) h_CMD-P byte-hops per
        // handoff (all wired, weight w_wd), at η = 1/E[X]; the same for both modes. n_old, the
        // distinct old anchors with a live session, is at most E[N_a] (residences still
        // anchoring, revisited ARs counted once each time: docs/MODELS.md 3.3) and at least
        // 0; the walk revisits ARs, so strictly less than E[N_a] here. (The Monte Carlo
        // check of the approximate count is the campaign's.)
        let eta = 1 / s.mobility.residence.mean, mu = 1 / s.traffic.sessionDuration.mean
        let na = Self.anchorsInUse(a: eta / mu, rho: s.traffic.sessionRate / mu)
        let pair = (s.size(.pbu) + s.size(.pba)) * h * s.messages.wiredWeight
        for scheme in Self.schemes {
            let cf = try value(scheme, MetricKey(.signalingCostHandoff))
            #expect(cf < eta * pair * (1 + na) && cf > eta * pair, "\(scheme): \(cf) outside (\(eta * pair), \(eta * pair * (1 + na)))")
            // The CMD: no session broken, the domain's MNs cannot register while it is down.
            #expect(try value(scheme, MetricKey(.blastRadius, element: .locationServer)) == 0)
            let side = Double(s.mobility.domainSize)
            #expect(try value(scheme, MetricKey(.unreachable, element: .locationServer)) == side * side * s.population.mnsPerAR)
            #expect(try value(scheme, MetricKey(.outage, element: .locationServer)) == s.failure.locationServerMttrH * 3600)
        }
    }

    /// The exact closed forms (latencies, path, failure figures) inside the Monte
    /// Carlo's ±4 standard errors at a fixed seed; the signaling per active old
    /// anchor is declared first order and only reported.
    @Test func monteCarloCoversTheExactClosedForms() throws {
        var s = MonteCarloFixtures.scenario
        s.traffic.localCNFraction = 0.3
        let cards = Self.schemes.map { MonteCarloFixtures.card($0) }
        let cf = try ClosedForm.evaluate(scenario: s, schemes: cards)
        let mc = try MonteCarlo.evaluate(scenario: s, schemes: cards, samples: 120_000, seed: 15, jobs: 2)
        var checked = 0
        for card in cards {
            let approximate = try ClosedFormAccuracy.approximations(scenario: s, card: card)
            #expect(!approximate.contains(MetricKey(.handoffLatency).id))
            for row in cf where row.scheme == card.id && !approximate.contains(row.metric) {
                let est = try #require(MonteCarloFixtures.find(mc, card.id, row.metric), "\(card.id) \(row.metric) not simulated")
                #expect(MonteCarloCoverageTests.covers(est, row.estimate),
                        "\(card.id) \(row.metric): closed form \(row.estimate) vs MC \(est.estimate) [\(String(describing: est.ciLow)), \(String(describing: est.ciHigh))]")
                checked += 1
            }
        }
        #expect(checked >= 30)
    }
}
