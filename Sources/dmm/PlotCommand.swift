import ArgumentParser
import Evaluation
import Foundation
import Reports
import Schemes

extension ChartFormat: ExpressibleByArgument {}

/// `dmm plot`: a line chart of one metric from a sweep CSV, or with --bars a
/// bar chart of the schemes for one scenario; SVG, pgfplots or Vega-Lite.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw a figure from a sweep or evaluate CSV: SVG, pgfplots (pdflatex) or Vega-Lite.",
        discussion: """
            Line chart (--x, --metric): one line per scheme; each scheme keeps one colour, dash \
            and marker in every figure; closed forms are lines with filled markers, Monte Carlo \
            estimates open markers with 95% interval bars (a line with a band when there is no \
            closed form). Coincident schemes get staggered markers and a legend note. A law \
            sweep gets a categorical x axis. Fix other varied columns with --where PATH=VALUE \
            or draw one panel per value with --facet PATH.

            Bar chart (--bars): the schemes of one scenario, one panel per metric family \
            (default: signaling cost, handoff latency, path stretch, blast radius; choose with \
            --metric, repeatable), from `dmm evaluate --format csv` or a sweep with --where.

            The size is physical (default a paper column, 3.5in wide); text is 8-9 pt at that \
            size. pgfplots output compiles on its own with pdflatex, and a paper includes it \
            with \\input after \\usepackage{standalone} and \\usepackage{pgfplots}.

            Examples:
              dmm plot cost.csv --x mobility.residence.mean --metric signaling_cost \\
                  --log-x --output cost.svg
              dmm plot grid.csv --x links.wireless.loss --metric handoff_latency \\
                  --facet mobility.residence.mean --format pgfplots --output lat.tex
              dmm evaluate --method both --format csv --output eval.csv
              dmm plot eval.csv \\
                  --bars --output bars.svg
            """
    )

    @Argument(help: "A tidy CSV written by dmm sweep, dmm merge or dmm evaluate --format csv.")
    var file: String

    @Option(help: "The varied column on the x axis (line charts).")
    var x: String?

    @Option(help: "The metric on the y axis (a value of the metric column); with --bars, one panel each (repeatable).")
    var metric: [String] = []

    @Flag(help: "A bar chart of the schemes for one scenario, one panel per metric family.")
    var bars = false

    @Option(help: "Comma-separated schemes to draw, in legend order (default: all in the file).")
    var schemes: String?

    @Option(name: .customLong("where"), help: "PATH=VALUE fixing another varied column (repeatable).")
    var fixed: [String] = []

    @Option(help: "A varied column drawn as one panel per value (line charts).")
    var facet: String?

    @Flag(name: .customLong("log-x"), help: "Logarithmic x axis.")
    var logX = false

    @Flag(name: .customLong("log-y"), help: "Logarithmic y axis.")
    var logY = false

    @Option(help: "svg, pgfplots or vega-lite (default: from the output's extension, .tex pgfplots, .json vega-lite, else svg).")
    var format: ChartFormat?

    @Option(help: "Figure width with a unit: in, cm, mm, pt or bp (default 3.5in, a paper column).")
    var width: String?

    @Option(help: "Figure height with a unit (default 2.8in, taller when the legend would leave less than 1.5in of plot; 3.6in with --bars).")
    var height: String?

    @Option(help: "The directory of scheme cards, for the schemes' names (default: Models/schemes).")
    var models: String?

    @Option(help: "The file to write.")
    var output: String

    func run() throws {
        try OutputFile.checkTarget(output, inputs: [file])
        let chosenWidth = try width.map { try ChartSize.length($0, option: "--width") } ?? ChartSize.column.width
        let chosenHeight = try height.map { try ChartSize.length($0, option: "--height") }
        var size = ChartSize(width: chosenWidth, height: chosenHeight ?? (bars ? 3.6 * 72 : ChartSize.column.height))
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read '\(file)'; give a CSV written by dmm sweep or dmm evaluate --format csv")
        }
        let pairs = try fixed.map { text -> (path: String, value: String) in
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
                throw ValidationError("--where '\(text)': expected PATH=VALUE")
            }
            return (String(text[..<eq]), String(text[text.index(after: eq)...]))
        }
        let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
        let names = Dictionary(catalog.cards.map { ($0.id, $0.shortName) }, uniquingKeysWith: { first, _ in first })
        let wanted = schemes.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        let text = String(decoding: data, as: UTF8.self)
        let format = self.format ?? ChartFormat.implied(byPath: output)
        let figure: String
        if bars {
            if x != nil || facet != nil || logX || logY {
                throw ValidationError("--bars draws one scenario: drop --x, --facet, --log-x and --log-y")
            }
            let chart = try BarChart.chart(
                csv: text, file: file, metrics: metric.isEmpty ? nil : metric, schemes: wanted, fixed: pairs, schemeNames: names)
            switch format {
            case .svg: figure = SVGBarChart.render(chart, size: size)
            case .pgfplots: figure = PGFPlotsBarChart.render(chart, size: size)
            case .vegaLite: throw ValidationError("--bars --format vega-lite is not available; allowed with --bars: svg, pgfplots")
            }
        } else {
            guard let x else { throw ValidationError("give --x PATH (a varied column) for a line chart, or --bars for a bar chart") }
            guard metric.count == 1 else {
                throw ValidationError("a line chart takes one --metric (given \(metric.count)); several metrics: --bars")
            }
            let request = SweepPlot.Request(
                x: x, metric: metric[0], schemes: wanted, fixed: pairs, facet: facet, logX: logX, logY: logY, schemeNames: names)
            let chart = try SweepPlot.chart(csv: text, file: file, request: request)
            if chosenHeight == nil { size = ChartSize.lineChart(chart, width: chosenWidth) }
            switch format {
            case .svg: figure = SVGLineChart.render(chart, size: size)
            case .pgfplots: figure = PGFPlotsLineChart.render(chart, size: size)
            case .vegaLite: figure = VegaLiteChart.render(chart, size: size)
            }
        }
        try OutputFile.write(figure, to: output, inputs: [file])
    }
}
