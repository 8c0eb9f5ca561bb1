import Schemes

/// One message of a card's procedure as the cost model needs it: ends, size key
/// and repeat rule (a card's `SignalingMessage` without its display name).
public struct SignalingStep: Sendable, Equatable {
    public var from: Role
    public var to: Role
    public var size: MessageSizeKey
    public var repeatRule: RepeatRule
    public init(from: Role, to: Role, size: MessageSizeKey, repeatRule: RepeatRule = .once) {
        self.from = from
        self.to = to
        self.size = size
        self.repeatRule = repeatRule
    }
}

/// A scheme's signaling procedures by event.
public typealias SignalingProcedures = [ProcedureEvent: [SignalingStep]]
