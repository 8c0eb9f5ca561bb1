import Evaluation

/// The table `dmm evaluate` prints for an `EvaluationResult`: tidy rows (scheme
/// by scheme, `MetricTables.tidy`) for csv and json, the wide table
/// (`MetricTables.wide`) with its caption and footnotes for markdown, latex and rfc.
public enum EvaluationTables {
    /// - Parameter scenarioName: the scenario as the user named it (`--scenario`), for the caption.
    /// - Throws: what `ClosedFormAccuracy` throws while listing the approximations.
    /// - Parameter metrics: the metrics kept (csv, json: rows; others: columns), nil
    ///   for all of them (`MetricTables.wideMetrics` in the wide table).
    public static func table(
        _ result: EvaluationResult, format: OutputFormat, scenarioName: String, metrics: [MetricKey]? = nil
    ) throws -> Table {
        switch format {
        case .csv, .json:
            let approximations = try result.approximations()
            let kept = metrics.map { Set($0.map(\.id)) }
            let layout = TidyLayout(method: result.request.method, metrics: metrics)
            return MetricTables.tidy(result.rowsByScheme.filter { kept?.contains($0.metric) ?? true }, layout: layout) {
                scheme, metric in approximations[scheme]?.contains(metric) ?? false
            }
        case .markdown, .latex, .rfc, .xml2rfc:
            return try wide(result, scenarioName: scenarioName, metrics: metrics ?? MetricTables.wideMetrics)
        }
    }

    /// A row per scheme, a column per metric; with `both`, approximations get ‡
    /// outside their interval and exact closed forms † beyond the bug-signal bound.
    public static func wide(
        _ result: EvaluationResult, scenarioName: String, metrics: [MetricKey] = MetricTables.wideMetrics
    ) throws -> Table {
        let approximations = try result.approximations()
        var notes = [
            "Per-element failure figures (\(MetricKey.perElementPattern)) are in the csv and json output."
        ]
        if let reasons = try result.approximationReasons() { notes.append(exactnessNote(reasons)) }
        return MetricTables.wide(
            result.rows, metrics: metrics, caption: caption(result.request, scenarioName: scenarioName), footnotes: notes,
            approximate: { scheme, metric in approximations[scheme]?.contains(metric) ?? false })
    }

    /// Says the method, and for the Monte Carlo its size and seed.
    public static func caption(_ request: EvaluationRequest, scenarioName: String) -> String {
        switch request.method {
        case .closedForm: return "Closed-form metrics per MN, scenario \(scenarioName)."
        case .monteCarlo:
            return "Monte Carlo metrics per MN (estimate \u{00B1} 95 % half-width; \(request.samples) handoffs, seed \(request.seed)), scenario \(scenarioName)."
        case .both:
            return "Metrics per MN: closed form (MC Monte Carlo estimate \u{00B1} 95 % half-width; \(request.samples) handoffs, seed \(request.seed)), scenario \(scenarioName)."
        }
    }

    /// The footnote saying which closed forms are approximations, from the models' own
    /// declarations (`ClosedFormAccuracy.reasons`).
    public static func exactnessNote(_ reasons: [String]) -> String {
        guard !reasons.isEmpty else { return "Every closed form is exact under the scenario's assumptions." }
        return "Exact under the scenario's assumptions except: \(reasons.joined(separator: "; ")); the Monte Carlo reports the gap (--method both)."
    }
}
