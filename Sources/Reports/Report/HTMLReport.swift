import Evaluation
import Foundation

/// `dmm report`: one self-contained HTML page (inline CSS and SVG, no script, no
/// network) with the seed's Table 1, the extended qualitative table, the headline
/// metrics of the four families per scheme as bar charts (95 % whiskers when the
/// Monte Carlo ran), the ranking and Pareto set, the regime maps, the crossover
/// list, the full scenario and the provenance. The page reads on a laptop screen
/// (fluid width up to 1120 px, wide tables scroll) and prints on A4 or letter
/// portrait (print CSS: 12 mm margins, smaller type, no element split across pages).
///
/// The report only lays out what the command evaluated; it computes nothing.
public struct HTMLReport: Sendable {
    public struct Provenance: Sendable {
        /// The running build (version, commit, dirty flag, build kind).
        public var build: BuildInfo
        /// SHA-256 of the card files in name order (`cat Models/schemes/*.yaml | sha256sum`).
        public var cardsHash: String
        public var cardsDirectory: String
        /// SHA-256 of each card file, by scheme id (as in a sweep's sidecar).
        public var cardHashes: [String: String]
        public var commandLine: [String]
        /// How the metrics were obtained, e.g. "closed form" or "Monte Carlo, 16000000 handoffs, seed 1".
        public var method: String
        public init(
            build: BuildInfo, cardsHash: String, cardsDirectory: String, cardHashes: [String: String], commandLine: [String],
            method: String
        ) {
            self.build = build
            self.cardsHash = cardsHash
            self.cardsDirectory = cardsDirectory
            self.cardHashes = cardHashes
            self.commandLine = commandLine
            self.method = method
        }
    }

    /// A set of maps over one pair of parameters, drawn as one figure.
    public struct MapFigure: Sendable {
        public var caption: String
        public var maps: [RegimeMap]
        public init(caption: String, maps: [RegimeMap]) {
            self.caption = caption
            self.maps = maps
        }
    }

    public var scenarioName: String
    public var table1: Table
    public var extended: Table
    /// Evaluated rows of every scheme (closed form and/or Monte Carlo).
    public var rows: [MetricEstimate]
    public var schemes: [String]
    public var comparison: SchemeComparison
    public var maps: [MapFigure]
    public var crossovers: [Crossover]
    public var crossoverCaption: String
    public var scenario: Table
    public var provenance: Provenance

    public init(
        scenarioName: String, table1: Table, extended: Table, rows: [MetricEstimate], schemes: [String],
        comparison: SchemeComparison, maps: [MapFigure], crossovers: [Crossover], crossoverCaption: String, scenario: Table,
        provenance: Provenance
    ) {
        self.scenarioName = scenarioName
        self.table1 = table1
        self.extended = extended
        self.rows = rows
        self.schemes = schemes
        self.comparison = comparison
        self.maps = maps
        self.crossovers = crossovers
        self.crossoverCaption = crossoverCaption
        self.scenario = scenario
        self.provenance = provenance
    }

    /// The bar charts: the headline metrics (`Metric.headline`) grouped by family.
    public static let chartMetrics: [Metric] = MetricFamily.allCases.flatMap { family in
        Metric.headline.filter { $0.family == family }
    }

    /// Bars of one metric: the Monte Carlo estimate and interval when there is one, else the closed form.
    public func bars(_ metric: Metric) -> [ReportBarChart.Bar] {
        schemes.compactMap { s in
            let mine = rows.filter { $0.scheme == s && $0.metric == metric.id }
            if let mc = mine.first(where: { $0.method == .monteCarlo }) {
                return ReportBarChart.Bar(scheme: s, value: mc.estimate, low: mc.ciLow, high: mc.ciHigh)
            }
            return mine.first.map { ReportBarChart.Bar(scheme: s, value: $0.estimate) }
        }
    }

