import ArgumentParser
import Foundation
import Reports

/// `dmm merge`: joins the shards of one sweep into the file an unsharded run writes.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join sweep shards into one CSV, checking that they belong together.",
        discussion: """
            Each input needs its sidecar (<file>.meta.json). The shards must come from
            the same dmm version, scenario and sweep spec, be finished, and together be
            shards 1..N of N exactly once; the output then equals, byte for byte, the
            CSV of the same sweep run without --shard. A merged sidecar is written too.

            Examples:
              dmm merge part-1.csv part-2.csv part-3.csv --output all.csv
              dmm merge part-*.csv --output all.csv
            """
    )

    @Argument(help: "Shard CSV files written by dmm sweep --shard K/N.")
    var files: [String] = []

    @Option(help: "The merged CSV (its sidecar is <output>.meta.json).")
    var output: String

    func run() throws {
        try OutputFile.checkTarget(output)
        try OutputFile.checkTarget(SweepMetadata.path(for: output))
        let result = try SweepMerge.merge(files, commandLine: CommandLine.arguments)
        try OutputFile.write(result.csv, to: output)
        try result.metadata.write(csv: output)
    }
}
