import Foundation
import Testing

/// pgfplots figures from the real tool, compiled by the real pdflatex: each on
/// its own (the PDF has the requested size) and inside a minimal article with
/// \input (the standalone package drops the figure's preamble), with no error.
/// pdflatex comes from .ci/install-deps --report; without it these tests are
/// skipped locally and fail in CI (CI=true).
@Suite("pgfplots figures compile with pdflatex")
struct PGFPlotsCompileTests {
    static let pdflatex: String? = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var ci: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    static let golden = CLI.packageRoot.appendingPathComponent("Tests/ReportsTests/Golden").path

    struct Figure: CustomStringConvertible, Sendable {
        let name: String, arguments: [String]
        var description: String { name }
    }

    static let figures: [Figure] = [
        Figure(name: "line", arguments: ["\(golden)/plot-small.csv", "--x", "mobility.residence.mean", "--metric", "signaling_cost",
                                        "--where", "traffic.session_rate=0.01", "--log-x", "--log-y"]),
        Figure(name: "facet", arguments: ["\(golden)/plot-small.csv", "--x", "mobility.residence.mean", "--metric", "signaling_cost",
                                         "--facet", "traffic.session_rate"]),
        Figure(name: "law", arguments: ["\(golden)/law-small.csv", "--x", "traffic.session_duration", "--metric", "handoff_latency"]),
        Figure(name: "bars", arguments: ["\(golden)/bars-small.csv", "--bars"]),
    ]

    static func latex(_ file: String, in directory: URL) throws -> (status: Int32, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdflatex!)
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", file]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = (try? String(contentsOf: directory.appendingPathComponent(file.replacingOccurrences(of: ".tex", with: ".log")), encoding: .utf8)) ?? ""
        return (process.terminationStatus, log)
    }

    /// Errors in a TeX log: lines starting with "!".
    static func errors(_ log: String) -> [String] { log.split(separator: "\n").filter { $0.hasPrefix("!") }.map(String.init) }

    @Test(arguments: figures)
    func compilesStandaloneAndInsideAnArticle(figure: Figure) throws {
        guard Self.pdflatex != nil else {
            #expect(!Self.ci, "pdflatex is missing; .ci/install-deps --report installs it")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-pgf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["plot"] + figure.arguments + ["--format", "pgfplots", "--width", "3.5in", "--output", dir.appendingPathComponent("fig.tex").path])
        #expect(result.status == 0, "\(result.stderr)")

        let alone = try Self.latex("fig.tex", in: dir)
        #expect(alone.status == 0 && Self.errors(alone.log).isEmpty, "\(Self.errors(alone.log))")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("fig.pdf").path))

        let article = """
            \\documentclass{article}
            \\usepackage{standalone}
            \\usepackage{pgfplots}
            \\usepgfplotslibrary{groupplots}
            \\usetikzlibrary{calc}
            \\pgfplotsset{compat=1.16}
            \\begin{document}
            Text before the figure.
            \\begin{figure}\\centering
            \\input{fig.tex}
            \\caption{A dmm figure.}
            \\end{figure}
            \\end{document}

            """
        try Data(article.utf8).write(to: dir.appendingPathComponent("paper.tex"))
        let paper = try Self.latex("paper.tex", in: dir)
        #expect(paper.status == 0 && Self.errors(paper.log).isEmpty, "\(Self.errors(paper.log))")
        #expect(!paper.log.contains("Overfull \\hbox"), "the figure is wider than the article's text")
    }
}
