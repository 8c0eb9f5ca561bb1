/// Signal-driven PMIP: the LMA keeps only locations; the CN's MAG queries it and
/// tunnels straight to the MN's MAG (draft-sjkoh-mext-pmip-dmc).
///
/// Latency: T_L2 + T_wd(PBU, h_S-LS) + max(T_wd(PBA, h_S-LS) + T_wl(RA), T_wd(PQA, h_LS-CMAG))
/// (ours: the LMA pushes the new location to the CN's MAG while it answers the
/// PBA; h_LS-CMAG = h_S-LS). Path: stretch 1, every packet tunnelled MAG to MAG
/// over h_CN-AR − 1 hops (h_loc − 1 for a local CN). LMA failure breaks no
/// ongoing session (tunnels stay up) but makes the domain's MNs unreachable.
public struct SPMIPModel: SchemeModel {
    public init() {}
    public var id: String { "spmip" }

    public func handoffLatencyMs(_ c: SchemeContext) -> Double {
        let h = c.hops.arLocationServer
        let mnSide = c.links.wired(c.size(.pba), hops: h) + c.links.wireless(c.size(.ra))
        let cnSide = c.links.wired(c.size(.pqa), hops: h)
        return c.links.l2HandoffMs + c.links.wired(c.size(.pbu), hops: h) + max(mnSide, cnSide)
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { MAGToMAG.dataPath(c) }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        let ls = FailureElement(
            name: "location_server", sessionsBroken: 0, mnsUnreachable: c.mnsPerDomain, mnsServed: c.mnsPerDomain,
            outageS: c.failures.locationServerMttrH * 3600, mtbfH: c.failures.locationServerMtbfH)
        return [ls, .accessRouter(c, name: "mag")]
    }
}

/// Route-optimised MAG-to-MAG data path of S-PMIP and SD-PMIP: the shortest path, tunnelled.
enum MAGToMAG {
    static func dataPath(_ c: SchemeContext) -> DataPath {
        let h = c.hops
        return .mix(
            c, remoteUsed: h.cnAr + 1, localUsed: h.localCN + 1, remoteTunnel: max(0, h.cnAr - 1),
            localTunnel: max(0, h.localCN - 1), tunnelledFraction: 1)
    }
}
