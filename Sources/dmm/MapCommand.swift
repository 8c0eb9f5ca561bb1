import ArgumentParser
import Evaluation
import Foundation
import Reports
import Schemes
import Stochastics

/// `dmm map`: the winning scheme over a 2-D parameter grid (regime map).
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "The winning scheme over a 2-D grid of two parameters, with the margin to the runner-up.",
        discussion: """
            Evaluates the closed form of every chosen scheme at each point of the grid \
            --x PATH=START:STOP[:COUNT][:log] by --y PATH=... (COUNT defaults to \
            --resolution) and, for each --metric, names the best scheme (shared wins \
            joined by '=') and the runner-up, with the margin between them.

            --format csv (tidy: the two paths as columns, then metric,unit,winner,best, \
            runner_up,runner_up_value,margin,margin_ratio), json, svg or pgfplots (a \
            panel per metric, regions in the schemes' colours, boundaries drawn; the \
            pgfplots file is a tikzpicture to \\input after \\usepackage{pgfplots}).

            Without --x and --y it draws the seed draft's open question (section 4): \
            mobility.residence.mean (5-600 s, log) against traffic.session_duration.mean \
            (10-3600 s, log) and against traffic.local_cn_fraction (0-1), for signaling \
            cost, handoff latency and path stretch, writing map-residence-session.csv, \
            .svg, .tex and map-residence-local_cn.csv, .svg, .tex into --output-dir.

            Examples:
              dmm map --output-dir maps
              dmm map --x mobility.residence.mean=5:600:log \\
                  --y traffic.session_duration.mean=10:3600:log --metric signaling_cost
              dmm map --x mobility.residence.mean=5:600:200:log \\
                  --y traffic.local_cn_fraction=0:1:200 --metric path_stretch \\
                  --format svg --output map.svg
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, svg, pgfplots }

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(help: ArgumentHelp("Horizontal parameter, PATH=START:STOP[:COUNT][:log].", valueName: "PATH=RANGE"))
    var x: String?

    @Option(help: ArgumentHelp("Vertical parameter, PATH=START:STOP[:COUNT][:log].", valueName: "PATH=RANGE"))
    var y: String?

    @Option(help: "Metric id (repeatable or comma-separated; default: signaling_cost, handoff_latency, path_stretch).")
    var metric: [String] = []

    @Option(help: "Grid points per axis when a range gives no COUNT (2...100000).")
    var resolution: Int = 100

    @OptionGroup var schemeOptions: SchemesOption

    @Option(help: "Output format: csv, json, svg or pgfplots.")
    var format: Format = .csv

    @OptionGroup var destination: OutputDestination

    @Option(help: ArgumentHelp("Without --x/--y: the directory the seed's maps are written to.", valueName: "DIR"))
    var outputDir: String?

    @OptionGroup var jobsOption: JobsOption

    @Flag(help: "Allow a grid of more than \(RegimeMapper.maximumPoints) points.")
    var force = false

    @OptionGroup var modelsOption: ModelsOption

    func run() throws {
        guard (2...ParameterRange.maximumCount).contains(resolution) else {
            throw CommandInputError("--resolution \(resolution) is out of range; allowed: 2...\(ParameterRange.maximumCount)")
        }
        let keys = metric.isEmpty ? RegimeMapper.seedMetrics : try MetricListOption.parse(metric, option: "--metric")
        for key in keys where key.metric.latencyQuantile != nil {
            throw CommandInputError("--metric \(key.id) has no closed form (Monte Carlo only); regime maps use the closed form")
        }
        let pairs: [(x: ParameterRange, y: ParameterRange, name: String)]
        switch (x, y) {
        case let (x?, y?):
            guard outputDir == nil else { throw CommandInputError("--output-dir is for the seed's maps (no --x/--y); use --output FILE") }
            pairs = [(try ParameterRange.parse(x, option: "--x", defaultCount: resolution),
                      try ParameterRange.parse(y, option: "--y", defaultCount: resolution), "")]
            try destination.check()
        case (nil, nil):
            guard let outputDir else {
                throw CommandInputError("without --x and --y, dmm map writes the seed's six maps: give --output-dir DIR (or --x and --y for one map)")
            }
            guard destination.output == nil else { throw CommandInputError("--output needs --x and --y; the seed's maps go to --output-dir") }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: outputDir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandInputError("--output-dir \(outputDir) is not an existing directory; create it first")
            }
            let seed = RegimeMapper.seedAxes(resolution: resolution)
            pairs = [(seed[0].x, seed[0].y, "map-residence-session"), (seed[1].x, seed[1].y, "map-residence-local_cn")]
        default:
            throw CommandInputError("give both --x and --y (or neither, for the seed's maps)")
        }
        for p in pairs where p.x.count * p.y.count > RegimeMapper.maximumPoints && !force {
            throw CommandInputError("a \(p.x.count) x \(p.y.count) grid is \(p.x.count * p.y.count) closed-form points of every scheme, more than \(RegimeMapper.maximumPoints); lower COUNT or --resolution, or add --force")
        }
        let scenario = try scenarioOptions.load(models: modelsOption.models)
        let cards = try schemeOptions.cards(modelsOption)
        for p in pairs {
            let maps = try RegimeMapper.maps(base: scenario, cards: cards, x: p.x, y: p.y, metrics: keys, jobs: jobsOption.jobs)
            if let outputDir {
                let base = URL(fileURLWithPath: outputDir).appendingPathComponent(p.name).path
                try OutputFile.write(Self.render(maps, .csv), to: base + ".csv")
                try OutputFile.write(Self.render(maps, .svg), to: base + ".svg")
                try OutputFile.write(Self.render(maps, .pgfplots), to: base + ".tex")
            } else {
                try destination.emit(Self.render(maps, format))
            }
        }
    }

    static func render(_ maps: [RegimeMap], _ format: Format) -> String {
        switch format {
        case .csv: return TableRenderer.render(RegimeMapTable.tidy(maps), as: .csv)
        case .json: return TableRenderer.render(RegimeMapTable.tidy(maps), as: .json)
        case .svg: return RegimeMapFigure.svg(maps)
        case .pgfplots: return RegimeMapFigure.pgfplots(maps)
        }
    }
}
