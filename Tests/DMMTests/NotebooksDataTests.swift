import Foundation
import Testing

/// The committed datasets of notebooks-data/ are what notebooks-data/regenerate.sh
/// produces: each dataset's sweep (from datasets.tsv, the list the script
/// reads) is rerun here and its CSV compared byte for byte. Sidecars are not
/// compared: their git commit and command line differ by design.
@Suite("notebooks-data datasets")
struct NotebooksDataTests {
    struct Dataset: CustomStringConvertible, Sendable {
        let name: String, sweep: [String]
        var description: String { name }
    }

    static let directory = CLI.packageRoot.appendingPathComponent("notebooks-data")

    static let datasets: [Dataset] = {
        let text = (try? String(contentsOf: directory.appendingPathComponent("datasets.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return Dataset(name: String(fields[0]), sweep: fields[2].split(separator: " ").map(String.init))
        }
    }()

    /// Whether jupyter can execute the notebook here (nbconvert, a python kernel, pandas, matplotlib).
    static let jupyterPresent: Bool = {
        guard RealToolTests.which("jupyter") != nil, let python = RealToolTests.which("python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import nbconvert, ipykernel, pandas, matplotlib"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// The notebook executes from the repository root, as the README says to run it;
    /// skipped locally without jupyter, a failure under CI=true (.ci/install-deps --tools).
    @Test(.enabled(if: RealToolTests.ci || jupyterPresent, "jupyter with pandas and matplotlib is not installed (bash .ci/install-deps --tools)"))
    func notebookExecutesFromTheRepositoryRoot() throws {
        let scratch = try RealToolTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Through sh so that jupyter starts at the repository root while the run's log goes to scratch.
        _ = try #require(RealToolTests.which("jupyter"), "jupyter is not installed (bash .ci/install-deps --tools)")
        let command = "cd '\(CLI.packageRoot.path)' && jupyter nbconvert --to notebook --execute notebooks-data/datasets.ipynb --output-dir '\(scratch.path)'"
        let (status, output) = try RealToolTests.run("sh", ["-c", command], in: scratch)
        #expect(status == 0, "\(output)")
        let executed = try String(contentsOf: scratch.appendingPathComponent("datasets.ipynb"), encoding: .utf8)
        // Every code cell ran without an error output, and the four plots were drawn.
        #expect(!executed.contains("\"output_type\": \"error\""), "\(executed.prefix(2000))")
        #expect(executed.components(separatedBy: "image/png").count - 1 >= Self.datasets.count)
    }

    /// regenerate.sh on a copy of notebooks-data/ changes no byte of it: the committed
    /// CSVs, SVGs and sidecars are current, and a rerun does not rewrite a sidecar
    /// only because the commit or the dmm path differ.
    @Test(.enabled(if: RealToolTests.which("python3") != nil || RealToolTests.ci, "python3 is not installed"))
    func regenerateLeavesCurrentFilesUntouched() throws {
        let scratch = try RealToolTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent("notebooks-data")
        try FileManager.default.copyItem(at: Self.directory, to: copy)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [copy.appendingPathComponent("regenerate.sh").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["DMM": CLI.executable.path]) { $1 }
        let log = scratch.appendingPathComponent("log")
        #expect(FileManager.default.createFile(atPath: log.path, contents: nil), "cannot create \(log.path)")
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = try String(contentsOf: log, encoding: .utf8)
        #expect(process.terminationStatus == 0, "\(output)")
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).sorted() {
            let original = try Data(contentsOf: Self.directory.appendingPathComponent(name))
            let after = try Data(contentsOf: copy.appendingPathComponent(name))
            #expect(after == original, "\(name) was rewritten: \(output)")
        }
        #expect(output.components(separatedBy: " unchanged").count - 1 == Self.datasets.count, "\(output)")
    }

    @Test func theListHasTheFourCanonicalDatasets() {
        #expect(Self.datasets.count >= 4)
    }

    @Test(arguments: datasets)
    func committedCSVIsWhatTheScriptProduces(dataset: Dataset) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-nb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("\(dataset.name).csv").path
        let result = try CLI.run(["sweep"] + dataset.sweep + ["--output", out])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = try Data(contentsOf: Self.directory.appendingPathComponent("\(dataset.name).csv"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == committed)
        #expect(FileManager.default.fileExists(atPath: Self.directory.appendingPathComponent("\(dataset.name).csv.meta.json").path))
        #expect(FileManager.default.fileExists(atPath: Self.directory.appendingPathComponent("\(dataset.name).svg").path))
    }
}
