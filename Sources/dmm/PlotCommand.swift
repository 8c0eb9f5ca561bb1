import ArgumentParser
import Foundation
import Reports

/// `dmm plot`: an SVG line chart of one metric from a sweep CSV.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw an SVG line chart from a sweep CSV, with 95% bands for Monte Carlo rows.",
        discussion: """
            One line per scheme (and per method when a file has both), distinct colours
            (Okabe-Ito, colour-blind safe) and dash patterns, a shaded band where rows carry
            a confidence interval. The chart is 800x500 and self-contained.
            When columns other than --x vary, fix each with --where PATH=VALUE.

            Examples:
              dmm plot cost.csv --x mobility.residence.mean --metric signaling_cost --output cost.svg
              dmm plot grid.csv --x links.wireless.loss --metric handoff_latency \\
                  --where mobility.residence.mean=60 --schemes mipv6,pmipv6 --log-y --output lat.svg
            """
    )

    @Argument(help: "A tidy CSV written by dmm sweep or dmm merge.")
    var file: String

    @Option(help: "The varied column on the x axis.")
    var x: String

    @Option(help: "The metric on the y axis (a value of the metric column).")
    var metric: String

    @Option(help: "Comma-separated schemes to draw, in legend order (default: all in the file).")
    var schemes: String?

    @Option(name: .customLong("where"), help: "PATH=VALUE fixing another varied column (repeatable).")
    var fixed: [String] = []

    @Flag(name: .customLong("log-x"), help: "Logarithmic x axis.")
    var logX = false

    @Flag(name: .customLong("log-y"), help: "Logarithmic y axis.")
    var logY = false

    @Option(help: "The SVG file to write.")
    var output: String

    func run() throws {
        try OutputFile.checkTarget(output, inputs: [file])
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read '\(file)'; give a CSV written by dmm sweep")
        }
        let pairs = try fixed.map { text -> (path: String, value: String) in
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
                throw ValidationError("--where '\(text)': expected PATH=VALUE")
            }
            return (String(text[..<eq]), String(text[text.index(after: eq)...]))
        }
        let request = SweepPlot.Request(
            x: x, metric: metric,
            schemes: schemes.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
            fixed: pairs, logX: logX, logY: logY)
        let chart = try SweepPlot.chart(csv: String(decoding: data, as: UTF8.self), file: file, request: request)
        try OutputFile.write(SVGLineChart.render(chart), to: output, inputs: [file])
    }
}
