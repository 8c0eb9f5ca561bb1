import Evaluation
import Reports
import Testing

@Suite("Sweep CSV rows")
struct SweepCSVTests {
    @Test func rowsAreRFC4180WithShortestRealNumbers() throws {
        let rows = try SweepCSV.rows(
            values: ["gamma:shape=2,mean=60", "5"],
            estimates: [
                MetricEstimate(scheme: "fama", metric: "handoff_latency", unit: "ms", method: .closedForm, estimate: 120),
                MetricEstimate(
                    scheme: "dmi", metric: "blast_radius.ha", unit: "sessions", method: .monteCarlo, estimate: 0.1 + 0.2,
                    ciLow: 1e-7, ciHigh: 2.5, samples: 4000),
            ],
            layout: TidyLayout(method: .both, metrics: [MetricKey(.handoffLatency)]),
            approximate: { scheme, _ in scheme == "fama" })
        // Reals and the numeric varied value keep a decimal point (120.0, 5.0) so readers type them as floats.
        #expect(rows == """
            "gamma:shape=2,mean=60",5.0,fama,handoff_latency,ms,closed-form,120.0,,,,approximate\r
            "gamma:shape=2,mean=60",5.0,dmi,blast_radius.ha,sessions,monte-carlo,0.30000000000000004,1e-07,2.5,4000,\r

            """)
    }

    @Test func layoutKeepsOnlyTheColumnsTheMethodFills() {
        #expect(TidyLayout(method: .closedForm).columns == ["scheme", "metric", "unit", "method", "estimate", "exactness"])
        #expect(TidyLayout(method: .monteCarlo).columns
            == ["scheme", "metric", "unit", "method", "estimate", "ci_low", "ci_high", "samples", "handoffs"])
        #expect(TidyLayout(method: .both, metrics: [MetricKey(.handoffLatencyP95)]).columns
            == ["scheme", "metric", "unit", "method", "estimate", "ci_low", "ci_high", "samples", "handoffs", "exactness"])
        #expect(!TidyLayout(method: .both, metrics: [MetricKey(.signalingCost)]).columns.contains("handoffs"))
    }

    @Test func decimalMarksWholeNumbersOnly() {
        #expect(TidyNumber.decimal("5") == "5.0")
        #expect(TidyNumber.decimal("-3") == "-3.0")
        #expect(TidyNumber.decimal("0.04") == "0.04")
        #expect(TidyNumber.decimal("1e3") == "1e3")
        #expect(TidyNumber.decimal("exponential:mean=60") == "exponential:mean=60")
        #expect(TidyNumber.real(288) == "288.0")
        #expect(TidyNumber.real(1e300) == "1e+300")
        #expect(TidyNumber.real(.nan) == nil)
    }

    @Test func nonFiniteEstimateIsAnError() {
        #expect(throws: SweepCSV.NonFiniteValue.self) {
            try SweepCSV.rows(values: ["1"], estimates: [MetricEstimate(scheme: "a", metric: "m", unit: "u", method: .closedForm, estimate: .nan)], layout: TidyLayout(method: .closedForm))
        }
        #expect(throws: SweepCSV.NonFiniteValue.self) {
            try SweepCSV.rows(values: ["1"], estimates: [MetricEstimate(scheme: "a", metric: "m", unit: "u", method: .monteCarlo, estimate: 1, ciLow: 0, ciHigh: .infinity)], layout: TidyLayout(method: .monteCarlo))
        }
    }

    @Test func parseReadsQuotedFieldsBack() {
        let text = "a,b\r\n\"x,\"\"y\"\"\",2\r\n,\r\n"
        #expect(SweepCSV.parse(text) == [["a", "b"], ["x,\"y\"", "2"], ["", ""]])
    }
}
