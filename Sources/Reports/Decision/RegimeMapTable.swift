import Evaluation

/// A regime map as tidy rows: the two varied parameters (columns named by their
/// paths, as in sweep CSV), metric, unit, winner (shared wins joined by '='),
/// best value, runner-up and its value, margin (absolute, in the unit) and
/// margin_ratio (runner-up / best).
public enum RegimeMapTable {
    public static func tidy(_ maps: [RegimeMap]) -> Table {
        guard let first = maps.first else { return Table(columns: []) }
        var table = Table(columns: [
            Table.Column(first.x.path, alignment: .right), Table.Column(first.y.path, alignment: .right),
            Table.Column("metric"), Table.Column("unit"), Table.Column("winner"), Table.Column("best", alignment: .right),
            Table.Column("runner_up"), Table.Column("runner_up_value", alignment: .right),
            Table.Column("margin", alignment: .right), Table.Column("margin_ratio", alignment: .right),
        ])
        for map in maps {
            let xs = map.x.values, ys = map.y.values
            for j in ys.indices {
                for i in xs.indices {
                    let c = map.cell(i, j)
                    table.append([
                        MetricTables.exact(xs[i]), MetricTables.exact(ys[j]), map.metric.id, map.metric.unit.rawValue, c.label,
                        MetricTables.exact(c.best), c.runnerUp ?? "", c.runnerUpValue.map(MetricTables.exact) ?? "",
                        c.margin.map(MetricTables.exact) ?? "", c.marginRatio.map(MetricTables.exact) ?? "",
                    ])
                }
            }
        }
        return table
    }
}
