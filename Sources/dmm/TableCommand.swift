import ArgumentParser
import Foundation
import Reports
import Evaluation
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
            RFC 7333 requirements met, then the closed-form metrics of every scheme for
            the chosen scenario (--scenario, --set; see dmm evaluate). Formats: markdown (pipe table), csv (RFC 4180),
            latex (booktabs), rfc (ASCII, at most 72 columns, for Internet-Drafts),
            json (array of objects with the csv's keys).

            Examples:
              dmm table
              dmm table --format rfc
              dmm table --extended --format csv --output schemes.csv
              dmm table --extended --scenario vehicular --set topology.global_ha_count=8
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

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
        let table: Table
        if extended {
            let scenario = try scenarioOptions.load(models: models)
            table = try SchemeTables.extended(catalog, extra: [try Self.metricColumns(catalog, scenario: scenario)])
        } else {
            guard scenarioOptions.scenario == "default", scenarioOptions.assignments.isEmpty else {
                throw CommandInputError("--scenario and --set apply to dmm table --extended (Table 1 has no metrics)")
            }
            table = try SchemeTables.seedTable1(catalog)
        }
        let text = TableRenderer.render(table, as: format)
        if let output {
            try OutputFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// The headline closed-form metrics of every card under `scenario`, units in the headers.
    static func metricColumns(_ catalog: SchemeCatalog, scenario: Scenario) throws -> SchemeColumns {
        let rows = try ClosedForm.evaluate(scenario: scenario, schemes: catalog.cards)
        var units: [String: String] = [:]
        var values: [String: [String: Double]] = [:]
        for r in rows {
            units[r.metric] = r.unit
            values[r.scheme, default: [:]][r.metric] = r.estimate
        }
        let metrics = MetricTables.extendedMetrics
        let table = values
        return SchemeColumns(
            columns: metrics.map { Table.Column(MetricTables.header($0, unit: units[$0] ?? ""), alignment: .right) },
            cells: { card in metrics.map { m in table[card.id]?[m].map(MetricTables.cell) ?? "" } })
    }
}
