import Foundation
import Testing

@Suite("dmm plot and dmm merge on the command line")
struct PlotCommandTests {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-plot-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
    var csv: String { CLI.packageRoot.appendingPathComponent("Tests/ReportsTests/Golden/plot-small.csv").path }

    @Test func writesTheGoldenSVG() throws {
        let out = scratch.appendingPathComponent("fig.svg").path
        let result = try CLI.run([
            "plot", csv, "--x", "mobility.residence.mean", "--metric", "signaling_cost",
            "--where", "traffic.session_rate=0.02", "--output", out,
        ])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let golden = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Tests/ReportsTests/Golden/plot-small.svg"), encoding: .utf8)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == golden)
    }

    @Test func anotherVaryingColumnNeedsWhere() throws {
        let out = scratch.appendingPathComponent("no.svg").path
        let result = try CLI.run(["plot", csv, "--x", "mobility.residence.mean", "--metric", "signaling_cost", "--output", out])
        #expect(result.status == 2)
        #expect(result.stderr == "error: plot \(csv): traffic.session_rate varies too (0.01; 0.02); fix it with --where traffic.session_rate=VALUE or draw it with --facet traffic.session_rate\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func unknownMetricExitsTwo() throws {
        let result = try CLI.run([
            "plot", csv, "--x", "mobility.residence.mean", "--metric", "latency", "--where", "traffic.session_rate=0.01",
            "--output", scratch.appendingPathComponent("x.svg").path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--metric latency is not in the file; allowed: signaling_cost"))
    }

    @Test func mergeWithoutSidecarExitsTwo() throws {
        let result = try CLI.run(["merge", csv, "--output", scratch.appendingPathComponent("all.csv").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("plot-small.csv.meta.json' is missing; a sweep CSV needs its sidecar"))
    }
}
