import Schemes
import Stochastics

extension SchemeCatalog {
    /// The cards named in `list`, a comma-separated `--schemes` value, in its
    /// order; all cards (catalogue order) when `list` is nil.
    /// - Throws: `SchemeSelectionError` (exit 2) for an empty list or an id named
    ///   twice; the catalogue's own error for an unknown id.
    public func select(_ list: String?) throws -> [SchemeCard] {
        guard let list else { return cards }
        let ids = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw SchemeSelectionError("--schemes is empty; known: \(self.ids.joined(separator: ", "))") }
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            throw SchemeSelectionError("--schemes lists '\(id)' twice; name each scheme once")
        }
        return try ids.map { try require($0) }
    }
}

/// A `--schemes` list that cannot be used (exit 2).
public struct SchemeSelectionError: InvalidInput, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
