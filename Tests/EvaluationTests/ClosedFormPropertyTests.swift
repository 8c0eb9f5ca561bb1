import Foundation
import Schemes
import Stochastics
import Testing
@testable import Evaluation

/// Properties of the closed forms over parameter grids (docs/ARCHITECTURE.md), with the
/// shipped cards.
@Suite struct ClosedFormPropertyTests {
    static let catalog: SchemeCatalog = {
        GSL.configure()
        return try! SchemeCatalog.load(directory: ModelsLocator.schemesDirectory())
    }()

    static func metrics(_ s: Scenario, _ ids: [String]) throws -> [String: [String: Double]] {
        let cards = try ids.map { try catalog.require($0) }
        var out: [String: [String: Double]] = [:]
        for r in try ClosedForm.evaluate(scenario: s, schemes: cards) { out[r.scheme, default: [:]][r.metric] = r.estimate }
        return out
    }

    static func scenario(_ sets: [String]) throws -> Scenario { try Scenario.default.applying(sets) }

    @Test func pmipv6LatencyBelowMIPv6WhileDADIsOn() throws {
        for loss in ["0", "0.1", "0.3", "0.5"] {
            for arHa in ["2", "8", "16"] {
                for magLma in ["2", "4", "16"] {
                    let s = try Self.scenario([
                        "links.wireless.loss=\(loss)", "topology.ar_ha_hops=\(arHa)", "topology.mag_lma_hops=\(magLma)",
                    ])
                    let m = try Self.metrics(s, ["mipv6", "pmipv6"])
                    #expect(m["pmipv6"]!["handoff_latency"]! < m["mipv6"]!["handoff_latency"]!, "q=\(loss) arHa=\(arHa) magLma=\(magLma)")
                }
            }
        }
    }

    /// Holds while a session lasts up to about ten residences; beyond that the
    /// anchor drifts further than MIPv6's detour through its HA (with RP-1 hops).
    @Test func perFlowDMMStretchBelowMIPv6() throws {
        for residence in ["30", "60", "300", "600"] {
            for session in ["60", "300"] {
                for local in ["0", "0.5", "1"] {
                    let s = try Self.scenario([
                        "mobility.residence.mean=\(residence)", "traffic.session_duration.mean=\(session)",
                        "traffic.local_cn_fraction=\(local)",
                    ])
                    let m = try Self.metrics(s, ["mipv6", "fama", "dmi", "dma"])
                    for id in ["fama", "dmi", "dma"] {
                        #expect(m[id]!["path_stretch"]! < m["mipv6"]!["path_stretch"]!, "\(id) residence=\(residence) session=\(session) local=\(local)")
                    }
                }
            }
        }
    }

    @Test func ghahaSignalingRisesWithItsHACountWhileSAILsStaysFlat() throws {
        var ghaha: [Double] = [], sail: [Double] = []
        for n in [1, 2, 4, 8, 16, 32] {
            let m = try Self.metrics(try Self.scenario(["topology.global_ha_count=\(n)"]), ["ghaha", "sail"])
            ghaha.append(m["ghaha"]!["signaling_cost"]!)
            sail.append(m["sail"]!["signaling_cost"]!)
        }
        #expect(zip(ghaha, ghaha.dropFirst()).allSatisfy { $0 < $1 }, "\(ghaha)")
        // From two HAs on (with one there is no DHT peer to store at or look up: less).
        let peers = sail.dropFirst()
        #expect(sail[0] < sail[1] && peers.allSatisfy { abs($0 - sail[1]) <= 1e-12 * sail[1] }, "\(sail)")
    }

    @Test func centralAnchorBlastRadiusAboveDistributedAnchors() throws {
        for perAR in [10, 50, 200] {
            for arsPerHA in [20, 200] {
                let s = try Self.scenario(["population.mns_per_ar=\(perAR)", "population.mns_per_ha=\(perAR * arsPerHA)"])
                let m = try Self.metrics(s, ["mipv6", "pmipv6", "fama", "dmi", "dma"])
                for central in ["mipv6", "pmipv6"] {
                    for distributed in ["fama", "dmi", "dma"] {
                        #expect(m[central]!["blast_radius"]! > m[distributed]!["blast_radius"]!, "\(central) vs \(distributed), \(perAR) x \(arsPerHA)")
                    }
                }
            }
        }
    }

