import Foundation
import Testing

/// Bad input across subcommands, as a user meets it: exit code 2, a message on
/// stderr naming what, where and what is allowed, nothing on stdout, no file
/// left behind, and no run that never finishes.
@Suite("dmm bad input: output targets, Monte Carlo cost, messages")
struct BadInputTests {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-bad-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    /// Runs dmm and checks the common contract of a refusal.
    @discardableResult
    func refused(_ arguments: [String], status: Int32 = 2, _ message: String) throws -> CLIResult {
        let result = try CLI.run(arguments, in: scratch)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("Fatal error"))
        return result
    }

    func leftovers() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() }

    @Test func emptyOutputPathIsNamed() throws {
        try refused(["evaluate", "--output", ""], "cannot write '': the file name is empty")
    }

    /// "out/" names a directory: it used to be written as a file called "out".
    @Test func outputWithTrailingSlashIsADirectory() throws {
        try refused(["table", "--output", "out/"], "cannot write 'out/': it is a directory; allowed: a file path such as out/out.csv")
        #expect(try leftovers().isEmpty)
    }

    @Test func mobilityOutputIntoMissingDirectoryFailsBeforeTheRun() throws {
        try refused(
            ["mobility", "crossings", "--residence", "exponential:mean=60", "--session", "exponential:mean=60",
             "--output", "missing/k.csv"],
            "cannot write 'missing/k.csv': directory '\(path("missing"))' does not exist")
    }

    /// A directory as a sweep's --output used to leave "<dir>.meta.json" next to it.
    @Test func sweepIntoADirectoryWritesNothing() throws {
        try FileManager.default.createDirectory(atPath: path("d"), withIntermediateDirectories: false)
        try refused(["sweep", "--vary", "traffic.session_rate=0.01,0.02", "--output", path("d")], "it is a directory")
        #expect(try leftovers() == ["d"])
    }

    @Test func mergeIntoADirectoryIsRefused() throws {
        try refused(["merge", "a.csv", "--output", scratch.path], "cannot write '\(scratch.path)': it is a directory")
    }

    /// A binding lifetime of a microsecond is 6e7 refreshes per residence: the
    /// simulator would never finish even 100 handoffs. Refused at once.
    @Test func monteCarloThatCannotFinishIsRefused() throws {
        let start = Date()
        try refused(
            ["evaluate", "--method", "monte-carlo", "--samples", "8192", "--jobs", "1", "--set", "timers.binding_lifetime_s=1e-6"],
            "Monte Carlo: this scenario needs about 1.23e+08 simulated events x live sessions per handoff (mean residence 60 s, a binding refresh every 1e-06 s")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    /// Every point of a Monte Carlo sweep is checked before the CSV is started.
    @Test func sweepWithACostlyPointWritesNothing() throws {
        try refused(
            ["sweep", "--method", "monte-carlo", "--samples", "8192", "--vary", "mobility.residence.mean=60,1e-6",
             "--output", "s.csv"],
            "sweep point 1 (mobility.residence.mean=1e-6): Monte Carlo: this scenario needs about")
        #expect(try leftovers().isEmpty)
    }

    @Test func crossingsMonteCarloWithTinyResidenceIsRefused() throws {
        try refused(
            ["mobility", "crossings", "--residence", "exponential:mean=1e-7", "--session", "exponential:mean=120",
             "--method", "monte-carlo", "--samples", "10"],
            "--method monte-carlo: each sample would walk about 1.2e+09 residences (E[K] = mean session 120 s / mean residence 1e-07 s); allowed: at most 10000")
    }

    /// Lognormal sigma 5 has a mean age E[T²]/(2E[T]) of ~1e13 s: the walk back never ends.
    @Test func anchorsMonteCarloWithHeavySessionIsRefused() throws {
        try refused(
            ["mobility", "anchors", "--residence", "exponential:mean=60", "--session", "lognormal:sigma=5,mean=300",
             "--session-rate", "0.001", "--method", "both", "--samples", "10"],
            "--method both: each sample would walk about")
    }

    @Test func duplicateSchemeIsRefused() throws {
        try refused(["evaluate", "--schemes", "mipv6,dma,mipv6"], "--schemes lists 'mipv6' twice; name each scheme once")
    }

    /// A missing input file is the plot command's problem: no root usage line.
    @Test func plotOfMissingFileHasNoRootUsage() throws {
        let result = try refused(["plot", "none.csv", "--x", "a", "--metric", "b", "--output", "p.svg"],
                                 "cannot read 'none.csv'; give a CSV written by dmm sweep")
        #expect(!result.stderr.contains("Usage"))
    }

    @Test func plotWhereOnASingleAxisFileSaysNone() throws {
        let csv = path("one.csv")
        #expect(try CLI.run(["sweep", "--vary", "traffic.session_rate=0.01,0.02", "--schemes", "mipv6", "--output", csv]).status == 0)
        try refused(
            ["plot", csv, "--x", "traffic.session_rate", "--metric", "signaling_cost", "--where", "a=b", "--output", "p.svg"],
            "--where a=b: a is not a varied column other than --x; allowed: none (the file varies only traffic.session_rate): drop --where")
    }

    @Test func sweepSpecMessageShowsRealPaths() throws {
        try refused(["sweep", "--vary", "traffic.session_rate", "--output", "s.csv"],
                    "e.g. mobility.residence=exponential:mean=30;exponential:mean=60 or links.wireless.loss=0:0.1:11")
    }

    /// Exit 1 (an evaluation failure) prints with the same "error: " prefix as exit 2.
    @Test func evaluationFailureUsesTheSamePrefix() throws {
        // A session law so heavy-tailed that the crossing tail's quadrature fails (GSL_EROUND).
        // (Notes about approximations may come first; the error is the last line.)
        let result = try CLI.run(["mobility", "anchors", "--residence", "exponential:mean=60", "--session", "pareto:shape=1.2,mean=300",
                                  "--session-rate", "0.01"], in: scratch)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let last = try #require(result.stderr.split(separator: "\n").last)
        #expect(last.hasPrefix("error: "))
        #expect(last.contains("session pareto:shape=1.2,mean=300 over "))
        #expect(last.contains("GSL error 18 (roundoff error)"))
        #expect(!result.stderr.contains("Error:"))
    }
}
