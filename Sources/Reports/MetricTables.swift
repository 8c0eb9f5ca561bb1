import Evaluation
import Foundation
import Schemes

/// Tables of metric estimates: wide (a row per scheme, a column per metric,
/// units in the header) for markdown, latex and rfc; tidy (one estimate a row,
/// `MetricEstimate.columns`) for csv and json.
public enum MetricTables {
    /// The metrics of the wide table, in order (the catalogue's).
    public static let wideMetrics: [MetricKey] = Metric.wide.map { MetricKey($0) }

    /// The headline metrics `dmm table --extended` appends (the catalogue's `isHeadline`).
    public static let extendedMetrics: [MetricKey] = Metric.headline.map { MetricKey($0) }

    /// Column of a metric, from the catalogue: the human label with unit
    /// (`MetricKey.label`, "Handoff latency (ms)") as its header, the id with unit
    /// (`MetricKey.columnName`, "handoff_latency_ms") as its csv and json key.
    public static func column(_ key: MetricKey) -> Table.Column {
        Table.Column(key.label, id: key.columnName, alignment: .right)
    }

    /// A row per scheme (in first-seen order), a column per metric in `metrics`
    /// that at least one scheme has; a scheme without a metric gets an empty cell.
    ///
    /// Cells: a closed form alone as `cell`; a Monte Carlo estimate alone as
    /// "x ± h" (h the half-width of its 95 % interval, two significant digits);
    /// both as "cf (MC x ± h)". An exact closed form (`approximate` false) is
    /// marked † beyond the Bonferroni-corrected threshold of `BugSignal` over the
    /// table's exact comparisons (a bug signal; by chance in at most 1 % of tables);
    /// every documented approximation is marked ‡ (closed form alone or beside the
    /// Monte Carlo; its footnote gives the measured error bound, docs/MODELS.md);
    /// a Monte Carlo interval that is not valid (an infinite variance under the scenario's
    /// laws, `MetricEstimate.intervalCaveat`) is marked § and never gets †;
    /// the footnote explaining a mark is added when the mark is used.
    public static func wide(_ rows: [MetricEstimate], metrics: [MetricKey] = wideMetrics, caption: String? = nil,
                            footnotes: [String] = [], approximate: (_ scheme: String, _ metric: String) -> Bool = { _, _ in false }
    ) -> Table {
        let ids = Set(rows.map(\.metric))
        let present = metrics.filter { ids.contains($0.id) }
        var schemes: [String] = []
        var values: [String: [String: [MetricEstimate]]] = [:]
        for r in rows {
            if values[r.scheme] == nil { schemes.append(r.scheme) }
            values[r.scheme, default: [:]][r.metric, default: []].append(r)
        }
        var table = Table(
            columns: [Table.Column("Scheme", id: "scheme")] + present.map(column),
            caption: caption, footnotes: footnotes)
        var marks: Set<String> = []
        let signal = BugSignal(rows: rows, metrics: present, approximate: approximate)
        for s in schemes {
            table.append([s] + present.map { m in
                let (text, cellMarks) = cellText(values[s]?[m.id] ?? [], approximate: approximate(s, m.id), signal: signal)
                marks.formUnion(cellMarks)
                return text
            })
        }
        table.footnotes += markFootnotes(marks, signal: signal, caveats: caveats(rows, metrics: present))
        return table
    }

    /// The cell of one (scheme, metric) from its estimates (see `wide`), and the
    /// marks it carries; `signal` decides † for an exact closed form.
    public static func cellText(_ estimates: [MetricEstimate], approximate: Bool, signal: BugSignal) -> (String, Set<String>) {
        let cf = estimates.first { $0.method == .closedForm }
        let mc = estimates.first { $0.method == .monteCarlo && $0.ciLow != nil }
        func marked(_ mark: String?) -> Set<String> { mark.map { [$0] } ?? [] }
        // An interval that is not valid says so (§), and nothing is tested against it.
        func mcText(_ mc: MetricEstimate) -> (String, Set<String>) {
            mc.intervalCaveat == nil ? (interval(mc), []) : (interval(mc) + invalidIntervalMark, [invalidIntervalMark])
        }
        switch (cf, mc) {
        case (nil, nil): return ("", [])
        case let (cf?, nil): return approximate ? (cell(cf.estimate) + approximationMark, [approximationMark]) : (cell(cf.estimate), [])
        case let (nil, mc?): return mcText(mc)
        case let (cf?, mc?) where mc.ciHigh == nil:
            // No event was simulated: nothing to compare the closed form with.
            let mark = approximate ? approximationMark : nil
            return ("\(cell(cf.estimate))\(mark ?? "") (MC \(interval(mc)))", marked(mark))
        case let (cf?, mc?):
            // Every approximation is marked, inside its interval or not: the reader cannot tell otherwise.
            let flagged = mc.intervalCaveat == nil && signal.flags(cf, against: mc)
            let mark = approximate ? approximationMark : (flagged ? exactMark : nil)
            let (text, invalid) = mcText(mc)
            return ("\(cell(cf.estimate))\(mark ?? "") (MC \(text))", marked(mark).union(invalid))
        }
    }

