/// The extended qualitative attributes of a scheme (docs/ARCHITECTURE.md), the
/// columns `dmm table --extended` adds to the seed's Table 1.
public struct SchemeAttributes: Sendable, Equatable {
    /// Whether the MN takes part in mobility signaling (client) or the network
    /// acts on its behalf (network).
    public enum MobilityKind: String, CaseIterable, Sendable { case client, network }
    /// Whether a node's traffic shares one anchor (per-node) or each flow keeps
    /// the anchor where it started (per-flow; RFC 7333 REQ2).
    public enum Anchoring: String, CaseIterable, Sendable {
        case perNode = "per-node"
        case perFlow = "per-flow"
    }

    public var mobilityKind: MobilityKind
    public var anchoring: Anchoring
    /// Where anchors sit, e.g. "central HA", "MAP per domain", "every access router".
    public var anchorPlacement: String
    /// The address that survives all movement, if any.
    public var permanentAddress: String
    /// Reachability by a CN that does not know where the MN is.
    public var cnReachability: String
    /// Where location (binding) state and its signaling live.
    public var controlPlane: String
    /// Whether anchors share an anycast prefix or address.
    public var anycast: Bool
    /// Element kinds whose single failure cuts off MNs not attached to them (e.g. `ha`); empty if none.
    public var singlePointsOfFailure: [String]
    /// How signaling is protected.
    public var security: String
    /// Whether bindings at several anchors can form a tunnel loop (seed section 4).
    public var routingLoopRisk: String
    /// RFC 7333 requirements met (fully; partial ones are explained in `choices`).
    public var rfc7333Requirements: [RFC7333Requirement]

    public init(mobilityKind: MobilityKind, anchoring: Anchoring, anchorPlacement: String, permanentAddress: String,
                cnReachability: String, controlPlane: String, anycast: Bool, singlePointsOfFailure: [String],
                security: String, routingLoopRisk: String, rfc7333Requirements: [RFC7333Requirement]) {
        self.mobilityKind = mobilityKind
        self.anchoring = anchoring
        self.anchorPlacement = anchorPlacement
        self.permanentAddress = permanentAddress
        self.cnReachability = cnReachability
        self.controlPlane = controlPlane
        self.anycast = anycast
        self.singlePointsOfFailure = singlePointsOfFailure
        self.security = security
        self.routingLoopRisk = routingLoopRisk
        self.rfc7333Requirements = rfc7333Requirements
    }
}
