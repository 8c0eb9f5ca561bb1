import ArgumentParser
import Evaluation
import Foundation
import Reports
import Schemes

/// `dmm report`: one self-contained HTML page with the tables, charts, maps and provenance.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page: tables, metric charts, ranking, regime maps, crossovers, provenance.",
        discussion: """
            The page holds the seed's Table 1, the extended qualitative table, the \
            headline metrics of the four families per scheme as bar charts (95 % \
            whiskers with --method monte-carlo or both), the ranking and Pareto set of \
            dmm compare, the seed's regime maps of dmm map (--resolution points per \
            axis), the crossovers of dmm crossover along mobility.residence.mean \
            (5-600 s, log), every scenario parameter, and the provenance (version, \
            commit, cards hash, command line). CSS and SVG are inline: no script and \
            no network, so the file can be mailed or attached as it is. It reads on a \
            laptop screen and prints on A4 or letter portrait (at most 9 pages for the \
            default scenario and schemes).

            Examples:
              dmm report --output report.html
              dmm report --scenario vehicular --method both --samples 4000000 \\
                  --output vehicular.html
              dmm report --schemes mipv6,pmipv6,hmipv6,dma,sail --output five.html
            """
    )

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var schemeOptions: SchemesOption

    @OptionGroup var methodOption: MethodOption

    @OptionGroup var monteCarlo: MonteCarloOptions

    @Option(help: "Regime-map grid points per axis (2...400).")
    var resolution: Int = 60

    @OptionGroup var destination: OutputDestination

    @OptionGroup var modelsOption: ModelsOption

    func run() throws {
        try destination.check()
        guard (2...400).contains(resolution) else {
            throw CommandInputError("--resolution \(resolution) is out of range; allowed: 2...400")
        }
        let scenario = try scenarioOptions.load(models: modelsOption.models)
        let directory = try ModelsLocator.schemesDirectory(explicit: modelsOption.models)
        let catalog = try SchemeCatalog.load(directory: directory)
        let cards = try catalog.select(schemeOptions.schemes)
        let ids = cards.map(\.id)
        let rows = try monteCarlo.evaluate(monteCarlo.request(scenario, cards: cards, method: methodOption.method)).rows
        let comparison = try SchemeComparison.compare(
            rows, schemes: ids, metrics: try MetricListOption.parse([CompareCommand.defaultMetrics], option: "--metrics"),
            baseline: ids.contains("mipv6") ? "mipv6" : nil)
        let names = [
            "mobility.residence.mean": "residence time", "traffic.session_duration.mean": "session duration",
            "traffic.local_cn_fraction": "local-CN fraction",
        ]
        var figures: [HTMLReport.MapFigure] = []
        for axes in RegimeMapper.seedAxes(resolution: resolution) {
            let maps = try RegimeMapper.maps(
                base: scenario, cards: cards, x: axes.x, y: axes.y, metrics: RegimeMapper.seedMetrics, jobs: monteCarlo.jobs)
            figures.append(HTMLReport.MapFigure(
                caption: "Best scheme by \(names[axes.x.path] ?? axes.x.path) and \(names[axes.y.path] ?? axes.y.path) (closed form, \(axes.x.count) x \(axes.y.count) grid).",
                maps: maps))
        }
        let range = ParameterRange(path: "mobility.residence.mean", start: 5, stop: 600, log: true, count: 400)
        let crossovers = ids.count >= 2
            ? try CrossoverSearch.find(base: scenario, cards: cards, range: range, metrics: RegimeMapper.seedMetrics, jobs: monteCarlo.jobs)
            : []
        let how: String
        switch methodOption.method {
        case .closedForm: how = "closed form"
        case .monteCarlo: how = "Monte Carlo (\(monteCarlo.samples) handoffs, seed \(monteCarlo.seed))"
        case .both: how = "closed form and Monte Carlo (\(monteCarlo.samples) handoffs, seed \(monteCarlo.seed))"
        }
        let report = HTMLReport(
            scenarioName: scenarioOptions.scenario, table1: try SchemeTables.seedTable1(catalog),
            extended: try SchemeTables.extended(SchemeCatalog(cards: cards)), rows: rows, schemes: ids,
            comparison: comparison, maps: figures, crossovers: crossovers,
            crossoverCaption: "Crossovers along mobility.residence.mean from 5 to 600 s (log scan of 400 points, Brent to 1e-6 relative).",
            scenario: ScenarioTables.parameters(scenario, name: scenarioOptions.scenario),
            provenance: HTMLReport.Provenance(
                build: BuildInfo.current, cardsHash: try CardsDigest.sha256(directory: directory), cardsDirectory: "schemes",
                cardHashes: try SweepCommand.cardHashes(ids, directory: directory), commandLine: ["dmm"] + CommandLine.arguments.dropFirst(), method: how))
        try destination.emit(report.render())
    }
}
