import ArgumentParser
import Evaluation
import Foundation
import Reports
import Schemes

/// `dmm crossover`: break-even points between schemes along one parameter.
struct CrossoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossover",
        abstract: "Break-even points where two schemes' closed-form values cross along a parameter.",
        discussion: """
            Scans the closed form at --points values of PATH from START to STOP (evenly \
            in log scale with :log), brackets every sign change of the difference of \
            two schemes' values, and locates it with GSL's Brent solver to a relative \
            tolerance of 1e-6. below/above name the better scheme on each side. \
            Crossings closer together than one scan step, and curves that only touch, \
            are not reported: raise --points to resolve them.

            --confirm re-evaluates both schemes by Monte Carlo at each crossing \
            (--samples, --seed, --jobs) and reports their 95 % intervals, whether both \
            contain the closed-form value there (inside) and whether they overlap.

            csv and json: columns pair,metric,path,value,below,above,unit,estimate \
            (the common value at the crossing), then with --confirm \
            first_mc,first_ci_low,first_ci_high,second_mc,second_ci_low, \
            second_ci_high,inside,overlap. markdown, latex and rfc: a readable list \
            (with --confirm, the Monte Carlo verdict too).

            Examples:
              dmm crossover --vary mobility.residence.mean=5:600:log
              dmm crossover --vary mobility.residence.mean=5:600:log \\
                  --schemes hmipv6,pmipv6,sail --metric signaling_cost
              dmm crossover --vary traffic.local_cn_fraction=0:1 --metric path_stretch \\
                  --format markdown
              dmm crossover --vary mobility.residence.mean=5:600:log \\
                  --metric signaling_cost --confirm --samples 2000000
            """
    )

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(help: ArgumentHelp("The varied parameter, PATH=START:STOP or PATH=START:STOP:log.", valueName: "PATH=START:STOP[:log]"))
    var vary: String

    @Option(help: "Scan points along the range (2...100000).")
    var points: Int = 400

    @OptionGroup var schemeOptions: SchemesOption

    @Option(help: "Metric id (repeatable or comma-separated; default: signaling_cost, handoff_latency, path_stretch).")
    var metric: [String] = []

    @Flag(help: "Re-evaluate each crossing by Monte Carlo and report whether it lies inside the intervals.")
    var confirm = false

    @OptionGroup var monteCarlo: MonteCarloOptions

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .csv

    @OptionGroup var destination: OutputDestination

    @OptionGroup var modelsOption: ModelsOption

    func run() throws {
        try destination.check()
        guard (2...ParameterRange.maximumCount).contains(points) else {
            throw CommandInputError("--points \(points) is out of range; allowed: 2...\(ParameterRange.maximumCount)")
        }
        let range = try ParameterRange.parse(vary, option: "--vary", defaultCount: points)
        let keys = metric.isEmpty ? RegimeMapper.seedMetrics : try MetricListOption.parse(metric, option: "--metric")
        for key in keys where key.metric.latencyQuantile != nil {
            throw CommandInputError("--metric \(key.id) has no closed form (Monte Carlo only); crossings are located on the closed form")
        }
        let scenario = try scenarioOptions.load(models: modelsOption.models)
        let cards = try schemeOptions.cards(modelsOption)
        let crossovers = try CrossoverSearch.find(
            base: scenario, cards: cards, range: range, metrics: keys, jobs: monteCarlo.jobs)
        var confirmations: [CrossoverConfirmation]?
        if confirm {
            confirmations = try crossovers.map {
                try CrossoverSearch.confirm(
                    $0, base: scenario, cards: cards, samples: monteCarlo.samples, seed: monteCarlo.seed, jobs: monteCarlo.jobs)
            }
        }
        let table: Table
        switch format {
        case .csv, .json: table = CrossoverTable.tidy(crossovers, confirmations: confirmations)
        case .markdown, .latex, .rfc, .xml2rfc:
            table = CrossoverTable.readable(
                crossovers, confirmations: confirmations,
                caption: "Break-even points along \(range.path) from \(ParameterRange.text(range.start)) to \(ParameterRange.text(range.stop)) (closed form, \(range.count) scan points, Brent to 1e-6 relative), scenario \(scenarioOptions.scenario).")
        }
        try destination.emit(TableRenderer.render(table, as: format))
    }
}
