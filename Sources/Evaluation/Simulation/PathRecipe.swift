import Schemes

/// A scheme's downlink path per session, as the simulation integrates it over
/// the session's packets (the same paths as the models' `dataPath`,
/// analytic-models.md 5.5), written as used hops = u0 + uD·h_AA·D + uX·[CN's HA ≠ MN's HA]
/// and tunnel hops likewise, separately for remote and local CNs. D is the
/// simulated grid distance from the session's anchor to the serving AR; the
/// HA flag is drawn per session (`GlobalHASet`: the CN's anycast-nearest HA is
/// the MN's with probability 1/N_HA).
struct PathRecipe: Sendable {
    struct Leg: Sendable { var used0, usedX, tunnel0, tunnelX: Double; var shortest: Double }
    var remote: Leg
    var local: Leg
    /// Per-flow DMM: path grows by h_AA per grid step; tunnelled only while away from the anchor.
    var perFlow = false
    var stepHops = 0.0
    var tunnelHeaderBytes: Double

    init(id: String, context c: SchemeContext, tunnelHeaderBytes: Double) throws {
        let h = c.hops
        self.tunnelHeaderBytes = tunnelHeaderBytes
        let rs = h.cnAr + 1, ls = h.localCN + 1
        switch id {
        case "mipv6":
            remote = Leg(used0: h.cnHa + h.arHa + 1, usedX: 0, tunnel0: h.arHa, tunnelX: 0, shortest: rs)
            local = Leg(used0: h.localCN + 2 * h.arHa + 1, usedX: 0, tunnel0: h.arHa, tunnelX: 0, shortest: ls)
        case "pmipv6", "dlma":
            remote = Leg(used0: h.cnLma + h.magLma + 1, usedX: 0, tunnel0: h.magLma, tunnelX: 0, shortest: rs)
            local = Leg(used0: h.localCN + 2 * h.magLma + 1, usedX: 0, tunnel0: h.magLma, tunnelX: 0, shortest: ls)
        case "hmipv6":
            let t = h.mapHa + h.arMap
            remote = Leg(used0: h.cnHa + t + 1, usedX: 0, tunnel0: t, tunnelX: 0, shortest: rs)
            local = Leg(used0: h.localCN + h.arHa + t + 1, usedX: 0, tunnel0: t, tunnelX: 0, shortest: ls)
        case "ghaha", "sail":
            remote = Leg(used0: h.cnNearestHa + h.arNearestHa + 1, usedX: h.haHa, tunnel0: h.arNearestHa, tunnelX: h.haHa,
                         shortest: rs)
            local = Leg(used0: h.localCN + 2 * h.arNearestHa + 1, usedX: 0, tunnel0: h.arNearestHa, tunnelX: 0, shortest: ls)
        case "spmip", "sdpmip":
            remote = Leg(used0: h.cnAr + 1, usedX: 0, tunnel0: max(0, h.cnAr - 1), tunnelX: 0, shortest: rs)
            local = Leg(used0: h.localCN + 1, usedX: 0, tunnel0: max(0, h.localCN - 1), tunnelX: 0, shortest: ls)
        case "fama", "dmi", "dma":
            remote = Leg(used0: h.cnAr + 1, usedX: 0, tunnel0: 0, tunnelX: 0, shortest: rs)
            local = Leg(used0: h.localCN + 1, usedX: 0, tunnel0: 0, tunnelX: 0, shortest: ls)
            perFlow = true
            stepHops = h.arAr
        default:
            throw MonteCarloError.noModel(id)
        }
    }
}
