import Evaluation
import Foundation
import Schemes

/// Tables of metric estimates: wide (a row per scheme, a column per metric,
/// units in the header) for markdown, latex and rfc; tidy (one estimate a row,
/// `MetricEstimate.columns`) for csv and json.
public enum MetricTables {
    /// The metrics of the wide table and of `dmm table --extended`, in order.
    public static let wideMetrics = [
        "signaling_cost", "signaling_cost.handoff", "signaling_cost.refresh", "signaling_cost.session_setup",
        "signaling_cost.overhead", "signaling_rate", "handoff_latency", "handoff_latency_new_session", "path_stretch",
        "tunnelled_fraction", "tunnel_overhead", "blast_radius", "unreachable_mns", "outage", "failure_probability",
        "disruption",
    ]

    /// The headline metrics `dmm table --extended` appends.
    public static let extendedMetrics = [
        "signaling_cost", "signaling_rate", "handoff_latency", "path_stretch", "tunnelled_fraction", "blast_radius",
        "outage", "disruption",
    ]

    /// Column header: metric and unit, e.g. "handoff_latency_ms".
    public static func header(_ metric: String, unit: String) -> String { "\(metric)_\(unit)" }

    /// Units of the metrics, as `SchemeMetrics` writes them.
    static func units(_ rows: [MetricEstimate]) -> [String: String] {
        var units: [String: String] = [:]
        for r in rows { units[r.metric] = r.unit }
        return units
    }

    /// A row per scheme (in first-seen order), a column per metric in `metrics`
    /// that at least one scheme has; a scheme without a metric gets an empty cell.
    public static func wide(_ rows: [MetricEstimate], metrics: [String] = wideMetrics, caption: String? = nil,
                            footnotes: [String] = []) -> Table {
        let units = units(rows)
        let present = metrics.filter { units[$0] != nil }
        var schemes: [String] = []
        var values: [String: [String: MetricEstimate]] = [:]
        for r in rows {
            if values[r.scheme] == nil { schemes.append(r.scheme) }
            values[r.scheme, default: [:]][r.metric] = r
        }
        var table = Table(
            columns: [Table.Column("scheme")] + present.map { Table.Column(header($0, unit: units[$0]!), alignment: .right) },
            caption: caption, footnotes: footnotes)
        for s in schemes {
            table.append([s] + present.map { m in values[s]?[m].map { cell($0.estimate) } ?? "" })
        }
        return table
    }

    /// One estimate a row with `MetricEstimate.columns`; numbers at full precision.
    public static func tidy(_ rows: [MetricEstimate]) -> Table {
        var table = Table(
            columns: MetricEstimate.columns.enumerated().map { Table.Column($1, alignment: $0 >= 4 ? .right : .left) })
        for r in rows {
            table.append([
                r.scheme, r.metric, r.unit, r.method.rawValue, exact(r.estimate), r.ciLow.map(exact) ?? "",
                r.ciHigh.map(exact) ?? "", r.samples.map(String.init) ?? "",
            ])
        }
        return table
    }

    /// Four significant digits without exponent between 1e-3 and 1e6, else d.ddde±x.
    public static func cell(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == 0 { return "0" }
        let a = abs(x)
        if a >= 1e6 || a < 1e-3 { return String(format: "%.3e", x) }
        let decimals = max(0, 3 - Int(floor(log10(a))))
        return String(format: "%.\(decimals)f", x)
    }

    /// Shortest text that reads back as the same Double (csv, json).
    public static func exact(_ x: Double) -> String { x.isFinite ? "\(x)" : "" }
}
