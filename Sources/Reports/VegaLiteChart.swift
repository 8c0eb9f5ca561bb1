import Foundation

/// Renders a `LineChart` as a Vega-Lite v5 specification with the data
/// inline: the same scheme colours, dashes and markers as the SVG and
/// pgfplots figures (scales with explicit domains and ranges), closed forms as
/// lines with filled markers, Monte Carlo as open markers with interval rules
/// (or a line with a band), facets as a Vega-Lite facet. Vega-Lite sizes are
/// pixels: the physical size is converted at 96 px/in (CSS), fonts likewise
/// (8 pt = 10.67 px).
public enum VegaLiteChart {
    static let px = 96.0 / 72

    public static func render(_ chart: LineChart, size: ChartSize = .column) -> String {
        var values: [[String: Any]] = []
        for panel in chart.panels {
            for (i, s) in panel.series.enumerated() {
                let role = LineChart.drawsAsMarkers(s, in: panel) ? "markers" : "line"
                let marked = Set(role == "markers" ? Array(s.points.indices) : chart.markedPoints(of: i, in: panel))
                for (k, p) in s.points.enumerated() {
                    var row: [String: Any] = [
                        "x": chart.categories.map { $0[Int(p.x)] as Any } ?? p.x, "y": p.y, "scheme": s.name,
                        "method": s.method == .closedForm ? "closed form" : "Monte Carlo", "role": role, "marked": marked.contains(k),
                    ]
                    if let low = p.low, let high = p.high { row["low"] = low; row["high"] = high }
                    if let title = panel.title { row["panel"] = title }
                    values.append(row)
                }
            }
        }
        let legend = chart.legend
        let names = legend.map(\.name)
        let styles = legend.map { SchemeStyle.of($0.scheme) }
        let colour: [String: Any] = [
            "field": "scheme", "type": "nominal", "title": "Scheme",
            "scale": ["domain": names, "range": styles.map(\.colour)],
            "legend": ["orient": "bottom", "columns": LegendLayout(chart: chart, width: size.width - 8).columns, "title": NSNull()],
        ]
        let dash: [String: Any] = [
            "field": "scheme", "type": "nominal", "scale": ["domain": names, "range": styles.map { $0.dash.isEmpty ? [1, 0] : $0.dash.map { $0 * px } }],
            "legend": NSNull(),
        ]
        let shape: [String: Any] = [
            "field": "scheme", "type": "nominal", "scale": ["domain": names, "range": styles.map { shapeName($0.marker) }], "legend": NSNull(),
        ]
        var xAxis: [String: Any] = ["field": "x", "title": chart.xLabel]
        if let categories = chart.categories {
            xAxis["type"] = "ordinal"
            xAxis["sort"] = categories
            xAxis["axis"] = ["labelAngle": -30]
        } else {
            xAxis["type"] = "quantitative"
            xAxis["scale"] = chart.logX ? ["type": "log"] : ["zero": false]
        }
        let yScale: [String: Any] = chart.logY ? ["type": "log"] : ["zero": false]
        let y: [String: Any] = ["field": "y", "type": "quantitative", "title": chart.yLabel, "scale": yScale]
        func filter(_ expression: String) -> [[String: Any]] { [["filter": expression]] }
        let layers: [[String: Any]] = [
            ["transform": filter("datum.role == 'line' && isValid(datum.low)"), "mark": ["type": "area", "opacity": 0.2],
             "encoding": ["x": xAxis, "y": ["field": "low", "type": "quantitative", "scale": yScale, "title": chart.yLabel], "y2": ["field": "high"], "color": colour]],
            ["transform": filter("datum.role == 'line'"), "mark": ["type": "line", "strokeWidth": 1 * px],
             "encoding": ["x": xAxis, "y": y, "color": colour, "strokeDash": dash]],
            ["transform": filter("datum.role == 'markers' && isValid(datum.low)"), "mark": ["type": "rule", "strokeWidth": 0.6 * px],
             "encoding": ["x": xAxis, "y": ["field": "low", "type": "quantitative", "scale": yScale, "title": chart.yLabel], "y2": ["field": "high"], "color": colour]],
            ["transform": filter("datum.marked && datum.method == 'closed form'"), "mark": ["type": "point", "filled": true, "size": 22 * px * px, "opacity": 1],
             "encoding": ["x": xAxis, "y": y, "color": colour, "shape": shape]],
            ["transform": filter("datum.marked && datum.method == 'Monte Carlo'"), "mark": ["type": "point", "filled": false, "fill": "white", "size": 22 * px * px, "opacity": 1],
             "encoding": ["x": xAxis, "y": y, "color": colour, "shape": shape]],
        ]
        let notes = [chart.methodNote].compactMap { $0 } + (chart.coincidenceNotes.isEmpty ? [] : ["Coincident: " + chart.coincidenceNotes.joined(separator: "; ")])
        let faceted = chart.panels.count > 1
        let columns = faceted ? min(chart.panels.count, size.width < 5 * 72 ? 2 : 3) : 1
        let rows = (chart.panels.count + columns - 1) / columns
        let inner: [String: Any] = [
            "width": ((size.width - 60) / Double(columns) - (faceted ? 8 : 0)) * px,
            "height": ((size.height - 90 - Double(notes.count) * 10) / Double(rows) - (faceted ? 14 : 0)) * px,
            "layer": layers,
        ]
        var spec: [String: Any] = [
            "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "description": "dmm plot: \(chart.title)",
            "title": ["text": chart.title, "subtitle": notes, "fontSize": 9 * px, "subtitleFontSize": 8 * px, "anchor": "middle"],
            "data": ["values": values],
            "config": [
                "font": "Helvetica, Arial, sans-serif", "background": "white",
                "axis": ["labelFontSize": 8 * px, "titleFontSize": 9 * px, "titleFontWeight": "normal", "gridColor": "#e4e4e4"],
                "legend": ["labelFontSize": 8 * px, "symbolSize": 40 * px, "symbolStrokeWidth": 1 * px],
                "header": ["labelFontSize": 8 * px, "titleFontSize": 8 * px],
                "view": ["stroke": "#333333"],
            ],
        ]
        if faceted {
            spec["facet"] = ["field": "panel", "type": "nominal", "title": NSNull(), "sort": chart.panels.compactMap(\.title)]
            spec["columns"] = columns
            spec["spec"] = inner
            spec["resolve"] = ["scale": ["x": "shared", "y": "shared"]]
        } else {
            for (k, v) in inner { spec[k] = v }
        }
        let data = (try? JSONSerialization.data(withJSONObject: spec, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Vega's built-in symbol, or an SVG path in the unit square for the rest.
    static func shapeName(_ m: SchemeStyle.Marker) -> String {
        switch m {
        case .circle: return "circle"
        case .square: return "square"
        case .triangle: return "triangle-up"
        case .triangleDown: return "triangle-down"
        case .diamond: return "diamond"
        case .pentagon: return "M0,-1L0.95,-0.31L0.59,0.81L-0.59,0.81L-0.95,-0.31Z"
        case .cross: return "M-0.8,-0.8L0.8,0.8M-0.8,0.8L0.8,-0.8"
        case .plus: return "M-1,0L1,0M0,-1L0,1"
        case .star: return "M0,0L0,-1M0,0L0.95,-0.31M0,0L0.59,0.81M0,0L-0.59,0.81M0,0L-0.95,-0.31"
        case .asterisk: return "M0,-1L0,1M-0.87,-0.5L0.87,0.5M-0.87,0.5L0.87,-0.5"
        case .oplus: return "M1,0A1,1 0 1,1 -1,0A1,1 0 1,1 1,0ZM-1,0L1,0M0,-1L0,1"
        case .otimes: return "M1,0A1,1 0 1,1 -1,0A1,1 0 1,1 1,0ZM-0.7,-0.7L0.7,0.7M-0.7,0.7L0.7,-0.7"
        case .triangleLeft: return "triangle-left"
        case .triangleRight: return "triangle-right"
        case .bar: return "M0,-1L0,1"
        }
    }
}
