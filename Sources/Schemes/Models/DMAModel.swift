/// Dynamic Mobility Anchoring: network-based per-flow DMM, every AR a MAR (AR + LMA + MAG).
///
/// Latency of active sessions: T_L2 + T_wd(PBU, h_AA·D) + T_wd(PBA, h_AA·D) + T_wl(RA)
/// (RFC 8885 relay template without a CMD, 8) for a session whose anchor is not the
/// new MAR, T_L2 + T_wl(RA) for one back at it; exact where the sessions' anchors are (3.4).
/// New sessions: T_L2 + T_wl(RA) + T_DAD: the unsolicited RA carries the new MAR's
/// prefix, the MN configures an address from it and runs DAD before using it
/// (RFC 4862; 0 with optimistic DAD); no RS (the MAR advertises on attachment, as
/// a PMIPv6 MAG) and no anchor update (docs/MODELS.md, decision of issue 11).
/// Active sessions keep their old prefixes, so their latency has no DAD.
/// Path: `PerFlowAnchoring`.
/// Ours: the new MAR learns the old anchors at no signaling cost (the draft is silent).
public struct DMAModel: SchemeModel {
    public init() {}
    public var id: String { "dma" }

    /// A session back at its anchor (the new MAR) waits T_L2 + T_wl(RA) only; the others
    /// also the PBU/PBA to their anchor: (1 − π₀)(T_wd(PBU, h) + T_wd(PBA, h)), h the
    /// mean hops to the anchor of a session away from it (`PerFlowAnchoring.sessionAnchors`).
    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        let (atAnchor, h) = PerFlowAnchoring.sessionAnchors(c)
        return ClosedFormValue(
            c.links.l2HandoffMs + (1 - atAnchor) * (c.links.wired(c.size(.pbu), hops: h) + c.links.wired(c.size(.pba), hops: h))
                + c.links.wireless(c.size(.ra)), PerFlowAnchoring.latencyExactness(c))
    }

    public func newSessionLatency(_ c: SchemeContext) -> ClosedFormValue? {
        ClosedFormValue(c.links.l2HandoffMs + c.links.wireless(c.size(.ra)) + c.links.dadMs)
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { PerFlowAnchoring.dataPath(c) }

    public var usesSessionAnchoring: Bool { true }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.anchoringAccessRouter(c, kind: .mar)]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        let l = c.links, h = c.hops
        var parts = HandoffLatencyParts(
            fixedMs: l.l2HandoffMs, detection: .networkRA,
            perAnchorStepMs: l.wired(c.size(.pbu), hops: h.arAr) + l.wired(c.size(.pba), hops: h.arAr))
        parts.newSessionFixedMs = l.l2HandoffMs + l.dadMs
        parts.atAnchorFixedMs = l.l2HandoffMs
        return parts
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { PerFlowAnchoring.pathLegs(c) }
}
