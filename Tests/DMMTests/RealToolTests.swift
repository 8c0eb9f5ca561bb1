import Foundation
import Testing

/// Every table output checked in the tool a user pastes it into: pdflatex
/// (a standard one-column article, no error, no Overfull \hbox and no float
/// taller than the page), xml2rfc 3.x
/// (--text and --html without a warning), the rfc artwork width (69 columns)
/// and the terminal view (80 and 120 columns). A missing tool skips its test
/// locally; under CI=true (bash .ci/run, which installs the tools) it fails.
@Suite("Outputs in the real tools")
struct RealToolTests {
    static let ci = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The commands whose tables a user pastes (each gets --format FORMAT appended).
    static let commands: [[String]] = [
        ["table"],
        ["table", "--extended"],
        ["table", "--extended", "--method", "both", "--samples", "20000", "--caption", "Schemes & metrics: 50% of \"all\"", "--label", "tab:schemes"],
        ["evaluate"],
        ["evaluate", "--method", "both", "--samples", "20000"],
        ["evaluate", "--list-parameters"],
        ["mobility", "crossings", "--residence", "gamma:shape=2,mean=60", "--session", "exponential:mean=120"],
        ["mobility", "anchors", "--residence", "exponential:mean=60", "--session", "exponential:mean=300", "--session-rate", "0.01"],
        ["validate", "--only", "cost."],
        ["validate", "--campaign", "2", "--samples", "65536", "--worst", "5"],
        ["compare"],
        ["compare", "--method", "both", "--samples", "20000"],
        ["crossover", "--vary", "mobility.residence.mean=5:600:log"],
    ]

    /// The path of `tool` on PATH, or nil.
    static func which(_ tool: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func available(_ tool: String) -> Bool { ci || which(tool) != nil }

    /// Runs `tool` in `directory`; returns exit status and combined output.
    static func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let path = try #require(which(tool), "\(tool) is not installed (bash .ci/install-deps installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let log = directory.appendingPathComponent("\(tool)-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }

    static func output(_ command: [String], _ format: String) throws -> String {
        let result = try CLI.run(command + ["--format", format])
        // validate exits 1 when a case fails; the table is printed either way.
        #expect(result.status == 0 || command.first == "validate", "\(command): \(result.stderr)")
        #expect(!result.stdout.isEmpty, "\(command)")
        return result.stdout
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(.enabled(if: available("pdflatex"), "pdflatex is not installed (bash .ci/install-deps)"), arguments: commands + [["table", "--extended", "--landscape"]])
    func latexCompilesInAnArticleWithoutOverfullBoxes(command: [String]) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = try Self.output(command, "latex")
        let requirement = try #require(table.split(separator: "\n").first)
        #expect(requirement.hasPrefix("% Requires in the preamble: \\usepackage{"))
        let packages = requirement.split(separator: "{")[1].dropLast()
        let document = """
            \\documentclass{article}
            \\usepackage{\(packages)}
            \\begin{document}
            \(table)
            \\end{document}

            """
        try Data(document.utf8).write(to: directory.appendingPathComponent("paper.tex"))
        let (status, _) = try Self.run("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "paper.tex"], in: directory)
        let log = String(decoding: try Data(contentsOf: directory.appendingPathComponent("paper.log")), as: UTF8.self)
        #expect(status == 0, "\(command): pdflatex failed: \(log.split(separator: "\n").filter { $0.hasPrefix("!") })")
        let overfull = log.split(separator: "\n").filter { $0.contains("Overfull \\hbox") }
        #expect(overfull.isEmpty, "\(command): \(overfull)")
        // A float taller than the page runs past the bottom margin over the page number.
        let tooLarge = log.split(separator: "\n").filter { $0.contains("Float too large for page") }
        #expect(tooLarge.isEmpty, "\(command): \(tooLarge)")
        #expect(table.contains("\\begin{table}") && table.contains("\\caption{") && table.contains("\\toprule"))
    }

    @Test(.enabled(if: available("xml2rfc"), "xml2rfc is not installed (bash .ci/install-deps)"), arguments: commands)
    func xml2rfcRendersWithoutWarnings(command: [String]) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tables = try Self.output(command, "xml2rfc")
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rfc xmlns:xi="http://www.w3.org/2001/XInclude" version="3" category="info" docName="draft-dmmkit-test-00" ipr="trust200902" submissionType="IETF">
            <front><title>dmmkit tables</title><author fullname="A. Tester"><organization>dmmkit</organization></author>
            <date year="2026"/><abstract><t>Tables.</t></abstract></front>
            <middle><section><name>Tables</name>
            \(tables)
            </section></middle>
            </rfc>

            """
        try Data(document.utf8).write(to: directory.appendingPathComponent("draft.xml"))
        for mode in ["--text", "--html"] {
            let (status, out) = try Self.run("xml2rfc", [mode, "draft.xml"], in: directory)
            #expect(status == 0, "\(command) \(mode): \(out)")
            #expect(!out.contains("Warning") && !out.contains("Error"), "\(command) \(mode): \(out)")
        }
        #expect(tables.contains("<table") && tables.contains("<thead>") && tables.contains("<tbody>"))
    }

    @Test(arguments: commands)
    func rfcArtworkIsASCIIAndAtMost69Columns(command: [String]) throws {
        let text = try Self.output(command, "rfc")
        let long = text.split(separator: "\n").filter { $0.count > 69 }
        #expect(long.isEmpty, "\(command): \(long)")
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        #expect(!text.contains("Table 1:"))
    }

    /// The default view on a terminal, the width injected with the hidden
    /// --terminal-width (a test cannot give dmm a tty).
    @Test(arguments: [80, 120])
    func terminalViewFitsTheWidth(width: Int) throws {
        for command in [["table"], ["table", "--extended"], ["evaluate"], ["evaluate", "--method", "both", "--samples", "20000"]] {
            let result = try CLI.run(command + ["--terminal-width", String(width)])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let long = result.stdout.split(separator: "\n").filter { $0.count > width }
            #expect(long.isEmpty, "\(command) at \(width): \(long.count) lines too long")
            #expect(!result.stdout.contains("| :--"), "the terminal view is not a pipe table")
        }
        // Not a terminal and no width: the full pipe table, as before.
        let piped = try CLI.run(["evaluate"])
        #expect(piped.stdout.hasPrefix("| Scheme "))
    }
}
