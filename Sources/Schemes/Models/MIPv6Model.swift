/// Mobile IPv6 with one central HA and bidirectional tunnelling (RFC 6275).
///
/// Exact under the scenario: latency T_L2 + MD + T_DAD + reg(h_AR-HA) (6.3);
/// stretch (h_CN-HA + h_AR-HA + 1)/(h_CN-AR + 1) for remote CNs (5.5); every
/// packet tunnelled over h_AR-HA; HA failure breaks all M_HA ρ sessions until repair (7.3).
public struct MIPv6Model: SchemeModel {
    public init() {}
    public var id: String { "mipv6" }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        ClosedFormValue(c.clientAttachMs + c.links.registration(request: c.size(.bu), ack: c.size(.ba), hops: c.hops.arHa))
    }

    public func dataPath(_ c: SchemeContext) -> DataPath {
        .viaCentralAnchor(c, cnToAnchor: c.hops.cnHa, anchorToAR: c.hops.arHa)
    }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.centralAnchor(c, kind: .ha, mns: c.mnsPerHA), .accessRouter(c)]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        let l = c.links, h = c.hops
        return HandoffLatencyParts(
            fixedMs: l.l2HandoffMs + l.dadMs + l.wired(c.size(.bu), hops: h.arHa) + l.wired(c.size(.ba), hops: h.arHa),
            detection: .client, registrationAir: (l.attemptMs(c.size(.bu)), l.attemptMs(c.size(.ba))))
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs {
        .viaCentralAnchor(c, cnToAnchor: c.hops.cnHa, anchorToAR: c.hops.arHa)
    }
}
