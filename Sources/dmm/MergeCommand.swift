import Dispatch
import ArgumentParser
import Foundation
import Reports

/// `dmm merge`: joins the shards of one sweep into the file an unsharded run writes.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join sweep shards into one CSV, checking that they belong together.",
        discussion: """
            Each input needs its sidecar (<file>.meta.json). The shards must come from \
            the same dmm version, scenario and sweep spec, be finished, and together be \
            shards 1..N of N exactly once; the output then equals, byte for byte, the \
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

    @Flag(help: "Accept shards built from another commit or by a dirty build.")
    var force = false

    @Flag(help: "Show progress on stderr even when it is not a terminal.")
    var progress = false

    func run() throws {
        let inputs = files + files.map(SweepMetadata.path(for:))
        try OutputFile.checkTarget(output, inputs: inputs)
        try OutputFile.checkTarget(SweepMetadata.path(for: output), inputs: inputs)
        let show = progress || Diagnostics.stderrIsTerminal
        var drawn = false
        let start = DispatchTime.now().uptimeNanoseconds
        let metadata = try SweepMerge.merge(
            files, output: output, commandLine: CommandLine.arguments, force: force,
            progress: show ? { p in
                drawn = true
                let percent = p.total > 0 ? 100 * Double(p.read) / Double(p.total) : 100
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let rate = seconds > 0 ? Double(p.read) / seconds : 0
                let left = rate > 0 ? Double(p.total - p.read) / rate : 0
                let tail = p.read >= p.total ? "done in \(SweepProgress.clock(seconds))  " : "\(SweepProgress.clock(left)) left "
                Diagnostics.write(String(
                    format: "\rmerge: %.1f of %.1f MB (%.1f%%), %.1f MB/s, ", Double(p.read) / 1e6,
                    Double(p.total) / 1e6, percent, rate / 1e6) + tail)
            } : nil)
        if drawn { Diagnostics.write("\n") }
        try metadata.write(csv: output)
    }
}
