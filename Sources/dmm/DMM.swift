import ArgumentParser
import Foundation
import Reports
import Stochastics

/// The `dmm` command: compares IP mobility-management schemes by numbers.
@main
struct DMM: ParsableCommand {
    static let version = BuildInfo.version

    static let configuration = CommandConfiguration(
        commandName: "dmm",
        abstract: "Compare IP mobility-management schemes by numbers.",
        discussion: """
            Closed-form and Monte Carlo models of signaling cost, handoff latency, \
            path stretch and failure impact for MIPv6, PMIPv6 and the distributed \
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
            MergeCommand.self, PlotCommand.self, ValidateCommand.self, CompareCommand.self, CrossoverCommand.self,
            MapCommand.self, ReportCommand.self, Bench.self, SimulationBench.self,
        ]
    )

    /// Runs the command with dmmkit's exit codes (docs/ARCHITECTURE.md): 0 success,
    /// 1 evaluation failure, 2 bad usage or bad input. ArgumentParser's own
    /// usage errors (its 64) are mapped to 2.
    static func main() {
        GSL.configure()
        // A reader that went away (`dmm ... | head`) is a write error (EPIPE,
        // exit 1 naming standard output), not a silent kill by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // Past a file-size limit (ulimit -f), a write fails with EFBIG: exit 1 naming the file.
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            do { try StandardStream.write("dmm \(BuildInfo.current.description)\n") } catch { fail(error, whileRunning: true) }
            Foundation.exit(0)
        }
        var names: [String] = []
        for subcommand in configuration.subcommands { names.append(subcommand._commandName) }
        if arguments.first == "help", arguments.count > 1, !arguments[1].hasPrefix("-"), !names.contains(arguments[1]) {
            let names = names.joined(separator: ", ")
            Diagnostics.error("dmm help: unknown command '\(arguments[1])'; allowed: \(names)")
            Foundation.exit(2)
        }
        let command: ParsableCommand
        do { command = try parseAsRoot() } catch { fail(error, whileRunning: false) }
        var running = command
        do { try running.run() } catch { fail(error, whileRunning: true) }
        if StderrState.failed.load() { Foundation.exit(1) }
    }

    /// Prints `error` on stderr as "error: ..." and exits with its code.
    /// A ValidationError thrown by a subcommand's run() (a missing input file,
    /// say) is printed without usage: ArgumentParser would print the root's
    /// usage line there, which points at the wrong command.
    static func fail(_ error: Error, whileRunning: Bool) -> Never {
        if let error = error as? InvalidInput {
            Diagnostics.error("\(error)")
            Foundation.exit(2)
        }
        if let error = error as? OutputFile.IOError {
            Diagnostics.error("\(error)")
            Foundation.exit(1)
        }
        switch exitCode(for: error) {
        case .validationFailure:
            if whileRunning, let error = error as? ValidationError {
                Diagnostics.error(error.message)
            } else {
                Diagnostics.error(fullMessage(for: error))
            }
            Foundation.exit(2)
        case .failure where !(error is ExitCode):
            // One prefix for every failure: "error: " (ArgumentParser would print "Error: ").
            Diagnostics.error(fullMessage(for: error))
            Foundation.exit(1)
        default:
            exit(withError: error)
        }
    }
}