    public func render() -> String {
        var s = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>dmm report: scenario \(esc(scenarioName))</title>
            <style>
            \(Self.css)
            </style>
            </head>
            <body>
            <main>
            <header>
            <h1>Mobility-management schemes compared</h1>
            <p class="lede">Scenario <b>\(esc(scenarioName))</b>, \(schemes.count) schemes, metrics by \(esc(provenance.method)); dmm \(esc(provenance.build.description)).</p>
            </header>

            """
        s += glance()
        s += "<nav><b>Contents</b>: <a href=\"#table1\">Seed Table 1</a> · <a href=\"#extended\">Extended table</a> · <a href=\"#metrics\">Metrics</a> · <a href=\"#ranking\">Ranking</a> · <a href=\"#maps\">Regime maps</a> · <a href=\"#crossovers\">Crossovers</a> · <a href=\"#scenario\">Scenario</a> · <a href=\"#provenance\">Provenance</a></nav>\n"
        s += section("table1", "Seed Table 1", "The summary table of draft-kuntz-dmm-summary-01, cell for cell.", HTMLTable.render(table1))
        s += section(
            "extended", "Extended qualitative comparison", "Every scheme's card: the seed's columns and the extended attributes (one column per scheme).",
            "<div class=\"scroll\">" + HTMLTable.render(Self.transposed(extended), class: "wide") + "</div>")
        var charts = "<div class=\"charts\">\n"
        for family in MetricFamily.allCases {
            for m in Self.chartMetrics where m.family == family {
                let bars = bars(m)
                guard !bars.isEmpty else { continue }
                charts += "<figure>\(ReportBarChart.svg(title: m.label, bars: bars))<figcaption>\(esc(family.rawValue.capitalized)): \(esc(m.summary))</figcaption></figure>\n"
            }
        }
        charts += "</div>\n"
        let whiskers = rows.contains { $0.method == .monteCarlo }
            ? " Whiskers: 95 % confidence intervals of the Monte Carlo." : " Closed form (no intervals: run with --method monte-carlo or both for them)."
        s += section("metrics", "Metrics per scheme", "The headline metric of each of the four families (signaling, latency, path, failure), per MN; lower is better." + whiskers, charts)
        s += section(
            "ranking", "Ranking and Pareto set", "Per metric, best first; ratios to the best and to the baseline. Schemes whose intervals overlap share a rank.",
            "<div class=\"scroll\">" + HTMLTable.render(ComparisonTables.readable(comparison, caption: "Schemes ranked per metric.")) + "</div>")
        var figures = ""
        for m in maps {
            figures += "<figure class=\"map\">\(RegimeMapFigure.svg(m.maps, title: m.caption))<figcaption>\(esc(m.caption))</figcaption></figure>\n"
        }
        s += section(
            "maps", "Regime maps", "The best scheme in closed form over two parameters at a time, the seed's open question (section 4): how often the MN changes anchor (residence time), how long sessions last, and where the correspondents are. Black lines are the boundaries between regions; a grey region is a tie.",
            figures)
        s += section("crossovers", "Crossovers", "Where two schemes' closed forms are equal along the residence time, and which one wins on each side.",
                     "<div class=\"scroll\">" + HTMLTable.render(CrossoverTable.readable(crossovers, caption: crossoverCaption)) + "</div>")
        s += section("scenario", "Scenario", "Every parameter of scenario \(scenarioName) with its unit, value and source.",
                     "<div class=\"scroll\">" + HTMLTable.render(scenario, class: "params") + "</div>")
        s += section("provenance", "Provenance", "", provenanceList())
        s += "</main>\n</body>\n</html>\n"
        return s
    }

    func glance() -> String {
        var items = "<li>Pareto-optimal across \(esc(comparison.rankings.map { $0.key.metric.name.lowercased() }.joined(separator: ", "))): <b>\(esc(comparison.pareto.joined(separator: ", ")))</b>.</li>\n"
        for r in comparison.rankings {
            let best = r.entries.filter { $0.rank == 1 }.map(\.scheme)
            items += "<li>\(esc(r.key.metric.name)): best \(esc(best.joined(separator: " = "))) (\(esc(MetricTables.cell(r.entries[0].estimate))) \(esc(r.key.unit.label))).</li>\n"
        }
        items += "<li>\(crossovers.count) crossovers along the residence time.</li>\n"
        return "<section class=\"glance\"><h2>At a glance</h2><ul>\n\(items)</ul></section>\n"
    }

    func provenanceList() -> String {
        let command = provenance.commandLine.map(Self.shellQuote).joined(separator: " ")
        let cards = schemes.compactMap { id in provenance.cardHashes[id].map { "<code>\(esc(id)).yaml \(esc($0))</code>" } }
            .joined(separator: "<br>")
        return """
            <dl class="prov">
            <dt>Tool</dt><dd>dmm \(esc(provenance.build.description))</dd>
            <dt>Commit</dt><dd><code>\(esc(provenance.build.commit ?? "unknown (not built in a git checkout)"))</code>\(provenance.build.dirty ? " with uncommitted changes" : "")</dd>
            <dt>Cards hash</dt><dd><code>\(esc(provenance.cardsHash))</code> (SHA-256 of \(esc(provenance.cardsDirectory))/*.yaml in name order)</dd>
            <dt>Card files</dt><dd class="hashes">\(cards)</dd>
            <dt>Command line</dt><dd><code>\(esc(command))</code></dd>
            <dt>Metrics</dt><dd>\(esc(provenance.method))</dd>
            </dl>

            """
    }

    /// A section: `intro` is plain text (escaped here), `body` is HTML.
    func section(_ id: String, _ title: String, _ intro: String, _ body: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(esc(title))</h2>\n" + (intro.isEmpty ? "" : "<p>\(esc(intro))</p>\n") + body + "</section>\n"
    }

    /// Rows become columns: the first column's cells are the new header.
    static func transposed(_ t: Table) -> Table {
        var out = Table(columns: [Table.Column(t.columns.first?.name ?? "")] + t.rows.map { Table.Column($0.first ?? "") }, caption: t.caption, footnotes: t.footnotes)
        for c in 1..<t.columns.count { out.append([t.columns[c].name] + t.rows.map { $0[c] }) }
        return out
    }

    static func shellQuote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func esc(_ text: String) -> String { HTMLText.escape(text) }

    static let css = """
        @page { margin: 12mm; }
        :root { color-scheme: light; }
        body { margin: 0; background: #ffffff; color: #1d1d1f; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1120px; margin: 0 auto; padding: 20px 28px 48px; }
        h1 { font-size: 1.7em; margin: 0.2em 0; }
        h2 { font-size: 1.25em; margin: 1.8em 0 0.4em; padding-bottom: 0.2em; border-bottom: 1px solid #d8d8d8; }
        .lede { color: #444444; margin-top: 0; }
        nav { font-size: 0.9em; margin: 1em 0; padding: 0.5em 0.8em; background: #f4f5f7; border-radius: 4px; }
        nav a, a { color: #0b57a4; text-decoration: none; }
        table { border-collapse: collapse; font-size: 0.85em; margin: 0.4em 0; }
        th, td { padding: 3px 8px; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
        th { background: #f4f5f7; font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.3em; }
        table.wide { font-size: 0.74em; }
        table.wide td:first-child, table.wide th:first-child { font-weight: 600; background: #f9f9fa; }
        table.params { font-size: 0.78em; }
        ol.notes { font-size: 0.82em; color: #444444; padding-left: 1.6em; }
        .scroll { overflow-x: auto; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 4px 28px; }
        figure { margin: 0.6em 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: 0.82em; color: #444444; }
        svg { max-width: 100%; height: auto; display: block; }
        dl.prov { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 0.9em; }
        dl.prov dt { font-weight: 600; }
        dl.prov dd { margin: 0; overflow-wrap: anywhere; }
        dd.hashes code { font-size: 0.8em; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
        @media print {
          body { font-size: 9.5pt; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          .scroll { overflow: visible; }
          table { font-size: 8pt; }
          table.wide { font-size: 6.3pt; }
          table.params { font-size: 7pt; }
          th, td { padding: 1.5px 4px; }
          h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.2em; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          .charts { grid-template-columns: 1fr 1fr; gap: 0 16px; }
          section#table1, section#maps { break-before: auto; }
          a { color: inherit; }
        }
        """
}
