import Stochastics

/// A decision-support request the user got wrong (exit 2): a malformed range, an
/// unknown metric or baseline, too few schemes to compare. Says what, where and
/// what is allowed.
public struct DecisionError: InvalidInput, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
