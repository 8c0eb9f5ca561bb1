/// Hierarchical MIPv6: a MAP per domain plus the HA (RFC 5380), bidirectional tunnel.
///
/// Latency: intra-domain T_L2 + MD + T_DAD + reg(h_AR-MAP); a domain crossing adds
/// reg(h_AR-HA) (sequential LBU then BU); the mean over crossings adds p_d reg(h_AR-HA).
/// Exact in the mean (p_d is exact in the mean, analytic-models.md 2.6).
/// Path CN→HA→MAP→AR: (h_CN-HA + h_MAP-HA + h_AR-MAP + 1)/(h_CN-AR + 1), tunnelled
/// over h_MAP-HA + h_AR-MAP (ours: BT as for MIPv6, no route optimisation).
public struct HMIPv6Model: SchemeModel {
    public init() {}
    public var id: String { "hmipv6" }

    public func handoffLatencyMs(_ c: SchemeContext) -> Double {
        let local = c.links.registration(request: c.size(.lbu), ack: c.size(.lba), hops: c.hops.arMap)
        let home = c.links.registration(request: c.size(.bu), ack: c.size(.ba), hops: c.hops.arHa)
        return c.clientAttachMs + local + c.motion.domainCrossingFraction * home
    }

    public func dataPath(_ c: SchemeContext) -> DataPath {
        let h = c.hops
        let tunnel = h.mapHa + h.arMap
        return .mix(
            c, remoteUsed: h.cnHa + tunnel + 1, localUsed: h.localCN + h.arHa + tunnel + 1,
            remoteTunnel: tunnel, localTunnel: tunnel, tunnelledFraction: 1)
    }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.centralAnchor(c, name: "ha", mns: c.mnsPerHA), .centralAnchor(c, name: "map", mns: c.mnsPerDomain), .accessRouter(c)]
    }
}
