import Foundation

/// Renders a `LineChart` as a pgfplots figure that compiles on its own
/// (`pdflatex fig.tex` gives a PDF of the figure) and that a paper includes
/// with `\input{fig.tex}` after `\usepackage{standalone}` and
/// `\usepackage{pgfplots}`: the standalone package drops the file's
/// preamble, so the text takes the paper's fonts. Sizes are physical
/// (`ChartSize`), text is `\footnotesize` (ticks, legend: 8 pt in a 10 pt
/// document) and `\small` (labels, title: 9 pt). Styles, ticks, markers on
/// coincident series and the legend notes are those of `SVGLineChart`.
public enum PGFPlotsLineChart {
    public static func render(_ chart: LineChart, size: ChartSize = .column) -> String {
        let tex = ChartText.tex, n = ChartText.number
        let W = size.width, H = size.height
        let xTicks: AxisTicks = chart.categories.map { names in
            AxisTicks(domain: -0.5...(Double(names.count) - 0.5), values: names.indices.map(Double.init), labels: names)
        } ?? SVGLineChart.ticks(chart.xValues, log: chart.logX, target: SVGLineChart.xTickTarget(chart, width: W))
        let yTicks = SVGLineChart.ticks(chart.yValues, log: chart.logY)
        let faceted = chart.panels.count > 1
        let columns = faceted ? min(chart.panels.count, W < 5 * 72 ? 2 : 3) : 1
        let rows = (chart.panels.count + columns - 1) / columns
        let legend = LegendLayout(chart: chart, width: W - 8)
        let rotate = chart.categories != nil && xTicks.labels.contains { ChartText.width($0, size: 8) > W * 0.7 / Double(max(1, xTicks.labels.count)) }
        let xTickHeight = rotate ? (xTicks.labels.map { ChartText.width($0, size: 8) }.max() ?? 0) * 0.5 + 12 : 12.0
        let yTickWidth = (yTicks.labels.map { ChartText.width($0, size: 8) }.max() ?? 0) + 6
        let titleHeight = Double(ChartText.wrap(chart.title, size: 9, maxWidth: W - 8).count) * 11 + 4
        let panelTitle = faceted ? 11.0 : 0
        let gap = faceted ? 8.0 : 0
        let axisWidth = (W - 9 - 14 - yTickWidth - 14 - gap * Double(columns - 1)) / Double(columns)
        let axisHeight = (H - titleHeight - (9 + 20 + legend.height) - Double(rows) * (panelTitle + xTickHeight) - Double(rows - 1) * 4) / Double(rows)

        var out = """
            % dmm plot (pgfplots): \(chart.title)
            % Compiles on its own: pdflatex FILE.tex. In a paper, put \\usepackage{standalone} and
            % \\usepackage{pgfplots}\(faceted ? " and \\usepgfplotslibrary{groupplots}" : "") in the preamble, then \\input{FILE.tex}:
            % the standalone package skips this preamble and the figure takes the paper's fonts.
            \\documentclass{standalone}
            \\usepackage{pgfplots}

            """
        if faceted { out += "\\usepgfplotslibrary{groupplots}\n" }
        out += "\\pgfplotsset{compat=1.16}\n\\begin{document}\n\\begin{tikzpicture}\n"
        for e in chart.legend {
            out += "\\definecolor{\(SchemeStyle.texColourName(e.scheme))}{HTML}{\(SchemeStyle.of(e.scheme).colour.dropFirst())}\n"
        }
        var axis: [String] = [
            "scale only axis", "width=\(n2(axisWidth))pt", "height=\(n2(axisHeight))pt",
            "xmin=\(n(xTicks.domain.lowerBound))", "xmax=\(n(xTicks.domain.upperBound))",
            "ymin=\(n(yTicks.domain.lowerBound))", "ymax=\(n(yTicks.domain.upperBound))",
            "xtick={\(xTicks.values.map(n).joined(separator: ","))}",
            "xticklabels={\(xTicks.labels.map { "{\(tex($0))}" }.joined(separator: ","))}",
            "ytick={\(yTicks.values.map(n).joined(separator: ","))}",
            "yticklabels={\(yTicks.labels.map { "{\(tex($0))}" }.joined(separator: ","))}",
            "scaled ticks=false", "minor tick num=0", "grid=major", "major grid style={line width=0.25pt, draw=black!12}",
            "axis line style={line width=0.4pt}", "tick style={line width=0.4pt}",
            "tick label style={font=\\footnotesize}", "label style={font=\\small}",
            "legend to name=dmmlegend", "legend columns=\(legend.columns)",
            "legend style={font=\\footnotesize, draw=none, column sep=4pt}",
            "legend cell align=left", "cycle list={{black}}",
        ]
        if chart.logX { axis.append("xmode=log") }
        if chart.logY { axis.append("ymode=log") }
        if rotate { axis.append("xticklabel style={rotate=30, anchor=north east, inner sep=1pt}") }
        if !faceted {
            axis.append("title={\(tex(chart.title))}")
            axis.append("title style={font=\\small\\bfseries, text width=\(n2(W - 8))pt, align=center}")
            axis.append("xlabel={\(tex(chart.xLabel))}")
            axis.append("ylabel={\(tex(chart.yLabel))}")
            out += "\\begin{axis}[\n  " + axis.joined(separator: ",\n  ") + "]\n"
            out += plots(chart, chart.panels[0], legend: true)
            out += "\\end{axis}\n"
        } else {
            axis.append("title style={font=\\footnotesize, yshift=-2pt}")
            let group = "group style={group size=\(columns) by \(rows), horizontal sep=\(n2(gap))pt, vertical sep=\(n2(xTickHeight + panelTitle + 4))pt, "
                + "y descriptions at=edge left, group name=dmmgroup}"
            out += "\\begin{groupplot}[\n  " + ([group] + axis).joined(separator: ",\n  ") + "]\n"
            for (p, panel) in chart.panels.enumerated() {
                out += "\\nextgroupplot[title={\(tex(panel.title ?? ""))}]\n"
                out += plots(chart, panel, legend: p == 0)
            }
            out += "\\end{groupplot}\n"
            // Shared axis labels and the title, placed around the whole group.
            out += "\\node[font=\\small, anchor=north, yshift=-\(n2(xTickHeight))pt] at ($(dmmgroup c1r\(rows).south west)!0.5!(dmmgroup c\(columns)r\(rows).south east)$) {\(tex(chart.xLabel))};\n"
            out += "\\node[font=\\small, rotate=90, anchor=south, xshift=0pt, yshift=\(n2(yTickWidth))pt] at ($(dmmgroup c1r1.north west)!0.5!(dmmgroup c1r\(rows).south west)$) {\(tex(chart.yLabel))};\n"
            out += "\\node[font=\\small\\bfseries, anchor=south, text width=\(n2(W - 8))pt, align=center, yshift=\(n2(panelTitle + 4))pt] at ($(dmmgroup c1r1.north west)!0.5!(dmmgroup c\(columns)r1.north east)$) {\(tex(chart.title))};\n"
        }
        let notes = ([chart.methodNote].compactMap { $0 } + (chart.coincidenceNotes.isEmpty ? [] : ["Coincident: " + chart.coincidenceNotes.joined(separator: "; ")])).map(tex)
        out += "\\node[anchor=north, inner sep=1pt] (dmmlegendnode) at ([yshift=-2pt]current bounding box.south) {\\pgfplotslegendfromname{dmmlegend}};\n"
        if !notes.isEmpty {
            out += "\\node[anchor=north, font=\\footnotesize, text width=\(n2(W - 8))pt, align=center, inner sep=1pt] at (dmmlegendnode.south) {\(notes.joined(separator: "\\\\ "))};\n"
        }
        out += "\\end{tikzpicture}\n\\end{document}\n"
        if faceted { out = out.replacingOccurrences(of: "\\usepackage{pgfplots}\n", with: "\\usepackage{pgfplots}\n\\usetikzlibrary{calc}\n") }
        return out
    }

