import Evaluation
import Foundation

/// The tidy sweep CSV (docs/DATA.md): one column per varied path, named by the
/// path, then the tidy columns of the sweep's `TidyLayout` (scheme, metric,
/// unit, method, estimate, and ci_low, ci_high, samples, handoffs, exactness
/// as the method fills them). RFC 4180 with CRLF (`CSVRenderer`). Real numbers
/// and numeric varied values always carry a decimal point or an exponent
/// (`TidyNumber`), so dataframe readers type every column from its first rows.
public enum SweepCSV {
    /// A row-level error: a NaN or infinity reached the output.
    public typealias NonFiniteValue = TidyNumber.NonFinite

    public static func columns(paths: [String], layout: TidyLayout) -> [String] { paths + layout.columns }

    public static func header(paths: [String], layout: TidyLayout) -> String {
        CSVRenderer.line(columns(paths: paths, layout: layout))
    }

    /// All rows of one point, as one string (written with one write call);
    /// `approximate` says whether a closed-form (scheme, metric) is an approximation.
    public static func rows(
        values: [String], estimates: [MetricEstimate], layout: TidyLayout,
        approximate: (_ scheme: String, _ metric: String) -> Bool = { _, _ in false }
    ) throws -> String {
        var formatter = RowFormatter(layout: layout)
        return try formatter.rows(values: values, estimates: estimates, approximate: approximate)
    }

    /// Formats rows, remembering the "scheme,metric,unit,method," middle of
    /// each row position: consecutive points repeat them, and rebuilding
    /// them was most of the cost of a closed-form sweep. A value: each
    /// worker keeps its own copy.
    public struct RowFormatter: Sendable {
        struct Middle {
            var scheme: String, metric: String, unit: String, method: EvaluationMethod
            var text: String
        }
        var middles: [Middle] = []
        let layout: TidyLayout

        public init(layout: TidyLayout) { self.layout = layout }

        public mutating func rows(
            values: [String], estimates: [MetricEstimate],
            approximate: (_ scheme: String, _ metric: String) -> Bool = { _, _ in false }
        ) throws -> String {
            var out = ""
            out.reserveCapacity(estimates.count * (64 + 16 * values.count))
            let prefix = values.map { field(TidyNumber.decimal($0)) + "," }.joined()
            for (j, e) in estimates.enumerated() {
                out += prefix
                out += middle(j, e)
                try number(e.estimate, e, "estimate", to: &out)
                if layout.monteCarlo {
                    out += ","
                    if let low = e.ciLow { try number(low, e, "ci_low", to: &out) }
                    out += ","
                    if let high = e.ciHigh { try number(high, e, "ci_high", to: &out) }
                    out += ","
                    if let samples = e.samples { out += String(samples) }
                }
                if layout.percentiles {
                    out += ","
                    if let handoffs = e.handoffs { out += String(handoffs) }
                }
                if layout.closedForm {
                    out += ","
                    if e.method == .closedForm { out += approximate(e.scheme, e.metric) ? "approximate" : "exact" }
                }
                out += "\r\n"
            }
            return out
        }

        @inline(__always)
        mutating func middle(_ j: Int, _ e: MetricEstimate) -> String {
            if j < middles.count {
                let m = middles[j]
                if m.scheme == e.scheme, m.metric == e.metric, m.unit == e.unit, m.method == e.method { return m.text }
            }
            let text = field(e.scheme) + "," + field(e.metric) + "," + field(e.unit) + "," + e.method.rawValue + ","
            let m = Middle(scheme: e.scheme, metric: e.metric, unit: e.unit, method: e.method, text: text)
            if j < middles.count { middles[j] = m } else if j == middles.count { middles.append(m) }
            return text
        }
    }

    /// `CSVRenderer.escape` behind a byte scan: most fields need no quoting,
    /// and scanning UTF-8 bytes is far cheaper than scanning Characters.
    @inline(__always)
    static func field(_ text: String) -> String {
        text.utf8.contains { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 } ? CSVRenderer.escape(text) : text
    }

    @inline(__always)
    static func number(_ x: Double, _ e: MetricEstimate, _ field: String, to out: inout String) throws {
        try TidyNumber.appendReal(x, to: &out, scheme: e.scheme, metric: e.metric, field: field)
    }

    /// Splits RFC 4180 text into records of fields (quoted fields may hold
    /// commas, doubled quotes and line breaks). Accepts CRLF or LF.
    public static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        var fieldStarted = false
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let d = iterator.next() {
                        if d == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = d }
                    } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: quoted = true; fieldStarted = true
            case ",": record.append(field); field = ""; fieldStarted = true
            case "\r": continue
            case "\n":
                record.append(field)
                records.append(record)
                record = []; field = ""; fieldStarted = false
            default: field.unicodeScalars.append(c); fieldStarted = true
            }
        }
        if fieldStarted || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
