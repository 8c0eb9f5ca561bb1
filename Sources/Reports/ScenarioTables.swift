import Evaluation

/// The scenario as a table (`dmm evaluate --list-parameters`).
public enum ScenarioTables {
    /// Every path of `ScenarioParameter.all` with unit, value in `scenario` and
    /// source; a law's parameters follow it as paths of their own (unit of the
    /// path for mean, min, max and value, "-" for shape-like parameters).
    public static func parameters(_ scenario: Scenario, name: String) -> Table {
        var table = Table(
            columns: [Table.Column("path"), Table.Column("unit"), Table.Column("value"), Table.Column("source")],
            caption: "Scenario parameters (values of scenario \(name)).")
        for p in ScenarioParameter.all {
            let value = (try? scenario.value(at: p.path)) ?? ""
            table.append([p.path, p.unit, value, p.source])
            if let law = p.law(in: scenario) {
                for (param, v) in law.parameters {
                    table.append([p.path + "." + param, param == "mean" || param == "min" || param == "max" || param == "value" ? p.unit : "-", v, "parameter of \(p.path)"])
                }
            }
        }
        return table
    }
}
