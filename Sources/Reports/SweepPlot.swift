import Evaluation
import Foundation
import Stochastics

/// Picks a line chart out of a tidy sweep CSV (`dmm plot`): x = one varied
/// column (numeric, or categorical for a law sweep), y = one metric's
/// estimate, one series per scheme and method, the Monte Carlo interval with
/// it, and with `facet` one panel per value of another varied column. Titles,
/// axes and legends are human: metric labels from the catalogue, parameter
/// names with their units, scheme names from the cards.
public enum SweepPlot {
    public struct Request: Sendable {
        public var x: String
        public var metric: String
        public var schemes: [String]?
        /// Fixed values of the other varied columns, PATH -> VALUE.
        public var fixed: [(path: String, value: String)]
        /// A varied column drawn as one panel per value.
        public var facet: String?
        public var logX: Bool
        public var logY: Bool
        /// Scheme id -> legend name (the cards' short names); ids stand for themselves otherwise.
        public var schemeNames: [String: String]
        public init(x: String, metric: String, schemes: [String]? = nil, fixed: [(path: String, value: String)] = [],
                    facet: String? = nil, logX: Bool = false, logY: Bool = false, schemeNames: [String: String] = [:]) {
            self.x = x
            self.metric = metric
            self.schemes = schemes
            self.fixed = fixed
            self.facet = facet
            self.logX = logX
            self.logY = logY
            self.schemeNames = schemeNames
        }
    }

    public struct PlotError: InvalidInput {
        public let message: String
        public var description: String { message }
    }

    /// A parsed tidy file: the varied columns and the rows.
    struct Tidy {
        var varied: [String]
        var col: [String: Int]
        var rows: [[String]]
        /// The cell of column `name`; empty when the file has no such column (a
        /// closed-form file has no ci_low, ci_high, docs/DATA.md).
        func value(_ row: [String], _ name: String) -> String { col[name].map { row[$0] } ?? "" }
    }

    static func read(_ text: String, fail: (String) -> PlotError) throws -> Tidy {
        let records = SweepCSV.parse(text)
        let known = Set(MetricEstimate.columns + ["exactness"])
        let leading = ["scheme", "metric", "unit", "method", "estimate"]
        guard let header = records.first, let schemeColumn = header.firstIndex(of: "scheme"),
            Array(header[schemeColumn...].prefix(leading.count)) == leading,
            header[schemeColumn...].allSatisfy(known.contains)
        else {
            throw fail("not a dmm sweep CSV (its header must end with \(leading.joined(separator: ",")) and optionally ci_low,ci_high,samples,handoffs,exactness)")
        }
        // The last occurrence: a varied column may be named like a standard one (a hand-made file).
        let col = Dictionary(header.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { _, last in last })
        return Tidy(varied: Array(header[..<schemeColumn]), col: col, rows: records.dropFirst().filter { $0.count == header.count })
    }