    /// Carmona-Murillo et al. 2017 (docs/MODELS.md 5.6 T-Q1).
    @Test func dmmSignalingAndLatencyRiseWithSpeedAndSessionLength() throws {
        for id in ["fama", "dmi", "dma"] {
            var bySpeed: [[String: Double]] = []
            for v in ["1", "5", "10", "20", "30"] {
                let s = try Self.scenario(["mobility.crossing_model=fluid_flow", "mobility.speed_mps=\(v)"])
                bySpeed.append(try Self.metrics(s, [id])[id]!)
            }
            var byLength: [[String: Double]] = []
            for t in ["60", "300", "1200", "3600"] {
                byLength.append(try Self.metrics(try Self.scenario(["traffic.session_duration.mean=\(t)"]), [id])[id]!)
            }
            for series in [bySpeed, byLength] {
                let cost = series.map { $0["signaling_cost"]! }, latency = series.map { $0["handoff_latency"]! }
                #expect(zip(cost, cost.dropFirst()).allSatisfy { $0 < $1 }, "\(id) cost \(cost)")
                #expect(zip(latency, latency.dropFirst()).allSatisfy { $0 <= $1 }, "\(id) latency \(latency)")
                #expect(latency.last! > latency.first!, "\(id) latency \(latency)")
            }
        }
    }

    @Test func everyValueFiniteAndNonNegative() throws {
        let grids: [[String]] = [
            [], ["mobility.grid=hexagonal", "mobility.domain_size=2"],
            ["mobility.residence=gamma:shape=0.25,mean=60", "traffic.session_duration=gamma:shape=2,mean=300"],
            ["mobility.residence=weibull:shape=2,mean=30", "links.dad=optimistic", "timers.refresh=false"],
            ["traffic.session_duration=hyperexponential:p=0.9/0.1,mean=100/2100", "traffic.local_cn_fraction=1"],
            ["topology.global_ha_count=1", "links.wireless.loss=0.9"],
        ]
        for sets in grids {
            for preset in ["default", "urban-cdn", "vehicular", "campus"] {
                let s = try ScenarioLibrary.load(preset).applying(sets)
                let rows = try ClosedForm.evaluate(scenario: s, schemes: Self.catalog.cards)
                #expect(Set(rows.map(\.scheme)).count == Self.catalog.cards.count && Self.catalog.cards.count == 15)
                for r in rows { #expect(r.estimate.isFinite && r.estimate >= 0, "\(preset) \(sets) \(r.scheme) \(r.metric) = \(r.estimate)") }
            }
        }
    }

    @Test func signalingScalesWithMessageSizesAndFollowsTheCards() throws {
        var doubled = Scenario.default
        for key in MessageSizeKey.allCases { doubled.messages.sizes[key]! *= 2 }
        let ids = Self.catalog.ids
        let base = try Self.metrics(.default, ids), twice = try Self.metrics(doubled, ids)
        for id in ids {
            let a = base[id]!["signaling_cost"]!, b = twice[id]!["signaling_cost"]!
            #expect(abs(b - 2 * a) <= 1e-12 * a, "\(id)")
            #expect(base[id]!["signaling_rate"] == twice[id]!["signaling_rate"], "\(id)")
        }
        // One size: PMIPv6's PBU over h_MAG-LMA = 4 hops at η = 1/60 per handoff.
        let bigger = try Scenario.default.setting("messages.pbu", to: "176")
        let delta = try Self.metrics(bigger, ["pmipv6"])["pmipv6"]!["signaling_cost.handoff"]! - base["pmipv6"]!["signaling_cost.handoff"]!
        let pbuPerHandoff = Double(Self.catalog.card(id: "pmipv6")!.messages(for: .handoff).filter { $0.size == .pbu }.count)
        #expect(abs(delta - pbuPerHandoff * 100 * 4 / 60) < 1e-9)
        // A card without its handoff messages has no handoff cost: the cost is the card's.
        var card = Self.catalog.card(id: "pmipv6")!
        card.procedures[.handoff] = []
        let rows = try ClosedForm.evaluate(scenario: .default, schemes: [card])
        #expect(rows.first { $0.metric == "signaling_cost.handoff" }?.estimate == 0)
    }

    /// Skipping the session-anchoring closed forms when no chosen scheme reads them changes nothing.
    @Test func schemesWithoutSessionAnchoringGiveTheSameRowsAlone() throws {
        let s = try Self.scenario(["traffic.session_duration=gamma:shape=2,mean=300"])
        let alone = try ClosedForm.evaluate(scenario: s, schemes: try ["mipv6", "pmipv6", "hmipv6"].map { try Self.catalog.require($0) })
        #expect(!ClosedForm.needsSessionAnchoring(try ["mipv6", "pmipv6", "hmipv6"].map { try Self.catalog.require($0) }))
        let all = try ClosedForm.evaluate(scenario: s, schemes: Self.catalog.cards)
        #expect(alone == all.filter { ["mipv6", "pmipv6", "hmipv6"].contains($0.scheme) })
    }
}

/// End-to-end plumbing of scenario values into the closed forms, against hand arithmetic.
@Suite struct ClosedFormPlumbingTests {
    func metric(_ sets: [String], _ id: String, _ name: String) throws -> Double {
        let s = try Scenario.default.applying(sets)
        let rows = try ClosedForm.evaluate(scenario: s, schemes: [try ClosedFormPropertyTests.catalog.require(id)])
        return try #require(rows.first { $0.metric == name }?.estimate)
    }