    /// The distinct reasons why Monte Carlo intervals among `rows` (for `metrics`) are not
    /// valid, in first-seen order (`MetricEstimate.intervalCaveat`).
    public static func caveats(_ rows: [MetricEstimate], metrics: [MetricKey]) -> [String] {
        let wanted = Set(metrics.map(\.id))
        var seen: [String] = []
        for r in rows where r.method == .monteCarlo && wanted.contains(r.metric) {
            if let c = r.intervalCaveat, !seen.contains(c) { seen.append(c) }
        }
        return seen
    }

    /// The footnotes explaining the marks used, in a fixed order.
    public static func markFootnotes(_ marks: Set<String>, signal: BugSignal, caveats: [String] = []) -> [String] {
        var notes: [String] = []
        if marks.contains(exactMark) { notes.append(signal.footnote) }
        if marks.contains(approximationMark) {
            notes.append("\(approximationMark) \(ClosedFormAccuracy.approximationFootnote)")
        }
        if marks.contains(invalidIntervalMark) {
            notes.append("\(invalidIntervalMark) Monte Carlo interval not valid, the estimate stands but its half-width and any comparison with it mean nothing (docs/MODELS.md 9.4): \(caveats.joined(separator: "; ")).")
        }
        return notes
    }

    /// Marks: an exact closed form outside its Monte Carlo interval (bug signal), an approximate closed form.
    public static let exactMark = "\u{2020}", approximationMark = "\u{2021}"
    /// Marks a Monte Carlo interval that is not valid (`MetricEstimate.intervalCaveat`).
    public static let invalidIntervalMark = "\u{00A7}"

    /// Whether `mc`'s interval holds `x`, allowing the last bits of rounding (a
    /// zero-width interval of a deterministic quantity equals its closed form up to them).
    public static func covers(_ mc: MetricEstimate, _ x: Double) -> Bool {
        guard let lo = mc.ciLow, let hi = mc.ciHigh else { return false }
        let slack = 1e-9 * Swift.max(1, abs(x))
        return lo - slack <= x && x <= hi + slack
    }

    /// "x ± h": estimate with four significant digits, half-width with two;
    /// "0, no events" when the simulation saw none (no upper bound). The interval
    /// of a ratio estimate (one with a standard error) is Student-t truncated to
    /// the metric's support (csv and json show the truncated bounds), so its h is
    /// the longer side, the half-width before truncation; a percentile's
    /// order-statistic interval gives h = (high − low)/2.
    static func interval(_ mc: MetricEstimate) -> String {
        if mc.ciHigh == nil { return "\(cell(mc.estimate)), no events" }
        let lo = mc.ciLow ?? mc.estimate, hi = mc.ciHigh ?? mc.estimate
        let half = mc.standardError == nil ? (hi - lo) / 2 : Swift.max(hi - mc.estimate, mc.estimate - lo)
        return "\(cell(mc.estimate)) \u{00B1} \(significant(half, 2))"
    }

    /// `x` with `digits` significant digits, without exponent between 1e-3 and 1e6.
    static func significant(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "" }
        if x == 0 { return "0" }
        let a = abs(x)
        if a >= 1e6 || a < 1e-3 { return String(format: "%.\(digits - 1)e", x) }
        let decimals = max(0, digits - 1 - Int(floor(log10(a))))
        return String(format: "%.\(decimals)f", x)
    }

    /// One estimate a row with the columns of `layout` (docs/DATA.md; by default
    /// the columns `rows` fill); numbers at full precision, real values always with a
    /// decimal point or an exponent (`TidyNumber`). `exactness` is "exact" or
    /// "approximate" for a closed-form row (`approximate`, normally
    /// `ClosedFormAccuracy`'s verdict) and empty for a Monte Carlo row.
    public static func tidy(
        _ rows: [MetricEstimate], layout: TidyLayout? = nil,
        approximate: (_ scheme: String, _ metric: String) -> Bool = { _, _ in false }
    ) -> Table {
        let layout = layout ?? TidyLayout(
            closedForm: rows.contains { $0.method == .closedForm }, monteCarlo: rows.contains { $0.method == .monteCarlo },
            percentiles: rows.contains { $0.handoffs != nil })
        var table = layout.table()
        for r in rows {
            // A non-finite number never reaches a cell (the models throw first); empty if one did.
            table.append((try? layout.cells(r, approximate: approximate(r.scheme, r.metric)))
                ?? layout.columns.map { _ in "" })
        }
        return table
    }

    /// Four significant digits without exponent between 1e-3 and 1e6, else d.ddde±x.
    public static func cell(_ x: Double) -> String { significant(x, 4) }

    /// Shortest text that reads back as the same Double, always with "." or "e" (csv, json).
    public static func exact(_ x: Double) -> String { TidyNumber.real(x) ?? "" }
}
