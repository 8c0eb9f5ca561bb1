/// Dynamic Mobile IP: a permanent HA plus temporary HAs in the visited access
/// networks (draft-kassi-mobileip-dmi); flows stay at the temporary HA where they started.
///
/// Ours where the draft is silent: temporary HAs sit at the ARs (as FAMA's DARs)
/// and the permanent HA only keeps the MN reachable for new incoming sessions,
/// so its failure breaks no ongoing session but makes its MNs unreachable.
/// Latency and path as FAMA.
public struct DMIModel: SchemeModel {
    public init() {}
    public var id: String { "dmi" }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue { PerFlowAnchoring.clientHandoffLatency(c) }

    public func newSessionLatency(_ c: SchemeContext) -> ClosedFormValue? { ClosedFormValue(c.clientAttachMs) }

    public func dataPath(_ c: SchemeContext) -> DataPath { PerFlowAnchoring.dataPath(c) }

    public var usesSessionAnchoring: Bool { true }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        [.anchoringAccessRouter(c, kind: .temporaryHA), FailureElement.centralAnchor(c, kind: .ha, mns: c.mnsPerHA).reachabilityOnly]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts { PerFlowAnchoring.clientLatencyParts(c) }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { PerFlowAnchoring.pathLegs(c) }
}
