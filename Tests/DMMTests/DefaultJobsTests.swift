import Foundation
import Testing

/// The default --jobs is the CPUs the process may run on (its affinity mask),
/// not every core of the machine: a Slurm task or a pinned GNU parallel job
/// must not oversubscribe its node. The reference is `nproc` (coreutils), which
/// counts the same mask independently; `sweep --bench` prints the job count.
@Suite("dmm default --jobs follows CPU affinity")
struct DefaultJobsTests {
    static let taskset = "/usr/bin/taskset"

    static func defaultJobs(pinnedTo cpus: String?) throws -> (jobs: Int?, nproc: Int?) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let prefix = cpus.map { [taskset, "-c", $0] } ?? []
        let sweep = try run(prefix + [
            CLI.executable.path, "sweep", "--vary", "traffic.session_rate=0.001:0.1:3",
            "--schemes", "mipv6", "--output", scratch.appendingPathComponent("s.csv").path, "--bench",
        ])
        let nproc = try run(prefix + ["/usr/bin/nproc"])
        let jobs = sweep.stderr.firstMatch(of: /\(jobs (\d+)\)/).flatMap { Int($0.1) }
        return (jobs, Int(nproc.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    static func run(_ command: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both outputs are a few lines: far below a pipe's buffer.
        process.waitUntilExit()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(command.joined(separator: " ")): \(stderr)")
        return (process.terminationStatus, stdout, stderr)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: taskset), "needs taskset (util-linux)"))
    func pinnedToOneCPUDefaultsToOneJob() throws {
        let pinned = try Self.defaultJobs(pinnedTo: "0")
        #expect(pinned.nproc == 1)
        #expect(pinned.jobs == 1)
    }

    @Test func unpinnedDefaultIsTheAffinityMaskSize() throws {
        let free = try Self.defaultJobs(pinnedTo: nil)
        #expect(free.nproc != nil)
        #expect(free.jobs == free.nproc)
    }
}
