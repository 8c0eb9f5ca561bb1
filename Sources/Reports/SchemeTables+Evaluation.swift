import Evaluation
import Schemes

extension SchemeTables {
    /// `extended` with the metrics of `evaluation` appended (`dmm table --extended`):
    /// the headline metrics by default, units in the headers, cells as in the wide
    /// table of `dmm evaluate` (`MetricTables.cellText`), and the footnotes of the
    /// marks (†, ‡, §) that cells carry, then the exactness note when closed forms are in.
    public static func extended(
        _ catalog: SchemeCatalog, evaluation: EvaluationResult, metrics: [MetricKey] = MetricTables.extendedMetrics
    ) throws -> Table {
        let approximations = try evaluation.approximations()
        let signal = BugSignal(rows: evaluation.rows, metrics: metrics) { scheme, metric in
            approximations[scheme]?.contains(metric) ?? false
        }
        var values: [String: [String: [MetricEstimate]]] = [:]
        for r in evaluation.rows { values[r.scheme, default: [:]][r.metric, default: []].append(r) }
        var marks: Set<String> = []
        var cells: [String: [String]] = [:]
        for (scheme, byMetric) in values {
            cells[scheme] = metrics.map { m in
                let (text, cellMarks) = MetricTables.cellText(
                    byMetric[m.id] ?? [], approximate: approximations[scheme]?.contains(m.id) ?? false, signal: signal)
                marks.formUnion(cellMarks)
                return text
            }
        }
        let table = cells
        let columns = SchemeColumns(
            columns: metrics.map(MetricTables.column),
            cells: { card in table[card.id] ?? metrics.map { _ in "" } })
        var out = try extended(catalog, extra: [columns])
        out.footnotes += MetricTables.markFootnotes(marks, signal: signal, caveats: MetricTables.caveats(evaluation.rows, metrics: metrics))
        if let reasons = try evaluation.approximationReasons() { out.footnotes.append(EvaluationTables.exactnessNote(reasons)) }
        return out
    }
}
