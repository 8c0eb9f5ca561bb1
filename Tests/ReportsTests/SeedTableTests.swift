import Evaluation
import Foundation
import Testing
@testable import Reports
import Schemes

/// The seed's Table 1 typed in by hand from draft-kuntz-dmm-summary-01
/// section 4 (GHAAH printed as GHAHA), independently of the cards.
let handTable1 = Table(
    columns: ["Scheme", "Base protocol", "Distributed mobility anchors", "Dynamic mobility support",
              "Splitting location & routing", "Number of HoAs per MN", "Required changes"].map { Table.Column($0) },
    rows: [
        ["HMIPv6", "MIPv6", "Yes", "No", "No", "Single one", "MN/HA"],
        ["FAMA", "MIPv6", "Yes", "Partial", "No", "1 per net", "MN"],
        ["DMI", "MIPv6", "Yes", "Partial", "No", "1 per net", "MN"],
        ["GHAHA", "MIPv6", "Yes", "No", "No", "Single one", "HA"],
    ],
    caption: "Summary of the solution space.",
    footnotes: ["GHAHA: the seed draft's Table 1 spells this row \"GHAAH\" (draft-kuntz-dmm-summary-01, section 4)."])

let shippedSchemesForReports = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Models/schemes")

@Suite("Seed Table 1 and the extended table")
struct SeedTableTests {
    @Test(arguments: [(OutputFormat.markdown, "table1.md"), (.csv, "table1.csv"), (.latex, "table1.tex"),
                      (.rfc, "table1.txt"), (.json, "table1.json")])
    func handTypedTable1MatchesItsGoldenFile(format: OutputFormat, golden: String) throws {
        try GoldenFile.check(TableRenderer.render(handTable1, as: format), against: golden)
    }

    @Test func table1FromTheCardsIsTheHandTypedTable() throws {
        let catalog = try SchemeCatalog.load(directory: shippedSchemesForReports)
        #expect(try SchemeTables.seedTable1(catalog) == handTable1)
    }

    @Test func extendedTableHasEveryScheme() throws {
        let catalog = try SchemeCatalog.load(directory: shippedSchemesForReports)
        let table = try SchemeTables.extended(catalog)
        #expect(table.rows.map { $0[0] } == ["MIPv6", "PMIPv6", "HMIPv6", "FAMA", "DMI", "GHAHA", "DLMA", "S-PMIP", "SD-PMIP", "DMA", "SAIL",
                                           "RFC8885-R", "RFC8885-P", "FMIPv6", "FPMIPv6"])
        let names = table.columns.map(\.name)
        for required in ["CN reachability", "Single points of failure", "Anycast", "Anchoring", "RFC 7333 requirements met"] {
            #expect(names.contains(required))
        }
        // The seed's rows carry the seed's cells in the extended table too.
        let hmipv6 = try #require(table.rows.first { $0[0] == "HMIPv6" })
        #expect(Array(hmipv6[0..<7]) == handTable1.rows[0])
    }

    @Test func extraColumnsAreAppendedPerScheme() throws {
        let catalog = try SchemeCatalog.load(directory: shippedSchemesForReports)
        let extra = SchemeColumns(columns: [Table.Column("handoff_messages", alignment: .right)]) { card in
            [String(card.messages(for: .handoff).count)]
        }
        let table = try SchemeTables.extended(catalog, extra: [extra])
        #expect(table.columns.last == Table.Column("handoff_messages", alignment: .right))
        #expect(table.rows.first { $0[0] == "PMIPv6" }?.last == "4")
        #expect(table.rows.first { $0[0] == "SD-PMIP" }?.last == "2")
    }

    @Test func seedTableNeedsItsFourCards() throws {
        let catalog = try SchemeCatalog.load(directory: shippedSchemesForReports)
        let partial = SchemeCatalog(cards: catalog.cards.filter { $0.id != "dmi" })
        #expect(throws: SchemeCatalogError.self) { try SchemeTables.seedTable1(partial) }
    }
}
