import ArgumentParser
import Evaluation

extension MethodChoice: ExpressibleByArgument {}

/// `--method closed-form|monte-carlo|both`, shared by evaluate, table, sweep and mobility.
struct MethodOption: ParsableArguments {
    @Option(help: "closed-form, monte-carlo or both.")
    var method: MethodChoice = .closedForm
}
