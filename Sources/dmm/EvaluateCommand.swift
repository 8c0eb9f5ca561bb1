import ArgumentParser
import Evaluation
import Foundation
import Reports
import Schemes
import Stochastics

/// `dmm evaluate`: the four metrics for a scenario and chosen schemes.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Signaling cost, handoff latency, path stretch and failure impact for a scenario.",
        discussion: """
            Evaluates every chosen scheme under one scenario (docs/MODELS.md 5-7). Signaling \
            comes from the scheme cards' procedures and the scenario's message sizes \
            and hop distances; data path, latency and failure impact from each scheme's \
            model. markdown, latex and rfc print a row per scheme and a column per \
            metric (units in the header); csv and json print one estimate a row with \
            columns scheme,metric,unit,method,estimate,ci_low,ci_high,samples and add \
            the per-element failure figures (\(MetricKey.perElementPattern)).

            --method monte-carlo simulates --samples handoffs of one MN walking the AR \
            grid with its sessions, all schemes on the same trajectory (docs/MODELS.md 9): \
            csv/json rows get ci_low/ci_high (95 %) and samples, and handoff latency \
            also gets handoff_latency_p50/p95/p99. --method both prints both methods: \
            tidy rows for each, and wide cells "closed form (MC estimate ± half-width)" \
            with † on an exact closed form more than c standard errors from the estimate \
            (a bug signal: c is the Bonferroni bound over the table's m exact comparisons \
            at family-wise 1 %, t(1 - 0.01/(2m), replications - 1), about 4.1 for all \
            schemes, so a correct model shows no † at a random seed with probability at \
            least 99 %) and ‡ on a documented approximation outside its 95 % interval \
            (the gap). Monte Carlo intervals are Student-t, truncated to the metric's \
            support ([0, 1] for fractions and probabilities, >= 0 otherwise), which keeps \
            their coverage. Same --seed, same bytes for any --jobs.

            Examples:
              dmm evaluate
              dmm evaluate --scenario vehicular --schemes mipv6,pmipv6,dma
              dmm evaluate --set mobility.residence.mean=30 --set links.dad=optimistic
              dmm evaluate --set traffic.session_duration=lognormal:sigma=1,mean=300 \\
                  --format csv
              dmm evaluate --scenario my-scenario.yaml --format rfc --output metrics.txt
              dmm evaluate --method both --schemes mipv6,pmipv6,dma
              dmm evaluate --method monte-carlo --samples 20000000 --seed 7 --jobs 2 \\
                  --format csv
              dmm evaluate --list-parameters
              dmm evaluate --bench 20000     (release build: closed-form points/s)
            """
    )

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var schemeOptions: SchemesOption
    @OptionGroup var methodOption: MethodOption
    @OptionGroup var monteCarlo: MonteCarloOptions
    @OptionGroup var formatOption: FormatOption
    @OptionGroup var destination: OutputDestination

    @OptionGroup var tableOptions: TableOptions

    @Option(help: ArgumentHelp("Metric columns of the table: all (default; headline on a terminal), headline, or comma-separated metric ids (csv and json: rows of those metrics).", valueName: "METRICS"))
    var metrics: String?

    @OptionGroup var modelsOption: ModelsOption

    @Option(parsing: .unconditional, help: ArgumentHelp("Time N closed-form evaluations of distinct scenarios (session rate varied, so every point recomputes its mobility quantities) and print points/s.", valueName: "N"))
    var bench: Int?

    @Flag(help: "List every scenario path with its unit, value in the chosen scenario and source, then exit.")
    var listParameters = false

    func run() throws {
        try destination.check(inputs: [scenarioOptions.scenario])  // before a long run, not after it
        try tableOptions.check()
        let chosen = try TableOptions.metrics(metrics)
        let scenario = try scenarioOptions.load(models: modelsOption.models)
        let format = formatOption.format
        let text: String
        if let bench {
            guard bench > 0 else { throw CommandInputError("--bench \(bench): give a number of scenarios >= 1") }
            let cards = try schemeOptions.cards(modelsOption)
            let pairs = Double(bench) * Double(cards.count)
            try CostGuard.check(
                seconds: pairs / CostGuard.closedFormPairsPerS, what: "--bench \(bench) (\(Int(pairs)) scenario-scheme evaluations)",
                lower: "lower --bench (e.g. --bench \(max(1, Int(Double(bench) * CostGuard.limitS * CostGuard.closedFormPairsPerS / pairs))))", force: monteCarlo.force)
            let b = try MetricEvaluation.benchmarkClosedForm(scenario, cards: cards, count: bench)
            text = String(
                format: "closed-form: %d scenarios x %d schemes = %d points (%d rows) in %.3f s: %.0f points/s\n",
                bench, cards.count, b.points, b.rows, b.seconds, Double(b.points) / b.seconds)
        } else if listParameters {
            text = try tableOptions.render(ScenarioTables.parameters(scenario, name: scenarioOptions.scenario), as: format, to: destination)
        } else {
            let request = monteCarlo.request(scenario, cards: try schemeOptions.cards(modelsOption), method: methodOption.method)
            do {
                let result = try monteCarlo.evaluate(request)
                let metrics = chosen ?? (tableOptions.isTerminal(format, destination) ? MetricTables.extendedMetrics : nil)
                let table = try EvaluationTables.table(result, format: format, scenarioName: scenarioOptions.scenario, metrics: metrics)
                text = try tableOptions.render(table, as: format, to: destination)
            } catch let error as EvaluationError {
                throw EvaluationFailure(error, scenario: scenario)
            }
        }
        try destination.emit(text)
    }
}
