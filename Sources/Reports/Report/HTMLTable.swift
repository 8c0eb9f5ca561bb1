/// A `Table` as an HTML <table>: header cells from the columns, numbers right-aligned
/// (class "num"), the caption as <caption>, footnotes in a list after the table.
public enum HTMLTable {
    public static func render(_ table: Table, class cssClass: String? = nil) -> String {
        var s = "<table\(cssClass.map { " class=\"\($0)\"" } ?? "")>\n"
        if let caption = table.caption { s += "<caption>\(HTMLText.escape(caption))</caption>\n" }
        s += "<thead><tr>"
        for c in table.columns { s += "<th\(c.alignment == .right ? " class=\"num\"" : "")>\(HTMLText.escape(c.name))</th>" }
        s += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            s += "<tr>"
            for (c, cell) in zip(table.columns, row) {
                s += "<td\(c.alignment == .right ? " class=\"num\"" : "")>\(HTMLText.escape(cell))</td>"
            }
            s += "</tr>\n"
        }
        s += "</tbody>\n</table>\n"
        if !table.footnotes.isEmpty {
            s += "<ol class=\"notes\">\n"
            for n in table.footnotes { s += "<li>\(HTMLText.escape(n))</li>\n" }
            s += "</ol>\n"
        }
        return s
    }
}

/// Escaping for HTML text and attribute values.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
