import Evaluation
import Foundation
import Stochastics

/// The schemes of one scenario side by side (`dmm plot --bars`): one panel
/// per metric family (signaling, latency, path, failure), one bar per scheme
/// in its `SchemeStyle` colour, the closed form as the bar, a Monte Carlo
/// estimate as the scheme's open marker with its 95 % interval (the bar
/// itself when there is no closed form).
public struct BarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var scheme: String
        public var name: String
        /// The closed form, nil when only Monte Carlo ran.
        public var closedForm: Double?
        /// The Monte Carlo estimate and its interval, nil when only the closed form ran.
        public var monteCarlo: (estimate: Double, low: Double?, high: Double?)?

        public init(scheme: String, name: String, closedForm: Double?, monteCarlo: (estimate: Double, low: Double?, high: Double?)?) {
            self.scheme = scheme
            self.name = name
            self.closedForm = closedForm
            self.monteCarlo = monteCarlo
        }

        public static func == (a: Bar, b: Bar) -> Bool {
            a.scheme == b.scheme && a.name == b.name && a.closedForm == b.closedForm
                && a.monteCarlo?.estimate == b.monteCarlo?.estimate && a.monteCarlo?.low == b.monteCarlo?.low
                && a.monteCarlo?.high == b.monteCarlo?.high
        }

        /// The height of the bar: the closed form, else the Monte Carlo estimate.
        public var height: Double { closedForm ?? monteCarlo?.estimate ?? 0 }
        /// Whether a Monte Carlo marker with its interval is drawn on the bar.
        public var hasMarker: Bool { closedForm != nil && monteCarlo != nil }
    }

    public struct Panel: Sendable, Equatable {
        /// The family's name ("Signaling").
        public var family: String
        /// The metric's label with its unit, the panel's y axis.
        public var yLabel: String
        public var bars: [Bar]
        public init(family: String, yLabel: String, bars: [Bar]) {
            self.family = family
            self.yLabel = yLabel
            self.bars = bars
        }
    }

    public var title: String
    public var panels: [Panel]

    public init(title: String, panels: [Panel]) {
        self.title = title
        self.panels = panels
    }

    /// The metrics drawn by default: the first headline metric of each family.
    public static var defaultMetrics: [Metric] {
        MetricFamily.allCases.compactMap { family in Metric.headline.first { $0.family == family } }
    }

    /// The y values an axis must hold: bars, estimates, interval ends, and 0.
    func yValues(_ panel: Panel) -> [Double] {
        [0] + panel.bars.flatMap { b in [b.height] + [b.monteCarlo?.estimate, b.monteCarlo?.low, b.monteCarlo?.high].compactMap { $0 } }
    }

    /// Reads a tidy file of one scenario (`dmm evaluate --format csv`, or a
    /// sweep with every varied column fixed by `fixed`) into one panel per metric.
    public static func chart(csv text: String, file: String, metrics: [String]?, schemes wanted: [String]?,
                             fixed: [(path: String, value: String)], schemeNames: [String: String]) throws -> BarChart {
        func fail(_ message: String) -> SweepPlot.PlotError { SweepPlot.PlotError(message: "plot \(file): " + message) }
        let tidy = try SweepPlot.read(text, fail: fail)
        var rows = tidy.rows
        for (path, value) in fixed {
            guard let c = tidy.varied.firstIndex(of: path) else {
                throw fail("--where \(path)=\(value): \(path) is not a varied column; allowed: \(tidy.varied.isEmpty ? "none: drop --where" : tidy.varied.joined(separator: ", "))")
            }
            let values = SweepPlot.ordered(rows.map { $0[c] })
            guard values.contains(value) else { throw fail("--where \(path)=\(value): no such value; allowed: \(values.joined(separator: "; "))") }
            rows = rows.filter { $0[c] == value }
        }
        for (c, path) in tidy.varied.enumerated() where !fixed.contains(where: { $0.path == path }) {
            let values = SweepPlot.ordered(rows.map { $0[c] })
            if values.count > 1 {
                throw fail("--bars draws one scenario, but \(path) varies (\(values.joined(separator: "; "))); fix it with --where \(path)=VALUE")
            }
        }
        let available = SweepPlot.ordered(rows.map { tidy.value($0, "metric") })
        let chosen = metrics ?? defaultMetrics.map(\.id).filter(available.contains)
        guard !chosen.isEmpty else { throw fail("no metric to draw; give --metric with one of: \(available.joined(separator: ", "))") }
        let schemesInFile = SweepPlot.ordered(rows.map { tidy.value($0, "scheme") })
        if let wanted {
            for s in wanted where !schemesInFile.contains(s) {
                throw fail("--schemes: '\(s)' is not in the file; allowed: \(schemesInFile.joined(separator: ", "))")
            }
        }
        let schemes = wanted ?? schemesInFile
        var panels: [Panel] = []
        for id in chosen {
            guard available.contains(id) else { throw fail("--metric \(id) is not in the file; allowed: \(available.joined(separator: ", "))") }
            let key = MetricKey(id: id)
            var bars: [Bar] = []
            for scheme in schemes {
                let mine = rows.filter { tidy.value($0, "metric") == id && tidy.value($0, "scheme") == scheme }
                func number(_ row: [String], _ name: String) throws -> Double? {
                    let t = tidy.value(row, name)
                    if t.isEmpty { return nil }
                    guard let v = Double(t), v.isFinite else { throw fail("\(name) '\(t)' of \(scheme) \(id) is not a finite number") }
                    return v
                }
                var closed: Double?, mc: (estimate: Double, low: Double?, high: Double?)?
                for row in mine {
                    guard let estimate = try number(row, "estimate") else { throw fail("estimate of \(scheme) \(id) is empty") }
                    switch tidy.value(row, "method") {
                    case "closed-form": closed = estimate
                    case "monte-carlo": mc = (estimate, try number(row, "ci_low"), try number(row, "ci_high"))
                    case let other: throw fail("method '\(other)' of \(scheme) is unknown; allowed: closed-form, monte-carlo")
                    }
                }
                if closed == nil && mc == nil { continue }
                bars.append(Bar(scheme: scheme, name: schemeNames[scheme] ?? scheme, closedForm: closed, monteCarlo: mc))
            }
            let heights: [Double] = bars.flatMap { b -> [Double] in [0, b.height] + [b.monteCarlo?.estimate, b.monteCarlo?.low, b.monteCarlo?.high].compactMap { $0 } }
            if let lo = heights.min(), let hi = heights.max(), let problem = AxisTicks.problem(lo, hi, log: false, target: 5) {
                throw fail("cannot draw the axis of \(id) over \(SweepAxis.format(lo))...\(SweepAxis.format(hi)): \(problem); choose another --metric")
            }
            let family = key.map { $0.metric.family.rawValue.uppercasedFirst } ?? id
            panels.append(Panel(family: family, yLabel: key?.label ?? id, bars: bars))
        }
        let setting = fixed.map { SweepPlot.parameterSetting($0.path, $0.value) } + tidy.varied.compactMap { path in
            fixed.contains { $0.path == path } ? nil : rows.first.map { SweepPlot.parameterSetting(path, $0[tidy.varied.firstIndex(of: path)!]) }
        }
        return BarChart(title: "Schemes compared" + (setting.isEmpty ? "" : " (" + setting.joined(separator: ", ") + ")"), panels: panels)
    }

    /// A note for the legend of the methods when Monte Carlo markers are drawn.
    public var methodNote: String? {
        let markers = panels.contains { $0.bars.contains(where: \.hasMarker) }
        let mcOnly = panels.contains { $0.bars.contains { $0.closedForm == nil && $0.monteCarlo != nil } }
        var parts: [String] = []
        if markers { parts.append("bars: closed form; open markers with bars: Monte Carlo, 95% CI") }
        else if mcOnly { parts.append("bars: Monte Carlo estimates with 95% CI") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ").uppercasedFirst
    }
}
