import Foundation
import Testing

/// Every kind of csv and json file dmm writes loads in polars, duckdb and pandas
/// without options, numeric columns as numbers and no text cell as null
/// (Tests/DataFrames/check_csv.py does the loading; docs/DATA.md states the
/// rules). The files are the output corpus (evaluate, sweep, mobility, validate
/// on every preset, kept current by CorpusTests), notebooks-data/ and the
/// commands below, which cover what the corpus does not: json, Monte Carlo
/// alone, metric filters, merged shards, campaigns and the decision commands.
/// Without python3 and the three libraries the test is skipped locally; under
/// CI=true (bash .ci/run installs them) it fails.
@Suite("CSV and JSON in dataframe libraries")
struct DataFrameTests {
    static let ci = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether python3 imports polars, duckdb and pandas.
    static let librariesPresent: Bool = {
        guard let python = RealToolTests.which("python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import polars, duckdb, pandas"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static var enabled: Bool { ci || librariesPresent }

    /// (file name, dmm arguments); "{out}" is the file itself for commands that need --output.
    static let commands: [(String, [String])] = [
        ("evaluate-cf.json", ["evaluate", "--format", "json"]),
        ("evaluate-mc.json", ["evaluate", "--method", "monte-carlo", "--samples", "8192", "--format", "json"]),
        ("evaluate-both.json", ["evaluate", "--method", "both", "--samples", "8192", "--format", "json"]),
        ("evaluate-metrics.csv", ["evaluate", "--method", "both", "--samples", "8192", "--metrics", "signaling_cost,outage.ha", "--format", "csv"]),
        ("crossings-mc.csv", ["mobility", "crossings", "--residence", "gamma:shape=2,mean=60", "--session", "exponential:mean=120", "--method", "monte-carlo", "--samples", "20000", "--format", "csv"]),
        ("crossings-both.json", ["mobility", "crossings", "--residence", "gamma:shape=2,mean=60", "--session", "exponential:mean=120", "--method", "both", "--samples", "20000", "--format", "json"]),
        ("anchors-cf.csv", ["mobility", "anchors", "--residence", "exponential:mean=60", "--session", "exponential:mean=300", "--session-rate", "0.01", "--format", "csv"]),
        ("anchors-mc.json", ["mobility", "anchors", "--residence", "exponential:mean=60", "--session", "exponential:mean=300", "--session-rate", "0.01", "--method", "monte-carlo", "--samples", "20000", "--format", "json"]),
        // Axis values 5 then 0.04: written 5.0, so polars does not type the column as integers.
        ("sweep-mixed-axis.csv", ["sweep", "--vary", "mobility.residence.mean=5,10,0.04", "--vary", "topology.global_ha_count=1,4", "--output", "{out}"]),
        ("sweep-metrics.csv", ["sweep", "--vary", "topology.global_ha_count=1,4", "--metrics", "signaling_cost,handoff_latency_p95", "--schemes", "mipv6,dma", "--method", "both", "--samples", "8192", "--output", "{out}"]),
        ("sweep-mc.csv", ["sweep", "--vary", "links.wireless.loss=0:0.2:3", "--metrics", "handoff_latency", "--method", "monte-carlo", "--samples", "8192", "--output", "{out}"]),
        ("table.csv", ["table", "--format", "csv"]),
        ("table-extended-both.json", ["table", "--extended", "--method", "both", "--samples", "8192", "--format", "json"]),
        ("validate-campaign.csv", ["validate", "--campaign", "2", "--samples", "65536", "--worst", "5", "--format", "csv"]),
        ("compare-cf.csv", ["compare", "--format", "csv"]),
        ("compare-mc.json", ["compare", "--method", "monte-carlo", "--samples", "8192", "--format", "json"]),
        ("compare-both.csv", ["compare", "--method", "both", "--samples", "8192", "--format", "csv"]),
        ("crossover.csv", ["crossover", "--vary", "mobility.residence.mean=5:600:log", "--format", "csv"]),
        ("map.csv", ["map", "--x", "mobility.residence.mean=5:600:6:log", "--y", "traffic.local_cn_fraction=0:1:4", "--metric", "path_stretch", "--format", "csv", "--output", "{out}"]),
    ]

    @Test(.enabled(if: enabled, "python3 with polars, duckdb and pandas is not installed (bash .ci/install-deps --tools)"))
    func everyFileLoadsWithNumericTypes() throws {
        let directory = try RealToolTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (name, arguments) in Self.commands {
            let path = directory.appendingPathComponent(name).path
            let hasOutput = arguments.contains("{out}")
            let result = try CLI.run(arguments.map { $0 == "{out}" ? path : $0 })
            // validate --campaign exits 1 when a pair fails; its table is written either way.
            #expect(result.status == 0 || arguments.contains("--campaign"), "\(arguments): \(result.stderr)")
            if !hasOutput { try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: path)) }
            files.append(path)
        }
        files.append(try mergedShards(in: directory))
        let corpus = CLI.packageRoot.appendingPathComponent("Tests/Corpus/expected")
        for directory in [corpus, NotebooksDataTests.directory] {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(".csv") {
                files.append(directory.appendingPathComponent(name).path)
            }
        }
        let script = CLI.packageRoot.appendingPathComponent("Tests/DataFrames/check_csv.py").path
        let (status, output) = try RealToolTests.run("python3", [script] + files, in: directory)
        #expect(status == 0, "\(output)")
        #expect(output.contains("ok \(files.count) files"), "\(output)")
    }

    /// A sweep in two shards merged: the file a cluster run ends with.
    func mergedShards(in directory: URL) throws -> String {
        var parts: [String] = []
        for k in 1...2 {
            let part = directory.appendingPathComponent("part-\(k).csv").path
            let result = try CLI.run(["sweep", "--vary", "mobility.residence.mean=5,60,0.5,600", "--shard", "\(k)/2", "--output", part])
            #expect(result.status == 0, "\(result.stderr)")
            parts.append(part)
        }
        let merged = directory.appendingPathComponent("merged.csv").path
        let result = try CLI.run(["merge"] + parts + ["--output", merged])
        #expect(result.status == 0, "\(result.stderr)")
        return merged
    }
}
