import Foundation
import Testing

/// `--output` under one policy (DESIGN.md 4): atomic regular files, symlinks
/// written through, read-only targets and inputs refused, devices and FIFOs
/// written in place, write errors exit 1 naming the file.
@Suite("Output policy: atomic files, devices, symlinks, inputs, write errors")
struct OutputPolicyTests {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-out-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    static let schemes = ["schemes"]
    static let evaluate = ["evaluate", "--schemes", "mipv6", "--format", "csv"]

    func fileType(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    @Test func devNullStaysADevice() throws {
        #expect(try fileType("/dev/null") == .typeCharacterSpecial)
        let r = try CLI.run(Self.evaluate + ["--output", "/dev/null"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try fileType("/dev/null") == .typeCharacterSpecial)
    }

    @Test func devFullIsAWriteErrorNamingTheFile() throws {
        let r = try CLI.run(Self.evaluate + ["--output", "/dev/full"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: writing '/dev/full' failed: No space left on device\n")
    }

    @Test func fullStdoutExitsOneWithoutATrap() throws {
        for command in [Self.evaluate, Self.schemes, ["bench", "--samples", "10", "--repeats", "1", "--generators", "taus2"]] {
            let r = try CLI.run(command, stdoutPath: "/dev/full")
            #expect(r.status == 1, "\(command)")
            #expect(r.stderr == "error: writing 'standard output' failed: No space left on device\n", "\(command)")
        }
    }

    @Test func devStdoutPrintsTheTable() throws {
        let direct = try CLI.run(Self.evaluate)
        let viaDevice = try CLI.run(Self.evaluate + ["--output", "/dev/stdout"])
        #expect(viaDevice.status == 0, "\(viaDevice.stderr)")
        #expect(viaDevice.stdout == direct.stdout)
        #expect(direct.stdout.hasPrefix("scheme,"))
    }

    @Test func fifoIsWrittenInPlace() throws {
        let fifo = path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = LockedData()
        let reader = Thread {
            if let h = FileHandle(forReadingAtPath: fifo) { received.set(h.readDataToEndOfFile()) }
        }
        reader.start()
        let r = try CLI.run(Self.evaluate + ["--output", fifo])
        #expect(r.status == 0, "\(r.stderr)")
        while !received.isSet { usleep(10_000) }
        #expect(String(decoding: received.get(), as: UTF8.self) == (try CLI.run(Self.evaluate)).stdout)
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func symlinkIsWrittenThroughAndStays() throws {
        try "old".write(toFile: path("target.csv"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("link.csv"), withDestinationPath: "target.csv")
        let r = try CLI.run(Self.evaluate + ["--output", path("link.csv")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try fileType(path("link.csv")) == .typeSymbolicLink)
        #expect(try String(contentsOfFile: path("target.csv"), encoding: .utf8) == (try CLI.run(Self.evaluate)).stdout)
    }

    @Test func readOnlyTargetIsRefused() throws {
        try "keep".write(toFile: path("ro.csv"), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path("ro.csv"))
        let r = try CLI.run(Self.evaluate + ["--output", path("ro.csv")])
        #expect(r.status == 2)
        #expect(r.stderr == "error: cannot write '\(path("ro.csv"))': it is read-only; make it writable (chmod u+w) or choose another --output\n")
        #expect(try String(contentsOfFile: path("ro.csv"), encoding: .utf8) == "keep")
    }

    @Test func scenarioFileAsOutputIsRefused() throws {
        let scenario = path("s.yaml")
        try "mobility:\n  grid: square\n".write(toFile: scenario, atomically: false, encoding: .utf8)
        for command in ["evaluate", "table"] {
            let extra = command == "table" ? ["--extended"] : []
            let r = try CLI.run([command] + extra + ["--scenario", scenario, "--output", scenario])
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stderr == "error: cannot write '\(scenario)': it is also an input ('\(scenario)'); writing it would destroy what is read; choose another --output\n")
        }
        #expect(try String(contentsOfFile: scenario, encoding: .utf8) == "mobility:\n  grid: square\n")
    }

    @Test func longOutputNamesUpTo255BytesWork() throws {
        for length in [244, 250, 255] {
            let name = String(repeating: "n", count: length - 4) + ".csv"
            let r = try CLI.run(Self.evaluate + ["--output", path(name)])
            #expect(r.status == 0, "\(length): \(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: path(name)))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func helpOfAnUnknownCommandIsBadUsage() throws {
        let r = try CLI.run(["help", "frobnicate"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: dmm help: unknown command 'frobnicate'; allowed: schemes, table, evaluate, mobility, sweep, merge, plot, validate, bench, bench-simulation\n")
    }

    @Test func benchWithNoGeneratorsIsBadUsage() throws {
        let r = try CLI.run(["bench", "--generators", ""])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: --generators is empty; allowed: a comma-separated list of taus2, gfsr4, mt19937, ranlxd1\n"))
    }

    @Test func benchNeverPrintsInfinity() throws {
        let r = try CLI.run(["bench", "--samples", "10", "--repeats", "1", "--generators", "taus2", "--law", "deterministic:value=1e306"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("inf"))
        #expect(r.stdout.contains(",1e+306\n"))
    }

    @Test func versionNamesCommitAndBuildKind() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        let commit = try Self.git(["rev-parse", "HEAD"]).prefix(12)
        #expect(r.stdout.hasPrefix("dmm 0.1.0 (commit \(commit)"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix(" build)\n"))
    }

    static func git(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", CLI.packageRoot.path] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Bytes handed from a reader thread to the test.
final class LockedData: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
}
