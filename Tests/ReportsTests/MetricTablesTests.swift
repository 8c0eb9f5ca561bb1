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
        #expect(table.columns.map(\.name) == MetricEstimate.columns)
        #expect(table.rows == [["dma", "path_stretch", "ratio", "closed-form", "0.3333333333333333", "", "", ""]])
    }
}
