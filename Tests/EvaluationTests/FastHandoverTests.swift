import Evaluation
import Foundation
import Schemes
import Testing

/// FMIPv6 (RFC 5568) and FPMIPv6 (RFC 5949), predictive and reactive handoffs
/// mixed by `links.predictive_handoff_fraction` (issue 15 item 2): closed forms
/// at the default scenario against a hand computation from the scenario's
/// message sizes and hop counts, and the Monte Carlo against them.
@Suite struct FastHandoverTests {
    static let schemes = ["fmipv6", "fpmipv6"]

    static func rows(_ s: Scenario) throws -> [MetricEstimate] {
        let catalog = try SchemeCatalog.load(directory: try ModelsLocator.schemesDirectory())
        return try ClosedForm.evaluate(scenario: s, schemes: try Self.schemes.map { try catalog.require($0) })
    }

    static func value(_ rows: [MetricEstimate], _ scheme: String, _ key: MetricKey) throws -> Double {
        try #require(rows.first { $0.scheme == scheme && $0.metric == key.id }, "\(scheme) has no \(key.id)").estimate
    }

    @Test func defaultScenarioByHand() throws {
        let s = Scenario.default
        let rows = try Self.rows(s)
        let w = s.links.wired, wl = s.links.wireless, hAA = s.topology.arArHops
        func wired(_ bytes: Double, _ h: Double) -> Double { h * (8 * bytes / w.bandwidthBps * 1000 + w.latencyMsPerHop + w.queueingMsPerHop) }
        func air(_ bytes: Double) -> Double { (1 + wl.loss) / (1 - wl.loss) * (8 * bytes / wl.bandwidthBps * 1000 + wl.latencyMs) }
        let p = s.links.predictiveHandoffFraction
        #expect(p == 0.3)

        // FMIPv6: predictive T_L2 + UNA; reactive adds the new link's FBU over the air and NAR→PAR, FBack back.
        let pred = s.links.l2HandoffMs + air(s.size(.una))
        let react = pred + air(s.size(.fbuReactive)) + wired(s.size(.fbuReactive), hAA) + wired(s.size(.fback), hAA) + air(s.size(.fback))
        let fmip = p * pred + (1 - p) * react
        #expect(abs(fmip - 57.4283) < 1e-3)  // 0.3 · 52.5084 + 0.7 · 59.5369 at the defaults
        #expect(abs(try Self.value(rows, "fmipv6", MetricKey(.handoffLatency)) - fmip) <= 1e-9 * fmip)

        // FMIPv6 handoff signaling, byte-hops per handoff (weights w_wl per air hop, w_wd per wired hop):
        // old link RtSolPr, PrRtAdv (air); predictive FBU (air), HI, HAck (h_AA), FBack to MN (air) and NAR
        // (h_AA); reactive FBU air + h_AA, FBack h_AA + air; UNA (air); BU/BA over air + h_AR-HA.
        let a = s.messages.wirelessWeight, d = s.messages.wiredWeight, hHA = s.topology.arHaHops
        let predictiveBytes = s.size(.fbu) * a + (s.size(.hi) + s.size(.hack) + s.size(.fback)) * d * hAA + s.size(.fback) * a
        let reactiveBytes = (s.size(.fbuReactive) + s.size(.fback)) * (a + d * hAA)
        let fmipBytes = (s.size(.rtSolPr) + s.size(.prRtAdv) + s.size(.una)) * a + p * predictiveBytes + (1 - p) * reactiveBytes
            + (s.size(.bu) + s.size(.ba)) * (a + d * hHA)
        #expect(abs(fmipBytes - 2041.6) < 1e-9)  // 80 + 128 + 72 + 0.3 · 400 + 0.7 · 288 + 1440 at the defaults
        let eta = 1 / s.mobility.residence.mean
        #expect(abs(try Self.value(rows, "fmipv6", MetricKey(.signalingCostHandoff)) - eta * fmipBytes) <= 1e-9 * eta * fmipBytes)

        // FPMIPv6: predictive T_L2 + RA; reactive adds HI and HAck between the MAGs.
        let fpPred = s.links.l2HandoffMs + air(s.size(.ra))
        let fpReact = fpPred + wired(s.size(.pmipHI), hAA) + wired(s.size(.pmipHAck), hAA)
        let fpmip = p * fpPred + (1 - p) * fpReact
        #expect(abs(fpmip - 53.9414) < 1e-3)
        #expect(abs(try Self.value(rows, "fpmipv6", MetricKey(.handoffLatency)) - fpmip) <= 1e-9 * fpmip)
        // HI + HAck in either mode over h_AA, then PMIPv6's de-registration and registration with the LMA.
        let fpBytes = (s.size(.pmipHI) + s.size(.pmipHAck)) * d * hAA + 2 * (s.size(.pbu) + s.size(.pba)) * d * s.topology.magLmaHops
        #expect(fpBytes == 1424)
        #expect(abs(try Self.value(rows, "fpmipv6", MetricKey(.signalingCostHandoff)) - eta * fpBytes) <= 1e-9 * eta * fpBytes)
    }

