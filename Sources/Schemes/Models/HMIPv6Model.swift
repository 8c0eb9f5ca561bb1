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

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        let local = c.links.registration(request: c.size(.lbu), ack: c.size(.lba), hops: c.hops.arMap)
        let home = c.links.registration(request: c.size(.bu), ack: c.size(.ba), hops: c.hops.arHa)
        return ClosedFormValue(c.clientAttachMs + local + c.motion.domainCrossingFraction * home)
    }

    public func dataPath(_ c: SchemeContext) -> DataPath {
        let h = c.hops
        let tunnel = h.mapHa + h.arMap
        return .mix(
            c, remoteUsed: h.cnHa + tunnel + 1, localUsed: h.localCN + h.arHa + tunnel + 1,
            remoteTunnel: tunnel, localTunnel: tunnel, tunnelledFraction: 1)
    }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.centralAnchor(c, kind: .ha, mns: c.mnsPerHA), .centralAnchor(c, kind: .map, mns: c.mnsPerDomain), .accessRouter(c)]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        let l = c.links, h = c.hops
        var parts = HandoffLatencyParts(
            fixedMs: l.l2HandoffMs + l.dadMs + l.wired(c.size(.lbu), hops: h.arMap) + l.wired(c.size(.lba), hops: h.arMap),
            detection: .client, registrationAir: (l.attemptMs(c.size(.lbu)), l.attemptMs(c.size(.lba))))
        parts.domainFixedMs = l.wired(c.size(.bu), hops: h.arHa) + l.wired(c.size(.ba), hops: h.arHa)
        parts.domainRegistrationAir = (l.attemptMs(c.size(.bu)), l.attemptMs(c.size(.ba)))
        return parts
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs {
        let h = c.hops
        let t = h.mapHa + h.arMap
        return PathLegs(
            remote: .init(used0: h.cnHa + t + 1, tunnel0: t, shortest: h.cnAr + 1),
            local: .init(used0: h.localCN + h.arHa + t + 1, tunnel0: t, shortest: h.localCN + 1))
    }
}
