import Foundation
import Mobility
import Schemes
import Stochastics

/// Scheme, link and failure cases on RP-1 (the default scenario is RP-1:
/// docs/MODELS.md 5.3 hops, 5.2 sizes with PBU = PBA = 76 B, 6.1 links).
extension ValidationCatalog {
    /// Byte-hops per occurrence of `events`, weighted as the scenario's signaling
    /// cost weighs them (handoff 1, domain handoff p_d), from the card's procedures
    /// through `SignalingCost`, restricted to `keep` messages.
    static func byteHopsPerHandoff(
        _ card: SchemeCard, scenario s: Scenario, events: [ProcedureEvent]
    ) throws -> Double {
        let model = try SchemeModels.require(card)
        let motion = try MotionCache.shared.motion(s, sessionAnchoring: ClosedForm.needsSessionAnchoring([card]))
        let c = SchemeContext(scenario: s, motion: motion)
        var procedures: SignalingProcedures = [:]
        for e in events { procedures[e] = card.messages(for: e) }
        let cost = SignalingCost(procedures: procedures, model: model, context: c, periods: .init(s),
                                 wirelessWeight: s.messages.wirelessWeight, wiredWeight: s.messages.wiredWeight)
        return cost.handoff.byteHopsPerS / motion.crossingRate
    }

    static func card(_ id: String, in cards: [SchemeCard]) throws -> SchemeCard {
        guard let c = cards.first(where: { $0.id == id }) else {
            throw SchemeCatalogError("validation needs the '\(id)' scheme card; the catalogue has \(cards.map(\.id).joined(separator: ", "))")
        }
        return c
    }

    static func metric(_ key: MetricKey, scheme: String, scenario: Scenario, cards: [SchemeCard]) throws -> Double {
        let name = key.id
        let rows = try ClosedForm.evaluate(scenario: scenario, schemes: [try card(scheme, in: cards)])
        guard let row = rows.first(where: { $0.metric == name }) else { throw SchemeCatalogError("\(scheme) has no \(name)") }
        return row.estimate
    }

    static func schemeCases(cards: [SchemeCard]) -> [Group] {
        let src = "\(am) 5.4 (card procedures, RP-1)"
        let rp1 = Scenario.default
        func cost(_ id: String, _ scheme: String, _ what: String, _ printed: String, _ events: [ProcedureEvent],
                  scenario: @escaping () throws -> Scenario = { rp1 }, note: String? = nil) -> Group {
            one(id, what, src) {
                ValidationCase(
                    id: id, quantity: what, source: src, printed: printed,
                    computed: try byteHopsPerHandoff(try card(scheme, in: cards), scenario: try scenario(), events: events),
                    note: note)
            }
        }
        var out = [
            cost("cost.mipv6", "mipv6", "MIPv6 (BT) handoff signaling (byte-hops per handoff)", "1440", [.handoff]),
            cost("cost.hmipv6.intra", "hmipv6", "HMIPv6 intra-domain handoff signaling (byte-hops)", "480", [.handoff]),
            one("cost.hmipv6.inter", "HMIPv6 inter-domain handoff", src) {
                let c = try card("hmipv6", in: cards)
                let value = try byteHopsPerHandoff(c, scenario: rp1, events: [.handoff])
                    + byteHopsPerHandoff(c, scenario: try rp1.setting("mobility.domain_size", to: "1"), events: [.domainHandoff])
                return ValidationCase(
                    id: "cost.hmipv6.inter", quantity: "HMIPv6 inter-domain handoff signaling (byte-hops)", source: src,
                    printed: "1920", computed: value,
                    note: "card's handoff + domain_handoff messages (domain_handoff weighted by p_d = 1 with domain size 1)")
            },
            cost("cost.hmipv6.mean-square9", "hmipv6", "HMIPv6 mean per AR crossing, square N=9 (byte-hops)", "960",
                 [.handoff, .domainHandoff], note: "card's handoff + p_d × domain_handoff, p_d = 1/3 (square side 3)"),
            cost("cost.hmipv6.mean-hex1", "hmipv6", "HMIPv6 mean per AR crossing, hexagonal n=1 (byte-hops)", "1097.14",
                 [.handoff, .domainHandoff],
                 scenario: { try rp1.setting("mobility.grid", to: "hexagonal").setting("mobility.domain_size", to: "1") },
                 note: "card's handoff + p_d × domain_handoff, p_d = 3/7 (hexagonal, 1 ring)"),
            cost("cost.pmipv6.registration", "pmipv6", "PMIPv6 registration PBU+PBA (byte-hops per handoff)", "608",
                 [.handoff], scenario: { try rp1.setting("messages.deregistration", to: "false") },
                 note: "messages.deregistration=false: the registration pair only (the default, true, adds the previous MAG's de-registration PBU/PBA, RFC 5213 6.9.1.3: 1216)"),
        ]
        let stretches: [(String, String, String, String, () throws -> Scenario)] = [
            ("stretch.mipv6", "mipv6", "MIPv6 (BT) path stretch, RP-1", "1.6667", { rp1 }),
            ("stretch.pmipv6", "pmipv6", "PMIPv6 path stretch, RP-1", "1.2222", { rp1 }),
            ("stretch.dma", "dma", "DMM (DMA) path stretch, RP-1, exp/exp, μ=η", "1.078567",
             { try rp1.setting("mobility.residence.mean", to: "300") }),
        ]
        for (id, scheme, what, printed, scenario) in stretches {
            out.append(one(id, what, "\(am) 5.5") {
                ValidationCase(id: id, quantity: what, source: "\(am) 5.5", printed: printed,
                               computed: try metric(MetricKey(.pathStretch), scheme: scheme, scenario: try scenario(), cards: cards))
            })
        }
        return out
    }

