/// A scheme's downlink path per session as the Monte Carlo integrates it over
/// the session's packets, the simulation twin of `SchemeModel.dataPath`
/// (analytic-models.md 5.5): used hops = used0 + usedX·[CN's HA ≠ MN's HA]
/// + perFlowStepHops·D, tunnel hops likewise, separately for remote and local
/// CNs. D is the simulated grid distance from the session's anchor to the
/// serving AR; the HA flag is drawn per session (the CN's anycast-nearest HA
/// is the MN's with probability 1/N_HA).
public struct PathLegs: Sendable {
    public struct Leg: Sendable {
        public var used0, usedX, tunnel0, tunnelX: Double
        /// Hops on the shortest CN-MN path.
        public var shortest: Double
        public init(used0: Double, usedX: Double = 0, tunnel0: Double, tunnelX: Double = 0, shortest: Double) {
            self.used0 = used0; self.usedX = usedX; self.tunnel0 = tunnel0; self.tunnelX = tunnelX
            self.shortest = shortest
        }
    }

    public var remote: Leg
    public var local: Leg
    /// Per-flow DMM: hops added per grid step to the anchor (tunnelled only while
    /// away from it); nil when every packet is tunnelled.
    public var perFlowStepHops: Double?

    public init(remote: Leg, local: Leg, perFlowStepHops: Double? = nil) {
        self.remote = remote
        self.local = local
        self.perFlowStepHops = perFlowStepHops
    }

    /// Every packet through one central anchor, tunnelled over `anchorToAR` hops (as `DataPath.viaCentralAnchor`).
    public static func viaCentralAnchor(_ c: SchemeContext, cnToAnchor: Double, anchorToAR: Double) -> PathLegs {
        let h = c.hops
        return PathLegs(
            remote: Leg(used0: cnToAnchor + anchorToAR + 1, tunnel0: anchorToAR, shortest: h.cnAr + 1),
            local: Leg(used0: h.localCN + 2 * anchorToAR + 1, tunnel0: anchorToAR, shortest: h.localCN + 1))
    }
}
