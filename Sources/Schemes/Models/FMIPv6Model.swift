/// Mobile IPv6 fast handovers (RFC 5568) over MIPv6 with one central HA.
///
/// Predictive (probability p = `links.predictive_handoff_fraction`): RtSolPr/PrRtAdv,
/// FBU, HI/HAck and FBack run on the previous AR's link before the link switch;
/// the PAR tunnels packets to the NAR, which buffers them until the MN's UNA:
/// L_pred = T_L2 + T_wl(UNA). Reactive (1 − p): the MN had no time to send the
/// FBU; after the switch it sends UNA, then the FBU through the NAR to the PAR
/// (h_AA wired hops), and the PAR's FBack comes back the same way before it
/// tunnels: L_react = T_L2 + T_wl(UNA) + T_wl(FBU_r) + T_wd(FBU_r, h_AA) + T_wd(FBack, h_AA) + T_wl(FBack),
/// FBU_r the new link's FBU (`fbu_reactive`, no alternate care-of address option).
/// Mean L = p L_pred + (1 − p) L_react, ms; exact (the mode is drawn independently
/// of the air legs). No RS/RA and no DAD on the critical path: the NAR's prefix
/// came with the PrRtAdv and the NAR vets the NCoA (HI/HAck predictive, UNA
/// reactive). The BU/BA to the HA follows off the critical path (the PAR's
/// tunnel carries the traffic meanwhile). Path and failures: MIPv6's.
/// Roles: the PAR is `peer_ar`, one air hop from the MN on the old link and h_AA
/// from the NAR (`serving_ar`).
public struct FMIPv6Model: SchemeModel {
    public init() {}
    public var id: String { "fmipv6" }

    public func hops(_ a: Role, _ b: Role, in c: SchemeContext) -> Double? {
        switch (a, b) {
        case (.mn, .peerAR), (.peerAR, .mn): return 0
        case (.servingAR, .peerAR), (.peerAR, .servingAR): return c.hops.arAr
        default: return nil
        }
    }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        let l = c.links, p = l.predictiveHandoffFraction, h = c.hops.arAr
        let predictive = l.l2HandoffMs + l.wireless(c.size(.una))
        let reactive = predictive + l.wireless(c.size(.fbuReactive)) + l.wired(c.size(.fbuReactive), hops: h)
            + l.wired(c.size(.fback), hops: h) + l.wireless(c.size(.fback))
        return ClosedFormValue(p * predictive + (1 - p) * reactive)
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { MIPv6Model().dataPath(c) }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] { MIPv6Model().failureElements(c) }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        let l = c.links, h = c.hops.arAr
        var parts = HandoffLatencyParts(fixedMs: 0, detection: .none)
        parts.fastHandover = .init(
            predictiveProbability: l.predictiveHandoffFraction, predictiveFixedMs: l.l2HandoffMs,
            predictiveAir: [l.attemptMs(c.size(.una))],
            reactiveFixedMs: l.l2HandoffMs + l.wired(c.size(.fbuReactive), hops: h) + l.wired(c.size(.fback), hops: h),
            reactiveAir: [l.attemptMs(c.size(.una)), l.attemptMs(c.size(.fbuReactive)), l.attemptMs(c.size(.fback))])
        return parts
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { MIPv6Model().pathLegs(c) }
}
