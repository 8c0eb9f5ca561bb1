import Evaluation

/// The columns of a tidy file (csv and json of `dmm evaluate`, `dmm mobility`,
/// `dmm sweep` after its varied columns, docs/DATA.md): always scheme, metric,
/// unit, method, estimate; then only the columns the file's method fills:
///
/// - ci_low, ci_high, samples when it has Monte Carlo rows;
/// - handoffs when it has Monte Carlo latency percentiles (their order statistics' n);
/// - exactness ("exact" or "approximate") when it has closed-form rows.
///
/// Why not always every column: a column empty in every row is read as text by
/// polars and duckdb (they infer a type from the values they see, and there are
/// none), so a closed-form file with empty ci_low would load ci_low as a string.
/// A column that is present is filled in the first rows of its file
/// (`rowsByScheme` puts a scheme's Monte Carlo rows right after its closed-form
/// ones), so every reader types it from values. The layout depends only on the
/// command's options, never on the numbers, so every shard of a sweep and every
/// point has the same header.
public struct TidyLayout: Sendable, Equatable {
    /// Closed-form rows: the exactness column.
    public var closedForm: Bool
    /// Monte Carlo rows: ci_low, ci_high, samples.
    public var monteCarlo: Bool
    /// Monte Carlo latency percentiles among the rows: handoffs.
    public var percentiles: Bool

    public init(closedForm: Bool, monteCarlo: Bool, percentiles: Bool) {
        self.closedForm = closedForm
        self.monteCarlo = monteCarlo
        self.percentiles = monteCarlo && percentiles
    }

    /// The layout of a `--method` over `metrics` (nil: every metric of the catalogue).
    public init(method: MethodChoice, metrics: [MetricKey]? = nil) {
        self.init(method: method, metricIDs: metrics?.map(\.id))
    }

    /// The layout of a `--method` over metric ids (nil: every metric of the catalogue).
    public init(method: MethodChoice, metricIDs: [String]?) {
        let quantiles = Set(Metric.latencyQuantiles.map(\.id))
        self.init(
            closedForm: method.includesClosedForm, monteCarlo: method.includesMonteCarlo,
            percentiles: metricIDs.map { $0.contains { quantiles.contains($0) } } ?? true)
    }

    /// The column names, in order.
    public var columns: [String] {
        var names = ["scheme", "metric", "unit", "method", "estimate"]
        if monteCarlo { names += ["ci_low", "ci_high", "samples"] }
        if percentiles { names.append("handoffs") }
        if closedForm { names.append("exactness") }
        return names
    }

    /// Whether a column holds numbers (right-aligned; a JSON number or null).
    public static func isNumeric(_ column: String) -> Bool {
        ["estimate", "ci_low", "ci_high", "samples", "handoffs"].contains(column)
    }

    /// The cells of one row in `columns` order, numbers at full precision and
    /// always with a decimal point or an exponent for the real-valued ones
    /// (`TidyNumber.real`); `exactness` is "exact" or "approximate" for a
    /// closed-form row and empty for a Monte Carlo row.
    /// - Throws: `TidyNumber.NonFinite` for a NaN or an infinity.
    public func cells(_ r: MetricEstimate, approximate: Bool) throws -> [String] {
        func real(_ x: Double?, _ field: String) throws -> String {
            guard let x else { return "" }
            return try TidyNumber.real(x, scheme: r.scheme, metric: r.metric, field: field)
        }
        var out = [r.scheme, r.metric, r.unit, r.method.rawValue, try real(r.estimate, "estimate")]
        if monteCarlo {
            out += [try real(r.ciLow, "ci_low"), try real(r.ciHigh, "ci_high"), r.samples.map(String.init) ?? ""]
        }
        if percentiles { out.append(r.handoffs.map(String.init) ?? "") }
        if closedForm { out.append(r.method == .closedForm ? (approximate ? "approximate" : "exact") : "") }
        return out
    }

    /// An empty table with these columns (numbers right-aligned).
    public func table() -> Table {
        Table(columns: columns.map { Table.Column($0, alignment: Self.isNumeric($0) ? .right : .left) })
    }
}
