/// The closed-form value of one catalogue metric for each scheme, read out of
/// evaluated rows: what crossover and regime maps compare.
struct SchemeValues {
    /// values[metric index][scheme index]; nil where the scheme has no such metric.
    var values: [[Double?]]

    init(_ rows: [MetricEstimate], schemes: [String], metrics: [MetricKey]) {
        let ids = metrics.map(\.id)
        values = Array(repeating: Array(repeating: nil, count: schemes.count), count: metrics.count)
        var schemeIndex: [String: Int] = [:]
        for (i, s) in schemes.enumerated() { schemeIndex[s] = i }
        for r in rows where r.method == .closedForm {
            guard let s = schemeIndex[r.scheme], let m = ids.firstIndex(of: r.metric) else { continue }
            values[m][s] = r.estimate
        }
    }
}

/// Whether two closed-form values are the same up to the last bits of rounding.
func sameValue(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-9 * Swift.max(abs(a), abs(b))
}
