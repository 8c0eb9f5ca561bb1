import Foundation

/// Renders a `LineChart` as a self-contained 800x500 SVG: one line per
/// series with a distinct colour and dash pattern (Okabe & Ito's
/// colour-blind-safe palette, 2008; after seven series the dash pattern
/// shifts and the marker changes from circles to squares, so every series
/// has its own colour-dash-marker triple), point markers, a shaded band where
/// points carry a 95 % interval, nice ticks with light grid lines, axis
/// labels, a title and a legend at the right.
public enum SVGLineChart {
    public static let width = 800.0, height = 500.0
    static let left = 80.0, right = 600.0, top = 50.0, bottom = 430.0

    /// Okabe-Ito, without yellow (too pale on white) and black (the axes).
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    public static let dashes = ["", "8 4", "2 3", "8 3 2 3", "12 4", "4 4", "1 2"]

    public static func render(_ chart: LineChart) -> String {
        let all = chart.series.flatMap(\.points)
        let xs = all.map(\.x)
        let ys = all.flatMap { [$0.y] + [$0.low, $0.high].compactMap { $0 } }
        let xTicks = ticks(xs, log: chart.logX)
        let yTicks = ticks(ys, log: chart.logY)
        func sx(_ x: Double) -> Double { scale(x, xTicks.domain, chart.logX, left, right) }
        func sy(_ y: Double) -> Double { scale(y, yTicks.domain, chart.logY, bottom, top) }

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500" font-family="Helvetica, Arial, sans-serif">
            <title>\(escape(chart.title))</title>
            <rect width="800" height="500" fill="#ffffff"/>
            <text x="400" y="28" text-anchor="middle" font-size="16" font-weight="bold">\(escape(chart.title))</text>

            """
        svg += "<g stroke=\"#dddddd\" stroke-width=\"1\">\n"
        for v in xTicks.values { svg += "<line x1=\"\(f(sx(v)))\" y1=\"\(f(top))\" x2=\"\(f(sx(v)))\" y2=\"\(f(bottom))\"/>\n" }
        for v in yTicks.values { svg += "<line x1=\"\(f(left))\" y1=\"\(f(sy(v)))\" x2=\"\(f(right))\" y2=\"\(f(sy(v)))\"/>\n" }
        svg += "</g>\n"
        svg += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(right - left))\" height=\"\(f(bottom - top))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        svg += "<g font-size=\"13\" fill=\"#222222\">\n"
        for (v, label) in zip(xTicks.values, xTicks.labels) {
            svg += "<text x=\"\(f(sx(v)))\" y=\"\(f(bottom + 18))\" text-anchor=\"middle\">\(escape(label))</text>\n"
        }
        for (v, label) in zip(yTicks.values, yTicks.labels) {
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(sy(v) + 4))\" text-anchor=\"end\">\(escape(label))</text>\n"
        }
        svg += "</g>\n"
        svg += "<text x=\"\(f((left + right) / 2))\" y=\"\(f(bottom + 44))\" text-anchor=\"middle\" font-size=\"14\">\(escape(chart.xLabel))</text>\n"
        svg += "<text x=\"18\" y=\"\(f((top + bottom) / 2))\" text-anchor=\"middle\" font-size=\"14\" transform=\"rotate(-90 18 \(f((top + bottom) / 2)))\">\(escape(chart.yLabel))</text>\n"

        for (i, series) in chart.series.enumerated() {
            let colour = palette[i % palette.count]
            let banded = series.points.filter { $0.low != nil && $0.high != nil }
            if banded.count >= 2 {
                let upper = banded.map { "\(f(sx($0.x))),\(f(sy($0.high!)))" }
                let lower = banded.reversed().map { "\(f(sx($0.x))),\(f(sy($0.low!)))" }
                svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
            }
        }
        for (i, series) in chart.series.enumerated() {
            let (colour, dash) = style(i)
            let points = series.points.map { "\(f(sx($0.x))),\(f(sy($0.y)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            for p in series.points { svg += marker(i, sx(p.x), sy(p.y), colour) }
        }
        svg += "<g font-size=\"13\">\n"
        for (i, series) in chart.series.enumerated() {
            let (colour, dash) = style(i)
            let y = top + 10 + Double(i) * 22
            svg += "<line x1=\"615\" y1=\"\(f(y))\" x2=\"650\" y2=\"\(f(y))\" stroke=\"\(colour)\" stroke-width=\"2.2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            svg += marker(i, 632.5, y, colour)
            svg += "<text x=\"658\" y=\"\(f(y + 4))\">\(escape(series.name))</text>\n"
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// Colour and dash of series i: unique pairs for the first 49 series.
    static func style(_ i: Int) -> (colour: String, dash: String) {
        (palette[i % palette.count], dashes[(i + i / palette.count) % dashes.count])
    }

    /// A circle for the first seven series, a square for the next seven, and so on.
    static func marker(_ i: Int, _ x: Double, _ y: Double, _ colour: String) -> String {
        if (i / palette.count) % 2 == 0 {
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"3\" fill=\"\(colour)\"/>\n"
        }
        return "<rect x=\"\(f(x - 3))\" y=\"\(f(y - 3))\" width=\"6\" height=\"6\" fill=\"\(colour)\"/>\n"
    }

    static func ticks(_ values: [Double], log: Bool) -> AxisTicks {
        guard let lo = values.min(), let hi = values.max() else { return .linear(0, 1) }
        return log ? .logarithmic(lo, hi) : .linear(lo, hi)
    }

    static func scale(_ v: Double, _ domain: ClosedRange<Double>, _ log: Bool, _ from: Double, _ to: Double) -> Double {
        let t = log
            ? (Foundation.log10(v) - Foundation.log10(domain.lowerBound)) / (Foundation.log10(domain.upperBound) - Foundation.log10(domain.lowerBound))
            : (v - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return from + t * (to - from)
    }

    /// Two decimals: sub-pixel enough, and stable text for golden files.
    static func f(_ x: Double) -> String {
        let s = String(format: "%.2f", x)
        if s.hasSuffix(".00") { return String(s.dropLast(3)) }
        if s.hasSuffix("0") { return String(s.dropLast()) }
        return s
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
