import Schemes

/// The busiest anchor of a scheme for its population (docs/MODELS.md 5.8): the
/// element kind that holds the MNs' bindings (HA, MAP, LMA, DAR, MAR, temporary HA,
/// or a location server such as RFC 8885's CMD) and serves the most MNs, read from
/// the model's failure elements (`FailureElement.mnsServed`: one central HA for
/// `population.mns_per_ha` MNs, N_HA HAs of a global set sharing them, an LMA or MAP
/// for the domain's ARs × `population.mns_per_ar`, an anchoring AR for its own MNs).
/// No scheme is named: the kinds and the cards' message receivers decide.
///
/// "Busiest" under the model: the anchors of one kind are statistically alike
/// (stationary MNs spread uniformly over ARs, domains and the HAs of a set), so the
/// figure is the mean per anchor of that kind; for a central anchor it is the
/// anchor itself. Ranked by MNs served (times the binding copies per MN of a global
/// HA set, `replicas`), the same in the closed form and the Monte Carlo.
struct BusiestAnchor: Sendable {
    let kind: ElementKind
    /// The card roles that are this anchor (an HA of a global set is `ha` for its own
    /// MNs and `peer_ha` for the others'; an anchoring AR is `serving_ar` and `old_anchor`).
    let roles: [Role]
    /// MNs per anchor of the kind.
    let mnsServed: Double
    /// An anchoring AR (per-flow DMM): it holds a binding per MN with a live session anchored there.
    let perFlow: Bool
    /// Copies of an MN's binding at peer HAs: Σ n(m) over the handoff messages an HA sends to
    /// peer HAs (GHAHA's state synchronisation N_HA − 1, SAIL's DHT store 1; 0 elsewhere).
    let replicas: Double

    /// The busiest anchor among `elements`, nil when the scheme has none (SD-PMIP: MAGs only).
    static func of(elements: [FailureElement], procedures: SignalingProcedures, context c: SchemeContext) -> BusiestAnchor? {
        var best: (BusiestAnchor, Double)?
        for e in elements {
            guard let roles = roles(of: e.kind) else { continue }
            let perFlow = e.dependency == .servingOrAnchor
            var replicas = 0.0
            if e.kind == .ha {
                for m in procedures[.handoff] ?? [] where m.from == .ha && m.to == .peerHA && SignalingCost.exists(m, in: c) {
                    replicas += SignalingCost.count(m.repeatRule, event: .handoff, context: c)
                }
            }
            let a = BusiestAnchor(kind: e.kind, roles: roles, mnsServed: e.mnsServed, perFlow: perFlow, replicas: replicas)
            let rank = e.mnsServed * (1 + replicas)
            if best == nil || rank > best!.1 { best = (a, rank) }
        }
        return best?.0
    }

    /// The card roles of an anchor kind; nil for kinds that hold no binding of the MN's
    /// sessions (a plain AR, a MAG: the access side).
    static func roles(of kind: ElementKind) -> [Role]? {
        switch kind {
        case .ha: return [.ha, .peerHA]
        case .map: return [.map]
        case .lma: return [.lma]
        // S-PMIP's LMA is its location server (kind location_server, card role lma);
        // no scheme has both an LMA element and a location server.
        case .locationServer: return [.locationServer, .lma]
        case .dar, .mar, .temporaryHA: return [.servingAR, .oldAnchor]
        case .ar, .mag: return nil
        }
    }

    /// Whether this anchor receives `message`.
    func receives(_ message: SignalingMessage) -> Bool { roles.contains(message.to) }

    /// Bindings held, closed form: M (1 + replicas) for a per-node anchor (every MN it
    /// serves holds one binding at all times, plus the copies synchronised from peers);
    /// M E[N_b] for an anchoring AR, E[N_b] the distinct ARs anchoring ≥ 1 live session of an
    /// MN at a random instant, the serving AR included (`Motion.liveAnchorARs`,
    /// `LiveAnchorARs`: what the simulation's probes count; a revisited AR is one binding).
    /// A hand-built context without it falls back to E[N_a] (`Motion.anchorsInUse`, per residence).
    func bindings(_ c: SchemeContext) -> Double {
        perFlow ? mnsServed * (c.motion.liveAnchorARs ?? c.motion.anchorsInUse) : mnsServed * (1 + replicas)
    }
}
