import Schemes

/// Extra columns appended to `SchemeTables.extended` for each scheme, e.g. the
/// four metrics of a scenario (the metrics issue supplies them): the columns,
/// and the cells of one scheme's row in the same order.
public struct SchemeColumns: Sendable {
    public var columns: [Table.Column]
    public var cells: @Sendable (SchemeCard) throws -> [String]

    public init(columns: [Table.Column], cells: @escaping @Sendable (SchemeCard) throws -> [String]) {
        self.columns = columns
        self.cells = cells
    }
}

/// The tables `dmm table` prints, built from scheme cards.
public enum SchemeTables {
    /// The seed's Table 1 column headings (issue 4 / draft section 4, "Scheme
    /// name" shortened to "Scheme").
    public static let table1Columns = [
        "Scheme", "Base protocol", "Distributed mobility anchors", "Dynamic mobility support",
        "Splitting location & routing", "Number of HoAs per MN", "Required changes",
    ]
    /// The seed's rows, in the seed's order.
    public static let seedRows = ["hmipv6", "fama", "dmi", "ghaha"]
    public static let table1Caption = "Summary of the solution space."

    /// The seed's Table 1, cell for cell: rows HMIPv6, FAMA, DMI, GHAHA. A row
    /// whose seed spelling differs from its name (GHAAH) gets a footnote.
    /// - Throws: `SchemeCatalogError` when a seed card is missing or not marked `in_seed_table`.
    public static func seedTable1(_ catalog: SchemeCatalog) throws -> Table {
        var table = Table(columns: table1Columns.map { Table.Column($0) }, caption: table1Caption)
        for id in seedRows {
            let card = try catalog.require(id)
            guard card.inSeedTable else {
                throw SchemeCatalogError("card '\(card.source)' has in_seed_table: false, but the seed's Table 1 has a row for \(card.shortName)")
            }
            table.append([card.shortName] + card.table1.cells)
            table.footnotes += spellingNotes(card)
        }
        return table
    }

    /// Every scheme of the catalogue with the seed's columns and the extended
    /// qualitative ones, then the columns of each of `extra` in order.
    public static func extended(_ catalog: SchemeCatalog, extra: [SchemeColumns] = []) throws -> Table {
        let names = table1Columns + [
            "In seed Table 1", "Mobility kind", "Anchoring", "Anchor placement", "Permanent address",
            "CN reachability", "Control plane", "Anycast", "Single points of failure", "Security",
            "Routing loop risk", "RFC 7333 requirements met",
        ]
        var table = Table(
            columns: names.map { Table.Column($0) } + extra.flatMap(\.columns),
            caption: "Mobility-management schemes: the seed's Table 1 columns and extended qualitative attributes.")
        for card in catalog.cards {
            let a = card.attributes
            var row = [card.shortName] + card.table1.cells + [
                card.inSeedTable ? "yes" : "no",
                a.mobilityKind.rawValue,
                a.anchoring.rawValue,
                a.anchorPlacement,
                a.permanentAddress,
                a.cnReachability,
                a.controlPlane,
                a.anycast ? "yes" : "no",
                singlePointsCell(a),
                a.security,
                a.routingLoopRisk,
                requirementsCell(a),
            ]
            for group in extra {
                let cells = try group.cells(card)
                precondition(cells.count == group.columns.count, "extra columns for \(card.id): \(cells.count) cells for \(group.columns.count) columns")
                row += cells
            }
            table.append(row)
            table.footnotes += spellingNotes(card)
        }
        table.footnotes.append("Cells of schemes not in the seed's Table 1 are judgments; each card's table1_reasoning explains them (dmm schemes --show ID).")
        return table
    }

    /// The RFC 7333 requirements a scheme meets, in requirement order ("none"
    /// when it meets none); the extended table and `dmm schemes --show` both use it.
    public static func requirementsCell(_ a: SchemeAttributes) -> String {
        a.rfc7333Requirements.isEmpty ? "none" : a.rfc7333Requirements.sorted().map(\.rawValue).joined(separator: ", ")
    }

    /// The single points of failure, comma-separated ("none" when there are none).
    public static func singlePointsCell(_ a: SchemeAttributes) -> String {
        a.singlePointsOfFailure.isEmpty ? "none" : a.singlePointsOfFailure.joined(separator: ", ")
    }

    static func spellingNotes(_ card: SchemeCard) -> [String] {
        guard let seedLabel = card.table1LabelInSeed, seedLabel != card.shortName else { return [] }
        return ["\(card.shortName): the seed draft's Table 1 spells this row \"\(seedLabel)\" (draft-kuntz-dmm-summary-01, section 4)."]
    }
}
