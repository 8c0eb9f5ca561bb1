import Foundation
import Testing

/// dmm compare, crossover, map and report as a user runs them.
@Suite("dmm compare, crossover, map, report") struct DecisionCommandTests {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-decide-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func csv(_ text: String) -> [[String: String]] {
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].components(separatedBy: ",")
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.components(separatedBy: ","))) }
    }

    /// compare's csv against evaluate's csv for the same scenario and method: the
    /// same estimates, and ranks and ties recomputed from evaluate's numbers.
    @Test(arguments: [
        ["--scenario", "vehicular"],
        ["--method", "monte-carlo", "--samples", "65536", "--seed", "5", "--jobs", "2", "--schemes", "mipv6,pmipv6,spmip,dma"],
    ])
    func compareRanksEvaluateNumbers(args: [String]) throws {
        let metrics = "signaling_cost,handoff_latency,path_stretch"
        let compare = try CLI.run(["compare", "--format", "csv", "--metrics", metrics] + args)
        #expect(compare.status == 0, "\(compare.stderr)")
        let evaluate = try CLI.run(["evaluate", "--format", "csv"] + args)
        #expect(evaluate.status == 0)
        let ranked = Self.csv(compare.stdout), rows = Self.csv(evaluate.stdout)
        // A closed-form ranking has no interval columns (empty in every row, docs/DATA.md).
        let intervals = args.contains("monte-carlo") ? "ci_low,ci_high," : ""
        #expect(compare.stdout.hasPrefix("metric,unit,better,rank,scheme,method,estimate,\(intervals)ratio_to_best,baseline,ratio_to_baseline,tied_with,pareto\r\n"))
        for metric in metrics.split(separator: ",").map(String.init) {
            let mine = ranked.filter { $0["metric"] == metric }
            let theirs = rows.filter { $0["metric"] == metric }
            #expect(mine.count == theirs.count && !mine.isEmpty)
            func bounds(_ r: [String: String]) -> (Double, Double) {
                let x = Double(r["estimate"]!)!
                return (r["ci_low"].flatMap { Double($0) } ?? x, r["ci_high"].flatMap { Double($0) } ?? x)
            }
            for r in mine {
                let e = theirs.first { $0["scheme"] == r["scheme"] }!
                #expect(r["estimate"] == e["estimate"] && r["ci_low"] == e["ci_low"] && r["ci_high"] == e["ci_high"])
                let (lo, hi) = bounds(e)
                let better = theirs.filter { bounds($0).1 < lo && abs(bounds($0).1 - lo) > 1e-9 * lo }
                #expect(Int(r["rank"]!) == 1 + better.count, "\(metric) \(r["scheme"]!)")
                let tied = theirs.filter {
                    $0["scheme"] != e["scheme"] && !(bounds($0).1 < lo && abs(bounds($0).1 - lo) > 1e-9 * lo)
                        && !(hi < bounds($0).0 && abs(bounds($0).0 - hi) > 1e-9 * hi)
                }.map { $0["scheme"]! }
                #expect(Set(r["tied_with"]!.split(separator: " ").map(String.init)) == Set(tied), "\(metric) \(r["scheme"]!)")
                #expect(r["baseline"] == "mipv6")
            }
        }
    }

    @Test func compareRendersEveryFormat() throws {
        for format in ["markdown", "latex", "rfc", "json"] {
            let r = try CLI.run(["compare", "--format", format, "--schemes", "mipv6,pmipv6,dma"])
            #expect(r.status == 0 && r.stderr.isEmpty)
            if format == "rfc" { #expect(r.stdout.components(separatedBy: "\n").allSatisfy { $0.count <= 72 }) }
            if format == "json" {
                let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
                #expect(parsed?.count == 12)
                #expect(parsed?.first?["rank"] as? Int == 1)
            }
            if format == "markdown" { #expect(r.stdout.contains("Pareto-optimal across")) }
        }
    }

    @Test func badDecisionInputExitsTwoSayingWhat() throws {
        let cases: [([String], String)] = [
            (["compare", "--schemes", "mipv6,pmipv6", "--baseline", "dma"],
             "error: --baseline dma is not among the compared schemes; allowed: mipv6, pmipv6\n"),
            (["compare", "--metrics", "latency"], "error: --metrics latency is not a metric; allowed: "),
            (["crossover", "--vary", "mobility.residence.mean=600:5"], "error: --vary 'mobility.residence.mean=600:5': START must be below STOP; allowed: "),
            (["crossover", "--vary", "mobility.nope=1:2"], "error: "),
            (["crossover", "--vary", "mobility.residence.mean=5:600", "--metric", "handoff_latency_p95"],
             "error: --metric handoff_latency_p95 has no closed form (Monte Carlo only); crossings are located on the closed form\n"),
            (["map"], "error: without --x and --y, dmm map writes the seed's six maps: give --output-dir DIR (or --x and --y for one map)\n"),
            (["map", "--x", "traffic.local_cn_fraction=0:1"], "error: give both --x and --y (or neither, for the seed's maps)\n"),
            (["map", "--x", "traffic.local_cn_fraction=0:1", "--y", "traffic.local_cn_fraction=0:1"],
             "error: --x and --y both vary traffic.local_cn_fraction; choose two different parameters\n"),
            (["map", "--x", "a=0:1:2000", "--y", "b=0:1:2000"], "error: a 2000 x 2000 grid is 4000000 closed-form points of every scheme, more than 1000000; lower COUNT or --resolution, or add --force\n"),
            (["report", "--resolution", "1"], "error: --resolution 1 is out of range; allowed: 2...400\n"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.hasPrefix(message), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func crossoverCSVIsTidyAndSided() throws {
        let r = try CLI.run(["crossover", "--vary", "mobility.residence.mean=5:600:log", "--metric", "signaling_cost"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("pair,metric,path,value,below,above,unit,estimate\r\n"))
        let rows = Self.csv(r.stdout)
        #expect(rows.count >= 10)
        for row in rows {
            let pair = row["pair"]!.split(separator: "/").map(String.init)
            #expect(Set([row["below"]!, row["above"]!]) == Set(pair))
            let x = Double(row["value"]!)!
            #expect(x > 5 && x < 600)
            #expect(row["path"] == "mobility.residence.mean" && row["unit"] == "byte_hops_per_s")
        }
        // HMIPv6/PMIPv6 (the issue's hand-made pandas analysis found it at about 246 s,
        // before HMIPv6's HA binding got its own refresh clock, issue 11 defect 2):
        // `dmm evaluate` just below and just above the reported point must rank the two
        // schemes as the row says, and the two values must meet there.
        let hp = try #require(rows.first { Set($0["pair"]!.split(separator: "/")) == ["pmipv6", "hmipv6"] })
        let x = Double(hp["value"]!)!
        func cost(at residence: Double) throws -> [String: Double] {
            let e = try CLI.run(["evaluate", "--schemes", "hmipv6,pmipv6", "--format", "csv",
                                 "--set", "mobility.residence.mean=\(residence)"])
            var out: [String: Double] = [:]
            for row in Self.csv(e.stdout) where row["metric"] == "signaling_cost" { out[row["scheme"]!] = Double(row["estimate"]!)! }
            return out
        }
        let below = try cost(at: x * (1 - 1e-3)), above = try cost(at: x * (1 + 1e-3)), at = try cost(at: x)
        #expect(below[hp["below"]!]! < below[hp["above"]!]!)
        #expect(above[hp["above"]!]! < above[hp["below"]!]!)
        #expect(abs(at["hmipv6"]! - at["pmipv6"]!) <= 1e-5 * at["pmipv6"]!)
    }

    @Test func mapWritesCSVSVGAndPgfplots() throws {
        let base = ["map", "--x", "mobility.residence.mean=5:600:9:log", "--y", "traffic.session_duration.mean=10:3600:7:log",
                    "--metric", "signaling_cost,handoff_latency"]
        let csv = try CLI.run(base)
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("mobility.residence.mean,traffic.session_duration.mean,metric,unit,winner,best,runner_up,runner_up_value,margin,margin_ratio\r\n"))
        #expect(Self.csv(csv.stdout).count == 9 * 7 * 2)
        for format in ["svg", "pgfplots"] {
            let out = scratch.appendingPathComponent("m.\(format)").path
            let r = try CLI.run(base + ["--format", format, "--output", out])
            #expect(r.status == 0 && r.stdout.isEmpty)
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.hasPrefix(format == "svg" ? "<svg" : "% dmm map"))
        }
        let dir = scratch.appendingPathComponent("seed")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let seed = try CLI.run(["map", "--output-dir", dir.path, "--resolution", "5"])
        #expect(seed.status == 0, "\(seed.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["map-residence-local_cn.csv", "map-residence-local_cn.svg", "map-residence-local_cn.tex",
                          "map-residence-session.csv", "map-residence-session.svg", "map-residence-session.tex"])
    }

    /// The largest page count the report prints to, on letter and on A4 (README, dmm report --help).
    static let maximumPages = 9

    /// The report is self-contained, and headless Chromium loads it without a
    /// console error, draws a non-blank screenshot and prints it to at most
    /// `maximumPages` pages on letter and on A4. Needs chromium, ImageMagick and
    /// pdfinfo (.ci/install-deps); required when CI=true, skipped elsewhere without them.
    @Test func reportLoadsInChromiumAndPrints() throws {
        let html = scratch.appendingPathComponent("report.html")
        let r = try CLI.run(["report", "--output", html.path, "--resolution", "24"])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        for needle in ["<script", "<link", " src=", "@import", "url("] { #expect(!page.contains(needle), "\(needle)") }
        #expect(page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http") == false)
        for id in ["table1", "extended", "metrics", "ranking", "maps", "crossovers", "scenario", "provenance"] {
            #expect(page.contains("<section id=\"\(id)\">"))
        }
        #expect(page.components(separatedBy: "<svg").count - 1 == 8 + 2)  // eight bar charts, two map figures

        let chromium = ExternalTool.find(["chromium", "chromium-browser", "google-chrome"])
        let convert = ExternalTool.find(["convert"]), pdfinfo = ExternalTool.find(["pdfinfo"])
        guard let chromium, let convert, let pdfinfo else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "CI=true but chromium, ImageMagick or pdfinfo is missing")
            return
        }
        // The console check can fail: a page that logs an error is caught.
        let bad = scratch.appendingPathComponent("bad.html")
        try "<!DOCTYPE html><html><body><script>console.error('dmm-probe')</script></body></html>".write(to: bad, atomically: true, encoding: .utf8)
        let probe = try ExternalTool.run(chromium, ExternalTool.chromiumFlags + ["--enable-logging=stderr", "--v=0", "--dump-dom", bad.absoluteString])
        #expect(ExternalTool.consoleErrors(probe.stderr).contains { $0.contains("dmm-probe") })

        let shot = scratch.appendingPathComponent("shot.png")
        let load = try ExternalTool.run(chromium, ExternalTool.chromiumFlags + [
            "--enable-logging=stderr", "--v=0", "--window-size=1366,900", "--screenshot=\(shot.path)", html.absoluteString,
        ])
        #expect(load.status == 0)
        #expect(ExternalTool.consoleErrors(load.stderr).isEmpty, "\(ExternalTool.consoleErrors(load.stderr))")
        let deviation = try ExternalTool.run(convert, [shot.path, "-format", "%[fx:standard_deviation]", "info:"])
        #expect((Double(deviation.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0.05, "\(deviation.stdout)")

        let a4 = scratch.appendingPathComponent("a4.html")
        try page.replacingOccurrences(of: "@page { margin: 12mm; }", with: "@page { size: A4; margin: 12mm; }")
            .write(to: a4, atomically: true, encoding: .utf8)
        for (source, paper) in [(html, "letter"), (a4, "A4")] {
            let pdf = scratch.appendingPathComponent("\(paper).pdf")
            let print = try ExternalTool.run(chromium, ExternalTool.chromiumFlags + [
                "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", source.absoluteString,
            ])
            #expect(print.status == 0)
            let info = try ExternalTool.run(pdfinfo, [pdf.path])
            let pages = info.stdout.components(separatedBy: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
            #expect(pages.map { $0 >= 2 && $0 <= Self.maximumPages } == true, "\(paper): \(info.stdout)")
            let size = info.stdout.components(separatedBy: "\n").first { $0.hasPrefix("Page size:") } ?? ""
            #expect(size.hasSuffix("(\(paper))"), "\(paper): \(size)")
        }
    }
}
