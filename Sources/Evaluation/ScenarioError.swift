import Stochastics

/// A scenario that cannot be used: an unknown path, a value of the wrong type
/// or out of range, a file that cannot be read or is not valid YAML. The CLI
/// exits with status 2 for these (`InvalidInput`).
public struct ScenarioError: Error, InvalidInput, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    static func unknownPath(_ path: String, where place: String? = nil) -> ScenarioError {
        let close = ScenarioParameter.closeMatches(to: path)
        let hint = close.isEmpty
            ? "run 'dmm evaluate --list-parameters' for every path"
            : "did you mean \(close.joined(separator: ", "))? ('dmm evaluate --list-parameters' lists every path)"
        return ScenarioError("\(place.map { "\($0): " } ?? "")unknown scenario parameter '\(path)'; \(hint)")
    }
}
