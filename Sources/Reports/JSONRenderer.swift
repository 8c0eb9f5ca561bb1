/// An array of objects, one a row, keyed by the column ids (the csv's
/// header, so csv and json keys are identical), keys in column order, one
/// object a line.
///
/// Types: a cell of a right-aligned (numeric) column is written as a JSON
/// number when it is one by JSON's grammar (`-12`, `0.5`, `1e-3`), as `null`
/// when empty, and as a string otherwise; cells of text columns are always
/// strings. So a key has one type in every row. Strings escape `"` `\` and
/// control characters; other characters pass through as UTF-8.
public enum JSONRenderer {
    public static func render(_ table: Table) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let keys = table.columns.map { quote($0.id) }
        let objects = table.rows.map { row in
            "  {" + row.enumerated().map { column, cell in
                keys[column] + ": " + value(cell, numeric: table.columns[column].alignment == .right)
            }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func value(_ cell: String, numeric: Bool) -> String {
        guard numeric else { return quote(cell) }
        if cell.isEmpty { return "null" }
        return isJSONNumber(cell) ? cell : quote(cell)
    }

    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// RFC 8259 section 6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    public static func isJSONNumber(_ text: String) -> Bool {
        var chars = Array(text.utf8)[...]
        func digits() -> Int {
            var count = 0
            while let c = chars.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { chars.removeFirst(); count += 1 }
            return count
        }
        if chars.first == UInt8(ascii: "-") { chars.removeFirst() }
        if chars.first == UInt8(ascii: "0") {
            chars.removeFirst()
        } else if digits() == 0 {
            return false
        }
        if chars.first == UInt8(ascii: ".") {
            chars.removeFirst()
            if digits() == 0 { return false }
        }
        if let c = chars.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            chars.removeFirst()
            if let sign = chars.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { chars.removeFirst() }
            if digits() == 0 { return false }
        }
        return chars.isEmpty
    }
}
