import Evaluation
import Foundation
import FoundationXML
import Testing
@testable import Reports

@Suite struct DecisionFigureTests {
    /// A 3 x 2 map drawn by hand:   y1: b b a
    ///                              y0: a b b
    static let map: RegimeMap = {
        func c(_ w: String) -> RegimeMap.Cell { .init(winners: [w], best: 1, runnerUp: nil, runnerUpValue: nil) }
        return RegimeMap(
            x: ParameterRange(path: "mobility.residence.mean", start: 10, stop: 1000, log: true, count: 3),
            y: ParameterRange(path: "traffic.local_cn_fraction", start: 0, stop: 1, log: false, count: 2),
            metric: MetricKey(.signalingCost), schemes: ["a", "b"],
            cells: [c("a"), c("b"), c("b"), c("b"), c("b"), c("a")])
    }()

    @Test func runsMergeEqualNeighboursAndBoundariesSeparateRegions() {
        let runs = RegimeMapFigure.runs(Self.map).map { "\($0.j):\($0.from)-\($0.to)=\($0.label)" }
        #expect(runs == ["0:0-0=a", "0:1-2=b", "1:0-1=b", "1:2-2=a"])
        let b = RegimeMapFigure.boundaries(Self.map).map { "\($0.x0),\($0.y0)-\($0.x1),\($0.y1)" }
        // Vertical: between x0|x1 on row 0, between x1|x2 on row 1. Horizontal: above x0 and above x2.
        #expect(b == ["0.5,-0.5-0.5,0.5", "1.5,0.5-1.5,1.5", "-0.5,0.5-0.5,0.5", "1.5,0.5-2.5,0.5"])
    }

    @Test func svgIsWellFormedWithOneRectPerRunAndTheLegend() throws {
        let svg = RegimeMapFigure.svg([Self.map, Self.map])
        let doc = try XMLDocument(xmlString: svg, options: [])
        #expect(doc.rootElement()?.name == "svg")
        #expect(svg.components(separatedBy: "shape-rendering=\"crispEdges\"").count == 3)
        #expect(svg.contains(">a</text>") && svg.contains(">b</text>"))
        #expect(svg.contains("width=\"174.62mm\""))  // two 330-px panels at 96 px per inch
    }

    /// The pgfplots figure compiles with pdflatex (run for real when TeX Live is
    /// installed, which .ci/install-deps does; required when CI=true).
    @Test func pgfplotsCompilesWithPdflatex() throws {
        let tex = RegimeMapFigure.pgfplots([Self.map])
        #expect(tex.contains("\\fill[dmmregiona]") && tex.contains("xmode=log"))
        guard let pdflatex = Tool.find("pdflatex") else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "CI=true but pdflatex is not installed")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-pgf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try tex.write(to: dir.appendingPathComponent("map.tex"), atomically: true, encoding: .utf8)
        let doc = "\\documentclass{article}\n\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.16}\n\\begin{document}\n\\input{map.tex}\n\\end{document}\n"
        try doc.write(to: dir.appendingPathComponent("doc.tex"), atomically: true, encoding: .utf8)
        let status = try Tool.run(pdflatex, ["-interaction=nonstopmode", "-halt-on-error", "doc.tex"], in: dir)
        #expect(status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("doc.pdf").path))
    }

    /// The report's cards hash is what `cat Models/schemes/*.yaml | sha256sum` prints.
    @Test func cardsDigestMatchesSha256sum() throws {
        guard let sha256sum = Tool.find("sha256sum") else { return }
        let dir = try ModelsLocator.schemesDirectory()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        var all = Data()
        for n in names { all += try Data(contentsOf: dir.appendingPathComponent(n)) }
        try all.write(to: out)
        let printed = try Tool.output(sha256sum, [out.path])
        #expect(try CardsDigest.sha256(directory: dir) == String(printed.prefix(64)))
    }
}

/// External programs for the tests that use the real tools.
enum Tool {
    static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(_ path: String, _ args: [String], in dir: URL) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    static func output(_ path: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
