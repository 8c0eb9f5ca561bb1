import ArgumentParser
import Reports

extension OutputFormat: ExpressibleByArgument {}

/// `--format`, markdown by default (the mobility subcommands default to csv and
/// declare their own).
struct FormatOption: ParsableArguments {
    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .markdown
}
