/// One signaling message of a procedure: who sends it to whom, which size key
/// gives its bytes, and how many times it is sent per occurrence of the event.
///
/// Evaluation turns it into hops (the scenario's distance between `from` and
/// `to`) and bytes (the scenario's size for `size`); messages/s and
/// byte-hops/s then follow from the event's rate (docs/MODELS.md).
public struct SignalingMessage: Sendable, Equatable, Hashable {
    /// The message's name as the scheme's document spells it (BU, PBQ, LBU, ...).
    public var message: String
    public var from: Role
    public var to: Role
    public var size: MessageSizeKey
    public var repeatRule: RepeatRule
    /// A de-registration by the attachment point the MN left (PMIPv6's previous-MAG
    /// PBU with lifetime 0, RFC 5213 section 6.9.1.3): sent only when the scenario
    /// counts de-registrations (`messages.deregistration`, `SchemeContext.countsDeregistration`).
    public var deregistration: Bool

    public init(
        message: String, from: Role, to: Role, size: MessageSizeKey, repeatRule: RepeatRule = .once,
        deregistration: Bool = false
    ) {
        self.message = message
        self.from = from
        self.to = to
        self.size = size
        self.repeatRule = repeatRule
        self.deregistration = deregistration
    }
}
