/// The eight requirements of RFC 7333 section 5 ("Requirements for
/// Distributed Mobility Management"); a card lists those its scheme meets
/// (docs/MODELS.md 8 section 7.1; judgments in section 7.2).
public enum RFC7333Requirement: String, CaseIterable, Sendable, Codable, Comparable {
    /// Distributed deployment: traffic can avoid a single far anchor.
    case req1 = "REQ1"
    /// Mobility support can be bypassed per application session (flow).
    case req2 = "REQ2"
    /// IPv6 deployment as the primary target.
    case req3 = "REQ3"
    /// Reuse and extension of existing IETF protocols.
    case req4 = "REQ4"
    /// Coexistence with deployed networks and hosts.
    case req5 = "REQ5"
    /// Operation and management considerations.
    case req6 = "REQ6"
    /// Security: no new unmitigable risks.
    case req7 = "REQ7"
    /// Multicast considerations.
    case req8 = "REQ8"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
