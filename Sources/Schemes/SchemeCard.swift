/// One mobility-management scheme as its card in Models/schemes/<id>.yaml
/// describes it: names and documents, the seed's Table 1 cells, extended
/// qualitative attributes, and the signaling messages of every event
/// (docs/ARCHITECTURE.md; procedures from docs/MODELS.md 8).
public struct SchemeCard: Sendable, Equatable {
    /// File stem and CLI name, e.g. `hmipv6`.
    public var id: String
    /// Display name, e.g. "Hierarchical Mobile IPv6".
    public var name: String
    /// Name in table rows, e.g. "HMIPv6".
    public var shortName: String
    /// Defining documents, e.g. ["RFC 5380"].
    public var documents: [String]
    /// The protocol the scheme extends (MIPv6, PMIPv6, or the scheme itself for a baseline).
    public var baseProtocol: String
    /// Whether the seed draft's Table 1 has a row for this scheme.
    public var inSeedTable: Bool
    public var table1: Table1Cells
    /// How the seed's Table 1 itself spells the row, when it differs from
    /// `shortName` (the seed writes "GHAAH" for GHAHA).
    public var table1LabelInSeed: String?
    /// Why the Table 1 cells are what they are (required when not in the seed's table).
    public var table1Reasoning: String?
    public var attributes: SchemeAttributes
    /// Choices made where the sources are silent, and why.
    public var choices: String
    /// Messages per event; every event of `ProcedureEvent` has an entry (possibly empty).
    public var procedures: [ProcedureEvent: [SignalingMessage]]
    /// Where the card was read from (for messages), or "" when built in code.
    public var source: String

    public init(id: String, name: String, shortName: String, documents: [String], baseProtocol: String,
                inSeedTable: Bool, table1: Table1Cells, table1LabelInSeed: String? = nil, table1Reasoning: String?,
                attributes: SchemeAttributes, choices: String, procedures: [ProcedureEvent: [SignalingMessage]],
                source: String = "") {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.documents = documents
        self.baseProtocol = baseProtocol
        self.inSeedTable = inSeedTable
        self.table1 = table1
        self.table1LabelInSeed = table1LabelInSeed
        self.table1Reasoning = table1Reasoning
        self.attributes = attributes
        self.choices = choices
        self.procedures = procedures
        self.source = source
    }

    /// The messages sent at `event` (empty when the scheme signals nothing then).
    public func messages(for event: ProcedureEvent) -> [SignalingMessage] {
        procedures[event] ?? []
    }
}
