/// Dynamic Mobility Anchoring: network-based per-flow DMM, every AR a MAR (AR + LMA + MAG).
///
/// Latency of active sessions: T_L2 + T_wd(PBU, h_AA·D) + T_wd(PBA, h_AA·D) + T_wl(RA)
/// (RFC 8885 relay template without a CMD, 8); APPROXIMATION in D as for FAMA.
/// New sessions: T_L2 + T_wl(RA) (no DAD, no anchor update). Path: `PerFlowAnchoring`.
/// Ours: the new MAR learns the old anchors at no signaling cost (the draft is silent).
public struct DMAModel: SchemeModel {
    public init() {}
    public var id: String { "dma" }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        let h = PerFlowAnchoring.oldAnchorHops(c)
        return ClosedFormValue(
            c.links.l2HandoffMs + c.links.wired(c.size(.pbu), hops: h) + c.links.wired(c.size(.pba), hops: h)
                + c.links.wireless(c.size(.ra)), PerFlowAnchoring.firstOrderLatency)
    }

    public func newSessionLatency(_ c: SchemeContext) -> ClosedFormValue? {
        ClosedFormValue(c.links.l2HandoffMs + c.links.wireless(c.size(.ra)))
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
        parts.newSessionFixedMs = l.l2HandoffMs
        return parts
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { PerFlowAnchoring.pathLegs(c) }
}
