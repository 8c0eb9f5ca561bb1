import Foundation
import Yams

/// A YAML node of a card with its dotted field path and file, so every read
/// that fails can say file, line and field (Yams' `Node.mark` gives the line).
struct CardNode {
    let node: Node
    let path: String
    let file: String
    /// Line of the key that introduced the node (its own line for the root and list items).
    let fallbackLine: Int

    var line: Int { node.mark?.line ?? fallbackLine }

    func error(_ problem: SchemeCardError.Problem, line: Int? = nil, field: String? = nil) -> SchemeCardError {
        SchemeCardError(file: file, line: line ?? self.line, field: field ?? path, problem: problem)
    }

    private var shape: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return isNull ? "nothing (null)" : "the scalar '\(scalar.string)'"
        }
    }

    private var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A non-empty text scalar (YAML 1.1 words such as `No` stay text).
    func string() throws -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw error(.wrongType(expected: "a text value", found: shape))
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error(.invalid("must not be empty")) }
        return text
    }

    /// `true` or `false` (YAML 1.2 core schema; `yes`/`no` are refused as ambiguous).
    func bool() throws -> Bool {
        guard case .scalar(let scalar) = node, !isNull else {
            throw error(.wrongType(expected: "true or false", found: shape))
        }
        switch scalar.string {
        case "true": return true
        case "false": return false
        default: throw error(.wrongType(expected: "true or false", found: shape))
        }
    }

    func sequence() throws -> [CardNode] {
        guard case .sequence(let items) = node else {
            throw error(.wrongType(expected: "a list", found: shape))
        }
        return items.enumerated().map { index, item in
            CardNode(node: item, path: "\(path)[\(index)]", file: file, fallbackLine: line)
        }
    }

    func stringList() throws -> [String] {
        try sequence().map { try $0.string() }
    }

    /// A word of a fixed vocabulary; `kind` names the vocabulary in the error.
    func word<E: RawRepresentable & CaseIterable>(_ type: E.Type, kind: String) throws -> E where E.RawValue == String {
        let text = try string()
        guard let value = E(rawValue: text) else {
            throw error(.unknownValue(text, kind: kind, allowed: E.allCases.map(\.rawValue)))
        }
        return value
    }

    /// The node as a mapping whose keys must all be in `allowed` and unique.
    func mapping(allowed: [String]) throws -> CardMapping {
        guard case .mapping(let pairs) = node else {
            throw error(.wrongType(expected: "a mapping", found: shape))
        }
        var entries: [String: CardNode] = [:]
        var order: [String] = []
        for (keyNode, valueNode) in pairs {
            let keyLine = keyNode.mark?.line ?? line
            guard case .scalar(let keyScalar) = keyNode else {
                throw error(.wrongType(expected: "text keys", found: "a non-text key"), line: keyLine)
            }
            let key = keyScalar.string
            let field = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                throw error(.unknownKey(allowed: allowed), line: keyLine, field: field)
            }
            guard entries[key] == nil else { throw error(.duplicateKey, line: keyLine, field: field) }
            entries[key] = CardNode(node: valueNode, path: field, file: file, fallbackLine: keyLine)
            order.append(key)
        }
        return CardMapping(owner: self, entries: entries, order: order)
    }
}

/// A checked mapping of a card: required and optional fields by key.
struct CardMapping {
    let owner: CardNode
    let entries: [String: CardNode]
    /// Keys in file order.
    let order: [String]

    func required(_ key: String) throws -> CardNode {
        guard let value = entries[key] else {
            let field = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            // Point at the key that opened the mapping (`table1:`), not its first entry.
            let line = owner.path.isEmpty || owner.path.hasSuffix("]") ? owner.line : owner.fallbackLine
            throw owner.error(.missingField, line: line, field: field)
        }
        return value
    }

    func optional(_ key: String) -> CardNode? { entries[key] }
}
