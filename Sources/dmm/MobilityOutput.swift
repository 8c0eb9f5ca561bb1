import Foundation
import Reports

/// Output helpers of `dmm mobility`: number formatting and the markdown and
/// json renderings of a `Table`. Private to the mobility commands until the
/// shared Reports renderers land (the lead switches them at merge).
enum MobilityOutput {
    /// Output formats the mobility commands offer.
    enum Format: String, CaseIterable {
        case csv, json, markdown
    }

    /// Seven significant digits (%.7g); never prints NaN or infinity.
    static func number(_ x: Double) -> String {
        precondition(x.isFinite, "non-finite number reached the output")
        if x == 0 { return "0" }
        return String(format: "%.7g", x)
    }

    static func render(_ table: Table, as format: Format) -> String {
        switch format {
        case .csv: return CSVRenderer.render(table)
        case .json: return json(table)
        case .markdown: return markdown(table)
        }
    }

    /// Pipe table: text left, numbers right; caption above and footnotes below.
    static func markdown(_ table: Table) -> String {
        var out = ""
        if let caption = table.caption { out += caption + "\n\n" }
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        out += "| " + table.columns.map { escape($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.alignment == .right ? "---:" : ":---" }.joined(separator: "|") + "|\n"
        for row in table.rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        if !table.footnotes.isEmpty { out += "\n" + table.footnotes.map { "- " + $0 }.joined(separator: "\n") + "\n" }
        return out
    }

    /// An array of objects with the csv's keys: numbers as numbers, empty cells as null.
    static func json(_ table: Table) -> String {
        func string(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
                }
            }
            return out + "\""
        }
        func value(_ cell: String, _ column: Table.Column) -> String {
            if cell.isEmpty { return "null" }
            if column.alignment == .right, let d = Double(cell), d.isFinite {
                // JSON numbers need a leading digit and no bare exponent sign quirks: normalise.
                return cell.hasPrefix(".") ? "0" + cell : (cell.hasPrefix("-.") ? "-0" + cell.dropFirst() : cell)
            }
            return string(cell)
        }
        let objects = table.rows.map { row in
            "  {" + zip(table.columns, row).map { string($0.name) + ": " + value($1, $0) }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "" : "\n") + "]\n"
    }
}
