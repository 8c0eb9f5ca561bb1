extension SchemeContext {
    /// Wired hops between two roles under `model` (its override first).
    ///
    /// Defaults (docs/MODELS.md 5.3, RP-1 symbols): the named distances
    /// h_MAP-HA, h_HA-HA, h_CN-HA, h_CN-LMA, h_CMD-P; every other pair goes
    /// through the serving AR, the sum of both roles' distances from it. The MN
    /// is one wireless hop from its serving AR (counted by `wirelessHops`),
    /// an old anchor h_AA × `Motion.oldAnchorSteps` wired hops, a peer HA
    /// h_AR-HA + h_HA-HA, the CN's AR h_CN-AR − 1.
    public func wiredHops(_ a: Role, _ b: Role, model: any SchemeModel) -> Double {
        if let h = model.hops(a, b, in: self) { return h }
        if a == b { return a == .peerHA ? hops.haHa : (a == .peerAR ? hops.arPeerAr : 0) }
        if let h = namedHops(a, b) ?? namedHops(b, a) { return h }
        return fromServingAR(a) + fromServingAR(b)
    }

    /// The named distances, for one order of the pair (the caller tries both).
    private func namedHops(_ a: Role, _ b: Role) -> Double? {
        switch (a, b) {
        case (.map, .ha): return hops.mapHa
        case (.ha, .peerHA): return hops.haHa
        case (.ha, .cn), (.peerHA, .cn): return hops.cnHa
        case (.lma, .cn): return hops.cnLma
        case (.cn, .cnAR): return 1
        case (.locationServer, .oldAnchor), (.locationServer, .cnAR), (.locationServer, .peerAR): return hops.arLocationServer
        case (.lma, .oldAnchor), (.lma, .peerAR): return hops.magLma
        case (.map, .oldAnchor), (.map, .peerAR): return hops.arMap
        default: return nil
        }
    }

    /// 1 when exactly one end is the MN (the air hop), else 0.
    public func wirelessHops(_ a: Role, _ b: Role) -> Double { (a == .mn) != (b == .mn) ? 1 : 0 }

    func fromServingAR(_ role: Role) -> Double {
        switch role {
        case .mn, .servingAR: return 0
        case .oldAnchor: return hops.arAr * motion.oldAnchorSteps
        case .map: return hops.arMap
        case .ha: return hops.arHa
        case .lma: return hops.magLma
        case .locationServer: return hops.arLocationServer
        case .peerHA: return hops.arHa + hops.haHa
        case .peerAR: return hops.arPeerAr
        case .cn: return hops.cnAr
        case .cnAR: return max(0, hops.cnAr - 1)
        }
    }
}
