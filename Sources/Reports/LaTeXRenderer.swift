import Foundation

/// A complete `table` float for a one-column `article`: caption and label,
/// a booktabs `tabularx` as wide as the text (prose and numbers wrap at word
/// boundaries, numbers right-aligned), and the notes as threeparttable
/// `tablenotes`: a note that starts with a mark (†, ‡, §) becomes `\item[\dag]`
/// and the mark in cells `\tnote{\dag}`; the others are unmarked general notes.
/// The preamble the output needs is printed as a comment on its first line.
///
/// A table too wide for the text width is split into several floats by column
/// groups, each repeating the first column ("part i of n" in the caption,
/// label suffixed -i). The width of a group is estimated from its longest words
/// at \small in Computer Modern with a margin (`points(_:)`), so every word fits
/// its column; with `landscape` each float is set on its own landscape page
/// (pdflscape) and groups are as wide as the text height. A group too tall for
/// the page (a float LaTeX would let run past the bottom margin) is split again
/// by rows (`rowGroups`), each part repeating the header; parts are numbered
/// over both splits.
///
/// Escaping: & % $ # _ { } become \& \% \$ \# \_ \{ \}; ~ ^ \ become
/// \textasciitilde{} \textasciicircum{} \textbackslash{}; < > | become
/// \textless{} \textgreater{} \textbar{} (OT1 misprints them); "--" is kept two
/// hyphens (-{}-); straight double quotes become `` and '' in turn; ± † ‡ ≤ ≥ × µ
/// → and typographic quotes and dashes get their LaTeX spellings, other
/// non-ASCII text is transliterated (`ASCIIText`). Numbers such as 4.566e-05
/// are typeset as 4.566×10⁻⁵ in math mode; a line break inside a cell becomes a space.
public enum LaTeXRenderer {
    public static let preamble = "% Requires in the preamble: \\usepackage{booktabs,tabularx,threeparttable}"
    public static let landscapePreamble = "% Requires in the preamble: \\usepackage{booktabs,tabularx,threeparttable,pdflscape}"
    /// \textwidth of a 10 pt one-column article (and its \textheight, landscape), less a safety margin, in pt.
    static let textWidth = 345.0, textHeight = 550.0
    static let columnSeparation = 12.0  // 2 \tabcolsep

    public static func render(_ table: Table, landscape: Bool = false) -> String {
        let available = (landscape ? textHeight : textWidth) * 0.97
        // \small, or \footnotesize when that saves a column group.
        let small = table.columnGroups { width($0) <= available }
        let footnote = table.columnGroups { width($0) * 8 / 9 <= available }
        let (groups, size) = footnote.count < small.count ? (footnote, "\\footnotesize") : (small, "\\small")
        // Each column group split again by rows so that every float fits the page.
        let parts = groups.flatMap { rowGroups($0, table: table, landscape: landscape, footnotesize: size == "\\footnotesize") }
        var out = (landscape ? landscapePreamble : preamble) + "\n"
        for (index, group) in parts.enumerated() {
            var part = group
            if parts.count > 1 {
                part.caption = table.caption.map { "\($0) (part \(index + 1) of \(parts.count))" }
                part.label = table.label.map { "\($0)-\(index + 1)" }
            } else {
                part.caption = table.caption
                part.label = table.label
            }
            let used = Set(part.rows.joined().flatMap { cell in Table.marks.filter(cell.contains) })
            part.footnotes = table.footnotes.filter { note in
                guard let first = note.first, Table.marks.contains(first) else { return index == parts.count - 1 }
                return used.contains(first)
            }
            if index > 0 { out += "\n" }
            out += float(part, landscape: landscape, size: size)
        }
        return out
    }

    /// Splits a column group's rows into consecutive runs whose estimated float
    /// height (caption, header, rows, rules and notes) stays within the page's
    /// text height, so that no float is "too large for page". Row heights are
    /// estimated by wrapping each cell's words greedily into its column at
    /// `points(_:)`' upper widths, so the estimate errs tall.
    static func rowGroups(_ group: Table, table: Table, landscape: Bool, footnotesize: Bool) -> [Table] {
        let scale = footnotesize ? 8.0 / 9.0 : 1.0
        let baseline = footnotesize ? 9.5 : 11.0
        let lineWidth = landscape ? textHeight : textWidth
        let pageHeight = (landscape ? textWidth : textHeight) * 0.92
        let widths = columnWidths(group, lineWidth: lineWidth)
        func lines(_ cell: String, _ width: Double?) -> Int {
            guard let width else { return 1 }
            var count = 1, used = 0.0
            for word in cell.split(whereSeparator: \.isWhitespace) {
                // points() is an upper bound per glyph; 0.9 of it is the typical
                // width of a run of words (measured on the compare and parameter tables).
                let w = points(String(word)) * scale * 0.9
                if used > 0 && used + 3.3 * scale + w > width {
                    count += 1
                    used = w
                } else {
                    used += (used > 0 ? 3.3 * scale : 0) + w
                }
            }
            return count
        }
        func height(_ row: [String]) -> Double {
            Double(row.enumerated().map { lines($1, widths[$0]) }.max() ?? 1) * baseline
        }
        let header = height(group.columns.map(\.name))
        let caption = Double(lines(table.caption ?? "", lineWidth)) * 12 + 10
        let notes = table.footnotes.map { Double(lines($0, lineWidth * 9 / 8)) * 9.5 }.reduce(0, +)
        // Rules and their padding (booktabs), and the float's own separation.
        let fixed = caption + header + notes + 24
        var runs: [[[String]]] = [[]]
        var used = fixed
        for row in group.rows {
            let h = height(row)
            if !runs[runs.count - 1].isEmpty && used + h > pageHeight {
                runs.append([])
                used = fixed
            }
            runs[runs.count - 1].append(row)
            used += h
        }
        return runs.map { rows in
            var part = group
            part.rows = rows
            return part
        }
    }

