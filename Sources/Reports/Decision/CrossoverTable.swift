import Evaluation

/// `dmm crossover` as a tidy table: pair, metric, path, value, below, above, then
/// the unit and the common closed-form value there; with Monte Carlo confirmation
/// each scheme's estimate and 95 % interval and whether the crossing is inside them.
public enum CrossoverTable {
    public static func tidy(_ crossovers: [Crossover], confirmations: [CrossoverConfirmation]? = nil) -> Table {
        var columns: [Table.Column] = [
            Table.Column("pair"), Table.Column("metric"), Table.Column("path"), Table.Column("value", alignment: .right),
            Table.Column("below"), Table.Column("above"), Table.Column("unit"), Table.Column("estimate", alignment: .right),
        ]
        if confirmations != nil {
            for name in ["first_mc", "first_ci_low", "first_ci_high", "second_mc", "second_ci_low", "second_ci_high"] {
                columns.append(Table.Column(name, alignment: .right))
            }
            columns += [Table.Column("inside"), Table.Column("overlap")]
        }
        var table = Table(columns: columns)
        for (i, c) in crossovers.enumerated() {
            var row = [
                c.pair, c.metric.id, c.path, MetricTables.exact(c.value), c.below, c.above, c.metric.unit.rawValue,
                MetricTables.exact(c.estimate),
            ]
            if let confirmations {
                let k = confirmations[i]
                for r in [k.first, k.second] {
                    row += [MetricTables.exact(r.estimate), r.ciLow.map(MetricTables.exact) ?? "", r.ciHigh.map(MetricTables.exact) ?? ""]
                }
                row += [k.inside ? "true" : "false", k.overlap ? "true" : "false"]
            }
            table.append(row)
        }
        return table
    }

    /// A readable list for markdown, latex, rfc and the report.
    public static func readable(
        _ crossovers: [Crossover], confirmations: [CrossoverConfirmation]? = nil, caption: String
    ) -> Table {
        var columns = [
            Table.Column("Metric"), Table.Column("Pair"), Table.Column("At", alignment: .right),
            Table.Column("Value", alignment: .right), Table.Column("Better below"), Table.Column("Better above"),
        ]
        if confirmations != nil { columns.append(Table.Column("Monte Carlo")) }
        var table = Table(columns: columns, caption: caption)
        for (i, c) in crossovers.enumerated() {
            var row = [
                c.metric.label, c.pair, "\(c.path) = \(MetricTables.significant(c.value, 6))", MetricTables.cell(c.estimate),
                c.below, c.above,
            ]
            if let k = confirmations?[i] {
                row.append(k.inside ? "inside both intervals" : k.overlap ? "intervals overlap, value outside" : "intervals apart")
            }
            table.append(row)
        }
        if crossovers.isEmpty { table.footnotes.append("No crossing in the range.") }
        return table
    }
}
