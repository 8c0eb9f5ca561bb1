import Evaluation
import Foundation
import Reports
import Schemes
import Testing

/// The figure rules of issue 13 item 6 and issue 14 item 5: one style per
/// scheme, coincident series shown, categorical and faceted axes, physical
/// sizes, bar charts, and golden files for each (checked by eye when they
/// were made: rendered with headless Chromium at 3.5 in, see the commit).
@Suite("Figures: scheme styles, coincidence, facets, bars, sizes")
struct FigureTests {
    static func golden(_ name: String) throws -> String { try GoldenFile.text(name) }
    static let names = ["mipv6": "MIPv6", "pmipv6": "PMIPv6", "fama": "FAMA", "dmi": "DMI", "ghaha": "GHAHA", "sail": "SAIL", "dma": "DMA"]

    @Test func everySchemeHasItsOwnColourDashAndMarker() {
        let ids = SchemeStyle.table.map(\.scheme)
        // Every shipped scheme, in the catalogue's order (the seed era's eleven, then issue 15's four).
        #expect(ids == SchemeCatalog.canonicalOrder)
        #expect(ids.count == 15)
        let styles = SchemeStyle.table.map(\.style)
        #expect(Set(styles.map(\.colour)).count == 15)
        #expect(Set(styles.map(\.dash)).count == 15)
        #expect(Set(styles.map(\.marker)).count == 15)
        #expect(Set(styles.map(\.marker)) == Set(SchemeStyle.Marker.allCases))
        // Every colour is dark enough to read on white: WCAG relative luminance below 0.5.
        for style in styles {
            let hex = Array(style.colour.dropFirst())
            let channel = { (i: Int) -> Double in
                let v = Double(Int(String(hex[i..<i + 2]), radix: 16)!) / 255
                return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            }
            #expect(0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4) < 0.5, "\(style.colour)")
        }
        // A twelfth scheme gets a stable grey style.
        #expect(SchemeStyle.of("twelfth") == SchemeStyle.of("twelfth"))
        #expect(SchemeStyle.of("twelfth").colour == "#777777")
        #expect(SchemeStyle.texColourName("mipv6") == "dmmmipvG")
    }

    /// GHAHA and SAIL have equal values: a legend note says so and their
    /// markers alternate along the shared line, every point marked once.
    @Test func coincidentSeriesGetANoteAndStaggeredMarkers() throws {
        let chart = try SweepPlot.chart(
            csv: try Self.golden("law-small.csv"), file: "f",
            request: .init(x: "traffic.session_duration", metric: "handoff_latency", schemeNames: Self.names))
        #expect(chart.coincidenceNotes == ["GHAHA = SAIL"])
        let panel = chart.panels[0]
        let ghaha = chart.markedPoints(of: 0, in: panel), sail = chart.markedPoints(of: 1, in: panel)
        #expect(ghaha == [0, 2])
        #expect(sail == [1])
        #expect(chart.markedPoints(of: 2, in: panel) == [0, 1, 2])
        // pgfplots: SAIL's only marked point (index 2 of 3) would miss the three-point legend
        // image's own indices were they inherited; the legend draws its marker at its middle.
        let tex = PGFPlotsLineChart.render(chart)
        let thinned = tex.split(separator: "\n").filter { $0.contains("\\addplot") && $0.contains("mark indices=") }
        #expect(thinned.count == 2)  // GHAHA {1,3} and SAIL {2}
        #expect(thinned.allSatisfy { $0.contains("legend image post style={mark indices={2}}") })
        #expect(thinned.contains { $0.contains("mark indices={2}, legend image post style") })
        let plainPlots = tex.split(separator: "\n").filter { $0.contains("\\addplot") && !$0.contains("mark indices") }
        #expect(plainPlots.count >= 1)  // the third scheme: every point marked, no thinning, no legend override
    }

