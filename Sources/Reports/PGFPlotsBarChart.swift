import Foundation

/// Renders a `BarChart` as pgfplots (groupplots): compiles standalone with
/// pdflatex, or `\input` in a paper after `\usepackage{standalone}`,
/// `\usepackage{pgfplots}` and `\usepgfplotslibrary{groupplots}`. The same
/// panels, colours and markers as `SVGBarChart`.
public enum PGFPlotsBarChart {
    public static func render(_ chart: BarChart, size: ChartSize) -> String {
        let tex = ChartText.tex, n = ChartText.number, f = ChartText.f
        let W = size.width, H = size.height
        let columns = chart.panels.count == 1 ? 1 : W < 5 * 72 ? 2 : min(chart.panels.count, 4)
        let rows = (chart.panels.count + columns - 1) / columns
        let names = chart.panels.flatMap(\.bars).map(\.name)
        let nameHeight = (names.map { ChartText.width($0, size: 8) }.max() ?? 0) + 6
        let yTickWidth = 22.0
        let titleHeight = Double(ChartText.wrap(chart.title, size: 9, maxWidth: W - 8).count) * 11 + 4
        let notes = chart.methodNote.map { [$0] } ?? []
        let panelTitle = 22.0
        let axisWidth = (W - Double(columns) * (yTickWidth + 8)) / Double(columns)
        let axisHeight = (H - titleHeight - Double(notes.count) * 11 - Double(rows) * (panelTitle + nameHeight)) / Double(rows)
        var out = """
            % dmm plot --bars (pgfplots): \(chart.title)
            % Compiles on its own: pdflatex FILE.tex. In a paper, put \\usepackage{standalone},
            % \\usepackage{pgfplots} and \\usepgfplotslibrary{groupplots} in the preamble, then \\input{FILE.tex}:
            % the standalone package skips this preamble and the figure takes the paper's fonts.
            \\documentclass{standalone}
            \\usepackage{pgfplots}
            \\usepgfplotslibrary{groupplots}
            \\usetikzlibrary{calc}
            \\pgfplotsset{compat=1.16}
            \\begin{document}
            \\begin{tikzpicture}

            """
        var schemes: [String] = []
        for b in chart.panels.flatMap(\.bars) where !schemes.contains(b.scheme) { schemes.append(b.scheme) }
        for s in schemes { out += "\\definecolor{\(SchemeStyle.texColourName(s))}{HTML}{\(SchemeStyle.of(s).colour.dropFirst())}\n" }
        let group = "group style={group size=\(columns) by \(rows), horizontal sep=\(f(yTickWidth + 6))pt, vertical sep=\(f(nameHeight + panelTitle))pt, group name=dmmgroup}"
        let options = [
            group, "scale only axis", "width=\(f(axisWidth))pt", "height=\(f(axisHeight))pt", "ymin=0", "enlarge y limits={upper, value=0.05}",
            "xmin=-0.5", "axis lines*=left", "scaled y ticks=false", "ymajorgrids", "major grid style={line width=0.25pt, draw=black!12}",
            "tick label style={font=\\footnotesize}", "title style={font=\\footnotesize, text width=\(f(axisWidth + yTickWidth))pt, align=center}",
            "xticklabel style={rotate=90, anchor=east, inner sep=1pt}", "ybar, /pgf/bar width=0.72, /pgf/bar shift=0pt",
            "yticklabel style={/pgf/number format/fixed}", "axis line style={line width=0.4pt}", "tick style={line width=0.4pt}",
        ]
        out += "\\begin{groupplot}[\n  " + options.joined(separator: ",\n  ") + "]\n"
        for panel in chart.panels {
            let count = panel.bars.count
            out += "\\nextgroupplot[title={\(tex(panel.yLabel))}, xmax=\(n(Double(count) - 0.5)), xtick={\(panel.bars.indices.map { String($0) }.joined(separator: ","))}, "
                + "xticklabels={\(panel.bars.map { "{\(tex($0.name))}" }.joined(separator: ","))}]\n"
            for (k, bar) in panel.bars.enumerated() {
                let colour = SchemeStyle.texColourName(bar.scheme)
                let fill = bar.closedForm == nil ? "fill=\(colour)!45, draw=\(colour)" : "fill=\(colour), draw=none"
                out += "\\addplot[\(fill)] coordinates {(\(k),\(n(bar.height)))};\n"
                if let mc = bar.monteCarlo, let low = mc.low, let high = mc.high {
                    let style = SchemeStyle.of(bar.scheme)
                    let (mark, markOptions) = style.marker.pgfplots(filled: false)
                    let markerColour = bar.hasMarker ? colour : "black"
                    let marks = bar.hasMarker
                        ? "mark=\(mark), mark size=1.9pt, mark options={solid, fill=white, line width=0.5pt\(markOptions.isEmpty ? "" : ", " + markOptions)}"
                        : "mark=none"
                    out += "\\addplot[\(markerColour), \(marks), only marks, error bars/.cd, y dir=both, y explicit, error bar style={line width=0.5pt, black}, "
                        + "error mark options={rotate=90, mark size=1.5pt, black}] coordinates {(\(k),\(n(mc.estimate))) += (0,\(n(high - mc.estimate))) -= (0,\(n(mc.estimate - low)))};\n"
                }
            }
        }
        out += "\\end{groupplot}\n"
        out += "\\node[font=\\small\\bfseries, anchor=south, text width=\(f(W - 8))pt, align=center, yshift=\(f(panelTitle))pt] at ($(dmmgroup c1r1.north west)!0.5!(dmmgroup c\(columns)r1.north east)$) {\(tex(chart.title))};\n"
        if !notes.isEmpty {
            out += "\\node[anchor=north, font=\\footnotesize, text width=\(f(W - 8))pt, align=center] at (current bounding box.south) {\(notes.map(tex).joined(separator: "\\\\ "))};\n"
        }
        out += "\\end{tikzpicture}\n\\end{document}\n"
        return out
    }
}
