/// Mobile IPv6 with one central HA and bidirectional tunnelling (RFC 6275).
///
/// Exact under the scenario: latency T_L2 + MD + T_DAD + reg(h_AR-HA) (6.3);
/// stretch (h_CN-HA + h_AR-HA + 1)/(h_CN-AR + 1) for remote CNs (5.5); every
/// packet tunnelled over h_AR-HA; HA failure breaks all M_HA ρ sessions until repair (7.3).
public struct MIPv6Model: SchemeModel {
    public init() {}
    public var id: String { "mipv6" }

    public func handoffLatencyMs(_ c: SchemeContext) -> Double {
        c.clientAttachMs + c.links.registration(request: c.size(.bu), ack: c.size(.ba), hops: c.hops.arHa)
    }

    public func dataPath(_ c: SchemeContext) -> DataPath {
        .viaCentralAnchor(c, cnToAnchor: c.hops.cnHa, anchorToAR: c.hops.arHa)
    }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.centralAnchor(c, name: "ha", mns: c.mnsPerHA), .accessRouter(c)]
    }
}
