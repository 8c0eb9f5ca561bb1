/// Proxy Mobile IPv6 with one LMA per domain (RFC 5213).
///
/// Exact under the scenario: latency T_L2 + T_wd(PBU, h) + T_wd(PBA, h) + T_wl(RA)
/// with h = h_MAG-LMA (6.3; no DAD: per-MN prefix); stretch
/// (h_CN-LMA + h_MAG-LMA + 1)/(h_CN-AR + 1) (5.5); LMA failure breaks the domain's
/// sessions until repair (RFC 5847 heartbeats detect it, nothing takes over).
/// Inter-domain moves are treated as intra-domain (the LMA is reached from every MAG).
public struct PMIPv6Model: SchemeModel {
    public init() {}
    public var id: String { "pmipv6" }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        ClosedFormValue(
            c.links.l2HandoffMs + c.links.wired(c.size(.pbu), hops: c.hops.magLma)
                + c.links.wired(c.size(.pba), hops: c.hops.magLma) + c.links.wireless(c.size(.ra)))
    }

    public func dataPath(_ c: SchemeContext) -> DataPath {
        .viaCentralAnchor(c, cnToAnchor: c.hops.cnLma, anchorToAR: c.hops.magLma)
    }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.centralAnchor(c, kind: .lma, mns: c.mnsPerDomain), .accessRouter(c, kind: .mag)]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        let l = c.links, h = c.hops
        return HandoffLatencyParts(
            fixedMs: l.l2HandoffMs + l.wired(c.size(.pbu), hops: h.magLma) + l.wired(c.size(.pba), hops: h.magLma),
            detection: .networkRA)
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs {
        .viaCentralAnchor(c, cnToAnchor: c.hops.cnLma, anchorToAR: c.hops.magLma)
    }
}
