import Evaluation
import Reports
import Testing

@Suite("Sweep CSV rows")
struct SweepCSVTests {
    @Test func rowsAreRFC4180WithShortestNumbers() throws {
        let rows = try SweepCSV.rows(
            values: ["gamma:shape=2,mean=60", "0.1"],
            estimates: [
                MetricEstimate(scheme: "fama", metric: "handoff_latency", unit: "ms", method: .closedForm, estimate: 120),
                MetricEstimate(
                    scheme: "dmi", metric: "blast_radius.ha", unit: "sessions", method: .monteCarlo, estimate: 0.1 + 0.2,
                    ciLow: 1e-7, ciHigh: 2.5, samples: 4000),
            ])
        #expect(rows == """
            "gamma:shape=2,mean=60",0.1,fama,handoff_latency,ms,closed-form,120,,,\r
            "gamma:shape=2,mean=60",0.1,dmi,blast_radius.ha,sessions,monte-carlo,0.30000000000000004,1e-07,2.5,4000\r

            """)
    }

    @Test func nonFiniteEstimateIsAnError() {
        #expect(throws: SweepCSV.NonFiniteValue.self) {
            try SweepCSV.rows(values: ["1"], estimates: [MetricEstimate(scheme: "a", metric: "m", unit: "u", method: .closedForm, estimate: .nan)])
        }
        #expect(throws: SweepCSV.NonFiniteValue.self) {
            try SweepCSV.rows(values: ["1"], estimates: [MetricEstimate(scheme: "a", metric: "m", unit: "u", method: .monteCarlo, estimate: 1, ciLow: 0, ciHigh: .infinity)])
        }
    }

    @Test func parseReadsQuotedFieldsBack() {
        let text = "a,b\r\n\"x,\"\"y\"\"\",2\r\n,\r\n"
        #expect(SweepCSV.parse(text) == [["a", "b"], ["x,\"y\"", "2"], ["", ""]])
    }
}
