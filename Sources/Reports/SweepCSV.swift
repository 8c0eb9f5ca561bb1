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
    /// them was most of the cost of a closed-form sweep. Rows are built as
    /// UTF-8 bytes (what the file, its SHA-256 and the write take), so no
    /// String grows cell by cell. A value: each worker keeps its own copy.
    public struct RowFormatter: Sendable {
        struct Middle {
            var scheme: String, metric: String, unit: String, method: EvaluationMethod
            var bytes: [UInt8]
        }
        var middles: [Middle] = []
        let layout: TidyLayout

        public init(layout: TidyLayout) { self.layout = layout }

        public mutating func rows(
            values: [String], estimates: [MetricEstimate],
            approximate: (_ scheme: String, _ metric: String) -> Bool = { _, _ in false }
        ) throws -> String {
            String(decoding: try rowBytes(values: values, estimates: estimates, approximate: approximate), as: UTF8.self)
        }

        /// `rows` as UTF-8 bytes.
        public mutating func rowBytes(
            values: [String], estimates: [MetricEstimate],
            approximate: (_ scheme: String, _ metric: String) -> Bool = { _, _ in false }
        ) throws -> [UInt8] {
            var out = ByteSink()
            out.bytes.reserveCapacity(estimates.count * (64 + 16 * values.count))
            var prefix: [UInt8] = []
            for value in values {
                prefix.append(contentsOf: field(TidyNumber.decimal(value)).utf8)
                prefix.append(44)
            }
            for (j, e) in estimates.enumerated() {
                out.bytes.append(contentsOf: prefix)
                appendMiddle(j, e, to: &out.bytes)
                try number(e.estimate, e, "estimate", to: &out)
                if layout.monteCarlo {
                    out.bytes.append(44)
                    if let low = e.ciLow { try number(low, e, "ci_low", to: &out) }
                    out.bytes.append(44)
                    if let high = e.ciHigh { try number(high, e, "ci_high", to: &out) }
                    out.bytes.append(44)
                    if let samples = e.samples { out.bytes.append(contentsOf: String(samples).utf8) }
                }
                if layout.percentiles {
                    out.bytes.append(44)
                    if let handoffs = e.handoffs { out.bytes.append(contentsOf: String(handoffs).utf8) }
                }
                if layout.closedForm {
                    out.bytes.append(44)
                    if e.method == .closedForm {
                        out.bytes.append(contentsOf: approximate(e.scheme, e.metric) ? Self.approximateBytes : Self.exactBytes)
                    }
                }
                out.bytes.append(13)
                out.bytes.append(10)
            }
            return out.bytes
        }

        static let exactBytes = Array("exact".utf8), approximateBytes = Array("approximate".utf8)

        @inline(__always)
        mutating func appendMiddle(_ j: Int, _ e: MetricEstimate, to out: inout [UInt8]) {
            if j < middles.count {
                let m = middles[j]
                if m.scheme == e.scheme, m.metric == e.metric, m.unit == e.unit, m.method == e.method {
                    out.append(contentsOf: m.bytes)
                    return
                }
            }
            let text = field(e.scheme) + "," + field(e.metric) + "," + field(e.unit) + "," + e.method.rawValue + ","
            let m = Middle(scheme: e.scheme, metric: e.metric, unit: e.unit, method: e.method, bytes: Array(text.utf8))
            if j < middles.count { middles[j] = m } else if j == middles.count { middles.append(m) }
            out.append(contentsOf: m.bytes)
        }
    }

    /// Bytes that `Double.write(to:)` appends to: the standard library hands a
    /// number's ASCII digits to `_writeASCII` (a `TextOutputStream` requirement
    /// with a default), so no String is built per number; were it not called,
    /// the default passes the same text to `write`.
    struct ByteSink: TextOutputStream {
        var bytes: [UInt8] = []
        mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }

    /// `CSVRenderer.escape` behind a byte scan: most fields need no quoting,
    /// and scanning UTF-8 bytes is far cheaper than scanning Characters.
    @inline(__always)
    static func field(_ text: String) -> String {
        text.utf8.contains { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 } ? CSVRenderer.escape(text) : text
    }

    @inline(__always)
    static func number(_ x: Double, _ e: MetricEstimate, _ field: String, to out: inout some TextOutputStream) throws {
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
