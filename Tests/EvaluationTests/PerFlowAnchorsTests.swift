@testable import Evaluation
import Foundation
import Schemes
import Stochastics
import Testing

/// Issue 11 defect 8: the per-flow DMM closed forms (FAMA, DMI, DMA) against the
/// Monte Carlo at fixed seeds. Handoff latency is exact (4 standard errors) where
/// the live sessions' anchors are (docs/MODELS.md 3.4: deterministic residence, and
/// Erlang-mixture sessions with any residence); the other per-flow forms, and the
/// latency off those routes (a Weibull residence with lognormal sessions), must be
/// within the approximation bound of issue 11: 2 % or 4 standard errors.
@Suite struct PerFlowAnchorsTests {
    /// The reproduction (DMA handoff signaling −14.5 %, z ≈ −117 with the
    /// mean-matched route): deterministic 1000 s residence, hyperexponential sessions
    /// p = 0.57/0.43 with means 91/525 s, λ = 0.03/s; and a gamma residence with
    /// Erlang-mixture sessions (the last campaign's worst FAMA/DMA case family).
    static let scenarios: [[String]] = [
        ["mobility.residence=deterministic:value=1000",
         "traffic.session_duration=hyperexponential:p=0.57/0.43,mean=91/525", "traffic.session_rate=0.03"],
        ["mobility.residence=gamma:shape=3,mean=40",
         "traffic.session_duration=hypererlang:p=0.6/0.4,shape=2/3,mean=60/700", "traffic.session_rate=0.01"],
        ["mobility.residence=weibull:shape=2,mean=40",
         "traffic.session_duration=lognormal:sigma=1,mean=300", "traffic.session_rate=0.01"],
    ]

    @Test(arguments: scenarios)
    func perFlowClosedFormsAgreeWithTheMonteCarlo(settings: [String]) throws {
        let s = try Scenario.default.applying(settings)
        let ids = ["fama", "dma"]
        let closed = try ClosedForm.evaluate(scenario: s, schemes: ids.map(MonteCarloFixtures.card))
        let mc = try MonteCarlo.evaluate(scenario: s, schemes: ids.map(MonteCarloFixtures.card), samples: 400_000, seed: 8, jobs: 2)
        let approximate = try ClosedFormAccuracy.approximations(scenario: s, card: MonteCarloFixtures.card("dma"))
        // The inversion grid (3.3) is the only approximate route of the live sessions' anchors.
        let latencyExact = !settings[0].hasPrefix("mobility.residence=weibull")
        #expect(approximate.contains("handoff_latency") == !latencyExact)
        #expect(approximate.contains("signaling_cost.handoff"))
        for id in ids {
            for (metric, exact) in [("handoff_latency", latencyExact), ("signaling_cost.handoff", false), ("signaling_cost.refresh", false)] {
                let c = try #require(MonteCarloFixtures.find(closed, id, metric)).estimate
                let e = try #require(MonteCarloFixtures.find(mc, id, metric))
                // No refresh in any replication (residences far below the lifetime): the
                // Monte Carlo is exactly 0 with no interval, and the closed form must be ~0.
                let se = e.standardError ?? 0
                let gap = abs(c - e.estimate)
                if exact {
                    #expect(gap <= 4 * se, "\(id) \(metric): closed \(c) vs MC \(e.estimate) ± \(se)")
                } else {
                    #expect(gap <= max(4 * se, 0.02 * abs(e.estimate), 1e-9), "\(id) \(metric): closed \(c) vs MC \(e.estimate) ± \(se)")
                }
            }
        }
    }

    /// The footnote of per-old-anchor signaling names the per-residence route's own
    /// approximation where there is one: none for exponential sessions and residence
    /// (the exact series), the inversion grid for a lognormal residence with uniform
    /// sessions (the campaign's worst FAMA/DMA family), the ψ grid for a gamma residence.
    @Test func oldAnchorFootnoteNamesTheResidenceRoute() throws {
        func reason(_ residence: String, _ session: String) throws -> String {
            var s = Scenario.default
            s.mobility.residence = try .parse(residence)
            s.traffic.sessionDuration = try .parse(session)
            let reasons = try ClosedFormAccuracy.approximationReasons(scenario: s, card: MonteCarloFixtures.card("fama"))
            return try #require(reasons[MetricKey(.signalingCostHandoff)])
        }
        let exponential = try reason("exponential:mean=60", "exponential:mean=300")
        #expect(exponential == ClosedFormAccuracy.firstOrderSignaling)
        #expect(try reason("lognormal:sigma=1.5,mean=60", "uniform:min=10,max=600")
            == ClosedFormAccuracy.firstOrderSignaling + "; " + ClosedFormAccuracy.inversionGridReason)
        #expect(try reason("gamma:shape=2,mean=60", "uniform:min=10,max=600")
            == ClosedFormAccuracy.firstOrderSignaling + "; " + ClosedFormAccuracy.gammaGridReason)
    }
}
