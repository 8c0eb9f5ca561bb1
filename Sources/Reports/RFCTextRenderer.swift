/// Plain ASCII text for Internet-Drafts: no line longer than 72 columns,
/// "Table N: caption" centered below the table, then numbered notes.
///
/// Layout: a 3-space indent and 2-space gutters, headers underlined with
/// dashes; cells wrap on word boundaries (never inside a word): every column
/// is at least as wide as its longest word, and the rest of the width goes
/// first where it saves wrapped lines (see `grid(names:rows:alignments:margin:)`).
/// When a multi-line row occurs, rows are separated by a blank line. If even
/// the longest words do not fit side by side (wide tables such as
/// `dmm table --extended`), each row becomes a block of "Column: value" lines.
/// Only there, a single word longer than the block's text width (63) is split.
/// Non-ASCII text is transliterated (`ASCIIText`).
public enum RFCTextRenderer {
    public static let pageWidth = 72
    static let indent = 3
    static let gutter = 2

    public static func render(_ table: Table) -> String {
        let names = table.columns.map { ASCIIText.transliterate($0.name) }
        let rows = table.rows.map { $0.map(ASCIIText.transliterate) }
        var out = grid(names: names, rows: rows, alignments: table.columns.map(\.alignment))
            ?? records(names: names, rows: rows)
        if let caption = table.captionLine {
            out += "\n"
            // Long words (an absolute --scenario path) are broken: a line wider
            // than the page would have no room to centre.
            for line in wrap(ASCIIText.transliterate(caption), width: pageWidth - 2 * indent, breakLongWords: true) {
                out += String(repeating: " ", count: (pageWidth - line.count) / 2) + line + "\n"
            }
        }
        for (index, note) in table.footnotes.enumerated() {
            let label = "[\(index + 1)] "
            let hanging = String(repeating: " ", count: indent + label.count)
            let lines = wrap(ASCIIText.transliterate(note), width: pageWidth - hanging.count, breakLongWords: true)
            out += "\n"
            for (number, line) in lines.enumerated() {
                out += (number == 0 ? String(repeating: " ", count: indent) + label : hanging) + line + "\n"
            }
        }
        return out
    }

    /// The grid layout, or nil when the columns' longest words do not fit in
    /// 72 columns even without the indent. With the indent and without it,
    /// whichever gives fewer lines wins (the indent on a tie).
    static func grid(names: [String], rows: [[String]], alignments: [Table.Alignment]) -> String? {
        guard !names.isEmpty else { return "" }
        let candidates = [indent, 0].compactMap { grid(names: names, rows: rows, alignments: alignments, margin: $0) }
        guard let best = candidates.min(by: { $0.count < $1.count }) else { return nil }
        return best.joined(separator: "\n") + "\n"
    }

    /// Width rule: every column starts at its longest word; spare width first
    /// goes to the columns whose body cells then fit on one line (cheapest
    /// first), then to headers the same way, then to the column with the most
    /// text still wrapped.
    static func grid(names: [String], rows: [[String]], alignments: [Table.Alignment], margin: Int) -> [String]? {
        let count = names.count
        let columns = (0..<count).map { column in [names[column]] + rows.map { $0[column] } }
        func longestLine(_ cells: [String]) -> Int {
            max(1, cells.flatMap { $0.split(whereSeparator: \.isNewline) }.map { words(String($0)).joined(separator: " ").count }.max() ?? 1)
        }
        let minimum = columns.map { cells in max(1, cells.flatMap(words).map(\.count).max() ?? 1) }
        let bodyNatural = columns.map { longestLine(Array($0.dropFirst())) }
        let natural = columns.map(longestLine)
        let available = pageWidth - margin - gutter * (count - 1)
        guard minimum.reduce(0, +) <= available else { return nil }
        var widths = minimum
        var spare = available - widths.reduce(0, +)
        for target in [bodyNatural, natural] {
            while true {
                let costs = (0..<count).map { target[$0] - widths[$0] }
                guard let cheapest = costs.filter({ $0 > 0 && $0 <= spare }).min(),
                      let column = costs.firstIndex(of: cheapest) else { break }
                widths[column] += cheapest
                spare -= cheapest
            }
        }
        while spare > 0 {
            let deficits = (0..<count).map { natural[$0] - widths[$0] }
            guard let most = deficits.max(), most > 0, let column = deficits.firstIndex(of: most) else { break }
            widths[column] += 1
            spare -= 1
        }
        let pad = String(repeating: " ", count: margin)
        func block(_ cells: [String], right: [Bool]) -> [String] {
            let wrapped = cells.enumerated().map { column, cell in wrapCell(cell, width: widths[column]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                let parts = (0..<count).map { column -> String in
                    let text = line < wrapped[column].count ? wrapped[column][line] : ""
                    let fill = String(repeating: " ", count: widths[column] - text.count)
                    return right[column] ? fill + text : text + fill
                }
                return trimTrailing(pad + parts.joined(separator: String(repeating: " ", count: gutter)))
            }
        }
        var lines = block(names, right: Array(repeating: false, count: count))
        lines.append(pad + widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: gutter)))
        let bodies = rows.map { block($0, right: alignments.map { $0 == .right }) }
        let separate = bodies.contains { $0.count > 1 }
        for (index, body) in bodies.enumerated() {
            if separate && index > 0 { lines.append("") }
            lines += body
        }
        return lines
    }

    /// One block a row: the first cell as a heading, then "Column: value" lines.
    static func records(names: [String], rows: [[String]]) -> String {
        let lead = String(repeating: " ", count: indent)
        let field = String(repeating: " ", count: 2 * indent)
        let continuation = String(repeating: " ", count: 3 * indent)
        var blocks: [String] = []
        for row in rows {
            var lines = wrap(row.first ?? "", width: pageWidth - indent, breakLongWords: true).map { lead + $0 }
            for column in names.indices.dropFirst() {
                let text = names[column] + ": " + row[column].split(whereSeparator: \.isNewline).joined(separator: " ")
                let wrapped = wrap(text, width: pageWidth - continuation.count, breakLongWords: true)
                for (number, line) in wrapped.enumerated() {
                    lines.append(trimTrailing((number == 0 ? field : continuation) + line))
                }
            }
            blocks.append(lines.joined(separator: "\n") + "\n")
        }
        return blocks.joined(separator: "\n")
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0.isNewline || $0 == "\t" }).map(String.init)
    }

    /// A cell's lines: each of its own lines wrapped to `width`.
    static func wrapCell(_ cell: String, width: Int) -> [String] {
        let lines = cell.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .flatMap { wrap(String($0), width: width) }
        return lines.isEmpty ? [""] : lines
    }

    /// Greedy word wrap; a word longer than `width` stays whole on its own line
    /// unless `breakLongWords` (then it is split into `width`-character pieces).
    static func wrap(_ text: String, width: Int, breakLongWords: Bool = false) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in words(text) {
            var pieces = [word]
            if breakLongWords && word.count > width {
                pieces = stride(from: 0, to: word.count, by: width).map {
                    String(word.dropFirst($0).prefix(width))
                }
            }
            for piece in pieces {
                if current.isEmpty {
                    current = piece
                } else if current.count + 1 + piece.count <= width {
                    current += " " + piece
                } else {
                    lines.append(current)
                    current = piece
                }
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    static func trimTrailing(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
