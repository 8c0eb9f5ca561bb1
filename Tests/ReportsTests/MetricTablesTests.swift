import Evaluation
import Testing
@testable import Reports

@Suite struct MetricTablesTests {
    func row(_ scheme: String, _ metric: String, _ unit: String, _ x: Double) -> MetricEstimate {
        MetricEstimate(scheme: scheme, metric: metric, unit: unit, method: .closedForm, estimate: x)
    }

    @Test func cellsHaveFourSignificantDigits() {
        #expect(MetricTables.cell(10000) == "10000")
        #expect(MetricTables.cell(1076.1575) == "1076")
        #expect(MetricTables.cell(1.6666666) == "1.667")
        #expect(MetricTables.cell(0.0333638) == "0.03336")
        #expect(MetricTables.cell(0) == "0")
        #expect(MetricTables.cell(1.5e-5) == "1.500e-05")
        #expect(MetricTables.cell(2.5e7) == "2.500e+07")
    }

    @Test func wideHasARowPerSchemeAndUnitsInHeaders() {
        let rows = [
            row("fama", "handoff_latency", "ms", 1065), row("fama", "handoff_latency_new_session", "ms", 1055),
            row("mipv6", "handoff_latency", "ms", 1076), row("mipv6", "blast_radius.ha", "sessions", 10000),
        ]
        let table = MetricTables.wide(rows)
        #expect(table.columns.map(\.id) == ["scheme", "handoff_latency_ms", "handoff_latency_new_session_ms"])
        #expect(table.columns.map(\.name) == ["Scheme", "Handoff latency (ms)", "Handoff latency, new sessions (ms)"])
        #expect(table.rows == [["fama", "1065", "1055"], ["mipv6", "1076", ""]])
    }

    @Test func tidyKeepsFullPrecision() {
        let table = MetricTables.tidy([row("dma", "path_stretch", "ratio", 1.0 / 3)])
        #expect(table.columns.map(\.name) == ["scheme", "metric", "unit", "method", "estimate", "exactness"])
        #expect(table.rows == [["dma", "path_stretch", "ratio", "closed-form", "0.3333333333333333", "exact"]])
    }

    /// Issue 11: closed-form rows say exact or approximate, Monte Carlo rows leave it
    /// empty; csv and json carry the same column (a text column: json strings).
    @Test func tidyRowsSayWhichClosedFormsAreApproximate() {
        let mc = MetricEstimate(scheme: "dma", metric: "signaling_cost", unit: "byte_hops_per_s", method: .monteCarlo,
                                estimate: 2, ciLow: 1.5, ciHigh: 2.5, samples: 100, standardError: 0.25)
        let rows = [row("dma", "signaling_cost", "byte_hops_per_s", 2.5), row("dma", "path_stretch", "ratio", 1.25), mc]
        let table = MetricTables.tidy(rows) { _, metric in metric == "signaling_cost" }
        #expect(table.rows.map { $0.last! } == ["approximate", "exact", ""])
        let csv = TableRenderer.render(table, as: .csv)
        #expect(csv.split(whereSeparator: \.isNewline).first == "scheme,metric,unit,method,estimate,ci_low,ci_high,samples,exactness")
        #expect(csv.contains("dma,signaling_cost,byte_hops_per_s,closed-form,2.5,,,,approximate"))
        let json = TableRenderer.render(table, as: .json)
        #expect(json.contains("\"exactness\": \"approximate\"") || json.contains("\"exactness\":\"approximate\""))
    }

    /// Issue 11: every approximate closed form carries ‡ in the wide tables, alone or
    /// beside a Monte Carlo interval that covers it, and the footnote gives the bound.
    @Test func wideTablesMarkEveryApproximation() {
        let rows = [row("dma", "signaling_cost", "byte_hops_per_s", 2.5), row("dma", "path_stretch", "ratio", 1.25)]
        let table = MetricTables.wide(rows) { _, metric in metric == "signaling_cost" }
        let cells = table.rows[0]
        let costColumn = table.columns.firstIndex { $0.id.hasPrefix("signaling_cost") }!
        let stretchColumn = table.columns.firstIndex { $0.id.hasPrefix("path_stretch") }!
        #expect(cells[costColumn] == "2.500\u{2021}")
        #expect(cells[stretchColumn] == "1.250")
        #expect(table.footnotes.contains { $0.hasPrefix("\u{2021}") && $0.contains("docs/MODELS.md") })
    }
}
