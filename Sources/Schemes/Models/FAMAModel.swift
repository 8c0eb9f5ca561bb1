/// FAMA: client-based DMM, every AR a DAR (AR + HA); flows stay at their first DAR.
///
/// Latency of active sessions: T_L2 + MD + T_DAD + reg(h_AA·D) with D the old
/// anchor's distance (BUs to all anchors in parallel; each session waits for its
/// own anchor; a session back at its anchor needs no BU): exact where the live
/// sessions' anchors are (`PerFlowAnchoring.clientHandoffLatency`, docs/MODELS.md 3.4).
/// New sessions: T_L2 + MD + T_DAD (new prefix, no anchor update; 6.3).
/// Path: `PerFlowAnchoring` (exact in the mean). DAR failure: attached MNs'
/// sessions plus those anchored there, M ρ (1 + f_away) (7.3), f_away the time away from
/// the first AR (`SchemeContext.Motion.tunnelledFraction`).
public struct FAMAModel: SchemeModel {
    public init() {}
    public var id: String { "fama" }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue { PerFlowAnchoring.clientHandoffLatency(c) }

    public func newSessionLatency(_ c: SchemeContext) -> ClosedFormValue? { ClosedFormValue(c.clientAttachMs) }

    public func dataPath(_ c: SchemeContext) -> DataPath { PerFlowAnchoring.dataPath(c) }

    public var usesSessionAnchoring: Bool { true }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.anchoringAccessRouter(c, kind: .dar)]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts { PerFlowAnchoring.clientLatencyParts(c) }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { PerFlowAnchoring.pathLegs(c) }
}
