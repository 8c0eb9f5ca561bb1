import Foundation
import Stochastics

/// One `PATH=VALUE` read and checked once, where text enters (a `--set`, a
/// scenario YAML value, a sweep axis value): applying it to a scenario parses
/// nothing and formats nothing.
///
/// PATH is a parameter of `ScenarioParameter.all` or a law's parameter
/// (`mobility.residence.mean`). A law parameter's value is read as numbers
/// here and checked against the law when applied (its family decides what is
/// allowed: `ProbabilityLaw.setting(_:to:text:)`, which keeps the law's shape
/// when only its mean is given).
public struct ScenarioSetting: Sendable {
    /// A typed change of a scenario.
    typealias Edit = @Sendable (inout Scenario) throws -> Void

    /// The path as given (trimmed).
    public let path: String
    /// The value as given.
    public let value: String
    private let edit: Edit

    /// Reads `value` for `path`. Throws `ScenarioError` (exit 2) naming the path
    /// and what is allowed, with close matches for an unknown path.
    public init(path: String, value: String) throws {
        self.path = path
        self.value = value
        if let parameter = ScenarioParameter.named(path) {
            edit = try parameter.read(value)
            return
        }
        // A law parameter: "<law path>.<name>".
        guard let dot = path.lastIndex(of: "."), let parameter = ScenarioParameter.named(String(path[..<dot])),
            let key = parameter.lawKey
        else { throw ScenarioError.unknownPath(path) }
        let name = String(path[path.index(after: dot)...])
        // A name no family takes is a typo here; one the law's family lacks is told when applied.
        guard ProbabilityLaw.allParameterNames.contains(name) else { throw ScenarioError.unknownPath(path) }
        let items = value.split(separator: "/", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !items.isEmpty, items.allSatisfy({ $0?.isFinite ?? false }) else {
            throw ScenarioError(
                "scenario parameter '\(path)' = '\(value)' is not allowed; allowed: a finite number (V1/V2/... for the phases of a hyperexponential or hypererlang law)")
        }
        let numbers = items.map { $0! }
        edit = { scenario in
            do { scenario[keyPath: key] = try scenario[keyPath: key].setting(name, to: numbers, text: value) } catch let error as LawError {
                throw ScenarioError("scenario parameter '\(path)': \(error.description)")
            }
        }
    }

    /// Reads `PATH=VALUE` (a `--set` argument).
    public init(assignment: String) throws {
        guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
            throw ScenarioError("--set '\(assignment)': expected PATH=VALUE, e.g. --set traffic.session_rate=0.01")
        }
        try self.init(
            path: String(assignment[..<eq]).trimmingCharacters(in: .whitespaces),
            value: String(assignment[assignment.index(after: eq)...]))
    }

    /// Sets the value in `scenario`; throws `ScenarioError` when a law parameter
    /// does not fit the law there (an unknown name for its family, a value out of range).
    public func apply(to scenario: inout Scenario) throws { try edit(&scenario) }
}
