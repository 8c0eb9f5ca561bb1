import Foundation
import Testing

/// Sweeps that are killed, raced, tampered with or mixed: resume and merge
/// must end with the bytes of an uninterrupted run, or refuse loudly.
@Suite("Sweep integrity: kill at every step, lock, checksums, provenance")
struct SweepIntegrityTests {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-integrity-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }
    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// 3 x 2 = 6 points, 2 schemes.
    static let grid = ["--vary", "topology.global_ha_count=1:3:3", "--vary", "links.wireless.loss=0,0.1", "--schemes", "mipv6,ghaha"]

    @discardableResult
    func sweep(_ output: String, _ extra: [String] = [], env: [String: String] = [:], expect status: Int32? = 0) throws -> CLIResult {
        let r = try CLI.run(["sweep"] + Self.grid + ["--output", path(output), "--jobs", "1"] + extra, environment: env)
        if let status { #expect(r.status == status, "\(r.stderr)") }
        return r
    }

    func sidecarFields(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(name) + ".meta.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Steps: 1 emptied, 2 sidecar, 3 header, 4...9 the six points, 10 finished sidecar.
    @Test func killAtEveryStepThenResumeGivesTheUninterruptedBytes() throws {
        try sweep("full.csv")
        let full = try read("full.csv")
        let fullMeta = try sidecarFields("full.csv")
        #expect(fullMeta["rows"] as? Int == full.components(separatedBy: "\r\n").count - 2)
        for step in 1...10 {
            let name = "k\(step).csv"
            // A leftover of another sweep in place: a kill must never adopt it.
            try "stale\r\n".write(toFile: path(name), atomically: false, encoding: .utf8)
            let killed = try sweep(name, env: ["DMM_TEST_SWEEP_HOOK": "abort:\(step)"], expect: nil)
            #expect(killed.status == 137, "step \(step): \(killed.stderr)")
            let resumed = try sweep(name, ["--resume"])
            #expect(resumed.stderr.isEmpty, "step \(step)")
            #expect(try read(name) == full, "step \(step)")
            let meta = try sidecarFields(name)
            #expect(meta["complete"] as? Bool == true, "step \(step)")
            #expect(meta["rows"] as? Int == fullMeta["rows"] as? Int, "step \(step)")
            #expect(meta["body_sha256"] as? String == fullMeta["body_sha256"] as? String, "step \(step)")
        }
    }

    @Test func bodyChecksumIsTheSHA256OfTheRowsAfterTheHeader() throws {
        try sweep("s.csv")
        let text = try read("s.csv")
        let body = String(text[text.range(of: "\r\n")!.upperBound...])
        try body.write(toFile: path("body"), atomically: false, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum", path("body")]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(try sidecarFields("s.csv")["body_sha256"] as? String == String(out.prefix(64)))
        let meta = try sidecarFields("s.csv")
        #expect((meta["cards_sha256"] as? [String: String])?.keys.sorted() == ["ghaha", "mipv6"])
        #expect((meta["scenario_sha256"] as? String)?.count == 64)
        #expect((meta["git_commit"] as? String)?.count == 40)
        #expect(meta["git_dirty"] is Bool)
    }

    @Test func aSecondWriterIsRefusedAtOnce() throws {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["sweep"] + Self.grid + ["--output", path("busy.csv"), "--jobs", "1"]
        process.environment = ProcessInfo.processInfo.environment.merging(["DMM_TEST_SWEEP_HOOK": "stall:3"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        // Wait for the first writer to hold the lock and write its header.
        var waited = 0
        while (try? read("busy.csv"))?.hasSuffix("samples\r\n") != true, waited < 600 { usleep(50_000); waited += 1 }
        let second = try sweep("busy.csv", expect: 2)
        #expect(second.stderr == "error: cannot write '\(path("busy.csv"))': another dmm sweep is writing it (the file is locked); wait for that run to finish or choose another --output\n")
        let resumer = try sweep("busy.csv", ["--resume"], expect: 2)
        #expect(resumer.stderr.contains("another dmm sweep is writing it"))
    }

    func shards() throws -> [String] {
        try sweep("whole.csv")
        for k in 1...3 { try sweep("p\(k).csv", ["--shard", "\(k)/3"]) }
        return (1...3).map { path("p\($0).csv") }
    }

    func merge(_ files: [String], _ extra: [String] = []) throws -> CLIResult {
        try CLI.run(["merge"] + files + ["--output", path("all.csv")] + extra)
    }

    func edit(_ name: String, _ change: (inout [String]) -> Void) throws {
        var lines = try read(name).components(separatedBy: "\r\n")
        lines.removeLast()
        change(&lines)
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: path(name), atomically: false, encoding: .utf8)
    }

    @Test func mergeRefusesTamperedShardsNamingShardAndDifference() throws {
        let files = try shards()
        let ok = try merge(files)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try read("all.csv") == read("whole.csv"))
        let pristine = try read("p2.csv")
        let shard2 = "error: merge: '\(path("p2.csv"))' (shard 2/3): "
        let cases: [(String, (inout [String]) -> Void, String)] = [
            ("edited estimate", { $0[3] = $0[3].replacingOccurrences(of: "mipv6,", with: "mipv6,").replacingOccurrences(of: ",closed-form,", with: ",closed-form,9") },
             "body SHA-256 "),
            ("deleted row", { $0.remove(at: 2) }, "has "),
            ("duplicated row", { $0.insert($0[2], at: 2) }, "has "),
            ("cut at a row boundary", { $0.removeLast(3) }, "has "),
            ("edited scheme", { $0[1] = $0[1].replacingOccurrences(of: "mipv6", with: "ghaha") }, "body SHA-256 "),
        ]
        for (what, change, message) in cases {
            try pristine.write(toFile: path("p2.csv"), atomically: false, encoding: .utf8)
            try edit("p2.csv", change)
            let r = try merge(files)
            #expect(r.status == 2, "\(what): \(r.stderr)")
            #expect(r.stderr.hasPrefix(shard2 + message), "\(what): \(r.stderr)")
            let left = FileManager.default.fileExists(atPath: path("all.csv")) ? try read("all.csv") : nil
            let whole = try read("whole.csv")
            #expect(left == nil || left == whole, "\(what): no half-merged output")
        }
    }

    @Test func mergeRefusesAnEditedCardAndAnotherCommit() throws {
        let files = try shards()
        let sidecar = files[1] + ".meta.json"
        let original = try String(contentsOfFile: sidecar, encoding: .utf8)
        var meta = try JSONSerialization.jsonObject(with: Data(original.utf8)) as! [String: Any]
        var cards = meta["cards_sha256"] as! [String: String]
        cards["ghaha"] = String(repeating: "0", count: 64)
        meta["cards_sha256"] = cards
        try JSONSerialization.data(withJSONObject: meta).write(to: URL(fileURLWithPath: sidecar))
        let card = try merge(files)
        #expect(card.status == 2)
        #expect(card.stderr == "error: merge: '\(files[1])' (shard 2/3) is not a shard of the same sweep as '\(files[0])': scheme card(s) ghaha differ (edited cards give other numbers)\n")
        meta = try JSONSerialization.jsonObject(with: Data(original.utf8)) as! [String: Any]
        meta["git_commit"] = String(repeating: "a", count: 40)
        try JSONSerialization.data(withJSONObject: meta).write(to: URL(fileURLWithPath: sidecar))
        let commit = try merge(files)
        #expect(commit.status == 2)
        #expect(commit.stderr.contains("(shard 2/3) is not a shard of the same sweep as '\(files[0])': built from commit aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, not "))
        #expect(commit.stderr.hasSuffix("; rerun with one clean build, or give --force to accept\n"))
        let forced = try merge(files, ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try read("all.csv") == read("whole.csv"))
    }

    @Test func mergeOfAHugeNNeedsNoListOfShards() throws {
        try sweep("h.csv", ["--shard", "1/9223372036854775807"])
        let r = try merge([path("h.csv")])
        #expect(r.status == 2)
        #expect(r.stderr == "error: merge: 9223372036854775806 of 9223372036854775807 shards missing (2/9223372036854775807, 3/9223372036854775807, 4/9223372036854775807, 5/9223372036854775807, 6/9223372036854775807, ...); give every shard 1/9223372036854775807...9223372036854775807/9223372036854775807 once\n")
    }

    @Test func outputThatIsAnInputIsRefused() throws {
        let files = try shards()
        let r = try CLI.run(["merge"] + files + ["--output", files[0]])
        #expect(r.status == 2)
        #expect(r.stderr == "error: cannot write '\(files[0])': it is also an input ('\(files[0])'); writing it would destroy what is read; choose another --output\n")
        let scenario = path("s.yaml")
        try "mobility:\n  grid: square\n".write(toFile: scenario, atomically: false, encoding: .utf8)
        let s = try CLI.run(["sweep"] + Self.grid + ["--scenario", scenario, "--output", scenario])
        #expect(s.status == 2)
        #expect(s.stderr.hasPrefix("error: cannot write '\(scenario)': it is also an input"))
        #expect(try String(contentsOfFile: scenario, encoding: .utf8) == "mobility:\n  grid: square\n")
        let plot = try CLI.run(["plot", path("whole.csv"), "--x", "links.wireless.loss", "--metric", "signaling_cost",
                                "--where", "topology.global_ha_count=1", "--output", path("whole.csv")])
        #expect(plot.status == 2)
        #expect(plot.stderr.hasPrefix("error: cannot write '\(path("whole.csv"))': it is also an input"))
    }

    /// A file-size limit stands in for a full disk: the write fails (EFBIG).
    @Test func aSweepThatCannotWriteNamesTheFile() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        let args = (["sweep"] + Self.grid + ["--output", path("big.csv")]).map { "'\($0)'" }.joined(separator: " ")
        p.arguments = ["-c", "ulimit -f 12; exec '\(CLI.executable.path)' \(args)"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(text == "error: writing '\(path("big.csv"))' failed: File too large\n")
    }
}
