/// What the two CMD modes of PMIPv6-based DMM (RFC 8885) share: every access
/// router is a MAAR (mobility anchor and access router) that anchors the flows
/// started on the prefix it delegated, and one central mobility database (CMD)
/// per domain holds the MN's mobility session and the list of its P-MAARs
/// (previous MAARs still anchoring a prefix in use).
///
/// Data path (exact in the mean): `PerFlowAnchoring`, as DMA (a flow is
/// tunnelled P-MAAR to S-MAAR over h_AA·D hops, docs/MODELS.md 5.5). Every MAAR
/// is h_S-CMD = h_CMD-P = `ar_location_server_hops` from the CMD, so the
/// handoff exchange does not depend on how far the P-MAARs are: the furthest
/// P-MAAR, which bounds the relay's latency (RFC 8885 section 3.2), is as far
/// from the CMD as any. Failures: a MAAR is an anchoring AR (its attached MNs'
/// sessions and the flows anchored on its prefixes, until repair); the CMD is
/// control plane only: its failure breaks no ongoing flow (the P-MAAR to
/// S-MAAR tunnels stay up) but no MN of its domain can register or hand off
/// with its prefixes kept until it is repaired (RFC 8885 gives it no
/// redundancy), counted as MNs unreachable.
enum RFC8885 {
    /// Wired hops S-MAAR to CMD and CMD to any P-MAAR, h_S-CMD = h_CMD-P.
    static func cmdHops(_ c: SchemeContext) -> Double { c.hops.arLocationServer }

    static func failureElements(_ c: SchemeContext) -> [FailureElement] {
        let cmd = FailureElement(
            kind: .locationServer, sessionsBroken: 0, mnsUnreachable: c.mnsPerDomain, mnsServed: c.mnsPerDomain,
            outageS: c.failures.locationServerMttrH * TimeConstants.secondsPerHour, mtbfH: c.failures.locationServerMtbfH,
            dependency: .none, recovery: .fixed)
        return [.anchoringAccessRouter(c, kind: .mar), cmd]
    }
}
