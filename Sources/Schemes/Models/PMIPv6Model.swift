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

    public func handoffLatencyMs(_ c: SchemeContext) -> Double {
        c.links.l2HandoffMs + c.links.wired(c.size(.pbu), hops: c.hops.magLma)
            + c.links.wired(c.size(.pba), hops: c.hops.magLma) + c.links.wireless(c.size(.ra))
    }

    public func dataPath(_ c: SchemeContext) -> DataPath {
        .viaCentralAnchor(c, cnToAnchor: c.hops.cnLma, anchorToAR: c.hops.magLma)
    }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.centralAnchor(c, name: "lma", mns: c.mnsPerDomain), .accessRouter(c, name: "mag")]
    }
}