    /// Each column's width in pt as tabularx sets it (nil for the `l` first column).
    static func columnWidths(_ table: Table, lineWidth: Double) -> [Int: Double] {
        let shares = xShares(table)
        let columns = xColumns(table)
        guard !columns.isEmpty else { return [:] }
        let total = lineWidth - fixedWidth(table) - columnSeparation * Double(columns.count - (isWrapped(table, column: 0) ? 1 : 0))
        return shares.mapValues { $0 * total / Double(columns.count) }
    }

    static func float(_ table: Table, landscape: Bool, size: String) -> String {
        var out = landscape ? "\\begin{landscape}\n" : ""
        out += "\\begin{table}[htbp]\n\\centering\n\(size)\n\\begin{threeparttable}\n"
        if let caption = table.caption { out += "\\caption{\(escape(caption))}\n" }
        if let label = table.label { out += "\\label{\(label.filter { !"\\{}%#$&^_~ ".contains($0) })}\n" }
        let shares = xShares(table)
        let spec = table.columns.indices.map { column -> String in
            guard let share = shares[column] else { return "l" }
            let hsize = String(format: "%.3f", share)
            return table.columns[column].alignment == .right
                ? ">{\\hsize=\(hsize)\\hsize\\raggedleft\\arraybackslash}X"
                : ">{\\hsize=\(hsize)\\hsize\\raggedright\\arraybackslash}X"
        }.joined()
        out += "\\begin{tabularx}{\\linewidth}{@{}\(spec)@{}}\n\\toprule\n"
        out += table.columns.map { escape($0.name) }.joined(separator: " & ") + " \\\\\n"
        out += "\\midrule\n"
        for row in table.rows {
            out += row.enumerated().map { column, cell in
                table.columns[column].alignment == .right ? number(cell) : escape(cell)
            }.joined(separator: " & ") + " \\\\\n"
        }
        out += "\\bottomrule\n\\end{tabularx}\n"
        if !table.footnotes.isEmpty {
            out += "\\begin{tablenotes}\\footnotesize\n"
            for note in table.footnotes {
                if let first = note.first, Table.marks.contains(first) {
                    let text = note.dropFirst().drop { $0 == " " }
                    out += "\\item[\(markName(first))] \(escape(String(text)))\n"
                } else {
                    out += "\\item[] \(escape(note))\n"
                }
            }
            out += "\\end{tablenotes}\n"
        }
        out += "\\end{threeparttable}\n\\end{table}\n"
        if landscape { out += "\\end{landscape}\n" }
        return out
    }

    /// The first column is an `l` column unless one of its cells is long prose
    /// (then it wraps like the others).
    static func isWrapped(_ table: Table, column: Int) -> Bool {
        cells(table, column).contains { $0.contains(" ") && points($0) > 90 }
    }

    static func cells(_ table: Table, _ column: Int) -> [String] {
        [table.columns[column].name] + table.rows.map { $0[column] }
    }

    /// The longest word of a column, in pt.
    static func longestWord(_ table: Table, _ column: Int) -> Double {
        cells(table, column).flatMap { $0.split(whereSeparator: \.isWhitespace) }.map { points(String($0)) }.max() ?? 0
    }

    /// The width of the `l` first column (0 when it wraps), separation included.
    static func fixedWidth(_ table: Table) -> Double {
        isWrapped(table, column: 0) ? 0 : (cells(table, 0).map(points).max() ?? 0) + columnSeparation
    }

    static func xColumns(_ table: Table) -> [Int] {
        Array(table.columns.indices.dropFirst(isWrapped(table, column: 0) ? 0 : 1))
    }

    /// Estimated least width of a group: the `l` first column at its longest
    /// cell, and each X column as wide as its longest word.
    static func width(_ table: Table) -> Double {
        fixedWidth(table) + xColumns(table).map { longestWord(table, $0) + columnSeparation }.reduce(0, +)
    }

    /// The \hsize factor of each X column (they sum to the number of X columns,
    /// as tabularx requires): every column gets its longest word, and the rest
    /// of the width goes in proportion to how much longer its longest cell is,
    /// so each column is at least as wide, relative to the others, as its longest word.
    /// Number columns first get their longest cell when all of them fit.
    static func xShares(_ table: Table) -> [Int: Double] {
        let columns = xColumns(table)
        guard !columns.isEmpty else { return [:] }
        let words = columns.map { longestWord(table, $0) }
        let natural = columns.map { cells(table, $0).map(points).max() ?? 0 }
        let room = textWidth - fixedWidth(table) - columnSeparation * Double(columns.count)
        // A number column ("5.656 ± 0.58 (cf 6.122)") gets its whole cell when
        // that fits, so that prose wraps before numbers do.
        let whole = zip(columns, zip(words, natural)).map { column, wn in
            table.columns[column].alignment == .right ? wn.1 : wn.0
        }
        let need = whole.reduce(0, +) <= room ? whole : words
        let available = max(need.reduce(0, +), room)
        let extra = zip(need, natural).map { max(0, $1 - $0) }
        let spare = available - need.reduce(0, +)
        let totalExtra = extra.reduce(0, +)
        let widths = zip(need, extra).map { n, e in n + (totalExtra > 0 ? spare * min(1, e / totalExtra) : spare / Double(columns.count)) }
        let sum = widths.reduce(0, +)
        var out: [Int: Double] = [:]
        for (index, column) in columns.enumerated() { out[column] = sum > 0 ? Double(columns.count) * widths[index] / sum : 1 }
        return out
    }

    /// Upper estimate of a text's width in pt at \small (9 pt Computer Modern,
    /// whose lowercase letters and digits average 4.6 pt): capitals and m, w
    /// 7.2 pt, i, l, punctuation 2.6 pt, other characters 4.9 pt.
    static func points(_ text: String) -> Double {
        text.reduce(0) { sum, c in
            if c.isUppercase || "mw@%&".contains(c) { return sum + 7.2 }
            if "il.,;:'!|()[]".contains(c) { return sum + 2.6 }
            return sum + 4.9
        }
    }

    static func markName(_ mark: Character) -> String {
        switch mark {
        case "\u{2021}": return "\\ddag"
        case "\u{00A7}": return "\\S"
        default: return "\\dag"
        }
    }

    /// A number cell: marks as \tnote, exponents as ×10ⁿ, the rest escaped.
    static func number(_ cell: String) -> String {
        cell.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            var text = String(word)
            var suffix = ""
            while let last = text.last, Table.marks.contains(last) {
                suffix = "\\tnote{\(markName(last))}" + suffix
                text.removeLast()
            }
            if let match = text.range(of: #"^-?[0-9]+(\.[0-9]+)?e[+-]?[0-9]+$"#, options: .regularExpression), match == text.startIndex..<text.endIndex,
               let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) {
                return "\\ensuremath{\(text[..<e])\\times 10^{\(exponent)}}" + suffix
            }
            return escape(text) + suffix
        }.joined(separator: " ")
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        var openQuote = true
        var previous: Character?
        for character in oneLine(text) {
            defer { previous = character }
            switch character {
            case "&", "%", "$", "#", "_", "{", "}": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "\\": out += "\\textbackslash{}"
            // Not special, but misprinted by the default OT1 font encoding.
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            // "--show" stays two hyphens, not an en dash.
            case "-": out += previous == "-" ? "{}-" : "-"
            case "\"":
                out += openQuote ? "``" : "''"
                openQuote.toggle()
            case "\u{201C}": out += "``"
            case "\u{201D}": out += "''"
            case "\u{2018}": out += "`"
            case "\u{2019}": out += "'"
            case "\u{2013}": out += "--"
            case "\u{2014}": out += "---"
            case "\u{00B1}": out += "\\ensuremath{\\pm}"
            case "\u{2020}": out += "\\dag{}"
            case "\u{2021}": out += "\\ddag{}"
            case "\u{00A7}": out += "\\S{}"
            case "\u{2264}": out += "\\ensuremath{\\le}"
            case "\u{2265}": out += "\\ensuremath{\\ge}"
            case "\u{00D7}": out += "\\ensuremath{\\times}"
            case "\u{00B5}", "\u{03BC}": out += "\\ensuremath{\\mu}"
            case "\u{2192}": out += "\\ensuremath{\\rightarrow}"
            case "\u{00A0}": out += "~"
            default:
                if character.isASCII { out.append(character) } else { out += escape(ASCIIText.transliterate(String(character))) }
            }
        }
        return out
    }

    static func oneLine(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
    }
}
