import Evaluation
import Foundation
import Schemes
import Testing

/// `messages.deregistration` (issue 11, also-found item): PMIPv6's handoff counts the
/// previous MAG's de-registration PBU/PBA (RFC 5213 section 6.9.1.3) only when it is
/// true. Both values are checked by hand and against the Monte Carlo.
@Suite struct PMIPv6DeregistrationTests {
    /// Handoff signaling by hand at the default scenario: every PBU/PBA goes MAG to
    /// LMA over h_MAG-LMA = 4 wired hops and no air hop, 76 bytes each, at η = 1/60 per
    /// second: 4 messages (de-registration pair + registration pair) give
    /// 4 × 76 × 4 / 60 = 20.267 byte-hops/s; without the
    /// de-registration, 2 × 76 × 4 / 60 = 10.133 (the reference notes' 608 per handoff).
    @Test(arguments: [true, false])
    func handoffSignalingCountsTheDeregistrationOnlyWhenAsked(deregistration: Bool) throws {
        var s = Scenario.default
        s.messages.countDeregistration = deregistration
        let pairs = deregistration ? 2.0 : 1.0
        let byteHops = pairs * 2 * 76 * 4 / 60
        let closed = try MonteCarloFixtures.closedForms(s, scheme: "pmipv6")
        let cost = try #require(MonteCarloFixtures.find(closed, "pmipv6", "signaling_cost.handoff")).estimate
        #expect(abs(cost - byteHops) <= 1e-12 * byteHops, "closed form \(cost) vs hand \(byteHops)")
        let mc = try MonteCarlo.evaluate(
            scenario: s, schemes: [MonteCarloFixtures.card("pmipv6")], samples: 262_144, seed: 11, jobs: 2)
        let est = try #require(MonteCarloFixtures.find(mc, "pmipv6", "signaling_cost.handoff"))
        let se = try #require(est.standardError)
        #expect(se > 0 && abs(est.estimate - byteHops) <= 4 * se, "MC \(est.estimate) ± \(se) vs hand \(byteHops)")
    }
}
