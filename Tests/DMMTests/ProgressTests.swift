import Foundation
import Testing

/// Progress lines on standard error: shown with --progress when stderr is not
/// a terminal (a test cannot give dmm a tty), absent without it, never mixed
/// into standard output, and ending with how long the run took.
@Suite("Progress on standard error")
struct ProgressTests {
    /// The redraws of one progress line (separated by carriage returns).
    static func redraws(_ stderr: String) -> [String] {
        stderr.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).map(String.init)
    }

    @Test func monteCarloShowsReplicationsRateAndTimeTaken() throws {
        let args = ["evaluate", "--schemes", "mipv6", "--method", "monte-carlo", "--samples", "65536", "--format", "csv"]
        let quiet = try CLI.run(args)
        let shown = try CLI.run(args + ["--progress"])
        #expect(quiet.status == 0 && shown.status == 0)
        #expect(quiet.stderr.isEmpty, "no progress when stderr is not a terminal: \(quiet.stderr)")
        #expect(shown.stdout == quiet.stdout, "progress never reaches standard output")
        let lines = Self.redraws(shown.stderr)
        // 65536 handoffs are 16 replications of 4096.
        let last = try #require(lines.last)
        #expect(last.hasPrefix("monte-carlo: 16/16 replications (100%), "), "\(last)")
        #expect(last.contains(" replications/s, done in 0:"), "\(last)")
        #expect(shown.stderr.hasSuffix("\n"), "the last line ends so that the next output starts on its own line")
        for line in lines.dropLast() { #expect(line.hasSuffix(" left "), "\(line)") }
    }

    @Test func sweepShowsPointsAndTimeTaken() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("s.csv").path
        let r = try CLI.run(["sweep", "--vary", "topology.global_ha_count=1,2,4", "--schemes", "mipv6,dma", "--output", out, "--progress"])
        #expect(r.status == 0, "\(r.stderr)")
        let last = try #require(Self.redraws(r.stderr).last)
        #expect(last.hasPrefix("sweep: 3/3 points (100.0%), "), "\(last)")
        #expect(last.contains(" points/s, done in 0:"), "\(last)")
    }
}
