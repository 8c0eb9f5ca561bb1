/// PMIPv6-based DMM with the CMD as PBU/PBA relay (RFC 8885 section 3.2).
///
/// The S-MAAR sends a PBU to the CMD, which forwards it to every P-MAAR; each
/// P-MAAR answers the CMD with a PBA, and the CMD relays one PBA to the S-MAAR,
/// which then advertises the MN's prefixes in an RA. Latency of an active session, ms:
///
///     T_L2 + T_wd(PBU, h) + T_wd(PBU, h) + T_wd(PBA, h) + T_wd(PBA, h) + T_wl(RA),   h = h_S-CMD = h_CMD-P
///
/// Exact: the P-MAARs answer in parallel and are all h from the CMD, and every
/// active session waits for the same RA (ours: a session anchored at the S-MAAR
/// itself, the walk back at its anchor, waits for it too; the CMD's answer waits
/// for the P-MAARs of the MN's other prefixes). New sessions use the S-MAAR's
/// prefix, advertised in that RA, and wait for DAD on the new address (RFC 4862; 0
/// with optimistic DAD): the same + T_DAD, exact. Path and failures: `RFC8885`.
public struct RFC8885RelayModel: SchemeModel {
    public init() {}
    public var id: String { "rfc8885-relay" }

    /// The wired legs: PBU S→CMD, PBU CMD→P, PBA P→CMD, PBA CMD→S, ms.
    private func exchangeMs(_ c: SchemeContext) -> Double {
        let h = RFC8885.cmdHops(c), l = c.links
        return 2 * l.wired(c.size(.pbu), hops: h) + 2 * l.wired(c.size(.pba), hops: h)
    }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        ClosedFormValue(c.links.l2HandoffMs + exchangeMs(c) + c.links.wireless(c.size(.ra)))
    }

    public func newSessionLatency(_ c: SchemeContext) -> ClosedFormValue? {
        ClosedFormValue(handoffLatency(c).value + c.links.dadMs)
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { PerFlowAnchoring.dataPath(c) }

    public var usesSessionAnchoring: Bool { true }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] { RFC8885.failureElements(c) }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        var parts = HandoffLatencyParts(fixedMs: c.links.l2HandoffMs + exchangeMs(c), detection: .networkRA)
        parts.newSessionFixedMs = parts.fixedMs + c.links.dadMs
        return parts
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { PerFlowAnchoring.pathLegs(c) }
}
