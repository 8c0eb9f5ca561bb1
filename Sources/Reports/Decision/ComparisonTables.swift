import Evaluation

/// `dmm compare` as tables: tidy (one ranked scheme a row, csv and json) and a
/// readable one (markdown, latex, rfc) with human labels, the Pareto set in a note.
public enum ComparisonTables {
    /// The tidy columns, in order; numbers in the right-aligned ones.
    public static let tidyColumns: [(String, Table.Alignment)] = [
        ("metric", .left), ("unit", .left), ("better", .left), ("rank", .right), ("scheme", .left), ("method", .left),
        ("estimate", .right), ("ci_low", .right), ("ci_high", .right), ("closed_form", .right),
        ("ratio_to_best", .right), ("baseline", .left), ("ratio_to_baseline", .right), ("tied_with", .left),
        ("pareto", .left),
    ]

    /// The columns a comparison fills: ci_low and ci_high only when it ranks Monte
    /// Carlo estimates, closed_form only when it has closed forms beside them
    /// (--method both). An absent method would leave them empty in every row, and
    /// polars and duckdb read an all-empty column as text (docs/DATA.md).
    public static func tidyColumns(monteCarlo: Bool, closedFormBeside: Bool) -> [(String, Table.Alignment)] {
        tidyColumns.filter { name, _ in
            switch name {
            case "ci_low", "ci_high": return monteCarlo
            case "closed_form": return closedFormBeside
            default: return true
            }
        }
    }

    /// One row per (metric, scheme) in ranking order, numbers at full precision;
    /// tied_with lists scheme ids separated by spaces; pareto is true or false.
    public static func tidy(_ c: SchemeComparison) -> Table {
        let monteCarlo = c.rankings.contains { $0.entries.contains { $0.method == .monteCarlo } }
        let beside = c.rankings.contains { $0.entries.contains { $0.closedForm != nil } }
        let columns = tidyColumns(monteCarlo: monteCarlo, closedFormBeside: beside)
        var table = Table(columns: columns.map { Table.Column($0.0, alignment: $0.1) })
        let kept = columns.map { name, _ in tidyColumns.firstIndex { $0.0 == name }! }
        let pareto = Set(c.pareto)
        for r in c.rankings {
            for e in r.entries {
                let row = [
                    r.key.id, r.key.unit.rawValue, r.key.metric.better.rawValue, String(e.rank), e.scheme,
                    e.method.rawValue, MetricTables.exact(e.estimate), e.ciLow.map(MetricTables.exact) ?? "",
                    e.ciHigh.map(MetricTables.exact) ?? "", e.closedForm.map(MetricTables.exact) ?? "",
                    e.ratioToBest.map(MetricTables.exact) ?? "", c.baseline ?? "",
                    e.ratioToBaseline.map(MetricTables.exact) ?? "", e.tiedWith.joined(separator: " "),
                    pareto.contains(e.scheme) ? "true" : "false",
                ]
                table.append(kept.map { row[$0] })
            }
        }
        return table
    }

    /// Rank, scheme, value, ratios and ties per metric, metric labels from the catalogue.
    /// A tied rank reads "2=" (shared with the schemes in "tied with").
    public static func readable(_ c: SchemeComparison, caption: String) -> Table {
        var columns = [
            Table.Column("Metric"), Table.Column("Rank", alignment: .right), Table.Column("Scheme"),
            Table.Column("Value", alignment: .right), Table.Column("x best", alignment: .right),
        ]
        if let b = c.baseline { columns.append(Table.Column("x \(b)", alignment: .right)) }
        columns.append(Table.Column("Tied with"))
        var table = Table(columns: columns, caption: caption)
        for r in c.rankings {
            for (n, e) in r.entries.enumerated() {
                let shared = r.entries.contains { $0.scheme != e.scheme && $0.rank == e.rank }
                var value = e.ciLow != nil && e.ciHigh != nil
                    ? "\(MetricTables.cell(e.estimate)) \u{00B1} \(MetricTables.significant((e.ciHigh! - e.ciLow!) / 2, 2))"
                    : MetricTables.cell(e.estimate)
                if let cf = e.closedForm { value += " (cf \(MetricTables.cell(cf)))" }
                var row = [
                    n == 0 ? r.key.label : "", "\(e.rank)\(shared ? "=" : "")", e.scheme, value,
                    e.ratioToBest.map { MetricTables.significant($0, 3) } ?? "",
                ]
                if c.baseline != nil { row.append(e.ratioToBaseline.map { MetricTables.significant($0, 3) } ?? "") }
                row.append(e.tiedWith.joined(separator: " "))
                table.append(row)
            }
        }
        let labels = c.rankings.map { $0.key.element == nil ? $0.key.metric.name.lowercased() : $0.key.id }.joined(separator: ", ")
        table.footnotes.append(
            "Pareto-optimal across \(labels) (no other scheme at least as good on all and better on one): \(c.pareto.isEmpty ? "none" : c.pareto.joined(separator: ", ")).")
        if !c.incomplete.isEmpty {
            table.footnotes.append("Left out of the Pareto set for lack of a metric: \(c.incomplete.joined(separator: ", ")).")
        }
        if c.rankings.contains(where: { $0.entries.contains { $0.ciLow != nil } }) {
            table.footnotes.append(
                "Monte Carlo values are estimate \u{00B1} 95 % half-width; schemes whose intervals overlap are tied and share a rank (1 + the number of schemes significantly better).")
        }
        return table
    }
}
