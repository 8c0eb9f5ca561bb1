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

    public init(message: String, from: Role, to: Role, size: MessageSizeKey, repeatRule: RepeatRule = .once) {
        self.message = message
        self.from = from
        self.to = to
        self.size = size
        self.repeatRule = repeatRule
    }
}