    /// A law sweep: categories in the file's order, the shared mean said once.
    @Test func lawSweepsGetACategoricalAxis() throws {
        let chart = try SweepPlot.chart(
            csv: try Self.golden("law-small.csv"), file: "f",
            request: .init(x: "traffic.session_duration", metric: "handoff_latency", schemeNames: Self.names))
        #expect(chart.categories == ["exponential", "gamma shape=4", "lognormal sigma=1.5"])
        #expect(chart.xLabel == "Session duration (mean=300)")
        #expect(chart.series[2].points.map(\.x) == [0, 1, 2])
        #expect(chart.series[2].points.map(\.y) == [20, 25, 22])
        try GoldenFile.check(SVGLineChart.render(chart), against: "plot-law.svg")
        #expect {
            _ = try SweepPlot.chart(csv: try Self.golden("law-small.csv"), file: "f",
                                    request: .init(x: "traffic.session_duration", metric: "handoff_latency", logX: true))
        } throws: { "\($0)".contains("is categorical") }
    }

    @Test func facetsGiveOnePanelPerValue() throws {
        let chart = try SweepPlot.chart(
            csv: try Self.golden("plot-small.csv"), file: "f",
            request: .init(x: "mobility.residence.mean", metric: "signaling_cost", facet: "traffic.session_rate", schemeNames: Self.names))
        #expect(chart.panels.map(\.title) == ["Session rate = 0.01 1/s", "Session rate = 0.02 1/s"])
        #expect(chart.panels.map { $0.series.map(\.name) } == [["MIPv6", "PMIPv6", "FAMA", "DMI"], ["MIPv6", "PMIPv6", "FAMA", "DMI"]])
        try GoldenFile.check(SVGLineChart.render(chart), against: "plot-facet.svg")
        #expect {
            _ = try SweepPlot.chart(csv: try Self.golden("plot-small.csv"), file: "f",
                                    request: .init(x: "mobility.residence.mean", metric: "signaling_cost", facet: "mobility.residence.mean"))
        } throws: { "\($0)" == "plot f: --facet mobility.residence.mean is not a varied column other than --x and --where; allowed: traffic.session_rate" }
    }

    /// Fifteen schemes: the default figure grows so the plot keeps 1.5 in
    /// (108 pt) of height above a five-row legend, and at the fixed 2.8 in the
    /// y label that no longer fits beside the short plot is set on two lines.
    /// Four schemes keep the 2.8 in column figure.
    @Test func theDefaultHeightLeavesRoomForThePlot() throws {
        let ids = ["mipv6", "pmipv6", "hmipv6", "fama", "dmi", "ghaha", "dlma", "spmip", "sdpmip", "dma", "sail",
                   "rfc8885-relay", "rfc8885-proxy", "fmipv6", "fpmipv6"]
        var csv = "mobility.residence.mean,scheme,metric,unit,method,estimate\n"
        for (k, id) in ids.enumerated() {
            for x in [10.0, 100.0, 600.0] { csv += "\(x),\(id),signaling_cost,byte-hops/s,closed-form,\(Double(k + 1) * 1000 / x)\n" }
        }
        let chart = try SweepPlot.chart(csv: csv, file: "f", request: .init(x: "mobility.residence.mean", metric: "signaling_cost", logX: true))
        let size = ChartSize.lineChart(chart)
        #expect(size.width == 252 && size.height > ChartSize.column.height)
        let svg = SVGLineChart.render(chart, size: size)
        // The x grid lines span the plot's height.
        let spans = svg.split(separator: "\n").compactMap { line -> Double? in
            guard line.hasPrefix("<line x1="), let m = line.firstMatch(of: /x1="([0-9.]+)" y1="([0-9.]+)" x2="([0-9.]+)" y2="([0-9.]+)"/),
                  m.1 == m.3 else { return nil }
            return Double(m.4)! - Double(m.2)!
        }
        #expect(try #require(spans.max()) >= 108)
        #expect(svg.components(separatedBy: "rotate(-90").count - 1 == 1)
        let short = SVGLineChart.render(chart, size: .column)
        #expect(short.components(separatedBy: "rotate(-90").count - 1 == 2, "the y label on two lines")
        let few = try SweepPlot.chart(
            csv: try Self.golden("plot-small.csv"), file: "f",
            request: .init(x: "mobility.residence.mean", metric: "signaling_cost", fixed: [("traffic.session_rate", "0.02")]))
        #expect(ChartSize.lineChart(few) == .column)
    }

    /// The size is physical: SVG width and height in inches, the viewBox in points.
    @Test func sizesAreInPhysicalUnits() throws {
        #expect(try ChartSize.length("3.5in", option: "--width") == 252)
        #expect(abs(try ChartSize.length("88.9mm", option: "--width") - 252) < 1e-9)
        #expect(abs(try ChartSize.length("8.89cm", option: "--width") - 252) < 1e-9)
        #expect(abs(try ChartSize.length("72.27pt", option: "--width") - 72) < 1e-9)
        #expect(throws: ChartSize.SizeError.self) { try ChartSize.length("3.5", option: "--width") }
        #expect(throws: ChartSize.SizeError.self) { try ChartSize.length("0.1in", option: "--width") }
        let chart = try SweepPlot.chart(
            csv: try Self.golden("plot-small.csv"), file: "f",
            request: .init(x: "mobility.residence.mean", metric: "signaling_cost", fixed: [("traffic.session_rate", "0.02")]))
        let svg = SVGLineChart.render(chart, size: ChartSize(width: 7 * 72, height: 3 * 72))
        #expect(svg.contains("width=\"7in\" height=\"3in\" viewBox=\"0 0 504 216\""))
    }

    /// Bars: one panel per family, closed form as bars, Monte Carlo as markers with intervals.
    @Test func barChartHasOnePanelPerFamily() throws {
        let chart = try BarChart.chart(csv: try Self.golden("bars-small.csv"), file: "f", metrics: nil, schemes: nil, fixed: [], schemeNames: Self.names)
        #expect(chart.panels.map(\.yLabel) == ["Signaling cost (byte-hops/s)", "Handoff latency (ms)", "Path stretch (ratio)", "Blast radius (sessions)"])
        #expect(chart.panels.map(\.family) == ["Signaling", "Latency", "Path", "Failure"])
        let mipv6 = chart.panels[0].bars[0]
        #expect(mipv6.closedForm == 24 && mipv6.monteCarlo?.estimate == 24.5 && mipv6.monteCarlo?.low == 23 && mipv6.hasMarker)
        let sail = chart.panels[2].bars[3]
        #expect(sail.closedForm == nil && sail.height == 1.28 && !sail.hasMarker)
        try GoldenFile.check(SVGBarChart.render(chart, size: ChartSize(width: 252, height: 259.2)), against: "bars-small.svg")
        #expect {
            _ = try BarChart.chart(csv: try Self.golden("plot-small.csv"), file: "f", metrics: nil, schemes: nil, fixed: [], schemeNames: [:])
        } throws: { "\($0)".contains("--bars draws one scenario, but mobility.residence.mean varies") }
    }

    /// Vega-Lite: valid JSON whose colour scale is the scheme table's.
    @Test func vegaLiteUsesTheSchemeStyles() throws {
        let chart = try SweepPlot.chart(
            csv: try Self.golden("plot-small.csv"), file: "f",
            request: .init(x: "mobility.residence.mean", metric: "signaling_cost", facet: "traffic.session_rate", schemeNames: Self.names))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(VegaLiteChart.render(chart).utf8)) as? [String: Any])
        #expect(json["$schema"] as? String == "https://vega.github.io/schema/vega-lite/v5.json")
        let layers = try #require((json["spec"] as? [String: Any])?["layer"] as? [[String: Any]])
        let colour = try #require((layers[1]["encoding"] as? [String: Any])?["color"] as? [String: Any])
        let scale = try #require(colour["scale"] as? [String: Any])
        #expect(scale["domain"] as? [String] == ["MIPv6", "PMIPv6", "FAMA", "DMI"])
        #expect(scale["range"] as? [String] == ["mipv6", "pmipv6", "fama", "dmi"].map { SchemeStyle.of($0).colour })
        #expect((json["data"] as? [String: Any]).flatMap { $0["values"] as? [Any] }?.count == 40)
    }

    /// Each scheme keeps its style across methods: fama's Monte Carlo rows
    /// are open markers with error bars of fama's colour, and no other colour.
    @Test func methodsShareTheSchemeStyle() throws {
        let chart = try SweepPlot.chart(
            csv: try Self.golden("bars-small.csv").replacingOccurrences(of: "scheme,metric", with: "x,scheme,metric")
                .split(separator: "\n").enumerated().map { $0.offset == 0 ? String($0.element) : "1,\($0.element)" }.joined(separator: "\n"),
            file: "f", request: .init(x: "x", metric: "signaling_cost", schemeNames: Self.names))
        let svg = SVGLineChart.render(chart)
        #expect(chart.series.map(\.name) == ["MIPv6", "MIPv6", "PMIPv6", "PMIPv6", "GHAHA", "SAIL"])
        #expect(chart.legend.map(\.name) == ["MIPv6", "PMIPv6", "GHAHA", "SAIL"])
        #expect(chart.methodNote == "Lines: closed form; open markers with bars: Monte Carlo, 95% CI")
        // MIPv6's Monte Carlo: black error bars and an open black circle.
        #expect(svg.contains("<g stroke=\"#000000\" stroke-width=\"0.6\">"))
        #expect(svg.contains("fill=\"#ffffff\" stroke=\"#000000\""))
    }
}