    public static func chart(csv text: String, file: String, request: Request) throws -> LineChart {
        func fail(_ message: String) -> PlotError { PlotError(message: "plot \(file): " + message) }
        let tidy = try read(text, fail: fail)
        let varied = tidy.varied
        guard let xColumn = varied.firstIndex(of: request.x) else {
            throw fail("--x \(request.x) is not a varied column; allowed: \(varied.isEmpty ? "none (the file varies nothing: use --bars)" : varied.joined(separator: ", "))")
        }
        let metrics = ordered(tidy.rows.map { tidy.value($0, "metric") })
        guard metrics.contains(request.metric) else {
            throw fail("--metric \(request.metric) is not in the file; allowed: \(metrics.joined(separator: ", "))")
        }
        var selected = tidy.rows.filter { tidy.value($0, "metric") == request.metric }
        var facetColumn: Int?
        if let facet = request.facet {
            guard let c = varied.firstIndex(of: facet), c != xColumn, !request.fixed.contains(where: { $0.path == facet }) else {
                let others = varied.filter { $0 != request.x && !request.fixed.map(\.path).contains($0) }
                throw fail("--facet \(facet) is not a varied column other than --x and --where; allowed: "
                           + (others.isEmpty ? "none" : others.joined(separator: ", ")))
            }
            facetColumn = c
        }
        for (path, value) in request.fixed {
            guard let c = varied.firstIndex(of: path), c != xColumn else {
                let others = varied.filter { $0 != request.x }
                throw fail("--where \(path)=\(value): \(path) is not a varied column other than --x; allowed: "
                           + (others.isEmpty ? "none (the file varies only \(request.x)): drop --where" : others.joined(separator: ", ")))
            }
            let values = ordered(selected.map { $0[c] })
            // The file writes a whole number of a numeric axis with ".0" (`TidyNumber.decimal`): "4" finds "4.0".
            let cell = values.contains(value) ? value : TidyNumber.decimal(value)
            guard values.contains(cell) else {
                throw fail("--where \(path)=\(value): no such value; allowed: \(values.joined(separator: "; "))")
            }
            selected = selected.filter { $0[c] == cell }
        }
        for (c, path) in varied.enumerated()
        where c != xColumn && c != facetColumn && !request.fixed.contains(where: { $0.path == path }) {
            let values = ordered(selected.map { $0[c] })
            if values.count > 1 {
                throw fail("\(path) varies too (\(values.joined(separator: "; "))); fix it with --where \(path)=VALUE or draw it with --facet \(path)")
            }
        }
        let available = ordered(selected.map { tidy.value($0, "scheme") })
        var schemes = available
        if let wanted = request.schemes {
            for s in wanted where !available.contains(s) {
                throw fail("--schemes: '\(s)' has no \(request.metric) rows; allowed: \(available.joined(separator: ", "))")
            }
            schemes = wanted
        }
        // A law sweep (or any non-numeric column) gets a categorical axis, in the file's order.
        let xTexts = ordered(selected.map { $0[xColumn] })
        let numeric = xTexts.allSatisfy { Double($0).map(\.isFinite) ?? false }
        let (categories, commonLaw): ([String]?, String?) = numeric ? (nil, nil) : categoryNames(xTexts)
        if categories != nil, request.logX {
            throw fail("--log-x: \(request.x) is categorical (\(xTexts.prefix(3).joined(separator: "; "))...); drop --log-x")
        }
        let facetValues: [String?] = facetColumn.map { c in sortedValues(ordered(selected.map { $0[c] })) } ?? [nil]

        var panels: [LineChart.Panel] = []
        for facetValue in facetValues {
            let inPanel = facetColumn.map { c in selected.filter { $0[c] == facetValue } } ?? selected
            var series: [LineChart.Series] = []
            for scheme in schemes {
                let mine = inPanel.filter { tidy.value($0, "scheme") == scheme }
                for methodText in ordered(mine.map { tidy.value($0, "method") }) {
                    guard let method = LineChart.Method(rawValue: methodText) else {
                        throw fail("method '\(methodText)' of \(scheme) is unknown; allowed: closed-form, monte-carlo")
                    }
                    var points: [LineChart.Point] = []
                    for row in mine where tidy.value(row, "method") == methodText {
                        let x = categories == nil ? Double(row[xColumn])! : Double(xTexts.firstIndex(of: row[xColumn])!)
                        guard let y = Double(tidy.value(row, "estimate")), y.isFinite else {
                            throw fail("estimate '\(tidy.value(row, "estimate"))' of \(scheme) is not a number")
                        }
                        // An empty bound (closed form) draws no interval; "nan" or "inf" would reach the figure.
                        func bound(_ name: String) throws -> Double? {
                            let text = tidy.value(row, name)
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
                    series.append(LineChart.Series(
                        scheme: scheme, name: request.schemeNames[scheme] ?? scheme, method: method, points: points))
                }
            }
            let title = facetColumn.map { c in parameterSetting(varied[c], facetValue!) }
            panels.append(LineChart.Panel(title: title, series: series))
        }

        // An axis a Double cannot tick (denormal or overflowing spans) is refused here, not drawn as NaN.
        let all = panels.flatMap(\.series).flatMap(\.points)
        let xs = all.map(\.x), ys = all.flatMap { [$0.y] + [$0.low, $0.high].compactMap { $0 } }
        if categories == nil, let lo = xs.min(), let hi = xs.max(), let problem = AxisTicks.problem(lo, hi, log: request.logX) {
            throw fail("cannot draw the x axis over \(SweepAxis.format(lo))...\(SweepAxis.format(hi)): \(problem); plot a sub-range with --where or \(request.logX ? "drop" : "try") --log-x")
        }
        if let lo = ys.min(), let hi = ys.max(), let problem = AxisTicks.problem(lo, hi, log: request.logY) {
            throw fail("cannot draw the y axis over \(SweepAxis.format(lo))...\(SweepAxis.format(hi)): \(problem); choose another --metric or \(request.logY ? "drop" : "try") --log-y")
        }
        let metricLabel = MetricKey(id: request.metric)?.label ?? request.metric
        let metricName = MetricKey(id: request.metric).map { key in key.label.replacingOccurrences(of: " (\(key.unit.label))", with: "") }
            ?? request.metric
        var title = "\(metricName) vs \(parameterName(request.x).lowercasedFirst)"
        let fixedText = request.fixed.map { parameterSetting($0.path, $0.value) } + varied.enumerated().compactMap { c, path in
            c == xColumn || c == facetColumn || request.fixed.contains(where: { $0.path == path })
                ? nil : selected.first.map { parameterSetting(path, $0[c]) }
        }
        if !fixedText.isEmpty { title += " (" + fixedText.joined(separator: ", ") + ")" }
        return LineChart(
            title: title, xLabel: commonLaw.map { parameterName(request.x) + " (\($0))" } ?? parameterLabel(request.x), yLabel: metricLabel, panels: panels,
            logX: request.logX, logY: request.logY, categories: categories)
    }

    // MARK: Parameter names

    static let acronyms: Set<String> = [
        "ha", "ar", "mn", "cn", "lma", "map", "mag", "dad", "ra", "l2", "mtbf", "mttr", "dar", "mar", "cmd", "dht",
        "hlma", "cdn", "ip",
    ]
    /// Words that read better spelled out on an axis.
    static let words: [String: String] = ["residence": "residence time", "ars": "ARs", "mns": "MNs", "has": "HAs", "mags": "MAGs"]
    static let lawParameters: [String: String] = [
        "mean": "mean", "shape": "shape", "sigma": "sigma", "p": "branch probabilities", "min": "minimum",
        "max": "maximum", "value": "value",
    ]

    /// A scenario path in words: the group dropped, underscores as spaces,
    /// acronyms in capitals, a law's parameter after a comma.
    /// "mobility.residence.mean" -> "Residence time, mean";
    /// "topology.global_ha_count" -> "Global HA count".
    public static func parameterName(_ path: String) -> String {
        var parts = path.split(separator: ".").map(String.init)
        var suffix = ""
        if parts.count > 2, let last = parts.last, let law = lawParameters[last],
            ScenarioParameter.named(parts.dropLast().joined(separator: ".")) != nil {
            suffix = ", " + law
            parts.removeLast()
        }
        if parts.count > 1 { parts.removeFirst() }
        let text = parts.joined(separator: " ").split(separator: "_").joined(separator: " ")
            .split(separator: " ").map { w -> String in
                let word = String(w)
                if let spelled = words[word] { return spelled }
                return acronyms.contains(word) ? word.uppercased() : word
            }.joined(separator: " ")
        return (text + suffix).uppercasedFirst
    }

    /// "Residence time, mean (s)"; no parentheses for a unitless path.
    public static func parameterLabel(_ path: String) -> String {
        let unit = ScenarioParameter.unit(ofPath: path) ?? ""
        return unit.isEmpty || unit == "ratio" ? parameterName(path) : "\(parameterName(path)) (\(unit))"
    }

    /// "Session rate = 0.02 1/s".
    static func parameterSetting(_ path: String, _ value: String) -> String {
        let unit = ScenarioParameter.unit(ofPath: path) ?? ""
        let numeric = Double(value) != nil
        return "\(parameterName(path)) = \(value)" + (numeric && !unit.isEmpty && unit != "ratio" ? " \(unit)" : "")
    }

    /// Short names for a law sweep's categories: the parameters every law
    /// shares (the mean, held fixed) said once in the axis label, the rest
    /// after the family ("gamma:shape=4,mean=300" -> "gamma shape=4", axis
    /// "(mean=300)"). Texts that are not laws stay as they are.
    static func categoryNames(_ texts: [String]) -> ([String], String?) {
        let parsed = texts.map { t -> (family: String, pairs: [String])? in
            guard let colon = t.firstIndex(of: ":"), ProbabilityLaw.families.contains(String(t[..<colon])) else { return nil }
            return (String(t[..<colon]), t[t.index(after: colon)...].split(separator: ",").map(String.init))
        }
        guard texts.count > 1, parsed.allSatisfy({ $0 != nil }) else { return (texts, nil) }
        let laws = parsed.map { $0! }
        let common = laws[0].pairs.filter { pair in laws.allSatisfy { $0.pairs.contains(pair) } }
        let names = laws.map { law in ([law.family] + law.pairs.filter { !common.contains($0) }).joined(separator: " ") }
        guard Set(names).count == names.count else { return (texts, nil) }
        return (names, common.isEmpty ? nil : common.joined(separator: ", "))
    }

    static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// Numeric values in increasing order; anything else in the file's order.
    static func sortedValues(_ values: [String]) -> [String] {
        let numbers = values.compactMap(Double.init)
        guard numbers.count == values.count else { return values }
        return zip(values, numbers).sorted { $0.1 < $1.1 }.map(\.0)
    }
}

extension String {
    var uppercasedFirst: String { prefix(1).uppercased() + dropFirst() }
    var lowercasedFirst: String {
        // Keep acronyms ("HA count") as they are.
        guard let first = first, let second = dropFirst().first, !second.isUppercase else { return self }
        return first.lowercased() + dropFirst()
    }
}
