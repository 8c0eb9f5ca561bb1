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
            Without --extended: Table 1 of draft-kuntz-dmm-summary-01, cell for cell \
            (rows HMIPv6, FAMA, DMI, GHAHA; the draft spells the last one GHAAH, which \
            a footnote records in markdown, latex and rfc). \
            With --extended: all schemes of Models/schemes with the seed's \
            columns plus mobility kind, anchoring (per-flow or per-node), anchor \
            placement, CN reachability, single points of failure, anycast and the \
            RFC 7333 requirements met, then the closed-form metrics of every scheme for \
            the chosen scenario (--scenario, --set; --method closed-form|monte-carlo|both \
            with --samples, --seed, --jobs as in dmm evaluate). Formats: markdown (pipe table), csv (RFC 4180), \
            latex (a table float: booktabs, tabularx, threeparttable), rfc (ASCII artwork, at \
            most 69 columns), xml2rfc (v3 <table> elements), json (array of objects with the \
            csv's keys). On a terminal, markdown is drawn to fit its width (--full: the pipe \
            table); --columns, --transpose, --caption, --label choose what is printed.

            Examples:
              dmm table
              dmm table --format rfc
              dmm table --extended --format csv --output schemes.csv
              dmm table --extended --scenario vehicular --set topology.global_ha_count=8
              dmm table --extended --method both --format rfc
              dmm table --extended --format xml2rfc --caption "DMM schemes" \\
                  --label schemes
              dmm table --extended --columns "Scheme,Anchoring,Handoff latency (ms)" \\
                  --transpose
              DMM_MODELS=./my-models dmm table --extended --format latex
            """
    )

    @Flag(help: "All schemes with the extended qualitative columns.")
    var extended = false

    @OptionGroup var formatOption: FormatOption
    @OptionGroup var destination: OutputDestination

    @OptionGroup var tableOptions: TableOptions

    @Option(help: ArgumentHelp("With --extended: the metric columns, headline (default), all, or comma-separated metric ids.", valueName: "METRICS"))
    var metrics: String?

    @OptionGroup var modelsOption: ModelsOption
    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var methodOption: MethodOption
    @OptionGroup var monteCarlo: MonteCarloOptions

    func run() throws {
        try destination.check(inputs: [scenarioOptions.scenario])  // before a long run, not after it
        try tableOptions.check()
        let catalog = try modelsOption.catalog()
        let table: Table
        if extended {
            let scenario = try scenarioOptions.load(models: modelsOption.models)
            let result = try monteCarlo.evaluate(monteCarlo.request(scenario, cards: catalog.cards, method: methodOption.method))
            table = try SchemeTables.extended(
                catalog, evaluation: result, metrics: try TableOptions.metrics(metrics) ?? MetricTables.extendedMetrics)
        } else {
            guard scenarioOptions.scenario == "default", scenarioOptions.assignments.isEmpty, methodOption.method == .closedForm,
                metrics == nil
            else {
                throw CommandInputError("--scenario, --set, --method and --metrics apply to dmm table --extended (Table 1 has no metrics)")
            }
            table = try SchemeTables.seedTable1(catalog)
        }
        try destination.emit(try tableOptions.render(table, as: formatOption.format, to: destination))
    }
}
