import Foundation
import Testing

@Suite("dmm sweep end to end: jobs, shards, merge, resume, bad input")
struct SweepCommandTests {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-sweep-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    static let grid = [
        "--vary", "topology.global_ha_count=1:6:6", "--vary", "links.wireless.loss=0,0.05,0.1",
        "--schemes", "mipv6,pmipv6,fama,ghaha",
    ]

    @discardableResult
    func sweep(_ output: String, _ extra: [String] = [], expect status: Int32 = 0) throws -> CLIResult {
        let result = try CLI.run(["sweep"] + Self.grid + ["--output", path(output)] + extra)
        #expect(result.status == status, "\(result.stderr)")
        return result
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    @Test func jobsOneAndTwoWriteTheSameBytes() throws {
        try sweep("j1.csv", ["--jobs", "1"])
        try sweep("j2.csv", ["--jobs", "2"])
        let one = try read("j1.csv")
        #expect(one == (try read("j2.csv")))
        let lines = one.components(separatedBy: "\r\n")
        #expect(lines[0] == "topology.global_ha_count,links.wireless.loss,scheme,metric,unit,method,estimate,exactness")
        // Whole numbers of the axes keep a decimal point, so a reader types the column as floats.
        #expect(lines[1].hasPrefix("1.0,0.0,mipv6,"))
        #expect(lines.last == "")
    }

    /// Monte Carlo points run on their own seeds: the bytes do not depend on
    /// --jobs or on sharding, and every Monte Carlo row carries its interval.
    @Test func monteCarloSweepIsIndependentOfJobsAndShards() throws {
        let mc = ["--method", "both", "--samples", "20000", "--schemes", "mipv6,fama"]
        try sweep("mc1.csv", mc + ["--jobs", "1"])
        try sweep("mc2.csv", mc + ["--jobs", "2"])
        try sweep("mcpart1.csv", mc + ["--shard", "1/2"])
        try sweep("mcpart2.csv", mc + ["--shard", "2/2"])
        let merged = try CLI.run(["merge", path("mcpart1.csv"), path("mcpart2.csv"), "--output", path("mcall.csv")])
        #expect(merged.status == 0, "\(merged.stderr)")
        let one = try read("mc1.csv")
        #expect(one == (try read("mc2.csv")))
        #expect(one == (try read("mcall.csv")))
        let rows = one.components(separatedBy: "\r\n").dropFirst().filter { $0.contains(",monte-carlo,") }
        #expect(rows.count > 0)
        for row in rows {
            let f = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            // estimate, ci_low, ci_high, samples: a finite interval around the estimate,
            // or 0 with an empty ci_high where no event of that kind was simulated.
            let (e, lo) = (Double(f[6])!, Double(f[7])!)
            if let hi = Double(f[8]) { #expect(lo <= e && e <= hi, "\(row)") } else { #expect(e == 0 && lo == 0, "\(row)") }
            #expect(Int(f[9])! >= 2)
        }
    }

    /// --metrics and --schemes keep exactly the rows asked for, each row as the
    /// unfiltered sweep writes it; the sidecar records the kept metrics.
    @Test func metricsAndSchemesFilterTheRows() throws {
        try sweep("all.csv")
        try sweep("some.csv", ["--metrics", "handoff_latency,signaling_cost"])
        let all = try read("all.csv").components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        let some = try read("some.csv").components(separatedBy: "\r\n")
        #expect(some[0] == "topology.global_ha_count,links.wireless.loss,scheme,metric,unit,method,estimate,exactness")
        let wanted = all.filter { $0.contains(",handoff_latency,") || $0.contains(",signaling_cost,") }
        #expect(!wanted.isEmpty)
        #expect(Array(some.dropFirst().filter { !$0.isEmpty }) == wanted)
        // The grid's --schemes: only those four schemes have rows.
        #expect(Set(wanted.map { $0.split(separator: ",")[2] }) == ["mipv6", "pmipv6", "fama", "ghaha"])
        let meta = try String(contentsOfFile: path("some.csv") + ".meta.json", encoding: .utf8)
        #expect(meta.contains("\"metrics\" : \"signaling_cost,handoff_latency\"") || meta.contains("\"metrics\":\"signaling_cost,handoff_latency\""))
        let bad = try sweep("bad.csv", ["--metrics", "latency"], expect: 2)
        #expect(bad.stderr.contains("--metrics latency is not a metric; allowed: "))
    }

    @Test func benchReportsThroughputOnStderr() throws {
        let result = try sweep("bench.csv", ["--jobs", "1", "--bench"])
        // 6 x 3 points, 4 schemes.
        #expect(result.stderr.hasPrefix("bench: 18 points x 4 schemes = 72 scenario-scheme points, "))
        #expect(result.stderr.contains(" scenario-scheme points/s (jobs 1)\n"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aVariedPathActsLikeSet() throws {
        try sweep("grid.csv")
        let single = try CLI.run([
            "sweep", "--set", "topology.global_ha_count=4", "--vary", "links.wireless.loss=0.05",
            "--schemes", "mipv6,pmipv6,fama,ghaha", "--output", path("single.csv"),
        ])
        #expect(single.status == 0, "\(single.stderr)")
        let strip = { (line: String) in line.split(separator: ",", maxSplits: 2).last.map(String.init) ?? "" }
        let fromGrid = try read("grid.csv").components(separatedBy: "\r\n").filter { $0.hasPrefix("4.0,0.05,") }.map(strip)
        let fromSet = try read("single.csv").components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            .map { "x," + $0 }.map(strip)
        #expect(!fromGrid.isEmpty)
        #expect(fromGrid == fromSet)
    }

    @Test func shardsMergeToTheUnshardedFile() throws {
        try sweep("whole.csv")
        for k in 1...3 { try sweep("part\(k).csv", ["--shard", "\(k)/3"]) }
        let merged = try CLI.run(["merge", path("part3.csv"), path("part1.csv"), path("part2.csv"), "--output", path("all.csv")])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try read("all.csv") == read("whole.csv"))
        #expect(FileManager.default.fileExists(atPath: path("all.csv.meta.json")))
    }

    @Test func resumeAfterTruncationEqualsTheFullRun() throws {
        try sweep("full.csv")
        let full = Array(try read("full.csv").utf8)
        try sweep("cut.csv")
        try Data(full[0..<(full.count * 3 / 5)]).write(to: URL(fileURLWithPath: path("cut.csv")))
        // A finished file that lost rows is refused: its sidecar records more.
        let refused = try sweep("cut.csv", ["--resume"], expect: 2)
        #expect(refused.stderr.hasPrefix("error: --resume: '\(path("cut.csv"))' has "))
        #expect(refused.stderr.contains(" but its finished sidecar records 1764: rows were deleted, added or cut; drop --resume to recompute it\n"))
        // As a kill leaves it (sidecar unfinished), resume completes it.
        let sidecar = path("cut.csv") + ".meta.json"
        let json = try String(contentsOfFile: sidecar, encoding: .utf8).replacingOccurrences(of: "\"complete\" : true", with: "\"complete\" : false")
        try json.write(toFile: sidecar, atomically: true, encoding: .utf8)
        try sweep("cut.csv", ["--resume", "--jobs", "2"])
        #expect(Array(try read("cut.csv").utf8) == full)
    }

    @Test func mergeRefusesShardsOfDifferentSweeps() throws {
        try sweep("a1.csv", ["--shard", "1/2"])
        try sweep("b2.csv", ["--shard", "2/2", "--seed", "2"])
        let result = try CLI.run(["merge", path("a1.csv"), path("b2.csv"), "--output", path("ab.csv")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a shard of the same sweep"))
        #expect(result.stderr.contains("'seed' differs"))
        #expect(!FileManager.default.fileExists(atPath: path("ab.csv")))
    }

    /// A missing CSV (a requeued task killed before its first byte) starts over.
    @Test func resumeStartsAMissingFileAndRefusesAForeignOne() throws {
        try sweep("none.csv", ["--resume"])
        try sweep("fresh.csv")
        #expect(try read("none.csv") == read("fresh.csv"))
        try sweep("mine.csv")
        let foreign = try sweep("mine.csv", ["--resume", "--seed", "5"], expect: 2)
        #expect(foreign.stderr.contains("holds a different sweep ('seed' differs)"))
    }

    @Test(arguments: [
        (["--vary", "links.wireless.loss=0:0.1:0"], "COUNT 0 is out of range 1...1000000"),
        (["--vary", "links.wireless.loss=0:x:3"], "STOP 'x' is not a finite number"),
        (["--vary", "links.wireless.loss"], "expected PATH=SPEC"),
        (["--vary", "links.wireless.los=0,0.1"], "links.wireless.los"),
        (["--vary", "links.wireless.loss=0,0.1", "--shard", "4/3"], "--shard 4/3: K must be in 1...3"),
        (["--vary", "links.wireless.loss=0,0.1", "--shard", "0/3"], "--shard 0/3: K must be in 1...3"),
    ])
    func badInputExitsTwoWithTheReason(arguments: [String], reason: String) throws {
        let out = path("bad.csv")
        let result = try CLI.run(["sweep"] + arguments + ["--output", out])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains(reason), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
