/// What GHAHA and SAIL share: N_HA HAs spread over the Internet with an anycast
/// home prefix; the MN binds to the HA nearest to it, a CN's packets enter at
/// the HA nearest to the CN (analytic-models.md 5.5, 8).
///
/// Ours where the drafts are silent: the CN's nearest HA is the MN's with
/// probability 1/N_HA (independent, uniform); otherwise one HA-HA overlay hop.
/// So σ = (h_CN-HAc + (1 − 1/N) h_HA-HA + h_HAm-AR + 1)/(h_CN-AR + 1), every packet
/// tunnelled over (1 − 1/N) h_HA-HA + h_HAm-AR. A local CN shares the MN's HA.
enum GlobalHASet {
    static func hops(_ a: Role, _ b: Role, in c: SchemeContext) -> Double? {
        switch (a, b) {
        case (.servingAR, .ha), (.ha, .servingAR), (.mn, .ha), (.ha, .mn): return c.hops.arNearestHa
        case (.ha, .peerHA), (.peerHA, .ha), (.peerHA, .peerHA): return c.hops.haHa
        case (.servingAR, .peerHA), (.peerHA, .servingAR), (.mn, .peerHA), (.peerHA, .mn):
            return c.hops.arNearestHa + c.hops.haHa
        case (.cn, .ha), (.ha, .cn): return c.hops.cnNearestHa
        default: return nil
        }
    }

    static func mnsPerHA(_ c: SchemeContext) -> Double { c.mnsPerHA / Double(max(1, c.hops.globalHACount)) }

    /// MNs sharing a periodic message: the MNs of one HA of the set for HA roles, else an AR's.
    static func mnsServed(by role: Role, in c: SchemeContext) -> Double {
        role == .ha || role == .peerHA ? mnsPerHA(c) : c.mnsPerAR
    }

    /// One HA of the set failing: its M_HA/N_HA MNs lose their sessions and reachability
    /// for `outageS` seconds (7.3); the scheme decides what the outage is.
    static func haFailure(_ c: SchemeContext, outageS: Double, recovery: FailureRecovery) -> FailureElement {
        let m = mnsPerHA(c)
        return FailureElement(
            kind: .ha, sessionsBroken: m * c.motion.activeSessions, mnsUnreachable: m, mnsServed: m,
            outageS: outageS, mtbfH: c.failures.anchorMtbfH, dependency: .all, recovery: recovery)
    }

    static func dataPath(_ c: SchemeContext) -> DataPath {
        let h = c.hops
        let overlay = (1 - 1 / Double(max(1, h.globalHACount))) * h.haHa
        return .mix(
            c, remoteUsed: h.cnNearestHa + overlay + h.arNearestHa + 1, localUsed: h.localCN + 2 * h.arNearestHa + 1,
            remoteTunnel: overlay + h.arNearestHa, localTunnel: h.arNearestHa, tunnelledFraction: 1)
    }

    /// The simulated path: `dataPath` with the overlay hop drawn per session (CN's HA ≠ MN's).
    static func pathLegs(_ c: SchemeContext) -> PathLegs {
        let h = c.hops
        return PathLegs(
            remote: .init(used0: h.cnNearestHa + h.arNearestHa + 1, usedX: h.haHa, tunnel0: h.arNearestHa, tunnelX: h.haHa,
                          shortest: h.cnAr + 1),
            local: .init(used0: h.localCN + 2 * h.arNearestHa + 1, tunnel0: h.arNearestHa, shortest: h.localCN + 1))
    }

    /// The simulated parts of T_L2 + MD + T_DAD + reg(h_AR-HAnear) + `extraWiredMs`.
    static func latencyParts(_ c: SchemeContext, extraWiredMs: Double = 0) -> HandoffLatencyParts {
        let l = c.links, h = c.hops
        var fixed = l.l2HandoffMs + l.dadMs + l.wired(c.size(.bu), hops: h.arNearestHa) + l.wired(c.size(.ba), hops: h.arNearestHa)
        if extraWiredMs != 0 { fixed += extraWiredMs }
        return HandoffLatencyParts(
            fixedMs: fixed, detection: .client, registrationAir: (l.attemptMs(c.size(.bu)), l.attemptMs(c.size(.ba))))
    }

    /// Registration with the nearest HA, ms.
    static func registrationMs(_ c: SchemeContext) -> Double {
        c.links.registration(request: c.size(.bu), ack: c.size(.ba), hops: c.hops.arNearestHa)
    }

    /// Detection by missed HA-Hellos, (k − ½) T_h (7.2), s.
    static func detectionS(_ c: SchemeContext) -> Double { c.failures.helloDetectionS }
}
