import ArgumentParser
import Evaluation

/// `--scenario NAME|FILE` and repeatable `--set PATH=VALUE`, shared by the
/// commands that evaluate metrics.
struct ScenarioOptions: ParsableArguments {
    @Option(help: "Scenario: a name in Models/scenarios (default, urban-cdn, vehicular, campus) or a YAML file.")
    var scenario: String = "default"

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Override one scenario value, PATH=VALUE (repeatable; see dmm evaluate --list-parameters).", valueName: "PATH=VALUE"))
    var assignments: [String] = []

    /// The scenario with every --set applied in order. Each --set is read once
    /// here (`ScenarioSetting`: path checked, value parsed and range-checked,
    /// errors exit 2 with the library's own message) and applied as a typed
    /// value; nothing is formatted and read back.
    func load(models: String?) throws -> Scenario {
        let settings = try assignments.map(ScenarioSetting.init(assignment:))
        return try ScenarioLibrary.load(scenario, models: models).applying(settings)
    }
}
