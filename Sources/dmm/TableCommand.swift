import ArgumentParser
import Foundation
import Reports
import Schemes

/// `dmm table`: the seed's Table 1 reproduced cell for cell, or with
/// `--extended` every scheme with the extended qualitative columns.
struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Print the seed draft's Table 1, or the extended table of all schemes.",
        discussion: """
            Without --extended: Table 1 of draft-kuntz-dmm-summary-01, cell for cell
            (rows HMIPv6, FAMA, DMI, GHAHA; the draft spells the last one GHAAH, which
            a footnote records in markdown, latex and rfc).
            With --extended: all eleven schemes of Models/schemes with the seed's
            columns plus mobility kind, anchoring (per-flow or per-node), anchor
            placement, CN reachability, single points of failure, anycast and the
            RFC 7333 requirements met. Formats: markdown (pipe table), csv (RFC 4180),
            latex (booktabs), rfc (ASCII, at most 72 columns, for Internet-Drafts),
            json (array of objects with the csv's keys).

            Examples:
              dmm table
              dmm table --format rfc
              dmm table --extended --format csv --output schemes.csv
              DMM_MODELS=./my-models dmm table --extended --format latex
            """
    )

    @Flag(help: "All schemes with the extended qualitative columns.")
    var extended = false

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .markdown

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Models directory holding schemes/ (default: $DMM_MODELS, else the shipped Models).")
    var models: String?

    func run() throws {
        let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
        let table = extended ? try SchemeTables.extended(catalog) : try SchemeTables.seedTable1(catalog)
        let text = TableRenderer.render(table, as: format)
        if let output {
            try OutputFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
