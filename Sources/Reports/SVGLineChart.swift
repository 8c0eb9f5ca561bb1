import Foundation

/// Renders a `LineChart` as a self-contained SVG of a physical size
/// (`ChartSize`, default a paper column), in points, so that text is 8-9 pt
/// when the figure is placed at that size: ticks and legend 8 pt, axis labels
/// and title 9 pt. Each scheme has its `SchemeStyle`; closed forms are lines
/// with filled markers, Monte Carlo estimates open markers with error bars
/// (or, alone, a line with its band drawn right under it). Coincident series
/// get staggered markers and a legend note ("GHAHA = SAIL"). Facets are a grid
/// of panels sharing both axes; the legend is below, in as many columns as fit.
public enum SVGLineChart {
    static let tickSize = 8.0, labelSize = 9.0, legendSize = 8.0, markerRadius = 2.3, lineWidth = 1.0

    public static func render(_ chart: LineChart, size: ChartSize = .column) -> String {
        let W = size.width, H = size.height
        let f = ChartText.f, xml = ChartText.xml
        let categorical = chart.categories != nil
        let xTicks: AxisTicks = chart.categories.map { names in
            AxisTicks(domain: -0.5...(Double(names.count) - 0.5), values: names.indices.map(Double.init), labels: names)
        } ?? ticks(chart.xValues, log: chart.logX, target: xTickTarget(chart, width: W))
        let yTicks = ticks(chart.yValues, log: chart.logY)

        // Vertical budget, top to bottom: title, panels, x label, legend.
        let titleLines = ChartText.wrap(chart.title, size: labelSize * 1.12, maxWidth: W - 8)
        let titleHeight = Double(titleLines.count) * (labelSize + 2) + 4
        let legend = LegendLayout(chart: chart, width: W - 8)
        let rotate = categorical && xTicks.labels.contains { ChartText.width($0, size: tickSize) > W * 0.7 / Double(max(1, xTicks.labels.count)) }
        let xTickHeight = rotate
            ? (xTicks.labels.map { ChartText.width($0, size: tickSize) }.max() ?? 0) * 0.5 + tickSize + 4
            : tickSize + 4
        let yTickWidth = (yTicks.labels.map { ChartText.width($0, size: tickSize) }.max() ?? 0) + 4
        let columns = chart.panels.count == 1 ? 1 : min(chart.panels.count, W < 5 * 72 ? 2 : 3)
        let rows = (chart.panels.count + columns - 1) / columns
        let panelTitle = chart.panels.first?.title == nil ? 0.0 : legendSize + 3
        let top = titleHeight
        let bottomBlock = labelSize + 5 + legend.height
        let panelHeight = (H - top - bottomBlock - Double(rows) * (panelTitle + xTickHeight)) / Double(rows)
        // A y label longer than the panels' height is set on two or more lines
        // (it would be cut at the figure's edge).
        let ySpan = Double(rows) * (panelTitle + panelHeight + xTickHeight) - xTickHeight
        // It may reach down beside the x tick labels.
        let yLines = ChartText.wrap(chart.yLabel, size: labelSize, maxWidth: max(ySpan + xTickHeight, 36))
        let left = Double(yLines.count) * (labelSize + 1) + 5 + yTickWidth
        let gap = columns > 1 ? 8.0 : 0
        let right = W - 4 - (chart.categories == nil ? (xTicks.labels.last.map { ChartText.width($0, size: tickSize) } ?? 0) / 2 : 0)
        let panelWidth = (right - left - gap * Double(columns - 1)) / Double(columns)

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(ChartSize.inches(W))" height="\(ChartSize.inches(H))" viewBox="0 0 \(f(W)) \(f(H))" font-family="Helvetica, Arial, sans-serif">
            <title>\(xml(chart.title))</title>
            <rect width="\(f(W))" height="\(f(H))" fill="#ffffff"/>

            """
        svg += "<g font-size=\"\(f(labelSize))\" font-weight=\"bold\" text-anchor=\"middle\">\n"
        for (k, line) in titleLines.enumerated() {
            svg += "<text x=\"\(f(W / 2))\" y=\"\(f(labelSize + 1 + Double(k) * (labelSize + 2)))\">\(xml(line))</text>\n"
        }
        svg += "</g>\n"

        for (p, panel) in chart.panels.enumerated() {
            let row = p / columns, column = p % columns
            let x0 = left + Double(column) * (panelWidth + gap), x1 = x0 + panelWidth
            let y0 = top + Double(row) * (panelTitle + panelHeight + xTickHeight) + panelTitle, y1 = y0 + panelHeight
            func sx(_ x: Double) -> Double { scale(x, xTicks.domain, chart.logX, x0, x1) }
            func sy(_ y: Double) -> Double { scale(y, yTicks.domain, chart.logY, y1, y0) }
            if let title = panel.title {
                svg += "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f(y0 - 3))\" text-anchor=\"middle\" font-size=\"\(f(legendSize))\">\(xml(title))</text>\n"
            }
            svg += "<g stroke=\"#e4e4e4\" stroke-width=\"0.5\">\n"
            for v in xTicks.values { svg += "<line x1=\"\(f(sx(v)))\" y1=\"\(f(y0))\" x2=\"\(f(sx(v)))\" y2=\"\(f(y1))\"/>\n" }
            for v in yTicks.values { svg += "<line x1=\"\(f(x0))\" y1=\"\(f(sy(v)))\" x2=\"\(f(x1))\" y2=\"\(f(sy(v)))\"/>\n" }
            svg += "</g>\n"
            svg += "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(panelWidth))\" height=\"\(f(panelHeight))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"0.6\"/>\n"
            svg += "<g font-size=\"\(f(tickSize))\" fill=\"#222222\">\n"
            for (v, label) in zip(xTicks.values, xTicks.labels) {
                if rotate {
                    let x = sx(v), y = y1 + tickSize + 1
                    svg += "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"end\" transform=\"rotate(-30 \(f(x)) \(f(y)))\">\(xml(label))</text>\n"
                } else {
                    svg += "<text x=\"\(f(sx(v)))\" y=\"\(f(y1 + tickSize + 1))\" text-anchor=\"middle\">\(xml(label))</text>\n"
                }
            }
            if column == 0 {
                for (v, label) in zip(yTicks.values, yTicks.labels) {
                    svg += "<text x=\"\(f(x0 - 3))\" y=\"\(f(sy(v) + tickSize * 0.35))\" text-anchor=\"end\">\(xml(label))</text>\n"
                }
            }
            svg += "</g>\n"
            svg += "<svg x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(panelWidth))\" height=\"\(f(panelHeight))\" viewBox=\"\(f(x0)) \(f(y0)) \(f(panelWidth)) \(f(panelHeight))\" overflow=\"hidden\">\n"
            svg += series(chart, panel, sx: sx, sy: sy)
            svg += "</svg>\n"
        }
        let plotBottom = top + Double(rows) * (panelTitle + panelHeight + xTickHeight)
        svg += "<text x=\"\(f((left + right) / 2))\" y=\"\(f(plotBottom + labelSize))\" text-anchor=\"middle\" font-size=\"\(f(labelSize))\">\(xml(chart.xLabel))</text>\n"
        let yMid = top + (plotBottom - xTickHeight - top) / 2
        for (k, line) in yLines.enumerated() {
            let x = labelSize + Double(k) * (labelSize + 1)
            svg += "<text x=\"\(f(x))\" y=\"\(f(yMid))\" text-anchor=\"middle\" font-size=\"\(f(labelSize))\" transform=\"rotate(-90 \(f(x)) \(f(yMid)))\">\(xml(line))</text>\n"
        }
        svg += legend.svg(originY: plotBottom + labelSize + 5, centreX: W / 2)
        svg += "</svg>\n"
        return svg
    }

    /// One panel's bands, lines, error bars and markers, bands first so no
    /// band covers another scheme's line.
    static func series(_ chart: LineChart, _ panel: LineChart.Panel, sx: (Double) -> Double, sy: (Double) -> Double) -> String {
        let f = ChartText.f
        var svg = ""
        for s in panel.series where s.method == .monteCarlo && !LineChart.drawsAsMarkers(s, in: panel) {
            let style = SchemeStyle.of(s.scheme)
            let banded = s.points.filter { $0.low != nil && $0.high != nil }
            guard banded.count >= 2 else { continue }
            let upper = banded.map { "\(f(sx($0.x))),\(f(sy($0.high!)))" }
            let lower = banded.reversed().map { "\(f(sx($0.x))),\(f(sy($0.low!)))" }
            svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(style.colour)\" fill-opacity=\"0.2\" stroke=\"none\"/>\n"
        }
        for (i, s) in panel.series.enumerated() {
            let style = SchemeStyle.of(s.scheme)
            let asMarkers = LineChart.drawsAsMarkers(s, in: panel)
            if !asMarkers {
                let points = s.points.map { "\(f(sx($0.x))),\(f(sy($0.y)))" }.joined(separator: " ")
                svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"\(f(lineWidth))\"\(dashAttribute(style.dash))/>\n"
            } else {
                svg += "<g stroke=\"\(style.colour)\" stroke-width=\"0.6\">\n"
                for p in s.points {
                    guard let low = p.low, let high = p.high else { continue }
                    let x = sx(p.x)
                    svg += "<path d=\"M\(f(x)) \(f(sy(low)))V\(f(sy(high)))M\(f(x - 1.5)) \(f(sy(low)))h3M\(f(x - 1.5)) \(f(sy(high)))h3\"/>\n"
                }
                svg += "</g>\n"
            }
            for k in asMarkers ? Array(s.points.indices) : chart.markedPoints(of: i, in: panel) {
                let p = s.points[k]
                svg += marker(style.marker, sx(p.x), sy(p.y), markerRadius, style.colour, filled: s.method == .closedForm)
            }
        }
        return svg
    }

    /// Coordinates and escaping for other SVG figures (regime maps), shared with ChartText.
    static func f(_ x: Double) -> String { ChartText.f(x) }
    static func escape(_ text: String) -> String { ChartText.xml(text) }

    static func dashAttribute(_ dash: [Double]) -> String {
        dash.isEmpty ? "" : " stroke-dasharray=\"\(dash.map(ChartText.f).joined(separator: " "))\""
    }

    /// A marker centred at (x, y), about 2r across; open shapes are white inside.
    static func marker(_ m: SchemeStyle.Marker, _ x: Double, _ y: Double, _ r: Double, _ colour: String, filled: Bool) -> String {
        let f = ChartText.f
        let paint = filled ? "fill=\"\(colour)\" stroke=\"\(colour)\" stroke-width=\"0.5\"" : "fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"0.7\""
        let line = "fill=\"none\" stroke=\"\(colour)\" stroke-width=\"0.8\""
        func polygon(_ corners: Int, rotation: Double, radius: Double) -> String {
            let pts = (0..<corners).map { k -> String in
                let a = rotation + Double(k) * 2 * Double.pi / Double(corners)
                return "\(f(x + radius * sin(a))),\(f(y - radius * cos(a)))"
            }
            return "<polygon points=\"\(pts.joined(separator: " "))\" \(paint)/>\n"
        }
        func spokes(_ n: Int, radius: Double) -> String {
            let d = (0..<n).map { k -> String in
                let a = Double(k) * 2 * Double.pi / Double(n)
                return "M\(f(x)) \(f(y))L\(f(x + radius * sin(a))) \(f(y - radius * cos(a)))"
            }.joined()
            return "<path d=\"\(d)\" \(line)/>\n"
        }
        switch m {
        case .circle: return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" \(paint)/>\n"
        case .square: return "<rect x=\"\(f(x - r * 0.85))\" y=\"\(f(y - r * 0.85))\" width=\"\(f(r * 1.7))\" height=\"\(f(r * 1.7))\" \(paint)/>\n"
        case .triangle: return polygon(3, rotation: 0, radius: r * 1.2)
        case .triangleDown: return polygon(3, rotation: Double.pi, radius: r * 1.2)
        case .diamond: return polygon(4, rotation: 0, radius: r * 1.2)
        case .pentagon: return polygon(5, rotation: 0, radius: r * 1.1)
        case .cross:
            let a = r * 0.9
            return "<path d=\"M\(f(x - a)) \(f(y - a))L\(f(x + a)) \(f(y + a))M\(f(x - a)) \(f(y + a))L\(f(x + a)) \(f(y - a))\" \(line)/>\n"
        case .plus:
            return "<path d=\"M\(f(x - r)) \(f(y))H\(f(x + r))M\(f(x)) \(f(y - r))V\(f(y + r))\" \(line)/>\n"
        case .star: return spokes(5, radius: r * 1.1)
        case .asterisk: return spokes(6, radius: r * 1.1)
        case .oplus:
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" \(paint)/>\n"
                + "<path d=\"M\(f(x - r)) \(f(y))H\(f(x + r))M\(f(x)) \(f(y - r))V\(f(y + r))\" stroke=\"\(filled ? "#ffffff" : colour)\" stroke-width=\"0.5\"/>\n"
        case .otimes:
            let a = r * 0.7
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" \(paint)/>\n"
                + "<path d=\"M\(f(x - a)) \(f(y - a))L\(f(x + a)) \(f(y + a))M\(f(x - a)) \(f(y + a))L\(f(x + a)) \(f(y - a))\" stroke=\"\(filled ? "#ffffff" : colour)\" stroke-width=\"0.5\"/>\n"
        case .triangleLeft: return polygon(3, rotation: -Double.pi / 2, radius: r * 1.2)
        case .triangleRight: return polygon(3, rotation: Double.pi / 2, radius: r * 1.2)
        case .bar: return "<path d=\"M\(f(x)) \(f(y - r))V\(f(y + r))\" \(line)/>\n"
        }
    }

    static func ticks(_ values: [Double], log: Bool, target: Int = 6) -> AxisTicks {
        guard let lo = values.min(), let hi = values.max() else { return .linear(0, 1) }
        return log ? .logarithmic(lo, hi) : .linear(lo, hi, target: target)
    }

    /// About one x tick per 40 pt of panel width (facets are narrower), 3 to 6.
    static func xTickTarget(_ chart: LineChart, width: Double) -> Int {
        let columns = chart.panels.count == 1 ? 1 : min(chart.panels.count, width < 5 * 72 ? 2 : 3)
        return max(3, min(6, Int(width / Double(columns) / 40)))
    }

    static func scale(_ v: Double, _ domain: ClosedRange<Double>, _ log: Bool, _ from: Double, _ to: Double) -> Double {
        let t = log
            ? (Foundation.log10(v) - Foundation.log10(domain.lowerBound)) / (Foundation.log10(domain.upperBound) - Foundation.log10(domain.lowerBound))
            : (v - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return from + t * (to - from)
    }
}

/// The legend below the axes: one entry per scheme (line sample in its dash
/// when it is drawn as a line, its marker filled for a closed form), in as
/// many columns as fit, then the method key and coincidence notes, wrapped.
struct LegendLayout {
    let entries: [(scheme: String, name: String, line: Bool, filled: Bool)]
    let columns: Int
    let columnWidth: Double
    let notes: [String]
    static let size = SVGLineChart.legendSize, rowHeight = SVGLineChart.legendSize + 2.5, sample = 16.0

    init(chart: LineChart, width: Double) {
        let lineSchemes = Set(chart.panels.flatMap { p in p.series.filter { !LineChart.drawsAsMarkers($0, in: p) }.map(\.scheme) })
        entries = chart.legend.map { e in (e.scheme, e.name, lineSchemes.contains(e.scheme), e.methods.contains(.closedForm)) }
        let widest = entries.map { ChartText.width($0.name, size: Self.size) }.max() ?? 0
        columnWidth = Self.sample + 3 + widest + 7
        columns = max(1, min(entries.count, Int(width / columnWidth)))
        let texts = ([chart.methodNote].compactMap { $0 } + (chart.coincidenceNotes.isEmpty ? [] : ["Coincident: " + chart.coincidenceNotes.joined(separator: "; ")]))
        notes = texts.flatMap { ChartText.wrap($0, size: Self.size, maxWidth: width - 10) }
    }

    var rows: Int { (entries.count + columns - 1) / columns }
    var height: Double { Double(rows + notes.count) * Self.rowHeight + 2 }

    func svg(originY: Double, centreX: Double) -> String {
        let f = ChartText.f
        var svg = "<g font-size=\"\(f(Self.size))\">\n"
        let x0 = centreX - Double(columns) * columnWidth / 2
        for (k, e) in entries.enumerated() {
            let style = SchemeStyle.of(e.scheme)
            let x = x0 + Double(k % columns) * columnWidth, y = originY + Double(k / columns) * Self.rowHeight + Self.size * 0.6
            if e.line {
                svg += "<line x1=\"\(f(x))\" y1=\"\(f(y))\" x2=\"\(f(x + Self.sample))\" y2=\"\(f(y))\" stroke=\"\(style.colour)\" stroke-width=\"\(f(SVGLineChart.lineWidth))\"\(SVGLineChart.dashAttribute(style.dash))/>\n"
            }
            svg += SVGLineChart.marker(style.marker, x + Self.sample / 2, y, SVGLineChart.markerRadius, style.colour, filled: e.filled)
            svg += "<text x=\"\(f(x + Self.sample + 3))\" y=\"\(f(y + Self.size * 0.35))\">\(ChartText.xml(e.name))</text>\n"
        }
        for (k, note) in notes.enumerated() {
            let y = originY + Double(rows + k) * Self.rowHeight + Self.size * 0.95
            svg += "<text x=\"\(f(centreX))\" y=\"\(f(y))\" text-anchor=\"middle\" fill=\"#333333\">\(ChartText.xml(note))</text>\n"
        }
        svg += "</g>\n"
        return svg
    }
}
