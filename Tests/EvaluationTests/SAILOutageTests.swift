import Foundation
import Schemes
import Stochastics
import Testing
@testable import Evaluation

/// Issue 11 defect 5: SAIL's outage after an HA failure is hello detection plus the
/// wait for the MN's next binding update, with handoffs a renewal process of the
/// residence law and refreshes a lifetime after the last BU (not a Poisson stream).
@Suite struct SAILOutageTests {
    static let catalog: SchemeCatalog = {
        GSL.configure()
        return try! SchemeCatalog.load(directory: ModelsLocator.schemesDirectory())
    }()

    static func outage(_ sets: [String]) throws -> (value: Double, exact: Bool) {
        let s = try Scenario.default.applying(sets)
        let card = try catalog.require("sail")
        let rows = try ClosedForm.evaluate(scenario: s, schemes: [card])
        let approximate = try ClosedFormAccuracy.approximations(scenario: s, card: card)
        return (rows.first { $0.metric == "outage" }!.estimate, !approximate.contains("outage"))
    }

    /// Residence 300 s, lifetime 420 s: one BU per residence, so the wait is 300/2 = 150 s;
    /// hello detection (k − ½) T_h from the scenario.
    @Test func deterministicResidence() throws {
        let s = Scenario.default
        let detection = (Double(s.timers.haHelloMisses) - 0.5) * s.timers.haHelloIntervalS
        #expect(s.timers.refresh && s.timers.bindingLifetimeS > 300)
        let got = try Self.outage(["mobility.residence=deterministic:value=300"])
        #expect(abs(got.value - (detection + 150)) < 1e-9)
        #expect(abs(got.value - 152.5) < 1e-9)
        #expect(got.exact)
        // Residence 1000 s: refreshes at 420 and 840 s, gaps 420, 420, 160 → (2·420² + 160²)/2000.
        let long = try Self.outage(["mobility.residence=deterministic:value=1000"])
        #expect(abs(long.value - (detection + (2 * 420.0 * 420 + 160 * 160) / 2000)) < 1e-9)
    }

    /// Exponential residence with refresh: m − T q/(1 − q), q = e^{−T/m} (summed by hand), exact.
    @Test func exponentialResidenceWithRefresh() throws {
        let s = Scenario.default
        let detection = (Double(s.timers.haHelloMisses) - 0.5) * s.timers.haHelloIntervalS
        let m = 600.0, t = s.timers.bindingLifetimeS
        let q = exp(-t / m)
        let got = try Self.outage(["mobility.residence=exponential:mean=600"])
        #expect(abs(got.value - (detection + m - t * q / (1 - q))) < 1e-6)
        #expect(got.exact)
    }
}
