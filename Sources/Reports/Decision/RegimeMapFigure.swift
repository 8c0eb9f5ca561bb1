import Evaluation
import Foundation

/// Regime maps drawn: one panel per map side by side, each grid cell filled with
/// its winner's colour (`SchemeStyle`), the boundaries between regions drawn as
/// black lines, axes with ticks over exactly [START, STOP] (log when the range is),
/// and a legend of the regions present. SVG (self-contained, sized in mm so it
/// prints at a known size) and pgfplots (a tikzpicture for \input, needs
/// \usepackage{pgfplots}; compiles with pdflatex).
///
/// Adjacent cells of a row with the same winner are merged into one rectangle, so
/// the file grows with the number of region changes, not with the grid.
public enum RegimeMapFigure {
    static let panelWidth = 330.0, panelHeight = 300.0
    static let plotLeft = 62.0, plotRight = 310.0, plotTop = 40.0, plotBottom = 240.0
    static let legendRow = 18.0

    /// Runs of equal labels along each row: (row j, first i, last i, label).
    static func runs(_ map: RegimeMap) -> [(j: Int, from: Int, to: Int, label: String)] {
        var out: [(Int, Int, Int, String)] = []
        for j in 0..<map.y.count {
            var start = 0
            for i in 1...map.x.count {
                if i == map.x.count || map.cell(i, j).label != map.cell(start, j).label {
                    out.append((j, start, i - 1, map.cell(start, j).label))
                    start = i
                }
            }
        }
        return out
    }

    /// Boundary segments in grid units (edges at half-integers, i in 0..<n): vertical
    /// ones between horizontal neighbours, horizontal ones between vertical neighbours,
    /// each merged along its line.
    static func boundaries(_ map: RegimeMap) -> [(x0: Double, y0: Double, x1: Double, y1: Double)] {
        var out: [(Double, Double, Double, Double)] = []
        let nx = map.x.count, ny = map.y.count
        for i in 0..<(nx - 1) {
            var j = 0
            while j < ny {
                guard map.cell(i, j).label != map.cell(i + 1, j).label else { j += 1; continue }
                let from = j
                while j < ny, map.cell(i, j).label != map.cell(i + 1, j).label { j += 1 }
                out.append((Double(i) + 0.5, Double(from) - 0.5, Double(i) + 0.5, Double(j) - 0.5))
            }
        }
        for j in 0..<(ny - 1) {
            var i = 0
            while i < nx {
                guard map.cell(i, j).label != map.cell(i, j + 1).label else { i += 1; continue }
                let from = i
                while i < nx, map.cell(i, j).label != map.cell(i, j + 1).label { i += 1 }
                out.append((Double(from) - 0.5, Double(j) + 0.5, Double(i) - 0.5, Double(j) + 0.5))
            }
        }
        return out
    }

    /// Region labels in the order of the map's schemes, shared wins after.
    static func labels(_ maps: [RegimeMap]) -> [String] {
        var present = Set<String>()
        for m in maps { for c in m.cells { present.insert(c.label) } }
        let schemes = maps.first?.schemes ?? []
        return schemes.filter(present.contains) + present.filter { !schemes.contains($0) }.sorted()
    }

    static func ticks(_ r: ParameterRange) -> AxisTicks {
        let t = r.log ? AxisTicks.logarithmic(r.start, r.stop) : AxisTicks.linear(r.start, r.stop)
        let slack = 1e-9 * Swift.max(abs(r.start), abs(r.stop))
        let kept = zip(t.values, t.labels).filter { $0.0 >= r.start - slack && $0.0 <= r.stop + slack }
        return AxisTicks(domain: r.start...r.stop, values: kept.map(\.0), labels: kept.map(\.1))
    }

    /// Position of value v in [0, 1] along the range (log scale for a log range).
    static func fraction(_ v: Double, _ r: ParameterRange) -> Double {
        r.log ? (Foundation.log(v) - Foundation.log(r.start)) / (Foundation.log(r.stop) - Foundation.log(r.start))
            : (v - r.start) / (r.stop - r.start)
    }

    /// A short axis label: the parameter path and its unit when known.
    static func axisLabel(_ r: ParameterRange) -> String {
        let unit = ScenarioParameter.named(r.path)?.unit ?? ScenarioParameter.named(lawPath(r.path))?.unit
        return unit.map { "\(r.path) (\($0))" } ?? r.path
    }

