/// The scheme cards of a directory (normally the shipped Models/schemes),
/// validated and in a fixed order. Reading them from files is Evaluation's
/// (`SchemeCatalog.load(directory:)`): nothing below Evaluation reads files.
public struct SchemeCatalog: Sendable {
    /// The schemes of docs/ARCHITECTURE.md in the order tables list them (the
    /// eleven of the seed's era, then the standardised successors of issue 15);
    /// other cards a user adds come after these, alphabetically.
    public static let canonicalOrder = [
        "mipv6", "pmipv6", "hmipv6", "fama", "dmi", "ghaha", "dlma", "spmip", "sdpmip", "dma", "sail",
        "rfc8885-relay", "rfc8885-proxy", "fmipv6", "fpmipv6",
    ]

    public let cards: [SchemeCard]

    public init(cards: [SchemeCard]) {
        func rank(_ id: String) -> Int { Self.canonicalOrder.firstIndex(of: id) ?? Self.canonicalOrder.count }
        self.cards = cards.sorted { (rank($0.id), $0.id) < (rank($1.id), $1.id) }
    }

    public var ids: [String] { cards.map(\.id) }

    public func card(id: String) -> SchemeCard? { cards.first { $0.id == id } }

    /// The card with `id`, or an error listing the ids there are.
    public func require(_ id: String) throws -> SchemeCard {
        guard let card = card(id: id) else {
            throw SchemeCatalogError("unknown scheme '\(id)'; known: \(ids.joined(separator: ", "))")
        }
        return card
    }
}
