import Evaluation
import Foundation
import Stochastics

/// Picks a line chart out of a tidy sweep CSV (`dmm plot`): x = one varied
/// column, y = one metric's estimate, one series per scheme (and per method
/// when a scheme has both), the Monte Carlo interval as a band.
public enum SweepPlot {
    public struct Request: Sendable {
        public var x: String
        public var metric: String
        public var schemes: [String]?
        /// Fixed values of the other varied columns, PATH -> VALUE.
        public var fixed: [(path: String, value: String)]
        public var logX: Bool
        public var logY: Bool
        public init(x: String, metric: String, schemes: [String]? = nil, fixed: [(path: String, value: String)] = [], logX: Bool = false, logY: Bool = false) {
            self.x = x
            self.metric = metric
            self.schemes = schemes
            self.fixed = fixed
            self.logX = logX
            self.logY = logY
        }
    }

    public struct PlotError: InvalidInput {
        public let message: String
        public var description: String { message }
    }

    public static func chart(csv text: String, file: String, request: Request) throws -> LineChart {
        func fail(_ message: String) -> PlotError { PlotError(message: "plot \(file): " + message) }
        let records = SweepCSV.parse(text)
        guard let header = records.first, let schemeColumn = header.firstIndex(of: "scheme"),
            Array(header[schemeColumn...]) == MetricEstimate.columns
        else { throw fail("not a dmm sweep CSV (its header must end with \(MetricEstimate.columns.joined(separator: ",")))") }
        let varied = Array(header[..<schemeColumn])
        let rows = records.dropFirst().filter { $0.count == header.count }
        guard let xColumn = varied.firstIndex(of: request.x) else {
            throw fail("--x \(request.x) is not a varied column; allowed: \(varied.joined(separator: ", "))")
        }
        // The last occurrence: a varied column may be named like a standard one (a hand-made file).
        let col = Dictionary(header.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { _, last in last })
        let metrics = ordered(rows.map { $0[col["metric"]!] })
        guard metrics.contains(request.metric) else {
            throw fail("--metric \(request.metric) is not in the file; allowed: \(metrics.joined(separator: ", "))")
        }
        var selected = rows.filter { $0[col["metric"]!] == request.metric }
        for (path, value) in request.fixed {
            guard let c = varied.firstIndex(of: path), c != xColumn else {
                let others = varied.filter { $0 != request.x }
                throw fail("--where \(path)=\(value): \(path) is not a varied column other than --x; allowed: "
                           + (others.isEmpty ? "none (the file varies only \(request.x)): drop --where" : others.joined(separator: ", ")))
            }
            let values = ordered(selected.map { $0[c] })
            guard values.contains(value) else {
                throw fail("--where \(path)=\(value): no such value; allowed: \(values.joined(separator: "; "))")
            }
            selected = selected.filter { $0[c] == value }
        }
        for (c, path) in varied.enumerated() where c != xColumn && !request.fixed.contains(where: { $0.path == path }) {
            let values = ordered(selected.map { $0[c] })
            if values.count > 1 {
                throw fail("\(path) varies too (\(values.joined(separator: "; "))); fix it with --where \(path)=VALUE")
            }
        }
        let available = ordered(selected.map { $0[col["scheme"]!] })
        var schemes = available
        if let wanted = request.schemes {
            for s in wanted where !available.contains(s) {
                throw fail("--schemes: '\(s)' has no \(request.metric) rows; allowed: \(available.joined(separator: ", "))")
            }
            schemes = wanted
        }
        let units = ordered(selected.map { $0[col["unit"]!] })
        var series: [LineChart.Series] = []
        for scheme in schemes {
            let mine = selected.filter { $0[col["scheme"]!] == scheme }
            let methods = ordered(mine.map { $0[col["method"]!] })
            for method in methods {
                var points: [LineChart.Point] = []
                for row in mine where row[col["method"]!] == method {
                    guard let x = Double(row[xColumn]), x.isFinite else {
                        throw fail("--x \(request.x): value '\(row[xColumn])' is not a number; plot a numeric column")
                    }
                    guard let y = Double(row[col["estimate"]!]), y.isFinite else {
                        throw fail("estimate '\(row[col["estimate"]!])' of \(scheme) is not a number")
                    }
                    // An empty bound (closed form) draws no band; "nan" or "inf" would reach the SVG.
                    func bound(_ name: String) throws -> Double? {
                        let text = row[col[name]!]
                        if text.isEmpty { return nil }
                        guard let v = Double(text), v.isFinite else {
                            throw fail("\(name) '\(text)' of \(scheme) is not a finite number")
                        }
                        return v
                    }
                    let low = try bound("ci_low"), high = try bound("ci_high")
                    points.append(LineChart.Point(x: x, y: y, low: low, high: high))
                }
                points.sort { $0.x < $1.x }
                if request.logX, points.contains(where: { $0.x <= 0 }) { throw fail("--log-x needs x > 0; \(scheme) has x <= 0") }
                if request.logY, points.contains(where: { $0.y <= 0 || ($0.low ?? 1) <= 0 }) {
                    throw fail("--log-y needs values > 0; \(scheme) has values <= 0")
                }
                let label = methods.count > 1 ? "\(scheme) (\(method))" : scheme
                series.append(LineChart.Series(name: label, points: points))
            }
        }
        let all = series.flatMap(\.points)
        let xs = all.map(\.x), ys = all.flatMap { [$0.y] + [$0.low, $0.high].compactMap { $0 } }
        if let lo = xs.min(), let hi = xs.max(), let problem = AxisTicks.problem(lo, hi, log: request.logX) {
            throw fail("cannot draw the x axis over \(SweepAxis.format(lo))...\(SweepAxis.format(hi)): \(problem); plot a sub-range with --where or \(request.logX ? "drop" : "try") --log-x")
        }
        if let lo = ys.min(), let hi = ys.max(), let problem = AxisTicks.problem(lo, hi, log: request.logY) {
            throw fail("cannot draw the y axis over \(SweepAxis.format(lo))...\(SweepAxis.format(hi)): \(problem); choose another --metric or \(request.logY ? "drop" : "try") --log-y")
        }
        var title = "\(request.metric) vs \(request.x)"
        let fixedText = request.fixed.map { "\($0.path)=\($0.value)" } + varied.enumerated().compactMap { c, path in
            c == xColumn || request.fixed.contains(where: { $0.path == path }) ? nil : selected.first.map { "\(path)=\($0[c])" }
        }
        if !fixedText.isEmpty { title += " (" + fixedText.joined(separator: ", ") + ")" }
        let unit = units.joined(separator: ", ")
        let xUnit = ScenarioParameter.unit(ofPath: request.x) ?? ""
        return LineChart(
            title: title, xLabel: xUnit.isEmpty ? request.x : "\(request.x) (\(xUnit))", yLabel: unit.isEmpty ? request.metric : "\(request.metric) (\(unit))",
            series: series, logX: request.logX, logY: request.logY)
    }

    static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
