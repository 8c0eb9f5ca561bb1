/// A GitHub-flavoured pipe table: columns padded to a common width, text
/// columns left-aligned and number columns right-aligned (`:--` / `--:`), then
/// the caption and the notes as paragraphs below (a note that explains a mark
/// starts with it; the others are general notes).
///
/// In cells `|` becomes `\\|` and a line break becomes `<br>` (a pipe-table
/// cell is one line); in cells, caption and notes `<` and `>` become `&lt;` and
/// `&gt;`, so text such as `blast_radius.<element>` is not read as an HTML tag.
public enum MarkdownRenderer {
    public static func render(_ table: Table) -> String {
        let header = table.columns.map { escape($0.name) }
        let body = table.rows.map { $0.map(escape) }
        let widths = table.columns.indices.map { column in
            max(3, ([header[column]] + body.map { $0[column] }).map(\.count).max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                pad(cell, to: widths[column], right: table.columns[column].alignment == .right)
            }
            return "| " + padded.joined(separator: " | ") + " |\n"
        }
        var out = line(header)
        let rules = table.columns.enumerated().map { column, spec in
            spec.alignment == .right
                ? String(repeating: "-", count: widths[column] - 1) + ":"
                : ":" + String(repeating: "-", count: widths[column] - 1)
        }
        out += "| " + rules.joined(separator: " | ") + " |\n"
        for row in body { out += line(row) }
        if let caption = table.caption { out += "\n" + escapeText(caption) + "\n" }
        for note in table.footnotes {
            out += "\n" + (note.first.map(Table.marks.contains) == true ? "" : "Note: ") + escapeText(note) + "\n"
        }
        return out
    }

    static func escape(_ cell: String) -> String {
        html(cell).replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\r", with: "<br>")
    }

    /// Captions and notes are paragraphs: only line breaks are folded.
    static func escapeText(_ text: String) -> String {
        html(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func pad(_ text: String, to width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
