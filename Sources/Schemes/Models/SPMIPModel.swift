/// Signal-driven PMIP: the LMA keeps only locations; the CN's MAG queries it and
/// tunnels straight to the MN's MAG (draft-sjkoh-mext-pmip-dmc).
///
/// Latency: T_L2 + T_wd(PBU, h_S-LS) + max(T_wd(PBA, h_S-LS) + T_wl(RA), T_wd(PQA, h_LS-CMAG))
/// (ours: the LMA pushes the new location to the CN's MAG while it answers the
/// PBA; h_LS-CMAG = h_S-LS). Exact while the MN-side branch is the slower one
/// even without air retransmissions; otherwise an APPROXIMATION (max of means
/// for the mean of the max). Path: stretch 1, every packet tunnelled MAG to MAG
/// over h_CN-AR − 1 hops (h_loc − 1 for a local CN). LMA failure breaks no
/// ongoing session (tunnels stay up) but makes the domain's MNs unreachable.
public struct SPMIPModel: SchemeModel {
    public init() {}
    public var id: String { "spmip" }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        let h = c.hops.arLocationServer
        let mnSide = c.links.wired(c.size(.pba), hops: h) + c.links.wireless(c.size(.ra))
        let cnSide = c.links.wired(c.size(.pqa), hops: h)
        // The simulated branches without air retransmissions (`latencyParts`'s race).
        let exactness: Exactness = c.links.wired(c.size(.pba), hops: h) + c.links.attemptMs(c.size(.ra)) < cnSide
            ? .approximate(because: "S-PMIP's handoff latency when its CN-side branch can be the slower one (max of means)")
            : .exact
        return ClosedFormValue(c.links.l2HandoffMs + c.links.wired(c.size(.pbu), hops: h) + max(mnSide, cnSide), exactness)
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { MAGToMAG.dataPath(c) }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        let ls = FailureElement(
            kind: .locationServer, sessionsBroken: 0, mnsUnreachable: c.mnsPerDomain, mnsServed: c.mnsPerDomain,
            outageS: c.failures.locationServerMttrH * TimeConstants.secondsPerHour, mtbfH: c.failures.locationServerMtbfH,
            dependency: .none, recovery: .fixed)
        return [ls, .accessRouter(c, kind: .mag)]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        let l = c.links, hs = c.hops.arLocationServer
        var parts = HandoffLatencyParts(fixedMs: l.l2HandoffMs + l.wired(c.size(.pbu), hops: hs), detection: .none)
        parts.raRace = (l.wired(c.size(.pba), hops: hs), l.wired(c.size(.pqa), hops: hs))
        return parts
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { MAGToMAG.pathLegs(c) }
}

/// Route-optimised MAG-to-MAG data path of S-PMIP and SD-PMIP: the shortest path, tunnelled.
enum MAGToMAG {
    static func dataPath(_ c: SchemeContext) -> DataPath {
        let h = c.hops
        return .mix(
            c, remoteUsed: h.cnAr + 1, localUsed: h.localCN + 1, remoteTunnel: max(0, h.cnAr - 1),
            localTunnel: max(0, h.localCN - 1), tunnelledFraction: 1)
    }

    static func pathLegs(_ c: SchemeContext) -> PathLegs {
        let h = c.hops
        return PathLegs(
            remote: .init(used0: h.cnAr + 1, tunnel0: max(0, h.cnAr - 1), shortest: h.cnAr + 1),
            local: .init(used0: h.localCN + 1, tunnel0: max(0, h.localCN - 1), shortest: h.localCN + 1))
    }
}
