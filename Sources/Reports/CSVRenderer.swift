/// RFC 4180 CSV: a header line of column ids (`Table.Column.id`), CRLF line breaks, and a field quoted (with
/// embedded quotes doubled) when it holds a comma, a quote, a CR or an LF.
public enum CSVRenderer {
    public static func render(_ table: Table) -> String {
        var out = line(table.columns.map(\.id))
        for row in table.rows { out += line(row) }
        return out
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }

    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
