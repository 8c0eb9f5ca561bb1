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