    /// HMIPv6 latency adds p_d reg(h_AR-HA): square side 3 has p_d = 1/3, a hexagonal
    /// domain of one ring p_d = 3/7 (docs/MODELS.md 2.6). reg(8) with RP-1 links:
    /// 2 T_wl(80) + 2 T_wd(80, 8), T_wl(s) = (1.1/0.9)(8s/11e6·1e3 + 2), T_wd(s, h) = h(8s/1e8·1e3 + 1).
    @Test func domainCrossingFractionReachesHMIPv6Latency() throws {
        let reg = 2 * (1.1 / 0.9) * (8 * 80 / 11e6 * 1000 + 2) + 2 * 8 * (8 * 80 / 1e8 * 1000 + 1)
        let square = try metric([], "hmipv6", "handoff_latency")
        let hexagonal = try metric(["mobility.grid=hexagonal", "mobility.domain_size=1"], "hmipv6", "handoff_latency")
        #expect(abs((hexagonal - square) - (3.0 / 7 - 1.0 / 3) * reg) < 1e-9)
    }

    /// Fluid flow (2.7): η = 4v/(√3 π a) for hexagons; MIPv6 sends BU + BA (80 B each,
    /// 1 + 8 hops) per handoff: 1440 η byte-hops/s.
    @Test func fluidFlowSpeedSetsTheHandoffRate() throws {
        let eta = 4 * 10 / (3.0.squareRoot() * Double.pi * 100)
        let cost = try metric(["mobility.crossing_model=fluid_flow", "mobility.speed_mps=10"], "mipv6", "signaling_cost.handoff")
        #expect(abs(cost - 1440 * eta) < 1e-9 * cost)
    }

    /// Per-flow DMM (FAMA): the tunnelled fraction is the time away from the first AR.
    /// Default scenario: exponential residence 60 s and sessions 300 s, so α(j) = (1 − p)p^j
    /// with p = η/(η + μ) = 5/6, and on the square grid Σ_j α(j) P(D_j = 0) =
    /// (1 − p)(2/π)K(p) = (1 − p)/AGM(1, √(1 − p²)) (§3.1-3.2). The DAR's blast radius is
    /// M ρ (1 + that fraction) with M = 50 MNs per AR and ρ = (1/300)·300 = 1.
    @Test func perFlowTunnelledFractionIsTimeAwayFromTheFirstAR() throws {
        let p = 5.0 / 6
        var (a, b) = (1.0, (1 - p * p).squareRoot())
        for _ in 0..<40 { (a, b) = ((a + b) / 2, (a * b).squareRoot()) }
        let away = 1 - (1 - p) / a
        #expect(abs(try metric([], "fama", "tunnelled_fraction") - away) < 1e-10)
        #expect(abs(try metric([], "fama", "blast_radius.dar") - 50 * (1 + away)) < 1e-8)
    }

    /// Refreshes per residence Σ_{n≥1} F^c(n T_L) (docs/MODELS.md 4).
    @Test func bindingRefreshRate() throws {
        // Deterministic residence 100 s, lifetime 30 s: refreshes at 30, 60, 90 s → 3 per 100 s.
        #expect(abs(try BindingRefresh.rate(residence: try .deterministic(value: 100), lifetime: 30) - 0.03) < 1e-15)
        // Uniform on [0, 100], lifetime 40: F^c(40) + F^c(80) = 0.6 + 0.2 per 50 s mean.
        #expect(abs(try BindingRefresh.rate(residence: try .uniform(min: 0, max: 100), lifetime: 40) - 0.8 / 50) < 1e-15)
        // Exponential mean 60, lifetime 420: η e^{−7}/(1 − e^{−7}).
        let x = exp(-7.0)
        #expect(abs(try BindingRefresh.rate(residence: try .exponential(mean: 60), lifetime: 420) - x / (1 - x) / 60) < 1e-18)
    }
}
