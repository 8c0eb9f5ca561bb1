/// xml2rfc v3 `<table>` elements (RFC 7991 as updated by xml2rfc 3.x):
/// `<name>` from the caption, `anchor` from the label, `<thead>` with the
/// column labels, `<tbody>` with `align` per column, and the notes as `<t>`
/// paragraphs after the table. Paste it into a `<section>`.
///
/// A table whose columns cannot sit side by side in xml2rfc's 72-column text
/// rendering (each column costs its longest word plus 3 for the rules and
/// padding) is split into several `<table>`s by column groups, each repeating
/// the first column; a word too long for the page is split with `<br/>`. Text is transliterated to ASCII (`ASCIIText`), since
/// xml2rfc warns about non-ASCII characters outside `<u>`; `&`, `<`, `>` and
/// `"` are XML-escaped.
public enum XML2RFCRenderer {
    /// xml2rfc's text page is 72 columns and tables are indented by 3.
    static let textWidth = 69

    public static func render(_ table: Table) -> String {
        let groups = table.columnGroups { width($0) <= textWidth }
        var out = ""
        for (index, group) in groups.enumerated() {
            out += "<table" + (group.label.map { " anchor=\"\(anchor($0))\"" } ?? "") + ">\n"
            if let caption = group.caption { out += "  <name>\(text(caption))</name>\n" }
            out += "  <thead>\n    <tr>\n"
            for column in group.columns { out += "      <th align=\"\(align(column))\">\(text(column.name))</th>\n" }
            out += "    </tr>\n  </thead>\n  <tbody>\n"
            for row in group.rows {
                out += "    <tr>\n"
                let first = ([group.columns[0].name] + group.rows.map { $0[0] }).flatMap(TextGrid.words).map(\.count).max() ?? 1
                let limit = max(8, textWidth - 7 - first)
                for (column, cell) in row.enumerated() {
                    out += "      <td align=\"\(align(group.columns[column]))\">\(breaking(cell, limit: limit))</td>\n"
                }
                out += "    </tr>\n"
            }
            out += "  </tbody>\n</table>\n"
            if index == groups.count - 1 {
                for note in group.footnotes { out += "<t>\(text(note))</t>\n" }
            }
        }
        return out
    }

    /// Columns of longest words (headers and cells) plus 3 each, and the left rule.
    static func width(_ table: Table) -> Int {
        // xml2rfc breaks cells only between words: the longest word, uncapped.
        let first = (table.columns.first.map { [$0.name] + table.rows.map { $0[0] } } ?? []).flatMap(TextGrid.words).map(\.count).max() ?? 1
        let limit = max(8, textWidth - 7 - first)
        let minimum = table.columns.indices.map { column in
            min(column == 0 ? Int.max : limit, ([table.columns[column].name] + table.rows.map { $0[column] }).flatMap(TextGrid.words).map(\.count).max() ?? 1)
        }
        let (_, _, natural) = TextGrid.measures(table, width: textWidth)
        return zip(minimum, natural).map { max($0, min($1, TextGrid.packWidth)) + 3 }.reduce(1, +)
    }

    /// A cell's text with every word longer than `limit` split by `<br/>`
    /// (xml2rfc cannot break a word, and a column wider than the page is a warning).
    static func breaking(_ cell: String, limit: Int) -> String {
        TextGrid.words(ASCIIText.transliterate(cell)).map { word -> String in
            guard word.count > limit else { return text(word) }
            return stride(from: 0, to: word.count, by: limit).map { text(String(word.dropFirst($0).prefix(limit))) }.joined(separator: "<br/>")
        }.joined(separator: " ")
    }

    static func align(_ column: Table.Column) -> String { column.alignment == .right ? "right" : "left" }

    /// An XML name: letters, digits, '-', '_', '.', starting with a letter.
    static func anchor(_ label: String) -> String {
        let kept = String(ASCIIText.transliterate(label).map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
        return kept.first?.isLetter == true ? kept : "t-" + kept
    }

    static func text(_ raw: String) -> String {
        ASCIIText.transliterate(raw.split(whereSeparator: \.isNewline).joined(separator: " "))
            .replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
