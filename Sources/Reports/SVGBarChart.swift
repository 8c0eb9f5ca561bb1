import Foundation

/// Renders a `BarChart` as an SVG of a physical size: the panels in a grid
/// (two columns at column width), each titled with its metric's label and
/// unit, a bar per scheme in its `SchemeStyle` colour with the scheme's name
/// below it, Monte Carlo estimates as the scheme's open marker with an error
/// bar. Text is 8 pt (ticks, names) and 9 pt (title).
public enum SVGBarChart {
    public static func render(_ chart: BarChart, size: ChartSize) -> String {
        let f = ChartText.f, xml = ChartText.xml
        let W = size.width, H = size.height
        let tick = SVGLineChart.tickSize
        let columns = chart.panels.count == 1 ? 1 : W < 5 * 72 ? 2 : min(chart.panels.count, 4)
        let rows = (chart.panels.count + columns - 1) / columns
        let titleLines = ChartText.wrap(chart.title, size: SVGLineChart.labelSize * 1.12, maxWidth: W - 8)
        let top = Double(titleLines.count) * 11 + 4
        let notes = chart.methodNote.map { ChartText.wrap($0, size: tick, maxWidth: W - 8) } ?? []
        let bottom = Double(notes.count) * (tick + 2.5) + 2
        let names = chart.panels.flatMap(\.bars).map(\.name)
        let nameHeight = (names.map { ChartText.width($0, size: tick) }.max() ?? 0) + 4
        let cellWidth = (W - 4) / Double(columns)
        let cellHeight = (H - top - bottom) / Double(rows)

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(ChartSize.inches(W))" height="\(ChartSize.inches(H))" viewBox="0 0 \(f(W)) \(f(H))" font-family="Helvetica, Arial, sans-serif">
            <title>\(xml(chart.title))</title>
            <rect width="\(f(W))" height="\(f(H))" fill="#ffffff"/>

            """
        svg += "<g font-size=\"\(f(SVGLineChart.labelSize))\" font-weight=\"bold\" text-anchor=\"middle\">\n"
        for (k, line) in titleLines.enumerated() { svg += "<text x=\"\(f(W / 2))\" y=\"\(f(10 + Double(k) * 11))\">\(xml(line))</text>\n" }
        svg += "</g>\n"
        for (p, panel) in chart.panels.enumerated() {
            let cx = 2 + Double(p % columns) * cellWidth, cy = top + Double(p / columns) * cellHeight
            let yTicks = AxisTicks.linear(0, chart.yValues(panel).max() ?? 1, target: 5)
            let panelTitle = ChartText.wrap(panel.yLabel, size: tick, maxWidth: cellWidth - 4)
            let yTickWidth = (yTicks.labels.map { ChartText.width($0, size: tick) }.max() ?? 0) + 4
            let x0 = cx + yTickWidth, x1 = cx + cellWidth - 6
            let y0 = cy + Double(panelTitle.count) * (tick + 1.5) + 3, y1 = cy + cellHeight - nameHeight - 4
            func sy(_ y: Double) -> Double { SVGLineChart.scale(y, yTicks.domain, false, y1, y0) }
            svg += "<g font-size=\"\(f(tick))\" text-anchor=\"middle\">\n"
            for (k, line) in panelTitle.enumerated() {
                svg += "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f(cy + tick + Double(k) * (tick + 1.5)))\">\(xml(line))</text>\n"
            }
            svg += "</g>\n<g stroke=\"#e4e4e4\" stroke-width=\"0.5\">\n"
            for v in yTicks.values { svg += "<line x1=\"\(f(x0))\" y1=\"\(f(sy(v)))\" x2=\"\(f(x1))\" y2=\"\(f(sy(v)))\"/>\n" }
            svg += "</g>\n<g font-size=\"\(f(tick))\" fill=\"#222222\" text-anchor=\"end\">\n"
            for (v, label) in zip(yTicks.values, yTicks.labels) {
                svg += "<text x=\"\(f(x0 - 3))\" y=\"\(f(sy(v) + tick * 0.35))\">\(xml(label))</text>\n"
            }
            svg += "</g>\n"
            let slot = (x1 - x0) / Double(max(panel.bars.count, 1))
            for (k, bar) in panel.bars.enumerated() {
                let style = SchemeStyle.of(bar.scheme)
                let mid = x0 + (Double(k) + 0.5) * slot, half = slot * 0.36
                svg += "<rect x=\"\(f(mid - half))\" y=\"\(f(sy(bar.height)))\" width=\"\(f(2 * half))\" height=\"\(f(max(0, y1 - sy(bar.height))))\" fill=\"\(style.colour)\""
                    + (bar.closedForm == nil ? " fill-opacity=\"0.45\" stroke=\"\(style.colour)\" stroke-width=\"0.6\"" : "") + "/>\n"
                if let mc = bar.monteCarlo, let low = mc.low, let high = mc.high {
                    svg += "<path d=\"M\(f(mid)) \(f(sy(low)))V\(f(sy(high)))M\(f(mid - 1.5)) \(f(sy(low)))h3M\(f(mid - 1.5)) \(f(sy(high)))h3\" stroke=\"\(bar.hasMarker ? "#000000" : style.colour)\" stroke-width=\"0.6\"/>\n"
                }
                if bar.hasMarker, let mc = bar.monteCarlo {
                    svg += SVGLineChart.marker(style.marker, mid, sy(mc.estimate), SVGLineChart.markerRadius, style.colour, filled: false)
                }
                let ty = y1 + 3
                svg += "<text x=\"\(f(mid + tick * 0.35))\" y=\"\(f(ty))\" font-size=\"\(f(tick))\" text-anchor=\"end\" transform=\"rotate(-90 \(f(mid + tick * 0.35)) \(f(ty)))\">\(xml(bar.name))</text>\n"
            }
            svg += "<path d=\"M\(f(x0)) \(f(y0))V\(f(y1))H\(f(x1))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"0.6\"/>\n"
        }
        for (k, note) in notes.enumerated() {
            svg += "<text x=\"\(f(W / 2))\" y=\"\(f(H - bottom + tick + Double(k) * (tick + 2.5)))\" text-anchor=\"middle\" font-size=\"\(f(tick))\" fill=\"#333333\">\(xml(note))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}
