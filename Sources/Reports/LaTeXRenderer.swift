/// A booktabs `tabular` (\toprule, \midrule, \bottomrule), `l` for text
/// columns and `r` for numbers, preceded by a comment noting the package it
/// needs and the caption (a tabular has none of its own: put it in your
/// `table` float), followed by the footnotes in \footnotesize.
///
/// Escapes the ten LaTeX specials: & % $ # _ { } become \& \% \$ \# \_ \{ \},
/// ~ ^ \ become \textasciitilde{} \textasciicircum{} \textbackslash{}; and
/// < > | (which OT1 fonts misprint) become \textless{} \textgreater{} \textbar{}.
/// ± † ‡ become \ensuremath{\pm} \dag{} \ddag{}. A line break inside a cell becomes a space.
public enum LaTeXRenderer {
    public static func render(_ table: Table) -> String {
        var out = "% Requires \\usepackage{booktabs} in the preamble.\n"
        if let caption = table.captionLine { out += "% " + oneLine(caption) + "\n" }
        let spec = table.columns.map { $0.alignment == .right ? "r" : "l" }.joined()
        out += "\\begin{tabular}{\(spec)}\n\\toprule\n"
        out += table.columns.map { escape($0.name) }.joined(separator: " & ") + " \\\\\n"
        out += "\\midrule\n"
        for row in table.rows {
            out += row.map(escape).joined(separator: " & ") + " \\\\\n"
        }
        out += "\\bottomrule\n\\end{tabular}\n"
        for (index, note) in table.footnotes.enumerated() {
            out += "\\par{\\footnotesize [\(index + 1)] \(escape(note))}\n"
        }
        return out
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        for character in oneLine(text) {
            switch character {
            case "&", "%", "$", "#", "_", "{", "}": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "\\": out += "\\textbackslash{}"
            // Not special, but misprinted by the default OT1 font encoding.
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            // Monte Carlo cells (MetricTables): portable spellings, no package needed.
            case "\u{00B1}": out += "\\ensuremath{\\pm}"
            case "\u{2020}": out += "\\dag{}"
            case "\u{2021}": out += "\\ddag{}"
            default: out.append(character)
            }
        }
        return out
    }

    static func oneLine(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
    }
}
