/// Distributed LMAs: an LMA per domain; the home LMA (H-LMA) of the MN's prefix
/// keeps its location, the visited LMA serves the MAG (draft-chan-netext-distributed-lma).
///
/// Latency (docs/MODELS.md, "Handoff latency", decision of issue 11): as PMIPv6
/// with the H-LMA at h_MAG-LMA: T_L2 + T_wd(PBU, h) + T_wd(PBA, h) + T_wl(RA),
/// exact. The card's edge variant makes the serving AR the D-LMA, which registers
/// with the H-LMA at every handoff, so there is no separate V-LMA to H-LMA
/// exchange on a domain crossing (the card sends none); the location update to
/// the previous D-LMA (one grid step) runs in parallel with the PBU and is not on
/// the critical path.
/// Path: as PMIPv6 (ours, first order: the originating LMA's cache points at
/// the visited LMA, so packets enter the domain once). H-LMA failure breaks
/// the sessions of the prefixes it anchors, M_domain ρ, until repair.
public struct DLMAModel: SchemeModel {
    public init() {}
    public var id: String { "dlma" }

    public func hops(_ a: Role, _ b: Role, in c: SchemeContext) -> Double? {
        switch (a, b) {
        case (.lma, .locationServer), (.locationServer, .lma), (.lma, .oldAnchor), (.oldAnchor, .lma): return c.hops.lmaLma
        default: return nil
        }
    }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue { PMIPv6Model().handoffLatency(c) }

    public func dataPath(_ c: SchemeContext) -> DataPath { PMIPv6Model().dataPath(c) }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.centralAnchor(c, kind: .lma, mns: c.mnsPerDomain), .accessRouter(c, kind: .mag)]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts { PMIPv6Model().latencyParts(c) }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { PMIPv6Model().pathLegs(c) }
}
