import Evaluation

/// A horizontal bar chart of one metric across schemes, for the report: a bar per
/// scheme from 0 in its `SchemeStyle` colour, the value printed at the bar's end,
/// and a black 95 % interval whisker when the value is a Monte Carlo estimate.
///
/// Provisional and report-only: the general bar chart (`dmm plot --bars`, issue 14
/// item 5) is being built with the plot styles; unify the two when it lands.
public enum ReportBarChart {
    public struct Bar: Sendable, Equatable {
        public var scheme: String
        public var value: Double
        public var low: Double?
        public var high: Double?
        public init(scheme: String, value: Double, low: Double? = nil, high: Double? = nil) {
            self.scheme = scheme
            self.value = value
            self.low = low
            self.high = high
        }
    }

    static let width = 440.0, left = 64.0, right = 370.0, top = 26.0, row = 17.0

    public static func svg(title: String, bars: [Bar]) -> String {
        let height = top + Double(bars.count) * row + 26
        let maximum = bars.map { Swift.max($0.value, $0.high ?? $0.value) }.max() ?? 1
        let ticks = AxisTicks.linear(0, maximum > 0 ? maximum : 1, target: 5)
        let domainTop = ticks.domain.upperBound
        func sx(_ v: Double) -> Double { left + v / domainTop * (right - left) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" role=\"img\">\n"
        s += "<title>\(escape(title))</title>\n"
        s += "<text x=\"\(f(left))\" y=\"14\" font-size=\"12\" font-weight=\"bold\">\(escape(title))</text>\n"
        let axisY = top + Double(bars.count) * row
        for (v, label) in zip(ticks.values, ticks.labels) where v <= domainTop {
            s += "<line x1=\"\(f(sx(v)))\" y1=\"\(f(top - 2))\" x2=\"\(f(sx(v)))\" y2=\"\(f(axisY))\" stroke=\"#dddddd\"/>"
            s += "<text x=\"\(f(sx(v)))\" y=\"\(f(axisY + 13))\" text-anchor=\"middle\" fill=\"#444444\">\(escape(label))</text>\n"
        }
        for (k, b) in bars.enumerated() {
            let y = top + Double(k) * row
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 12))\" text-anchor=\"end\">\(escape(b.scheme))</text>"
            s += "<rect x=\"\(f(left))\" y=\"\(f(y + 2))\" width=\"\(f(Swift.max(0, sx(b.value) - left)))\" height=\"\(f(row - 5))\" fill=\"\(SchemeStyle.of(b.scheme).colour)\"/>"
            var end = sx(b.value)
            if let lo = b.low, let hi = b.high {
                let cy = y + 2 + (row - 5) / 2
                s += "<path d=\"M\(f(sx(lo))) \(f(cy))H\(f(sx(hi)))M\(f(sx(lo))) \(f(cy - 4))V\(f(cy + 4))M\(f(sx(hi))) \(f(cy - 4))V\(f(cy + 4))\" stroke=\"#000000\" stroke-width=\"1.2\" fill=\"none\"/>"
                end = Swift.max(end, sx(hi))
            }
            s += "<text x=\"\(f(end + 4))\" y=\"\(f(y + 12))\" fill=\"#222222\">\(escape(MetricTables.cell(b.value)))</text>\n"
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top - 2))\" x2=\"\(f(left))\" y2=\"\(f(axisY))\" stroke=\"#333333\"/>\n"
        s += "</svg>\n"
        return s
    }

    static func f(_ x: Double) -> String { SVGLineChart.f(x) }
    static func escape(_ text: String) -> String { SVGLineChart.escape(text) }
}