    /// One panel's \addplot commands: bands, lines, error bars; the legend
    /// entry on each scheme's first series only.
    static func plots(_ chart: LineChart, _ panel: LineChart.Panel, legend: Bool) -> String {
        let n = ChartText.number
        var out = ""
        var named = Set<String>()
        for s in panel.series where s.method == .monteCarlo && !LineChart.drawsAsMarkers(s, in: panel) {
            let banded = s.points.filter { $0.low != nil && $0.high != nil }
            guard banded.count >= 2 else { continue }
            let coords = banded.map { "(\(n($0.x)),\(n($0.high!)))" } + banded.reversed().map { "(\(n($0.x)),\(n($0.low!)))" }
            out += "\\addplot[forget plot, draw=none, fill=\(SchemeStyle.texColourName(s.scheme)), fill opacity=0.2] coordinates {\(coords.joined(separator: " "))} -- cycle;\n"
        }
        for (i, s) in panel.series.enumerated() {
            let style = SchemeStyle.of(s.scheme), colour = SchemeStyle.texColourName(s.scheme)
            let asMarkers = LineChart.drawsAsMarkers(s, in: panel)
            let filled = s.method == .closedForm
            let (mark, markOptions) = style.marker.pgfplots(filled: style.marker.isFilled && filled)
            var options = ["color=\(colour)", "mark=\(mark)", "mark size=1.9pt"]
            var markOpts = ["solid", "line width=0.5pt"]
            if !markOptions.isEmpty { markOpts.append(markOptions) }
            if style.marker.isFilled && !filled { markOpts.append("fill=white") }
            options.append("mark options={\(markOpts.joined(separator: ", "))}")
            if asMarkers {
                options += ["only marks", "error bars/.cd", "y dir=both", "y explicit", "error bar style={line width=0.5pt}",
                            "error mark options={rotate=90, mark size=1.5pt, line width=0.5pt}"]
            } else {
                options.append("line width=0.8pt")
                if !style.dash.isEmpty {
                    let pattern = stride(from: 0, to: style.dash.count - 1, by: 2).map { "on \(n2(style.dash[$0]))pt off \(n2(style.dash[$0 + 1]))pt" }
                    options.append("dash pattern=\(pattern.joined(separator: " "))")
                }
                let marked = chart.markedPoints(of: i, in: panel)
                if marked.count < s.points.count {
                    options.append("mark indices={\(marked.map { String($0 + 1) }.joined(separator: ","))}")
                    // The legend image is a three-point line of its own: without this the
                    // thinned indices (offset for coincident lines) can miss it and the legend
                    // entry shows no marker.
                    options.append("legend image post style={mark indices={2}}")
                }
            }
            let first = legend && named.insert(s.scheme).inserted
            if !first { options.insert("forget plot", at: 0) }
            let coords = s.points.map { p -> String in
                if asMarkers, let low = p.low, let high = p.high {
                    return "(\(n(p.x)),\(n(p.y))) += (0,\(n(high - p.y))) -= (0,\(n(p.y - low)))"
                }
                return "(\(n(p.x)),\(n(p.y)))"
            }
            out += "\\addplot[\(options.joined(separator: ", "))] coordinates {\(coords.joined(separator: " "))};\n"
            if first { out += "\\addlegendentry{\(ChartText.tex(s.name))}\n" }
        }
        return out
    }

    static func n2(_ x: Double) -> String { ChartText.f(x) }
}
