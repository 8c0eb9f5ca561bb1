/// A probability-law spec that cannot be used, with what is allowed.
public struct LawError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The spec as the user wrote it.
    public let spec: String
    /// What is wrong and what is allowed.
    public let message: String

    public init(spec: String, _ message: String) {
        self.spec = spec
        self.message = message
    }

    public var description: String { "law '\(spec)': \(message)" }
}
