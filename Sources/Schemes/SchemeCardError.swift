import Stochastics

/// A scheme card (Models/schemes/<id>.yaml) that cannot be used, with the
/// file, the 1-based line and the dotted field path at fault, so the person
/// editing the card can go straight to it. The CLI exits with status 2.
public struct SchemeCardError: InvalidInput, Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        /// A key the card format does not have (typo, or a field in the wrong place).
        case unknownKey(allowed: [String])
        /// A key given twice in one mapping.
        case duplicateKey
        /// A required field is absent.
        case missingField
        /// The value has the wrong YAML shape or scalar type.
        case wrongType(expected: String, found: String)
        /// A word outside a fixed vocabulary (size key, role, event, repeat rule, ...).
        case unknownValue(String, kind: String, allowed: [String])
        /// Any other broken rule, stated in words.
        case invalid(String)
        /// The file is not well-formed YAML.
        case syntax(String)
    }

    public let file: String
    public let line: Int
    /// Dotted path of the field, e.g. `procedures.handoff[0].size`.
    public let field: String
    public let problem: Problem

    public init(file: String, line: Int, field: String, problem: Problem) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    public var description: String {
        let place = "\(file):\(line): '\(field)'"
        switch problem {
        case .unknownKey(let allowed):
            return "\(place): unknown key; allowed here: \(allowed.joined(separator: ", "))"
        case .duplicateKey:
            return "\(place): key appears more than once; keep one"
        case .missingField:
            return "\(place): required field is missing; add it (format: Models/schemes/README.md)"
        case .wrongType(let expected, let found):
            return "\(place): expected \(expected), found \(found)"
        case .unknownValue(let value, let kind, let allowed):
            return "\(place): '\(value)' is not a known \(kind); allowed: \(allowed.joined(separator: ", "))"
        case .invalid(let reason):
            return "\(place): \(reason)"
        case .syntax(let reason):
            return "\(place): not valid YAML: \(reason)"
        }
    }
}

/// A catalogue directory that cannot be used as a whole (missing, empty,
/// two cards with one id, a card the command needs is absent).
public struct SchemeCatalogError: InvalidInput, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
