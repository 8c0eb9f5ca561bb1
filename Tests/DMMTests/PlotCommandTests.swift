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

    @Test func badSizesAndFormatsExitTwoSayingWhatIsAllowed() throws {
        let out = scratch.appendingPathComponent("bad.svg").path
        let base = ["plot", csv, "--x", "mobility.residence.mean", "--metric", "signaling_cost", "--where", "traffic.session_rate=0.02", "--output", out]
        let noUnit = try CLI.run(base + ["--width", "3.5"])
        #expect(noUnit.status == 2)
        #expect(noUnit.stderr == "error: --width '3.5': expected a length with a unit, e.g. 3.5in, 8.9cm, 89mm or 252pt; allowed units: in, cm, mm, pt, bp\n")
        let tiny = try CLI.run(base + ["--height", "1mm"])
        #expect(tiny.status == 2)
        #expect(tiny.stderr.contains("--height '1mm' is out of range; allowed: 1in to 40in"))
        let format = try CLI.run(base + ["--format", "png"])
        #expect(format.status == 2)
        #expect(format.stderr.contains("'svg', 'pgfplots' or 'vega-lite'"))
        let bars = try CLI.run(["plot", csv, "--bars", "--where", "traffic.session_rate=0.02", "--where", "mobility.residence.mean=10", "--format", "vega-lite", "--output", out])
        #expect(bars.status == 2)
        #expect(bars.stderr.contains("allowed with --bars: svg, pgfplots"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// The format follows the extension; the size is the one asked for.
    @Test func formatFromExtensionAndPhysicalSize() throws {
        let tex = scratch.appendingPathComponent("fig.tex").path, json = scratch.appendingPathComponent("fig.json").path
        let svg = scratch.appendingPathComponent("wide.svg").path
        let base = ["plot", csv, "--x", "mobility.residence.mean", "--metric", "signaling_cost", "--where", "traffic.session_rate=0.02"]
        #expect(try CLI.run(base + ["--output", tex]).status == 0)
        #expect(try String(contentsOfFile: tex, encoding: .utf8).hasPrefix("% dmm plot (pgfplots): Signaling cost vs residence time, mean"))
        #expect(try CLI.run(base + ["--output", json]).status == 0)
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains("\"$schema\" : \"https://vega.github.io/schema/vega-lite/v5.json\""))
        #expect(try CLI.run(base + ["--width", "17.78cm", "--height", "3in", "--output", svg]).status == 0)
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("width=\"7in\" height=\"3in\" viewBox=\"0 0 504 216\""))
    }

    @Test func mergeWithoutSidecarExitsTwo() throws {
        let result = try CLI.run(["merge", csv, "--output", scratch.appendingPathComponent("all.csv").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("plot-small.csv.meta.json' is missing; a sweep CSV needs its sidecar"))
    }
}
