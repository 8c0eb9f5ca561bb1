import Foundation
import Testing

/// Inputs that used to trap or print non-numbers: long caption words in rfc,
/// axis ranges beyond normal Doubles, closed forms that overflow.
@Suite("No trap, no NaN: rfc captions, plot axes, non-finite closed forms")
struct TrapTests {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-trap-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    @Test func rfcCaptionBreaksAWordWiderThanThePage() throws {
        let directory = path(String(repeating: "d", count: 70))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scenario = directory + "/s.yaml"
        try "mobility:\n  grid: square\n".write(toFile: scenario, atomically: false, encoding: .utf8)
        let r = try CLI.run(["evaluate", "--scenario", scenario, "--format", "rfc", "--schemes", "mipv6"])
        #expect(r.status == 0, "\(r.stderr)")
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= 72, "\(line)") }
        // The path is all there, broken across lines.
        #expect(r.stdout.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "").contains(scenario))
    }

    func plot(_ rows: [(String, String)], log: Bool) throws -> CLIResult {
        var csv = "links.wireless.loss,scheme,metric,unit,method,estimate,ci_low,ci_high,samples\r\n"
        for (x, y) in rows { csv += "\(x),mipv6,signaling_cost,byte_hops_per_s,closed-form,\(y),,,\r\n" }
        try csv.write(toFile: path("in.csv"), atomically: false, encoding: .utf8)
        return try CLI.run(["plot", path("in.csv"), "--x", "links.wireless.loss", "--metric", "signaling_cost", "--output", path("out.svg")]
            + (log ? ["--log-x"] : []))
    }

    @Test func plotRefusesADenormalLinearRange() throws {
        let r = try plot([("0", "5"), ("5e-324", "6")], log: false)
        #expect(r.status == 2)
        #expect(r.stderr == "error: plot \(path("in.csv")): cannot draw the x axis over 0...5e-324: the span is too small (below normal Doubles) or too large to draw tick steps; plot a sub-range with --where or try --log-x\n")
        #expect(!FileManager.default.fileExists(atPath: path("out.svg")))
    }

    @Test func plotRefusesALogRangeBeyondDoubles() throws {
        let r = try plot([("1e-300", "5"), ("1e308", "6")], log: true)
        #expect(r.status == 2)
        #expect(r.stderr == "error: plot \(path("in.csv")): cannot draw the x axis over 1e-300...1e+308: a log axis can show values in about 1e-307...1e307 only; plot a sub-range with --where or drop --log-x\n")
    }

    @Test func plotOfAnOrdinaryRangeHasNoNaN() throws {
        let r = try plot([("1e-3", "5"), ("1e3", "6")], log: true)
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: path("out.svg"), encoding: .utf8)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test func nonFiniteCrossingDistributionIsAnEvaluationFailure() throws {
        let r = try CLI.run(["mobility", "crossings", "--residence", "exponential:mean=5e-324", "--session", "exponential:mean=120", "--kmax", "3"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "error: P(K = 1), closed form came out as NaN for residence exponential:mean=5e-324, session exponential:mean=120: the laws are outside what the closed form can compute in floating point; use means within about 1e-300...1e300 s\n")
    }
}

@Suite("Evaluation failures name the quantity and the parameters behind it")
struct EvaluationFailureMessageTests {
    @Test func overflowingHopCountIsNamed() throws {
        let r = try CLI.run(["evaluate", "--set", "topology.ar_ha_hops=1e308", "--schemes", "mipv6"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "error: closed form of signaling_cost for mipv6 gave inf (not a finite non-negative number); it is computed from topology.* hop distances, messages.* sizes and weights, mobility.residence, traffic.session_rate and timers.*; check those values; extreme values in this scenario: topology.ar_ha_hops=1e+308\n")
    }
}
