import ArgumentParser
import Foundation
import Stochastics

/// The `dmm` command: compares IP mobility-management schemes by numbers.
@main
struct DMM: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dmm",
        abstract: "Compare IP mobility-management schemes by numbers.",
        discussion: """
            Closed-form and Monte Carlo models of signaling cost, handoff latency,
            path stretch and failure impact for MIPv6, PMIPv6 and the distributed
            mobility-management schemes of draft-kuntz-dmm-summary.

            Examples:
              dmm table --extended
              dmm evaluate --scenario vehicular --format csv
              dmm table --format rfc
              dmm schemes --show ghaha
              dmm bench --samples 1000000
            """,
        version: version,
        subcommands: [
            SchemesCommand.self, TableCommand.self, EvaluateCommand.self, MobilityCommand.self, SweepCommand.self,
            MergeCommand.self, PlotCommand.self, Bench.self, SimulationBench.self,
        ]
    )

    /// Runs the command with dmmkit's exit codes (DESIGN.md 3): 0 success,
    /// 1 evaluation failure, 2 bad usage or bad input. ArgumentParser's own
    /// usage errors (its 64) are mapped to 2.
    static func main() {
        GSL.configure()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InvalidInput {
            Diagnostics.error("\(error)")
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Diagnostics.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