    static func linkAndFailureCases(cards: [SchemeCard]) -> [Group] {
        var out: [Group] = []
        let src61 = "\(am) 6.1"
        func links() throws -> SchemeContext.Links {
            let s = try Scenario.default.setting("links.wireless.loss", to: "0")
            return SchemeContext(scenario: s, motion: try MotionCache.shared.motion(s, sessionAnchoring: false)).links
        }
        let components: [(String, String, String, (SchemeContext.Links) -> Double)] = [
            ("link.twl.rs56", "T_wl(RS = 56 B) (ms), q = 0", "2.0407", { $0.wireless(56) }),
            ("link.twl.ra96", "T_wl(RA = 96 B) (ms), q = 0", "2.0698", { $0.wireless(96) }),
            ("link.twl.bu80", "T_wl(BU = 80 B) (ms), q = 0", "2.0582", { $0.wireless(80) }),
            ("link.twd.80b1hop", "T_wd(80 B, 1 hop) (ms)", "1.0064", { $0.wired(80, hops: 1) }),
            ("link.twd.76b1hop", "T_wd(76 B, 1 hop) (ms)", "1.0061", { $0.wired(76, hops: 1) }),
        ]
        for (id, what, printed, f) in components {
            out.append(one(id, what, src61) {
                ValidationCase(id: id, quantity: what, source: src61, printed: printed, computed: f(try links()))
            })
        }
        let waits: [(String, String, Double, Double, String, Double)] = [
            ("ra-wait.fast", "mean wait for an unsolicited RA (ms), intervals U[30, 70] ms: E[R] of the interval law", 30, 70, "26.33", 1),
            ("ra-wait.rfc4861", "mean wait for an unsolicited RA (s), intervals U[3, 10] s: E[R] of the interval law", 3, 10, "3.5641", 1),
        ]
        for (id, what, a, b, printed, scale) in waits {
            out.append(one(id, what, "\(am) 6.2") {
                ValidationCase(id: id, quantity: what, source: "\(am) 6.2", printed: printed,
                               computed: try ProbabilityLaw.uniform(min: a, max: b).residualMean * scale)
            })
        }
        out.append(one("failover.harp", "HARP failover", "\(am) 7.2") {
            let s = try Scenario.default.setting("links.wireless.loss", to: "0")
                .setting("topology.ar_nearest_ha_hops", to: "2")
            let value = try metric(MetricKey(.outage, element: .ha), scheme: "ghaha", scenario: s, cards: cards)
            return ValidationCase(
                id: "failover.harp", quantity: "HARP mean interruption (s): T_det + T_sw + T_reg, T_h = 1 s, k = 3, q = 0",
                source: "\(am) 7.2", printed: "2.530", computed: value,
                note: "GHAHA's HA outage with h_AR-HAnear + h_HA-HA = 2 + 6 = 8 = RP-1 h_AR-HA")
        })
        out.append(one("failure.p-hit", "P_hit", "\(am) 7.3") {
            let lambda = 1 / TimeConstants.secondsPerYear
            return ValidationCase(
                id: "failure.p-hit", quantity: "P(session meets an anchor failure) = 1 − G*(1/MTBF), MTBF 1 year, exp session 300 s",
                source: "\(am) 7.3", printed: "9.5128e-6",
                computed: try exp(300).laplaceComplement(lambda))
        })
        return out
    }
}
