/// PMIPv6-based DMM with the CMD as MAAR proxy (RFC 8885 section 3.4).
///
/// The S-MAAR sends a PBU to the CMD; the CMD answers the S-MAAR at once with a
/// PBA naming the P-MAARs (the S-MAAR then sends the RA and sets up its tunnel
/// ends) and, in parallel, sends a PBU to every P-MAAR on the MN's behalf; the
/// P-MAARs' PBAs go back to the CMD and are off the critical path. A session's
/// first packet on the new path needs both the MN side (PBA, RA) and its
/// P-MAAR's binding (the PBU CMD→P), ms:
///
///     T_L2 + T_wd(PBU, h) + max(T_wd(PBA, h) + T_wl(RA), T_wd(PBU, h))    h = h_S-CMD = h_CMD-P
///
/// Exact while the MN-side branch is the slower one even without air
/// retransmissions (T_wd(PBA, h) + τ(RA) ≥ T_wd(PBU, h): always at the default
/// sizes, PBA = PBU), otherwise an APPROXIMATION (max of means for the mean of
/// the max), as S-PMIP's race. New sessions wait for the RA of the S-MAAR's
/// prefix and DAD: T_L2 + T_wd(PBU, h) + T_wd(PBA, h) + T_wl(RA) + T_DAD, exact.
/// Path and failures: `RFC8885`.
public struct RFC8885ProxyModel: SchemeModel {
    public init() {}
    public var id: String { "rfc8885-proxy" }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        let h = RFC8885.cmdHops(c), l = c.links
        let mnSide = l.wired(c.size(.pba), hops: h) + l.wireless(c.size(.ra))
        let pSide = l.wired(c.size(.pbu), hops: h)
        let exactness: Exactness = l.wired(c.size(.pba), hops: h) + l.attemptMs(c.size(.ra)) < pSide
            ? .approximate(because: "RFC 8885 proxy latency when the CMD-to-P-MAAR branch can be the slower one (max of means)")
            : .exact
        return ClosedFormValue(l.l2HandoffMs + l.wired(c.size(.pbu), hops: h) + max(mnSide, pSide), exactness)
    }

    public func newSessionLatency(_ c: SchemeContext) -> ClosedFormValue? {
        let h = RFC8885.cmdHops(c), l = c.links
        return ClosedFormValue(
            l.l2HandoffMs + l.wired(c.size(.pbu), hops: h) + l.wired(c.size(.pba), hops: h) + l.wireless(c.size(.ra))
                + l.dadMs)
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { PerFlowAnchoring.dataPath(c) }

    public var usesSessionAnchoring: Bool { true }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] { RFC8885.failureElements(c) }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        let h = RFC8885.cmdHops(c), l = c.links
        var parts = HandoffLatencyParts(fixedMs: l.l2HandoffMs + l.wired(c.size(.pbu), hops: h), detection: .none)
        parts.raRace = (l.wired(c.size(.pba), hops: h), l.wired(c.size(.pbu), hops: h))
        // With `raRace` the simulation adds the RA it draws (`HandoffLatencyParts.newSessionFixedMs`).
        parts.newSessionFixedMs = parts.fixedMs + l.wired(c.size(.pba), hops: h) + l.dadMs
        return parts
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { PerFlowAnchoring.pathLegs(c) }
}
