/// What a scheme's card cannot hold as data (DESIGN.md 2.4), in one place per
/// scheme: the closed forms of its data path, handoff critical path and failure
/// impact, and the same behaviour as the parts the Monte Carlo simulates.
/// Signaling cost is not here: it comes from the card's procedures.
///
/// Every requirement the closed form or the simulator needs has no default, so
/// a model missing a piece does not compile. Closed forms declare their
/// exactness where they are computed (`ClosedFormValue`, `DataPath.exactness`,
/// `FailureElement.outageExactness`).
///
/// Adding a scheme: its card (Models/schemes/ID.yaml), a file
/// Sources/Schemes/Models/IDModel.swift conforming to this protocol, and one line
/// in `SchemeModels.all` (docs/ARCHITECTURE.md).
public protocol SchemeModel: Sendable {
    /// The scheme id of its card, e.g. "pmipv6".
    var id: String { get }

    /// Wired hops between two roles when this scheme places them differently
    /// from `SchemeContext.defaultHops` (e.g. GHAHA's HA is the nearest one); nil keeps the default.
    func hops(_ a: Role, _ b: Role, in c: SchemeContext) -> Double?

    /// MNs among which periodic messages sent by `role` are shared (amortisation of overhead).
    func mnsServed(by role: Role, in c: SchemeContext) -> Double

    /// Mean handoff latency for sessions active across the handoff, ms:
    /// from the L2 break to the first packet on the new path (analytic-models.md 6.3).
    func handoffLatency(_ c: SchemeContext) -> ClosedFormValue

    /// Latency seen by sessions started after the handoff, ms, when it differs
    /// (DMM: new flows use the new local prefix and need no anchor update); else nil.
    func newSessionLatency(_ c: SchemeContext) -> ClosedFormValue?

    /// The downlink data path, packet-averaged (analytic-models.md 5.5).
    func dataPath(_ c: SchemeContext) -> DataPath

    /// The elements whose failure hurts this scheme's MNs (analytic-models.md 7),
    /// with what a failure breaks and how it recovers.
    func failureElements(_ c: SchemeContext) -> [FailureElement]

    /// The handoff critical path as the parts the simulation draws; the same
    /// structure as `handoffLatency`.
    func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts

    /// The data path as the legs the simulation integrates; the same paths as `dataPath`.
    func pathLegs(_ c: SchemeContext) -> PathLegs

    /// Whether the model reads the session-anchoring quantities of `Motion`
    /// (tunnelled fraction, anchor distance); per-flow DMM schemes do.
    var usesSessionAnchoring: Bool { get }
}

extension SchemeModel {
    public func hops(_ a: Role, _ b: Role, in c: SchemeContext) -> Double? { nil }

    public func mnsServed(by role: Role, in c: SchemeContext) -> Double {
        switch role {
        case .mn: return 1
        case .servingAR, .oldAnchor, .peerAR, .cnAR, .cn: return c.mnsPerAR
        case .map, .lma, .locationServer: return c.mnsPerDomain
        case .ha: return c.mnsPerHA
        case .peerHA: return c.mnsPerHA / Double(max(1, c.hops.globalHACount))
        }
    }

    public func newSessionLatency(_ c: SchemeContext) -> ClosedFormValue? { nil }

    public var usesSessionAnchoring: Bool { false }

    /// `handoffLatency(c).value`, ms.
    public func handoffLatencyMs(_ c: SchemeContext) -> Double { handoffLatency(c).value }

    /// `newSessionLatency(c)?.value`, ms.
    public func newSessionLatencyMs(_ c: SchemeContext) -> Double? { newSessionLatency(c)?.value }
}
