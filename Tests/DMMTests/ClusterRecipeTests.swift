import Foundation
import Testing

/// The distribution tarball and the README's cluster recipes, run for real by
/// Tests/Cluster/run-all.sh: the static build packed with Models/, checked with
/// the toolchain hidden; the Slurm array on a single-node Slurm with a
/// cancelled and resubmitted task; GNU parallel; each merge byte-identical to
/// the unsharded sweep. It needs root, Slurm, munge and GNU parallel
/// (.ci/install-deps) and a release build of a few minutes, so it runs when
/// CI=true (bash .ci/run sets it) and is required there.
@Suite("cluster recipes (Tests/Cluster)")
struct ClusterRecipeTests {
    static let enabled = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: enabled, "set CI=true (as bash .ci/run does) to build the static tarball and run the Slurm and GNU parallel recipes"))
    func distributionAndRecipesRunForReal() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let log = scratch.appendingPathComponent("log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLI.packageRoot.appendingPathComponent("Tests/Cluster/run-all.sh").path]
        process.currentDirectoryURL = CLI.packageRoot
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = String(decoding: try Data(contentsOf: log), as: UTF8.self)
        #expect(process.terminationStatus == 0, "Tests/Cluster/run-all.sh exited \(process.terminationStatus):\n\(output.suffix(6000))")
        #expect(output.contains("all cluster tests passed"), "\(output.suffix(2000))")
        // The timings, for the CI log.
        for line in output.split(separator: "\n") where line.contains(" passed in ") || line.contains(" ready in ") {
            print(line)
        }
    }
}
