/// What the per-flow DMM schemes (FAMA, DMI, DMA) share: a flow stays anchored
/// at the AR where it started and is tunnelled h_AA·D hops to the serving AR
/// (docs/MODELS.md 5.5):
/// σ = 1 + h_AA E_pkt[D]/(H + 1) with H = h_CN-AR (remote CN at equal distance
/// from every AR) or h_loc (local CN); tunnel hops h_AA E_pkt[D]; tunnelled
/// fraction: the time away from the first AR, Σ_j α(j) P(D_j ≠ 0) (3.1-3.2; a walk
/// back at the anchor AR is not tunnelled). Exact in the mean for the remote-CN assumption.
enum PerFlowAnchoring {
    static func dataPath(_ c: SchemeContext) -> DataPath {
        let tunnel = c.hops.arAr * c.motion.meanAnchorDistance
        return .mix(
            c, remoteUsed: c.hops.cnAr + tunnel + 1, localUsed: c.hops.localCN + tunnel + 1,
            remoteTunnel: tunnel, localTunnel: tunnel, tunnelledFraction: c.motion.tunnelledFraction)
    }

    /// The simulated path: the shortest one at the anchor AR, plus h_AA per grid step away from it.
    static func pathLegs(_ c: SchemeContext) -> PathLegs {
        let h = c.hops
        return PathLegs(
            remote: .init(used0: h.cnAr + 1, tunnel0: 0, shortest: h.cnAr + 1),
            local: .init(used0: h.localCN + 1, tunnel0: 0, shortest: h.localCN + 1), perFlowStepHops: h.arAr)
    }

    /// The exactness of a per-flow handoff latency: exact where the live sessions'
    /// anchors are (`Assumptions.perFlowAnchorsExact`: `AnchorResidences.isExact`,
    /// every route of sessions_j but the inversion grid, docs/MODELS.md 3.4).
    static func latencyExactness(_ c: SchemeContext) -> Exactness {
        c.assumptions.perFlowAnchorsExact
            ? .exact
            : .approximate(because: "the anchors of the sessions active at a DMM handoff (a grid in the age against the residence sums' law by numerical Laplace inversion, docs/MODELS.md 3.4: within 3e-4 of ρ per residence)")
    }

    /// (P(a live session is at its anchor, the new serving AR), wired hops from the
    /// serving AR to the anchor of one that is not): from `Motion.sessionsAtHandoff`,
    /// else (hand-built contexts) none at the anchor and h_AA × `oldAnchorSteps`.
    static func sessionAnchors(_ c: SchemeContext) -> (atAnchor: Double, awayHops: Double) {
        guard let s = c.motion.sessionsAtHandoff else { return (0, c.hops.arAr * c.motion.oldAnchorSteps) }
        return (s.atAnchorFraction, c.hops.arAr * s.awaySteps)
    }

    /// Handoff latency of an active session in the client-based per-flow schemes (FAMA, DMI), ms:
    /// T_L2 + MD + T_DAD, plus reg(h_AA·D) for a session whose anchor is not the new
    /// serving AR (BUs to all old anchors in parallel, each session waiting for its own
    /// anchor, docs/MODELS.md 6.3): T_L2 + MD + T_DAD + (1 − π₀) reg(h_AA·E[D | D ≠ 0]),
    /// π₀ the live sessions' share back at their anchor (reg is linear in the hops).
    static func clientHandoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        let (atAnchor, hops) = sessionAnchors(c)
        return ClosedFormValue(
            c.clientAttachMs + (1 - atAnchor) * c.links.registration(request: c.size(.bu), ack: c.size(.ba), hops: hops),
            latencyExactness(c))
    }

    /// The simulated parts of `clientHandoffLatency`: the BU/BA's wired legs per simulated grid step.
    static func clientLatencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        let l = c.links, h = c.hops
        var parts = HandoffLatencyParts(
            fixedMs: l.l2HandoffMs + l.dadMs, detection: .client,
            registrationAir: (l.attemptMs(c.size(.bu)), l.attemptMs(c.size(.ba))),
            perAnchorStepMs: l.wired(c.size(.bu), hops: h.arAr) + l.wired(c.size(.ba), hops: h.arAr))
        parts.newSessionFixedMs = l.l2HandoffMs + l.dadMs
        return parts
    }
}
