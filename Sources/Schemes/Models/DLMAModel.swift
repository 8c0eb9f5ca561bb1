/// Distributed LMAs: an LMA per domain; the home LMA (H-LMA) of the MN's prefix
/// keeps its location, the visited LMA serves the MAG (draft-chan-netext-distributed-lma).
///
/// Latency: as PMIPv6 with the visited LMA, plus, on a domain crossing (p_d),
/// the V-LMA's location update to the H-LMA and its answer before the PBA:
/// + p_d 2 T_wd(location update, h_LMA-LMA) (ours; exact in the mean).
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

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        ClosedFormValue(
            PMIPv6Model().handoffLatencyMs(c)
                + c.motion.domainCrossingFraction * 2 * c.links.wired(c.size(.locationUpdate), hops: c.hops.lmaLma))
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { PMIPv6Model().dataPath(c) }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.centralAnchor(c, kind: .lma, mns: c.mnsPerDomain), .accessRouter(c, kind: .mag)]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        var parts = PMIPv6Model().latencyParts(c)
        parts.domainFixedMs = 2 * c.links.wired(c.size(.locationUpdate), hops: c.hops.lmaLma)
        return parts
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { PMIPv6Model().pathLegs(c) }
}
