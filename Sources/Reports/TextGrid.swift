/// Aligned plain-text tables that fit a width: the rfc artwork and the
/// terminal view of every command.
///
/// Layout: 2-space gutters, headers underlined with dashes; cells wrap on word
/// boundaries: every column is at least as wide as its longest word (a word
/// longer than a third of the width is split), and the rest of the width goes
/// first where it saves wrapped lines. When a multi-line row occurs, rows are
/// separated by a blank line. A table whose columns do not fit side by side is
/// split into column groups, each repeating the first column (never into
/// key/value records). With `ascii`, text is transliterated (`ASCIIText`).
public enum TextGrid {
    static let gutter = 2
    /// Columns narrower than this keep their natural width when packing groups;
    /// wider prose is packed at this width (it wraps).
    static let packWidth = 16

    /// The caption (when `caption`) above, the column groups separated by a
    /// blank line, then the notes with a hanging indent.
    public static func render(_ table: Table, width: Int, ascii: Bool, caption: Bool) -> String {
        let width = max(width, 20)
        func text(_ raw: String) -> String { ascii ? ASCIIText.transliterate(raw) : raw }
        var source = table
        source.columns = table.columns.map { Table.Column(text($0.name), id: $0.id, alignment: $0.alignment) }
        source.rows = table.rows.map { $0.map(text) }
        var out = ""
        if caption, let title = table.caption {
            out += wrap(text(title), width: width, breakLongWords: true).joined(separator: "\n") + "\n\n"
        }
        let groups = source.columnGroups { packedWidth($0, width: width) <= width }
        out += groups.map { grid($0, width: width).joined(separator: "\n") + "\n" }.joined(separator: "\n")
        for note in table.footnotes {
            let lines = wrap(text(note), width: width - 2, breakLongWords: true)
            out += "\n"
            for (number, line) in lines.enumerated() { out += (number == 0 ? "" : "  ") + line + "\n" }
        }
        return out
    }

    /// The width a group needs when prose columns wrap at `packWidth`.
    static func packedWidth(_ table: Table, width: Int) -> Int {
        let (minimum, _, natural) = measures(table, width: width)
        return zip(minimum, natural).map { max($0, min($1, packWidth)) }.reduce(0, +) + gutter * (table.columns.count - 1)
    }

    /// Longest word (capped), longest body line and longest line of each column.
    static func measures(_ table: Table, width: Int) -> ([Int], [Int], [Int]) {
        let cap = max(8, width / 3)
        let columns = table.columns.indices.map { column in [table.columns[column].name] + table.rows.map { $0[column] } }
        func longestLine(_ cells: [String]) -> Int {
            max(1, cells.flatMap { $0.split(whereSeparator: \.isNewline) }.map { words(String($0)).joined(separator: " ").count }.max() ?? 1)
        }
        let minimum = columns.map { cells in min(cap, max(1, cells.flatMap(words).map(\.count).max() ?? 1)) }
        return (minimum, columns.map { longestLine(Array($0.dropFirst())) }, columns.map(longestLine))
    }

    /// Width rule: every column starts at its longest word; spare width first
    /// goes to the columns whose body cells then fit on one line (cheapest
    /// first), then to headers the same way, then to the column with the most
    /// text still wrapped. Lines never exceed `width`.
    static func grid(_ table: Table, width: Int) -> [String] {
        let count = table.columns.count
        guard count > 0 else { return [] }
        let (minimum, bodyNatural, natural) = measures(table, width: width)
        let available = width - gutter * (count - 1)
        var widths = minimum
        // A group of one column beyond the first may still be too wide: shrink the widest.
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 1 {
            widths[widest] -= 1
        }
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
        func block(_ cells: [String], right: [Bool]) -> [String] {
            let wrapped = cells.enumerated().map { column, cell in wrapCell(cell, width: widths[column]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                let parts = (0..<count).map { column -> String in
                    let text = line < wrapped[column].count ? wrapped[column][line] : ""
                    let fill = String(repeating: " ", count: max(0, widths[column] - text.count))
                    return right[column] ? fill + text : text + fill
                }
                return trimTrailing(parts.joined(separator: String(repeating: " ", count: gutter)))
            }
        }
        var lines = block(table.columns.map(\.name), right: Array(repeating: false, count: count))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: gutter)))
        let bodies = table.rows.map { block($0, right: table.columns.map { $0.alignment == .right }) }
        let separate = bodies.contains { $0.count > 1 }
        for (index, body) in bodies.enumerated() {
            if separate && index > 0 { lines.append("") }
            lines += body
        }
        return lines
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0.isNewline || $0 == "\t" }).map(String.init)
    }

    /// A cell's lines: each of its own lines wrapped to `width`, over-long words split.
    static func wrapCell(_ cell: String, width: Int) -> [String] {
        let lines = cell.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .flatMap { wrap(String($0), width: width, breakLongWords: true) }
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
