/// The data path shared by the per-flow DMM schemes (FAMA, DMI, DMA): a flow
/// stays anchored at the AR where it started and is tunnelled h_AA·D hops to
/// the serving AR (analytic-models.md 5.5):
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

    /// Wired hops from the serving AR to an old anchor: h_AA × `oldAnchorSteps` (approximation).
    static func oldAnchorHops(_ c: SchemeContext) -> Double { c.hops.arAr * c.motion.oldAnchorSteps }

    /// Handoff latency of an active session in the client-based per-flow schemes (FAMA, DMI), ms:
    /// T_L2 + MD + T_DAD + reg(h_AA·D), BUs to all old anchors in parallel, each session waiting
    /// for its own anchor (analytic-models.md 6.3); APPROXIMATION: D is `oldAnchorSteps`.
    static func clientHandoffLatencyMs(_ c: SchemeContext) -> Double {
        c.clientAttachMs + c.links.registration(request: c.size(.bu), ack: c.size(.ba), hops: oldAnchorHops(c))
    }
}
