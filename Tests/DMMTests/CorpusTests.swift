import Foundation
import Testing

/// The output corpus (Tests/Corpus/commands.tsv, written by
/// scripts/golden-corpus.sh): every command that prints numbers, on every preset,
/// in csv and markdown, rerun and compared byte for byte with
/// Tests/Corpus/expected/. A refactoring must leave it unchanged; a model fix
/// regenerates it and its diff shows every number the fix moved.
@Suite("output corpus")
struct CorpusTests {
    struct Entry: CustomStringConvertible, Sendable {
        let name: String, arguments: [String], writesFile: Bool
        var description: String { name }
    }

    static let directory = CLI.packageRoot.appendingPathComponent("Tests/Corpus")

    static let entries: [Entry] = {
        let text = (try? String(contentsOf: directory.appendingPathComponent("commands.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let fields = line.split(separator: "\t", maxSplits: 1)
            let args = fields[1].split(separator: " ").map(String.init)
            return Entry(name: String(fields[0]), arguments: args, writesFile: args.contains("{out}"))
        }
    }()

    @Test func theCorpusCoversEveryPresetAndCommand() {
        let names = Self.entries.map(\.name)
        for preset in ["default", "urban-cdn", "vehicular", "campus"] {
            for command in ["table-extended", "evaluate", "evaluate-both", "evaluate-mc"] {
                for format in ["csv", "markdown"] { #expect(names.contains("\(command)-\(preset).\(format)")) }
            }
            #expect(names.contains("sweep-\(preset).csv"))
        }
        #expect(names.contains("validate.csv") && names.contains("crossings-gamma-exp.csv") && names.contains("anchors-exp-exp.csv"))
    }

    @Test(arguments: entries)
    func outputIsTheCommittedOne(entry: Entry) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let result = try CLI.run(entry.arguments.map { $0 == "{out}" ? out.path : $0 })
        #expect(result.status == 0, "\(result.stderr)")
        let produced = entry.writesFile ? try Data(contentsOf: out) : Data(result.stdout.utf8)
        let expected = try Data(contentsOf: Self.directory.appendingPathComponent("expected/\(entry.name)"))
        #expect(produced == expected, "output of dmm \(entry.arguments.joined(separator: " ")) differs from Tests/Corpus/expected/\(entry.name); if a model fix moved it on purpose, run scripts/golden-corpus.sh and explain the diff in the commit")
    }
}
