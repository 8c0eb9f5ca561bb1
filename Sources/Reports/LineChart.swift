import Foundation

/// What a line chart shows, independent of how it is drawn (SVG, pgfplots,
/// Vega-Lite): one or more panels (facets) sharing axes, each with one series
/// per scheme and method. Styles come from `SchemeStyle`; labels are human.
public struct LineChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// The x value, or the category's index on a categorical axis.
        public var x: Double
        public var y: Double
        /// 95 % interval (Monte Carlo rows).
        public var low: Double?
        public var high: Double?
        public init(x: Double, y: Double, low: Double? = nil, high: Double? = nil) {
            self.x = x
            self.y = y
            self.low = low
            self.high = high
        }
    }

    public enum Method: String, Sendable, Equatable {
        case closedForm = "closed-form"
        case monteCarlo = "monte-carlo"
    }

    public struct Series: Sendable, Equatable {
        /// The scheme id: picks the `SchemeStyle`.
        public var scheme: String
        /// The legend name ("PMIPv6").
        public var name: String
        public var method: Method
        public var points: [Point]
        public init(scheme: String, name: String, method: Method = .closedForm, points: [Point]) {
            self.scheme = scheme
            self.name = name
            self.method = method
            self.points = points
        }
    }

    public struct Panel: Sendable, Equatable {
        /// The facet's value in words ("Session rate = 0.02 1/s"); nil for a single panel.
        public var title: String?
        public var series: [Series]
        public init(title: String? = nil, series: [Series]) {
            self.title = title
            self.series = series
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var panels: [Panel]
    public var logX: Bool
    public var logY: Bool
    /// Category names of a categorical x axis (a law sweep); points' x are their indices.
    public var categories: [String]?

    public init(title: String, xLabel: String, yLabel: String, panels: [Panel], logX: Bool = false, logY: Bool = false,
                categories: [String]? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.panels = panels
        self.logX = logX
        self.logY = logY
        self.categories = categories
    }

    /// Every series of every panel.
    public var series: [Series] { panels.flatMap(\.series) }

    /// Legend entries: each scheme once, in order of appearance (a scheme's
    /// methods share its style), with the methods it is drawn with.
    public var legend: [(scheme: String, name: String, methods: [Method])] {
        var out: [(scheme: String, name: String, methods: [Method])] = []
        for s in series {
            if let i = out.firstIndex(where: { $0.scheme == s.scheme }) {
                if !out[i].methods.contains(s.method) { out[i].methods.append(s.method) }
            } else {
                out.append((s.scheme, s.name, [s.method]))
            }
        }
        return out
    }

    /// Whether a Monte Carlo series is drawn as markers with error bars (its
    /// scheme has a closed-form line in the same panel) or as a line with a band.
    public static func drawsAsMarkers(_ s: Series, in panel: Panel) -> Bool {
        s.method != .closedForm && panel.series.contains { $0.scheme == s.scheme && $0.method == .closedForm }
    }

    /// Groups of series in a panel (indices, at least two) with the same
    /// method whose values at the same x lie within 1 % of the y axis's span
    /// (in log space on a log axis) of the group's first: drawn on top of each
    /// other, so the renderers stagger their markers and the legend says
    /// "GHAHA = SAIL" (equal to 1e-9 relative) or "FAMA ≈ DMI" (only close).
    public func coincidentGroups(in panel: Panel) -> [(members: [Int], exact: Bool)] {
        let ys = yValues.filter { !logY || $0 > 0 }
        guard let lo = ys.min(), let hi = ys.max() else { return [] }
        func t(_ y: Double) -> Double { logY ? Foundation.log10(y) : y }
        let span = max(t(hi) - t(lo), 1e-300)
        func close(_ a: Series, _ b: Series, exact: Bool) -> Bool {
            guard a.method == b.method, a.points.count == b.points.count else { return false }
            return zip(a.points, b.points).allSatisfy { p, q in
                guard p.x == q.x else { return false }
                return exact ? abs(p.y - q.y) <= 1e-9 * max(abs(p.y), abs(q.y), 1e-300) : abs(t(p.y) - t(q.y)) <= 0.01 * span
            }
        }
        var groups: [(members: [Int], exact: Bool)] = []
        var used = Set<Int>()
        for i in panel.series.indices where !used.contains(i) {
            let members = [i] + panel.series.indices.filter { j in
                j > i && !used.contains(j) && close(panel.series[i], panel.series[j], exact: false)
            }
            if members.count > 1 {
                let exact = members.dropFirst().allSatisfy { close(panel.series[i], panel.series[$0], exact: true) }
                groups.append((members, exact))
                used.formUnion(members)
            }
        }
        return groups
    }

    /// The legend notes for coincident lines over all panels, e.g. "GHAHA = SAIL";
    /// with facets, a note names the panels where it holds unless it holds in all.
    public var coincidenceNotes: [String] {
        var notes: [(text: String, panels: [String])] = []
        for panel in panels {
            for group in coincidentGroups(in: panel) {
                let names = group.members.map { panel.series[$0].name }
                var text = names.joined(separator: group.exact ? " = " : " \u{2248} ")
                if panel.series[group.members[0]].method == .monteCarlo { text += " (Monte Carlo)" }
                if let i = notes.firstIndex(where: { $0.text == text }) {
                    notes[i].panels.append(panel.title ?? "")
                } else {
                    notes.append((text, [panel.title ?? ""]))
                }
            }
        }
        return notes.map { note in
            panels.count > 1 && note.panels.count < panels.count ? "\(note.text) at \(note.panels.joined(separator: "; "))" : note.text
        }
    }

    /// Which points of series `index` in `panel` carry a marker: about eight
    /// along the series (every s-th point), and for a member k of a coincident
    /// group of n every (s n)-th point from the (s k)-th, so each scheme's
    /// marker shows along the shared line.
    public func markedPoints(of index: Int, in panel: Panel) -> [Int] {
        let count = panel.series[index].points.count
        let s = max(1, (count + 7) / 8)
        guard let group = coincidentGroups(in: panel).first(where: { $0.members.contains(index) })?.members else {
            return Array(stride(from: 0, to: count, by: s))
        }
        let k = group.firstIndex(of: index)!
        return Array(stride(from: s * k, to: count, by: s * group.count))
    }
}

extension LineChart {
    /// The legend's key to the methods, shared by every renderer; nil when
    /// the chart has closed-form lines only.
    public var methodNote: String? {
        var parts: [String] = []
        let markers = panels.contains { p in p.series.contains { Self.drawsAsMarkers($0, in: p) } }
        let bands = panels.contains { p in p.series.contains { $0.method == .monteCarlo && !Self.drawsAsMarkers($0, in: p) } }
        if markers { parts.append("lines: closed form; open markers with bars: Monte Carlo, 95% CI") }
        if bands { parts.append("open markers and bands: Monte Carlo, 95% CI") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ").uppercasedFirst
    }

    /// The y values the axis must hold: estimates and interval ends.
    var yValues: [Double] { series.flatMap(\.points).flatMap { [$0.y] + [$0.low, $0.high].compactMap { $0 } } }
    var xValues: [Double] { series.flatMap(\.points).map(\.x) }
}
