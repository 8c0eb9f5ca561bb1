import Foundation
import Reports
import Testing

@Suite("dmm plot: chart selection, ticks and SVG golden files")
struct SweepPlotTests {
    static func golden(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func svg(_ request: SweepPlot.Request) throws -> String {
        var request = request
        request.schemeNames = FigureTests.names
        return SVGLineChart.render(try SweepPlot.chart(csv: try golden("plot-small.csv"), file: "plot-small.csv", request: request))
    }

    /// Golden files checked by eye (rendered with rsvg-convert): four schemes,
    /// fama as Monte Carlo with its band, y from 0 to 100 in steps of 20.
    @Test func linearChartMatchesGolden() throws {
        let request = SweepPlot.Request(
            x: "mobility.residence.mean", metric: "signaling_cost", fixed: [("traffic.session_rate", "0.02")])
        #expect(try Self.svg(request) == Self.golden("plot-small.svg"))
    }

    @Test func logChartMatchesGolden() throws {
        let request = SweepPlot.Request(
            x: "mobility.residence.mean", metric: "signaling_cost", fixed: [("traffic.session_rate", "0.01")],
            logX: true, logY: true)
        #expect(try Self.svg(request) == Self.golden("plot-small-log.svg"))
    }

    @Test func chartCarriesUnitsBandsAndSchemeOrder() throws {
        let chart = try SweepPlot.chart(
            csv: try Self.golden("plot-small.csv"), file: "f",
            request: .init(x: "mobility.residence.mean", metric: "signaling_cost", schemes: ["fama", "mipv6"], fixed: [("traffic.session_rate", "0.01")]))
        // Labels from the metric catalogue and the scenario table, not ids.
        #expect(chart.yLabel == "Signaling cost (byte-hops/s)")
        #expect(chart.xLabel == "Residence time, mean (s)")
        #expect(chart.title == "Signaling cost vs residence time, mean (Session rate = 0.01 1/s)")
        #expect(chart.series.map(\.name) == ["fama", "mipv6"])
        // fama's rows are 300/x + 2 with a band of +-0.4 (1 + 10/x): at x = 10, 32 in [31.2, 32.8].
        #expect(chart.series[0].points[0] == LineChart.Point(x: 10, y: 32, low: 31.2, high: 32.8))
        #expect(chart.series[1].points.map(\.x) == [10, 30, 60, 120, 300])
    }

    @Test(arguments: [
        (SweepPlot.Request(x: "mobility.residence.mean", metric: "signaling_cost"),
         "traffic.session_rate varies too (0.01; 0.02); fix it with --where traffic.session_rate=VALUE or draw it with --facet traffic.session_rate"),
        (SweepPlot.Request(x: "nope", metric: "signaling_cost"),
         "--x nope is not a varied column; allowed: mobility.residence.mean, traffic.session_rate"),
        (SweepPlot.Request(x: "mobility.residence.mean", metric: "latency", fixed: [("traffic.session_rate", "0.01")]),
         "--metric latency is not in the file; allowed: signaling_cost"),
        (SweepPlot.Request(x: "mobility.residence.mean", metric: "signaling_cost", fixed: [("traffic.session_rate", "0.5")]),
         "--where traffic.session_rate=0.5: no such value; allowed: 0.01; 0.02"),
        (SweepPlot.Request(x: "mobility.residence.mean", metric: "signaling_cost", schemes: ["sail"], fixed: [("traffic.session_rate", "0.01")]),
         "--schemes: 'sail' has no signaling_cost rows; allowed: mipv6, pmipv6, fama, dmi"),
    ])
    func badRequestsSayWhatIsAllowed(request: SweepPlot.Request, message: String) throws {
        let csv = try Self.golden("plot-small.csv")
        #expect {
            _ = try SweepPlot.chart(csv: csv, file: "f", request: request)
        } throws: { error in
            "\(error)" == "plot f: " + message
        }
    }

    /// A hand-made CSV: a varied column named like a standard one used to trap
    /// (duplicate dictionary key), and a "nan" bound reached the SVG as a coordinate.
    @Test func handMadeCSVsAreReadOrRefused() throws {
        let head = "metric,scheme,metric,unit,method,estimate,ci_low,ci_high,samples\r\n"
        let request = SweepPlot.Request(x: "metric", metric: "handoff_latency")
        let good = head + "1,mipv6,handoff_latency,ms,monte-carlo,5,4,6,10\r\n2,mipv6,handoff_latency,ms,monte-carlo,6,5,7,10\r\n"
        let chart = try SweepPlot.chart(csv: good, file: "f", request: request)
        #expect(chart.series.map(\.points) == [[
            LineChart.Point(x: 1, y: 5, low: 4, high: 6), LineChart.Point(x: 2, y: 6, low: 5, high: 7),
        ]])
        #expect {
            _ = try SweepPlot.chart(csv: head + "1,mipv6,handoff_latency,ms,monte-carlo,5,4,nan,10\r\n", file: "f", request: request)
        } throws: { error in
            "\(error)" == "plot f: ci_high 'nan' of mipv6 is not a finite number"
        }
    }

    @Test func linearTicksAreNiceNumbers() {
        // Heckbert by hand: range 85 -> step 20 (85/5 = 17 rounds to 20), domain 0...100.
        let t = AxisTicks.linear(0, 85)
        #expect(t.values == [0, 20, 40, 60, 80, 100])
        #expect(t.labels == ["0", "20", "40", "60", "80", "100"])
        let small = AxisTicks.linear(0.012, 0.047)
        // range 0.035 / 5 = 0.007 rounds to a step of 0.01: two decimals.
        #expect(small.labels == ["0.01", "0.02", "0.03", "0.04", "0.05"])
    }

    @Test func logTicksUseOneTwoFive() {
        #expect(AxisTicks.logarithmic(10, 300).values == [10, 20, 50, 100, 200])
        #expect(AxisTicks.logarithmic(1, 1e6).values == [1, 10, 100, 1000, 10000, 100000, 1e6])
    }
}
