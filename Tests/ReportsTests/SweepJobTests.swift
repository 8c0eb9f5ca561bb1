import Evaluation
import Foundation
import Reports
import Stochastics
import Testing

/// A stand-in model for the machinery (tests only): a closed-form-like row
/// that is a function of the point, and a Monte-Carlo-like row drawn from
/// the point's seed, so that any mix-up of points or seeds shows.
enum TestModel {
    static func evaluate(_ point: SweepPoint) throws -> [MetricEstimate] {
        let x = Double(point.assignments[0].value)!
        let stream = RandomStream(seed: point.seed)
        let draw = stream.uniform()
        return [
            MetricEstimate(scheme: "alpha", metric: "cost", unit: "byte_hops_per_s", method: .closedForm, estimate: 2 * x),
            MetricEstimate(
                scheme: "beta", metric: "cost", unit: "byte_hops_per_s", method: .monteCarlo, estimate: x + draw,
                ciLow: x + draw - 0.5, ciHigh: x + draw + 0.5, samples: 100),
        ]
    }
}

@Suite("Sweep job: output, resume, shards, merge")
struct SweepJobTests {
    let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-sweepjob-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func grid(seed: UInt64 = 7) throws -> SweepGrid {
        try SweepGrid(axes: [try SweepAxis.parse("x=1:4:4"), try SweepAxis.parse("law=exponential:mean=1;gamma:shape=2,mean=1;z")], seed: seed)
    }

    func meta(_ grid: SweepGrid, shard: SweepShard = .whole) -> SweepMetadata {
        SweepMetadata(
            build: BuildInfo(version: "test", commit: nil, dirty: false, kind: "debug"), commandLine: ["dmm", "sweep"], scenario: ["a": 1.5, "b": "x"],
            axes: grid.axes, seed: grid.seed, options: ["method": "both"], shard: shard, points: grid.count)
    }

    func run(_ name: String, grid: SweepGrid? = nil, shard: SweepShard = .whole, jobs: Int = 1, resume: Bool = false) throws -> String {
        let g = try grid ?? self.grid()
        let path = directory.appendingPathComponent(name).path
        _ = try SweepJob(grid: g, metadata: meta(g, shard: shard), output: path, resume: resume, jobs: jobs)
            .run(evaluate: TestModel.evaluate)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func csvIsTidyWithQuotedLawsAndEmptyIntervals() throws {
        let text = try run("a.csv")
        let lines = text.components(separatedBy: "\r\n")
        // method both over every metric: every tidy column (docs/DATA.md); reals and the numeric axis written with ".0".
        #expect(lines[0] == "x,law,scheme,metric,unit,method,estimate,ci_low,ci_high,samples,handoffs,exactness")
        #expect(lines[1] == "1.0,exponential:mean=1,alpha,cost,byte_hops_per_s,closed-form,2.0,,,,,exact")
        #expect(lines[3] == "1.0,\"gamma:shape=2,mean=1\",alpha,cost,byte_hops_per_s,closed-form,2.0,,,,,exact")
        #expect(lines[2].hasPrefix("1.0,exponential:mean=1,beta,cost,byte_hops_per_s,monte-carlo,1."))
        #expect(lines[2].hasSuffix(",100,,"))
        #expect(lines.count == 1 + 12 * 2 + 1)  // header, 12 points x 2 rows, empty after the last CRLF
        let meta = try SweepMetadata.read(csv: directory.appendingPathComponent("a.csv").path)
        #expect(meta.complete)
    }

    @Test func jobsDoNotChangeTheBytes() throws {
        #expect(try run("j1.csv", jobs: 1) == run("j3.csv", jobs: 3))
    }

    @Test func shardsMergeIntoTheUnshardedFile() throws {
        let whole = try run("whole.csv")
        var paths: [String] = []
        for k in [2, 3, 1] {
            _ = try run("part\(k).csv", shard: try SweepShard(k: k, n: 3), jobs: 2)
            paths.append(directory.appendingPathComponent("part\(k).csv").path)
        }
        let out = directory.appendingPathComponent("merged.csv").path
        let merged = try SweepMerge.merge(paths, output: out, commandLine: [])
        #expect(try String(contentsOfFile: out, encoding: .utf8) == whole)
        #expect(merged.shard == .whole)
        let wholeMeta = try SweepMetadata.read(csv: directory.appendingPathComponent("whole.csv").path)
        #expect(merged.rows == wholeMeta.rows)
        #expect(merged.bodySHA256 == nil)
    }

    @Test func mergeRefusesMissingRepeatedForeignAndUnfinishedShards() throws {
        let p = { (name: String) in self.directory.appendingPathComponent(name).path }
        _ = try run("s1.csv", shard: try SweepShard(k: 1, n: 2))
        _ = try run("s2.csv", shard: try SweepShard(k: 2, n: 2))
        _ = try run("other.csv", grid: try grid(seed: 8), shard: try SweepShard(k: 2, n: 2))
        func reason(_ paths: [String]) -> String {
            do { _ = try SweepMerge.merge(paths, output: p("m.csv"), commandLine: []); return "" } catch { return "\(error)" }
        }
        #expect(reason([p("s1.csv")]).contains("1 of 2 shards missing (2/2); give every shard 1/2...2/2 once"))
        #expect(reason([p("s1.csv"), p("s1.csv")]).contains("shard 1/2 is given twice"))
        #expect(reason([p("s1.csv"), p("other.csv")]).contains("is not a shard of the same sweep"))
        #expect(reason([p("s1.csv"), p("other.csv")]).contains("'seed' differs"))
        var unfinished = try SweepMetadata.read(csv: p("s2.csv"))
        unfinished.complete = false
        try unfinished.write(csv: p("s2.csv"))
        #expect(reason([p("s1.csv"), p("s2.csv")]).contains("is unfinished"))
    }

    @Test func resumeAfterAnyCutEqualsTheFullRun() throws {
        let full = try run("full.csv", jobs: 2)
        let bytes = Array(full.utf8)
        let path = directory.appendingPathComponent("cut.csv").path
        // Cuts: inside the header, at the end of the header, mid-row, at a row end, near the end.
        let headerEnd = Array(full.components(separatedBy: "\r\n")[0].utf8).count + 2
        for cut in [5, headerEnd, headerEnd + 17, headerEnd + 2 * 40, bytes.count / 2, bytes.count - 3, bytes.count] {
            _ = try run("cut.csv", jobs: 1)
            var meta = try SweepMetadata.read(csv: path)
            meta.complete = false
            try meta.write(csv: path)
            try Data(bytes[0..<cut]).write(to: URL(fileURLWithPath: path))
            #expect(try run("cut.csv", jobs: 2, resume: true) == full, "cut at \(cut)")
        }
    }

    @Test func resumeRefusesAnotherSweepAndStartsAMissingFile() throws {
        let full = try run("r.csv")
        #expect(throws: SweepMetadata.Mismatch.self) { try run("r.csv", grid: try grid(seed: 9), resume: true) }
        #expect(throws: SweepMetadata.Mismatch.self) { try run("r.csv", shard: try SweepShard(k: 1, n: 2), resume: true) }
        #expect(try run("nothing.csv", resume: true) == full)
    }
}
