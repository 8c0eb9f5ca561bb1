import Schemes

/// Wired hops between two signaling roles under the scenario's topology
/// (analytic-models.md 5.3), as the Monte Carlo counts them. A scheme model's
/// own placement (`SchemeModel.hops`) wins; the MN is one wireless hop from its
/// serving AR and otherwise as far as the serving AR; an old anchor is
/// h_AA × (simulated grid steps) from the serving AR, passed in `steps`.
///
/// NOTE: the closed-form evaluation (issue 5) owns the canonical role-distance
/// function; this one follows analytic-models.md 5.3 the same way and should be
/// replaced by it once it lands, so both methods count the same hops.
enum RoleHops {
    /// (wireless hops, wired hops) for one message between `a` and `b`.
    static func hops(_ a: Role, _ b: Role, model: any SchemeModel, context c: SchemeContext, steps: Double)
        -> (wireless: Double, wired: Double)
    {
        let wireless: Double = (a == .mn) != (b == .mn) ? 1 : 0
        let x = a == .mn ? Role.servingAR : a, y = b == .mn ? Role.servingAR : b
        if x == y { return (wireless, 0) }
        if let h = model.hops(a, b, in: c) ?? model.hops(x, y, in: c) {
            // A model's placement of the MN already includes the air hop in its count only
            // when it overrides the MN explicitly; hops are wired either way.
            return (wireless, h)
        }
        return (wireless, wired(x, y, c, steps: steps))
    }

    private static func wired(_ a: Role, _ b: Role, _ c: SchemeContext, steps: Double) -> Double {
        if a == b { return 0 }
        let h = c.hops
        switch (a, b) {
        case (.servingAR, .oldAnchor), (.oldAnchor, .servingAR): return h.arAr * steps
        case (.servingAR, .ha), (.ha, .servingAR), (.oldAnchor, .ha), (.ha, .oldAnchor): return h.arHa
        case (.servingAR, .map), (.map, .servingAR): return h.arMap
        case (.servingAR, .lma), (.lma, .servingAR), (.oldAnchor, .lma), (.lma, .oldAnchor): return h.magLma
        case (.servingAR, .locationServer), (.locationServer, .servingAR): return h.arLocationServer
        case (.servingAR, .peerAR), (.peerAR, .servingAR), (.cnAR, .peerAR), (.peerAR, .cnAR): return h.arPeerAr
        case (.servingAR, .cn), (.cn, .servingAR): return h.cnAr
        case (.servingAR, .cnAR), (.cnAR, .servingAR), (.oldAnchor, .cnAR), (.cnAR, .oldAnchor): return Swift.max(0, h.cnAr - 1)
        case (.servingAR, .peerHA), (.peerHA, .servingAR): return h.arHa + h.haHa
        case (.map, .ha), (.ha, .map): return h.mapHa
        case (.ha, .peerHA), (.peerHA, .ha), (.peerHA, .peerHA): return h.haHa
        case (.cn, .ha), (.ha, .cn): return h.cnHa
        case (.cnAR, .ha), (.ha, .cnAR): return Swift.max(0, h.cnHa - 1)
        case (.cn, .lma), (.lma, .cn): return h.cnLma
        case (.cnAR, .lma), (.lma, .cnAR), (.cnAR, .locationServer), (.locationServer, .cnAR): return Swift.max(0, h.cnLma - 1)
        case (.lma, .lma), (.lma, .locationServer), (.locationServer, .lma): return h.lmaLma
        case (.cn, .cnAR), (.cnAR, .cn): return 1
        default:
            // Anything else goes through the serving AR.
            return wired(.servingAR, a, c, steps: steps) + wired(.servingAR, b, c, steps: steps)
        }
    }
}