    static func lawPath(_ path: String) -> String {
        guard let dot = path.lastIndex(of: ".") else { return path }
        return String(path[..<dot])
    }

    public static func svg(_ maps: [RegimeMap], title: String? = nil) -> String {
        let labels = labels(maps)
        let colours = SchemeStyle.regionColours(labels)
        let legendTop = panelHeight + 4
        let perRow = 5
        let legendRows = (labels.count + perRow - 1) / perRow
        let width = panelWidth * Double(maps.count), height = legendTop + Double(legendRows) * legendRow + 10
        // 96 px per inch: 1 px = 0.2646 mm; physical size so a printout keeps its scale.
        let mm = { (px: Double) in f(px * 25.4 / 96) }
        var s = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(mm(width))mm" height="\(mm(height))mm" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif" font-size="11">
            <title>\(escape(title ?? "Regime map"))</title>
            <rect width="\(f(width))" height="\(f(height))" fill="#ffffff"/>

            """
        for (p, map) in maps.enumerated() {
            let ox = Double(p) * panelWidth
            let w = plotRight - plotLeft, h = plotBottom - plotTop
            let nx = Double(map.x.count), ny = Double(map.y.count)
            // Grid index to pixel: cell centres evenly spaced, half cells at the ends.
            func px(_ i: Double) -> Double { ox + plotLeft + (i + 0.5) / nx * w }
            func py(_ j: Double) -> Double { plotBottom - (j + 0.5) / ny * h }
            s += "<g>\n<text x=\"\(f(ox + (plotLeft + plotRight) / 2))\" y=\"18\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">\(escape(map.metric.label))</text>\n"
            s += "<g shape-rendering=\"crispEdges\">\n"
            for r in runs(map) {
                let x0 = px(Double(r.from) - 0.5), x1 = px(Double(r.to) + 0.5)
                let y0 = py(Double(r.j) + 0.5), y1 = py(Double(r.j) - 0.5)
                s += "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(x1 - x0))\" height=\"\(f(y1 - y0))\" fill=\"\(colours[r.label]!)\"/>\n"
            }
            s += "</g>\n"
            var d = ""
            for b in boundaries(map) { d += "M\(f(px(b.x0))) \(f(py(b.y0)))L\(f(px(b.x1))) \(f(py(b.y1)))" }
            if !d.isEmpty { s += "<path d=\"\(d)\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1.2\" stroke-linecap=\"square\"/>\n" }
            s += "<rect x=\"\(f(ox + plotLeft))\" y=\"\(f(plotTop))\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"none\" stroke=\"#333333\"/>\n"
            let xt = ticks(map.x), yt = ticks(map.y)
            for (v, label) in zip(xt.values, xt.labels) {
                let x = ox + plotLeft + fraction(v, map.x) * w
                s += "<line x1=\"\(f(x))\" y1=\"\(f(plotBottom))\" x2=\"\(f(x))\" y2=\"\(f(plotBottom + 4))\" stroke=\"#333333\"/>"
                s += "<text x=\"\(f(x))\" y=\"\(f(plotBottom + 16))\" text-anchor=\"middle\">\(escape(label))</text>\n"
            }
            for (v, label) in zip(yt.values, yt.labels) {
                let y = plotBottom - fraction(v, map.y) * h
                s += "<line x1=\"\(f(ox + plotLeft - 4))\" y1=\"\(f(y))\" x2=\"\(f(ox + plotLeft))\" y2=\"\(f(y))\" stroke=\"#333333\"/>"
                s += "<text x=\"\(f(ox + plotLeft - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(escape(label))</text>\n"
            }
            s += "<text x=\"\(f(ox + (plotLeft + plotRight) / 2))\" y=\"\(f(plotBottom + 34))\" text-anchor=\"middle\">\(escape(axisLabel(map.x)))</text>\n"
            let cy = (plotTop + plotBottom) / 2
            s += "<text x=\"\(f(ox + 14))\" y=\"\(f(cy))\" text-anchor=\"middle\" transform=\"rotate(-90 \(f(ox + 14)) \(f(cy)))\">\(escape(axisLabel(map.y)))</text>\n</g>\n"
        }
        for (k, label) in labels.enumerated() {
            let x = 20 + Double(k % perRow) * 150, y = legendTop + Double(k / perRow) * legendRow
            s += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"12\" height=\"12\" fill=\"\(colours[label]!)\" stroke=\"#333333\" stroke-width=\"0.5\"/>"
            s += "<text x=\"\(f(x + 17))\" y=\"\(f(y + 10))\">\(escape(label.contains("=") ? "tie: " + label : label))</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    /// One tikzpicture with a pgfplots axis per map in a row (groupplots-free, so
    /// only pgfplots itself is needed). Colours are defined inside the picture.
    public static func pgfplots(_ maps: [RegimeMap]) -> String {
        let labels = labels(maps)
        let colours = SchemeStyle.regionColours(labels)
        var s = "% dmm map: regime maps; \\input this file after \\usepackage{pgfplots} (compat 1.16 or newer).\n"
        s += "\\begin{tikzpicture}\n"
        for (k, label) in labels.enumerated() {
            s += "\\definecolor{dmmregion\(letters(k))}{HTML}{\(colours[label]!.dropFirst())}\n"
        }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        for (p, map) in maps.enumerated() {
            let xs = map.x.values, ys = map.y.values
            func edge(_ values: [Double], _ r: ParameterRange, _ i: Double) -> Double {
                // Cell edges halfway between grid points (geometric mean on a log axis), clipped to the range.
                let lo = Int(i.rounded(.down)), hi = lo + 1
                if lo < 0 { return r.start }
                if hi >= values.count { return r.stop }
                return r.log ? (values[lo] * values[hi]).squareRoot() : (values[lo] + values[hi]) / 2
            }
            s += "\\begin{axis}[name=map\(p),\(p > 0 ? " at={(map\(p - 1).east)}, anchor=west, xshift=1.6cm," : "")\n"
            s += "  width=6.2cm, height=5.6cm, scale only axis=false, axis on top, tick align=outside,\n"
            s += "  xmin=\(g(map.x.start)), xmax=\(g(map.x.stop)), ymin=\(g(map.y.start)), ymax=\(g(map.y.stop)),\n"
            s += "  \(map.x.log ? "xmode=log, " : "")\(map.y.log ? "ymode=log, " : "")log basis x=10, log basis y=10,\n"
            s += "  title={\(tex(map.metric.label))}, xlabel={\(tex(axisLabel(map.x)))}, ylabel={\(tex(axisLabel(map.y)))},\n"
            s += "  title style={font=\\small}, label style={font=\\footnotesize}, tick label style={font=\\footnotesize}"
            if p == maps.count - 1 {
                s += ",\n  legend style={at={(1.04,1)}, anchor=north west, font=\\footnotesize}, legend cell align=left"
            }
            s += "]\n"
            if p == maps.count - 1 {
                for (k, label) in labels.enumerated() {
                    s += "\\addlegendimage{area legend, fill=dmmregion\(letters(k)), draw=black}\n"
                    s += "\\addlegendentry{\(tex(label.contains("=") ? "tie: " + label : label))}\n"
                }
            }
            for r in runs(map) {
                s += "\\fill[dmmregion\(letters(index[r.label]!))] (axis cs:\(g(edge(xs, map.x, Double(r.from) - 0.5))),\(g(edge(ys, map.y, Double(r.j) - 0.5)))) rectangle (axis cs:\(g(edge(xs, map.x, Double(r.to) + 0.5))),\(g(edge(ys, map.y, Double(r.j) + 0.5))));\n"
            }
            for b in boundaries(map) {
                s += "\\draw[black, line width=0.6pt] (axis cs:\(g(edge(xs, map.x, b.x0))),\(g(edge(ys, map.y, b.y0)))) -- (axis cs:\(g(edge(xs, map.x, b.x1))),\(g(edge(ys, map.y, b.y1))));\n"
            }
            s += "\\end{axis}\n"
        }
        s += "\\end{tikzpicture}\n"
        return s
    }

    /// TeX colour names take letters only: 0 -> a, 25 -> z, 26 -> ba.
    static func letters(_ k: Int) -> String {
        var n = k, out = ""
        repeat {
            out = String(UnicodeScalar(UInt8(97 + n % 26))) + out
            n /= 26
        } while n > 0
        return out
    }

    static func g(_ x: Double) -> String { String(format: "%.6g", x) }

    static func tex(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "_": out += "\\_"
            case "&": out += "\\&"
            case "%": out += "\\%"
            case "#": out += "\\#"
            case "$": out += "\\$"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "=": out += "="
            default: out.append(ch)
            }
        }
        return out
    }

    static func f(_ x: Double) -> String { SVGLineChart.f(x) }
    static func escape(_ text: String) -> String { SVGLineChart.escape(text) }
}
