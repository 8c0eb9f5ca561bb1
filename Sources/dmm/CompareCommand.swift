import ArgumentParser
import Evaluation
import Foundation
import Reports
import Schemes

/// `dmm compare`: per metric, the schemes ranked best first, ties from intervals, the Pareto set.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Rank the schemes per metric for a scenario, with ties and the Pareto-optimal set.",
        discussion: """
            For each metric (--metrics, default \(defaultMetrics)) the schemes are ranked \
            best first in the metric's direction of "better" (every dmm metric is a cost: \
            lower is better), with the ratio to the best and to the baseline (--baseline, \
            default mipv6 when compared). With --method monte-carlo or both the Monte \
            Carlo estimates are ranked and schemes whose 95 % intervals overlap are tied: \
            rank = 1 + the number of schemes significantly better, so tied schemes share \
            a rank ("2="). The Pareto-optimal set lists the schemes no other scheme beats \
            on one chosen metric without being worse on another.

            markdown, latex and rfc print a readable table with the Pareto set in a note; \
            csv and json one row per (metric, scheme) with columns \
            metric,unit,better,rank,scheme,method,estimate,ci_low,ci_high,closed_form, \
            ratio_to_best,baseline,ratio_to_baseline,tied_with,pareto.

            Examples:
              dmm compare
              dmm compare --scenario vehicular --metrics signaling_cost,handoff_latency
              dmm compare --method monte-carlo --samples 2000000 --format csv
              dmm compare --schemes pmipv6,dma,sail --baseline pmipv6 --format latex
            """
    )

    static let defaultMetrics = [Metric.signalingCost, .handoffLatency, .pathStretch, .disruption].map(\.id).joined(separator: ",")

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var schemeOptions: SchemesOption

    @Option(help: "Comma-separated metric ids to rank (default: \(defaultMetrics)).")
    var metrics: String = defaultMetrics

    @Option(help: "Scheme the ratios are taken to (default: mipv6 when it is compared).")
    var baseline: String?

    @OptionGroup var methodOption: MethodOption

    @OptionGroup var monteCarlo: MonteCarloOptions

    @OptionGroup var formatOption: FormatOption

    @OptionGroup var destination: OutputDestination

    @OptionGroup var modelsOption: ModelsOption

    func run() throws {
        try destination.check()
        let keys = try MetricListOption.parse([metrics], option: "--metrics")
        let scenario = try scenarioOptions.load(models: modelsOption.models)
        let cards = try schemeOptions.cards(modelsOption)
        let ids = cards.map(\.id)
        let base = baseline ?? (ids.contains("mipv6") ? "mipv6" : nil)
        if let base, !ids.contains(base) {
            throw CommandInputError("--baseline \(base) is not among the compared schemes; allowed: \(ids.joined(separator: ", "))")
        }
        let rows = try monteCarlo.evaluate(monteCarlo.request(scenario, cards: cards, method: methodOption.method)).rows
        let comparison = try SchemeComparison.compare(rows, schemes: ids, metrics: keys, baseline: base)
        let table: Table
        switch formatOption.format {
        case .csv, .json: table = ComparisonTables.tidy(comparison)
        case .markdown, .latex, .rfc, .xml2rfc:
            let how: String
            switch methodOption.method {
            case .closedForm: how = "closed form"
            case .monteCarlo: how = "Monte Carlo, \(monteCarlo.samples) handoffs, seed \(monteCarlo.seed)"
            case .both: how = "Monte Carlo ranked (closed form in brackets), \(monteCarlo.samples) handoffs, seed \(monteCarlo.seed)"
            }
            table = ComparisonTables.readable(
                comparison, caption: "Schemes ranked per metric, best first (\(how)), scenario \(scenarioOptions.scenario).")
        }
        try destination.emit(TableRenderer.render(table, as: formatOption.format))
    }
}
