import Evaluation
import Foundation
import Schemes
import Stochastics
import Testing

/// The Monte Carlo intervals against the closed forms where those are exact under
/// the scenario (exponential residence and sessions, square grid: see `MonteCarlo`).
@Suite struct MonteCarloCoverageTests {
    /// Widens a 95 % interval to ±4 standard errors (the standards' 3-4 SE rule), so
    /// ~50 exact checks at fixed seeds do not fail by chance.
    static func covers(_ mc: MetricEstimate, _ exact: Double) -> Bool {
        let half = (mc.ciHigh! - mc.ciLow!) / 2
        let se = half / 1.96
        return abs(mc.estimate - exact) <= max(4 * se, 1e-9 * max(1, abs(exact)))
    }

    static let exactPerNode: [String] = [
        "signaling_cost", "signaling_cost.handoff", "signaling_cost.refresh", "signaling_cost.session_setup",
        "signaling_cost.overhead", "signaling_rate", "handoff_latency", "path_stretch", "tunnelled_fraction",
        "tunnel_overhead", "blast_radius", "unreachable_mns", "outage", "failure_probability", "disruption",
    ]

    @Test(arguments: ["mipv6", "pmipv6", "hmipv6", "spmip", "sdpmip", "ghaha"])
    func perNodeSchemesCoverExactClosedForms(_ id: String) throws {
        var s = MonteCarloFixtures.scenario
        s.traffic.localCNFraction = 0.3  // exercise both CN legs
        let mc = try MonteCarlo.evaluate(scenario: s, schemes: [MonteCarloFixtures.card(id)], samples: 120_000, seed: 7, jobs: 2)
        let cf = try MonteCarloFixtures.closedForms(s, scheme: id)
        for metric in Self.exactPerNode {
            guard let exact = MonteCarloFixtures.find(cf, id, metric)?.estimate,
                  let est = MonteCarloFixtures.find(mc, id, metric) else { continue }
            #expect(Self.covers(est, exact), "\(id) \(metric): closed form \(exact) vs MC \(est.estimate) [\(est.ciLow!), \(est.ciHigh!)]")
        }
    }

    /// Per-flow DMM: the data path (Σ α(j) E[D_j], r*(μ)) is exact for exponential laws on the square grid.
    @Test(arguments: ["fama", "dmi", "dma"])
    func perFlowPathCoversExactClosedForms(_ id: String) throws {
        let s = MonteCarloFixtures.scenario
        let mc = try MonteCarlo.evaluate(scenario: s, schemes: [MonteCarloFixtures.card(id)], samples: 120_000, seed: 11, jobs: 2)
        let cf = try MonteCarloFixtures.closedForms(s, scheme: id)
        for metric in ["path_stretch", "tunnel_overhead", "handoff_latency_new_session"] {
            let exact = try #require(MonteCarloFixtures.find(cf, id, metric)).estimate
            let est = try #require(MonteCarloFixtures.find(mc, id, metric))
            #expect(Self.covers(est, exact), "\(id) \(metric): closed form \(exact) vs MC \(est.estimate) [\(est.ciLow!), \(est.ciHigh!)]")
        }
    }

    /// Approximations are held to a stated tolerance, within 25 % of the simulated
    /// value: first-order per-flow signaling and latency (E[N_a] per residence, mean
    /// anchor distance), tunnelled fraction and DAR blast radius (the closed form
    /// counts a session whose MN came back to its anchor AR as tunnelled: 1 − α(0)),
    /// DLMA's previous-LMA distance (closed form: `oldAnchorSteps`; simulated: the AR
    /// just left), SAIL's outage (next BU as if refreshes were Poisson).
    @Test(arguments: ["fama", "dma", "sail", "dlma"])
    func approximationsWithinStatedTolerance(_ id: String) throws {
        let s = MonteCarloFixtures.scenario
        let mc = try MonteCarlo.evaluate(scenario: s, schemes: [MonteCarloFixtures.card(id)], samples: 60_000, seed: 3, jobs: 2)
        let cf = try MonteCarloFixtures.closedForms(s, scheme: id)
        for metric in ["signaling_cost", "handoff_latency", "outage", "tunnelled_fraction", "blast_radius"] {
            let approx = try #require(MonteCarloFixtures.find(cf, id, metric)).estimate
            let est = try #require(MonteCarloFixtures.find(mc, id, metric)).estimate
            #expect(abs(approx - est) <= 0.25 * est, "\(id) \(metric): closed form \(approx) vs MC \(est)")
        }
    }
}