    /// All predictive: the latency is the predictive mode's alone in both methods.
    @Test func allPredictiveIsThePredictiveMode() throws {
        var s = Scenario.default
        s = try s.setting("links.predictive_handoff_fraction", to: "1")
        let rows = try Self.rows(s)
        let wl = s.links.wireless
        func air(_ bytes: Double) -> Double { (1 + wl.loss) / (1 - wl.loss) * (8 * bytes / wl.bandwidthBps * 1000 + wl.latencyMs) }
        #expect(abs(try Self.value(rows, "fmipv6", MetricKey(.handoffLatency)) - (s.links.l2HandoffMs + air(s.size(.una)))) < 1e-9)
        #expect(abs(try Self.value(rows, "fpmipv6", MetricKey(.handoffLatency)) - (s.links.l2HandoffMs + air(s.size(.ra)))) < 1e-9)
    }

    /// The handoff-traffic metrics see the modes too (the latency law is their mixture):
    /// without frame loss each mode's latency is a constant, so by hand packet loss is
    /// λ_p·L_pred and the failure probability 1 − e^{−L_pred/m} for exponential residence.
    @Test func trafficMetricsUseThePredictiveMode() throws {
        var s = Scenario.default
        s = try s.setting("links.predictive_handoff_fraction", to: "1")
        s = try s.setting("links.wireless.loss", to: "0")
        s = try s.setting("mobility.residence", to: "exponential:mean=30")
        let rows = try Self.rows(s)
        let wl = s.links.wireless
        let una = s.links.l2HandoffMs + 8 * s.size(.una) / wl.bandwidthBps * 1000 + wl.latencyMs  // ms
        let lost = s.traffic.packetRatePps * una / 1000
        #expect(lost > 0)
        #expect(abs(try Self.value(rows, "fmipv6", MetricKey(.packetLoss)) - lost) <= 1e-9 * lost)
        let failure = -expm1(-una / 1000 / 30)
        #expect(abs(try Self.value(rows, "fmipv6", MetricKey(.handoverFailureProbability)) - failure) <= 1e-9 * failure)
    }

    /// Every closed form of both schemes is exact: the Monte Carlo's ±4 standard
    /// errors cover each at a fixed seed, at the default mix and all reactive.
    @Test(arguments: [(0.3, 21 as UInt64), (0.0, 22)])
    func monteCarloCoversEveryClosedForm(fraction: Double, seed: UInt64) throws {
        var s = MonteCarloFixtures.scenario
        s.traffic.localCNFraction = 0.3
        s.links.predictiveHandoffFraction = fraction
        let cards = Self.schemes.map { MonteCarloFixtures.card($0) }
        for card in cards { #expect(try ClosedFormAccuracy.approximations(scenario: s, card: card).isEmpty) }
        let cf = try ClosedForm.evaluate(scenario: s, schemes: cards)
        let mc = try MonteCarlo.evaluate(scenario: s, schemes: cards, samples: 120_000, seed: seed, jobs: 2)
        var checked = 0
        for row in cf {
            let est = try #require(MonteCarloFixtures.find(mc, row.scheme, row.metric), "\(row.scheme) \(row.metric) not simulated")
            #expect(MonteCarloCoverageTests.covers(est, row.estimate),
                    "\(row.scheme) \(row.metric): closed form \(row.estimate) vs MC \(est.estimate) [\(String(describing: est.ciLow)), \(String(describing: est.ciHigh))]")
            checked += 1
        }
        #expect(checked >= 30)
    }
}
