/// Fast handovers for Proxy Mobile IPv6 (RFC 5949) over PMIPv6 with one LMA per domain.
///
/// Predictive (probability p = `links.predictive_handoff_fraction`): the PMAG
/// learns of the coming handoff, HI/HAck set up the PMAG-to-NMAG tunnel before
/// the link switch and the NMAG buffers; after the switch it sends the RA and
/// delivers: L_pred = T_L2 + T_wl(RA). Reactive (1 − p): the NMAG detects the
/// attachment and sends the HI to the PMAG, whose HAck carries the MN's context
/// before it forwards: L_react = T_L2 + T_wd(HI, h_AA) + T_wd(HAck, h_AA) + T_wl(RA).
/// Mean L = p L_pred + (1 − p) L_react, ms; exact. The NMAG's PBU/PBA with the
/// LMA follows off the critical path (RFC 5949 section 4: the tunnel carries the
/// traffic meanwhile). The RA is counted as PMIPv6's model counts it. Path and
/// failures: PMIPv6's. Roles: the PMAG is `peer_ar`, h_AA from the NMAG.
public struct FPMIPv6Model: SchemeModel {
    public init() {}
    public var id: String { "fpmipv6" }

    public func hops(_ a: Role, _ b: Role, in c: SchemeContext) -> Double? {
        switch (a, b) {
        case (.servingAR, .peerAR), (.peerAR, .servingAR): return c.hops.arAr
        default: return nil
        }
    }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        let l = c.links, p = l.predictiveHandoffFraction, h = c.hops.arAr
        let predictive = l.l2HandoffMs + l.wireless(c.size(.ra))
        let reactive = predictive + l.wired(c.size(.pmipHI), hops: h) + l.wired(c.size(.pmipHAck), hops: h)
        return ClosedFormValue(p * predictive + (1 - p) * reactive)
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { PMIPv6Model().dataPath(c) }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] { PMIPv6Model().failureElements(c) }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        let l = c.links, h = c.hops.arAr
        var parts = HandoffLatencyParts(fixedMs: 0, detection: .none)
        parts.fastHandover = .init(
            predictiveProbability: l.predictiveHandoffFraction, predictiveFixedMs: l.l2HandoffMs,
            predictiveAir: [l.attemptMs(c.size(.ra))],
            reactiveFixedMs: l.l2HandoffMs + l.wired(c.size(.pmipHI), hops: h) + l.wired(c.size(.pmipHAck), hops: h),
            reactiveAir: [l.attemptMs(c.size(.ra))])
        return parts
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { PMIPv6Model().pathLegs(c) }
}
