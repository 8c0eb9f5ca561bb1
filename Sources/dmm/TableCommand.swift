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
            the chosen scenario (--scenario, --set; --method closed-form|monte-carlo|both
            with --samples, --seed, --jobs as in dmm evaluate). Formats: markdown (pipe table), csv (RFC 4180),
            latex (booktabs), rfc (ASCII, at most 72 columns, for Internet-Drafts),
            json (array of objects with the csv's keys).

            Examples:
              dmm table
              dmm table --format rfc
              dmm table --extended --format csv --output schemes.csv
              dmm table --extended --scenario vehicular --set topology.global_ha_count=8
              dmm table --extended --method both --format rfc
              DMM_MODELS=./my-models dmm table --extended --format latex
            """
    )

    @Flag(help: "All schemes with the extended qualitative columns.")
    var extended = false

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .markdown

    @OptionGroup var destination: OutputDestination

    @Option(help: "Models directory holding schemes/ (default: $DMM_MODELS, else the shipped Models).")
    var models: String?

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(help: "With --extended: metrics by closed-form, monte-carlo or both (see dmm evaluate).")
    var method: EvaluateCommand.Method = .closedForm

    @OptionGroup var monteCarlo: MonteCarloOptions

    func run() throws {
        try destination.check(inputs: [scenarioOptions.scenario])  // before a long run, not after it
        let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
        var table: Table
        if extended {
            let scenario = try scenarioOptions.load(models: models)
            var rows: [MetricEstimate] = []
            if method != .monteCarlo { rows += try ClosedForm.evaluate(scenario: scenario, schemes: catalog.cards) }
            if method != .closedForm { rows += try monteCarlo.simulate(scenario, cards: catalog.cards) }
            let approximations = method == .both ? try EvaluateCommand.approximations(scenario, cards: catalog.cards) : [:]
            var marks: Set<String> = []
            let signal = BugSignal(rows: rows, metrics: MetricTables.extendedMetrics) { scheme, metric in
                approximations[scheme]?.contains(metric) ?? false
            }
            table = try SchemeTables.extended(
                catalog, extra: [Self.metricColumns(rows, approximations: approximations, signal: signal, marks: &marks)])
            table.footnotes += MetricTables.markFootnotes(marks, signal: signal)
        } else {
            guard scenarioOptions.scenario == "default", scenarioOptions.assignments.isEmpty, method == .closedForm else {
                throw CommandInputError("--scenario, --set and --method apply to dmm table --extended (Table 1 has no metrics)")
            }
            table = try SchemeTables.seedTable1(catalog)
        }
        let text = TableRenderer.render(table, as: format)
        try destination.emit(text)
    }

    /// The headline metrics of every card (`MetricTables.extendedMetrics`), units in
    /// the headers, cells as in `dmm evaluate`'s wide tables; the marks used are added to `marks`.
    static func metricColumns(
        _ rows: [MetricEstimate], approximations: [String: Set<String>], signal: BugSignal, marks: inout Set<String>
    ) -> SchemeColumns {
        var values: [String: [String: [MetricEstimate]]] = [:]
        for r in rows { values[r.scheme, default: [:]][r.metric, default: []].append(r) }
        let metrics = MetricTables.extendedMetrics
        var cells: [String: [String]] = [:]
        for (scheme, byMetric) in values {
            cells[scheme] = metrics.map { m in
                let (text, mark) = MetricTables.cellText(
                    byMetric[m.id] ?? [], approximate: approximations[scheme]?.contains(m.id) ?? false, signal: signal)
                if let mark { marks.insert(mark) }
                return text
            }
        }
        let table = cells
        return SchemeColumns(
            columns: metrics.map { Table.Column(MetricTables.header($0), alignment: .right) },
            cells: { card in table[card.id] ?? metrics.map { _ in "" } })
    }
}
