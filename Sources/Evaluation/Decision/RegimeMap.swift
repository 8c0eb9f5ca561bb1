import Schemes
import Stochastics

/// The winning scheme of one metric over a 2-D grid of two scenario parameters,
/// with the margin to the runner-up (`dmm map`, issue 14 item 3).
///
/// Winner at a grid point: the scheme with the best closed-form value (direction
/// from the catalogue); schemes equal to it up to 1e-9 relative share the win
/// (`winners` holds them all, in the schemes' order). Runner-up: the best of the
/// others. margin = |runner-up value − best value| in the metric's unit, and
/// marginRatio = runner-up / best (nil when the best is 0).
public struct RegimeMap: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var winners: [String]
        public var best: Double
        public var runnerUp: String?
        public var runnerUpValue: Double?

        public init(winners: [String], best: Double, runnerUp: String?, runnerUpValue: Double?) {
            self.winners = winners
            self.best = best
            self.runnerUp = runnerUp
            self.runnerUpValue = runnerUpValue
        }

        public var margin: Double? { runnerUpValue.map { abs($0 - best) } }
        public var marginRatio: Double? { runnerUpValue.flatMap { best != 0 ? $0 / best : nil } }
        /// "dma" or, for a shared win, "dma=sail".
        public var label: String { winners.joined(separator: "=") }
    }

    public var x: ParameterRange
    public var y: ParameterRange
    public var metric: MetricKey
    public var schemes: [String]
    /// Row-major, y outer: cell (i, j) at x index i and y index j is `cells[j * x.count + i]`.
    public var cells: [Cell]

    public init(x: ParameterRange, y: ParameterRange, metric: MetricKey, schemes: [String], cells: [Cell]) {
        precondition(cells.count == x.count * y.count, "a regime map has x.count * y.count cells")
        self.x = x
        self.y = y
        self.metric = metric
        self.schemes = schemes
        self.cells = cells
    }

    public func cell(_ i: Int, _ j: Int) -> Cell { cells[j * x.count + i] }
}

/// Builds regime maps: one closed-form evaluation per grid point, shared by every
/// metric asked for, rows of the grid spread over `jobs` threads (`ParallelWork`).
public enum RegimeMapper {
    /// The largest grid accepted without `force` (points, each evaluating every scheme).
    public static let maximumPoints = 1_000_000

    public static func maps(
        base: Scenario, cards: [SchemeCard], x: ParameterRange, y: ParameterRange, metrics: [MetricKey], jobs: Int = 1
    ) throws -> [RegimeMap] {
        guard x.path != y.path else { throw DecisionError("--x and --y both vary \(x.path); choose two different parameters") }
        guard !cards.isEmpty else { throw DecisionError("a regime map needs at least one scheme") }
        let schemes = cards.map(\.id)
        // Refuse a bad path or value before spreading work (exit 2, with the path's message).
        for v in [x.start, x.stop] { _ = try base.setting(x.path, to: ParameterRange.text(v)) }
        for v in [y.start, y.stop] { _ = try base.setting(y.path, to: ParameterRange.text(v)) }
        let xs = x.values, ys = y.values
        var grids: [[RegimeMap.Cell]] = Array(repeating: [], count: metrics.count)
        for m in grids.indices { grids[m].reserveCapacity(xs.count * ys.count) }
        try ParallelWork.run(
            count: ys.count, jobs: jobs,
            body: { j in
                let row = try base.setting(y.path, to: ParameterRange.text(ys[j]))
                var out: [[RegimeMap.Cell]] = Array(repeating: [], count: metrics.count)
                for xv in xs {
                    let s = try row.setting(x.path, to: ParameterRange.text(xv))
                    let v = SchemeValues(
                        try ClosedForm.evaluate(scenario: s, schemes: cards, metrics: Set(metrics.map(\.id))),
                        schemes: schemes, metrics: metrics)
                    for (m, key) in metrics.enumerated() {
                        out[m].append(try cell(v.values[m], schemes: schemes, key: key, at: "\(x.path)=\(xv), \(y.path)=\(ys[j])"))
                    }
                }
                return out
            },
            emit: { _, rows in for m in rows.indices { grids[m] += rows[m] } })
        return metrics.indices.map { RegimeMap(x: x, y: y, metric: metrics[$0], schemes: schemes, cells: grids[$0]) }
    }

    static func cell(_ values: [Double?], schemes: [String], key: MetricKey, at: String) throws -> RegimeMap.Cell {
        let lowerBetter = key.metric.better == .lowerIsBetter
        func better(_ a: Double, _ b: Double) -> Bool { lowerBetter ? a < b : a > b }
        var best: Double?
        for v in values.compactMap({ $0 }) where best == nil || better(v, best!) { best = v }
        guard let best else { throw DecisionError("\(key.id) has no closed form for any scheme (at \(at))") }
        var winners: [String] = [], runnerUp: String?, runnerUpValue: Double?
        for (s, v) in zip(schemes, values) {
            guard let v else { continue }
            if sameValue(v, best) {
                winners.append(s)
            } else if runnerUpValue == nil || better(v, runnerUpValue!) {
                runnerUp = s
                runnerUpValue = v
            }
        }
        return RegimeMap.Cell(winners: winners, best: best, runnerUp: runnerUp, runnerUpValue: runnerUpValue)
    }

    /// The seed's question (draft section 4: how often the MN changes anchor, how
    /// long sessions last, where the CNs are): residence time x session duration
    /// and residence time x local-CN fraction.
    public static func seedAxes(resolution: Int) -> [(x: ParameterRange, y: ParameterRange)] {
        let residence = ParameterRange(path: "mobility.residence.mean", start: 5, stop: 600, log: true, count: resolution)
        return [
            (residence, ParameterRange(path: "traffic.session_duration.mean", start: 10, stop: 3600, log: true, count: resolution)),
            (residence, ParameterRange(path: "traffic.local_cn_fraction", start: 0, stop: 1, log: false, count: resolution)),
        ]
    }

    /// The metrics of the seed's question: signaling cost, handoff latency, path stretch.
    public static let seedMetrics: [MetricKey] = [.init(.signalingCost), .init(.handoffLatency), .init(.pathStretch)]
}
