import Foundation
import Schemes
import Stochastics
import Testing
@testable import Evaluation

/// dmm compare, crossover and map in the library, each checked against plain
/// `ClosedForm.evaluate` / `MonteCarlo.evaluate` numbers recomputed here.
@Suite struct DecisionTests {
    static let cards = MonteCarloFixtures.cards
    static let ids = cards.map(\.id)

    /// value[scheme][metric] straight from the closed form.
    /// `metrics`: only these ids (`ClosedFormSelectionTests` checks that a selection gives
    /// the full evaluation's rows), nil for all.
    static func closedForm(_ s: Scenario, _ cards: [SchemeCard] = cards, metrics: Set<String>? = nil) throws
        -> [String: [String: Double]]
    {
        var out: [String: [String: Double]] = [:]
        for r in try ClosedForm.evaluate(scenario: s, schemes: cards, metrics: metrics) {
            out[r.scheme, default: [:]][r.metric] = r.estimate
        }
        return out
    }

    // MARK: compare

    @Test func closedFormRanksTiesRatiosAndParetoFollowEvaluate() throws {
        let s = Scenario.default
        let keys = [Metric.signalingCost, .handoffLatency, .pathStretch, .disruption].map { MetricKey($0) }
        let rows = try ClosedForm.evaluate(scenario: s, schemes: Self.cards)
        let c = try SchemeComparison.compare(rows, schemes: Self.ids, metrics: keys, baseline: "mipv6")
        let v = try Self.closedForm(s)
        var sawTie = false
        for r in c.rankings {
            let id = r.key.id
            #expect(Set(r.entries.map(\.scheme)) == Set(Self.ids))
            let best = Self.ids.map { v[$0]![id]! }.min()!
            for e in r.entries {
                let x = v[e.scheme]![id]!
                #expect(e.estimate == x)
                let strictlyBetter = Self.ids.filter { v[$0]![id]! < x && abs(v[$0]![id]! - x) > 1e-9 * x }
                #expect(e.rank == 1 + strictlyBetter.count, "\(id) \(e.scheme)")
                let equal = Self.ids.filter { $0 != e.scheme && abs(v[$0]![id]! - x) <= 1e-9 * max(x, v[$0]![id]!) }
                #expect(Set(e.tiedWith) == Set(equal), "\(id) \(e.scheme)")
                if !equal.isEmpty { sawTie = true }
                #expect(abs(e.ratioToBest! - x / best) <= 1e-12 * x / best)
                #expect(abs(e.ratioToBaseline! - x / v["mipv6"]![id]!) <= 1e-12)
            }
            // Best first.
            #expect(r.entries.map(\.estimate) == r.entries.map(\.estimate).sorted())
        }
        #expect(sawTie, "the default scenario has equal path stretches; the tie branch must run")
        // Pareto by brute force on the same numbers.
        func dominates(_ a: String, _ b: String) -> Bool {
            let ms = keys.map(\.id)
            return ms.allSatisfy { v[a]![$0]! <= v[b]![$0]! * (1 + 1e-9) }
                && ms.contains { v[a]![$0]! < v[b]![$0]! * (1 - 1e-9) }
        }
        let pareto = Self.ids.filter { b in !Self.ids.contains { a in a != b && dominates(a, b) } }
        #expect(c.pareto == pareto)
        #expect(!pareto.isEmpty && pareto.count < Self.ids.count)
    }

    @Test func monteCarloTiesAreOverlappingIntervals() throws {
        let pick = ["mipv6", "pmipv6", "fama", "spmip", "dma"]
        let cards = pick.map(MonteCarloFixtures.card)
        let rows = try MonteCarlo.evaluate(
            scenario: MonteCarloFixtures.scenario, schemes: cards, samples: 65_536, seed: 11, jobs: 2)
        let keys = [MetricKey(.signalingCost), MetricKey(.handoffLatency), MetricKey(.handoffLatencyP95)]
        let c = try SchemeComparison.compare(rows, schemes: pick, metrics: keys, baseline: nil)
        var sawTie = false, sawStrict = false
        for r in c.rankings {
            func interval(_ s: String) -> (Double, Double) {
                let row = rows.first { $0.scheme == s && $0.metric == r.key.id && $0.method == .monteCarlo }!
                return (row.ciLow ?? row.estimate, row.ciHigh ?? row.estimate)
            }
            for e in r.entries {
                #expect(e.method == .monteCarlo)
                let (lo, hi) = interval(e.scheme)
                let better = pick.filter { interval($0).1 < lo }
                #expect(e.rank == 1 + better.count, "\(r.key.id) \(e.scheme)")
                let overlapping = pick.filter { $0 != e.scheme && interval($0).0 <= hi && lo <= interval($0).1 }
                #expect(Set(e.tiedWith) == Set(overlapping), "\(r.key.id) \(e.scheme)")
                if !overlapping.isEmpty { sawTie = true }
                if !better.isEmpty { sawStrict = true }
            }
        }
        #expect(sawTie && sawStrict)
    }

    @Test func compareRefusesABaselineOutsideAndAMetricNobodyHas() throws {
        let rows = try ClosedForm.evaluate(scenario: .default, schemes: Array(Self.cards.prefix(2)))
        #expect(throws: DecisionError.self) {
            try SchemeComparison.compare(rows, schemes: ["mipv6", "pmipv6"], metrics: [MetricKey(.signalingCost)], baseline: "dma")
        }
        let error = #expect(throws: DecisionError.self) {
            try SchemeComparison.compare(rows, schemes: ["mipv6", "pmipv6"], metrics: [MetricKey(.handoffLatencyP95)], baseline: nil)
        }
        #expect(error?.message == "--metrics handoff_latency_p95: no compared scheme has this metric (percentiles are Monte Carlo only: --method monte-carlo or both)")
    }

    // MARK: crossover

    /// Every crossover against a brute-force fine grid of the closed form: the same
    /// number of sign changes per pair and metric, each crossing inside a fine-grid
    /// step whose ends have the signs below/above claim, and the root within 1e-6
    /// relative (the difference has the claimed signs 3e-6 either side).
    @Test(arguments: [
        ParameterRange(path: "mobility.residence.mean", start: 5, stop: 600, log: true, count: 400),
        ParameterRange(path: "traffic.session_duration.mean", start: 10, stop: 3600, log: false, count: 300),
    ])
    func crossoversAgreeWithAFineGrid(range: ParameterRange) throws {
        let keys = [MetricKey(.signalingCost), MetricKey(.handoffLatency), MetricKey(.pathStretch)]
        let base = Scenario.default
        let found = try CrossoverSearch.find(base: base, cards: Self.cards, range: range, metrics: keys, jobs: 2)
        #expect(found.count >= 5)
        // Three to four times finer than the search's scan (400 and 300 points); 4001 points
        // took half an hour in debug once the per-flow anchors were counted residence by residence.
        let fine = ParameterRange(path: range.path, start: range.start, stop: range.stop, log: range.log, count: 1201)
        let xs = fine.values
        let ids = Set(keys.map(\.id))
        let grid = try xs.map { try Self.closedForm(base.setting(range.path, to: ParameterRange.text($0)), metrics: ids) }
        for key in keys {
            for (i, a) in Self.ids.enumerated() {
                for b in Self.ids[(i + 1)...] {
                    let d = grid.map { $0[a]![key.id]! - $0[b]![key.id]! }
                    let scale = grid.map { max(abs($0[a]![key.id]!), abs($0[b]![key.id]!)) }
                    // Fine-grid brackets of a sign change, ignoring differences within rounding.
                    var signs: [(Int, Double)] = []
                    for k in d.indices where abs(d[k]) > 1e-9 * scale[k] { signs.append((k, d[k])) }
                    var brackets: [(Int, Int)] = []
                    for n in 1..<max(1, signs.count) where (signs[n - 1].1 < 0) != (signs[n].1 < 0) {
                        brackets.append((signs[n - 1].0, signs[n].0))
                    }
                    let mine = found.filter { $0.first == a && $0.second == b && $0.metric == key }
                    #expect(mine.count == brackets.count, "\(key.id) \(a)/\(b) along \(range.path)")
                    for (c, (lo, hi)) in zip(mine, brackets) {
                        #expect(xs[lo] <= c.value && c.value <= xs[hi], "\(key.id) \(a)/\(b) at \(c.value)")
                        let lowerBetter = key.metric.better == .lowerIsBetter
                        func winner(_ diff: Double) -> String { (diff < 0) == lowerBetter ? a : b }
                        #expect(c.below == winner(d[lo]) && c.above == winner(d[hi]))
                        let left = try Self.closedForm(
                            base.setting(range.path, to: ParameterRange.text(c.value * (1 - 3e-6))), metrics: ids)
                        let right = try Self.closedForm(
                            base.setting(range.path, to: ParameterRange.text(c.value * (1 + 3e-6))), metrics: ids)
                        #expect(winner(left[a]![key.id]! - left[b]![key.id]!) == c.below)
                        #expect(winner(right[a]![key.id]! - right[b]![key.id]!) == c.above)
                    }
                }
            }
        }
    }

    @Test func confirmationAtAnExactCrossing() throws {
        // MIPv6 and SAIL signaling cost cross near 101 s; both closed forms are exact,
        // so the Monte Carlo intervals must overlap there.
        let pair = ["mipv6", "sail"].map(MonteCarloFixtures.card)
        let range = ParameterRange(path: "mobility.residence.mean", start: 50, stop: 200, log: true, count: 50)
        let found = try CrossoverSearch.find(base: MonteCarloFixtures.scenario, cards: pair, range: range, metrics: [MetricKey(.signalingCost)])
        #expect(found.count == 1)
        let k = try CrossoverSearch.confirm(found[0], base: MonteCarloFixtures.scenario, cards: pair, samples: 262_144, seed: 3, jobs: 2)
        #expect(k.first.scheme == "mipv6" && k.second.scheme == "sail")
        #expect(k.overlap)
    }

    // MARK: map

    @Test func mapWinnersAndMarginsAgreeWithEvaluate() throws {
        let x = ParameterRange(path: "mobility.residence.mean", start: 5, stop: 600, log: true, count: 13)
        let y = ParameterRange(path: "traffic.session_duration.mean", start: 10, stop: 3600, log: true, count: 11)
        let keys = [MetricKey(.signalingCost), MetricKey(.handoffLatency), MetricKey(.pathStretch)]
        let maps = try RegimeMapper.maps(base: .default, cards: Self.cards, x: x, y: y, metrics: keys, jobs: 2)
        let serial = try RegimeMapper.maps(base: .default, cards: Self.cards, x: x, y: y, metrics: keys, jobs: 1)
        #expect(maps == serial)
        #expect(Set(maps[0].cells.map(\.label)).count >= 2, "the signaling map must have regions to test boundaries")
        for j in stride(from: 0, to: y.count, by: 2) {
            for i in stride(from: 0, to: x.count, by: 3) {
                let s = try Scenario.default.setting(y.path, to: ParameterRange.text(y.value(j)))
                    .setting(x.path, to: ParameterRange.text(x.value(i)))
                let v = try Self.closedForm(s)
                for (m, key) in keys.enumerated() {
                    let values = Self.ids.map { v[$0]![key.id]! }
                    let best = values.min()!
                    let winners = Self.ids.filter { abs(v[$0]![key.id]! - best) <= 1e-9 * best }
                    let rest = Self.ids.filter { !winners.contains($0) }.map { v[$0]![key.id]! }
                    let cell = maps[m].cell(i, j)
                    #expect(cell.winners == winners, "\(key.id) at (\(i), \(j))")
                    #expect(cell.best == best)
                    if let second = rest.min() { #expect(abs(cell.margin! - (second - best)) <= 1e-12 * second) }
                }
            }
        }
    }

    @Test func rangesParseAndRefuseWithWhatIsAllowed() throws {
        let r = try ParameterRange.parse("mobility.residence.mean=5:600:log", option: "--x", defaultCount: 7)
        #expect(r == ParameterRange(path: "mobility.residence.mean", start: 5, stop: 600, log: true, count: 7))
        #expect(r.values.first == 5 && r.values.last == 600)
        #expect(abs(r.value(3) - (5 * 600).squareRoot()) < 1e-9)
        #expect(try ParameterRange.parse("a=0:1:11", option: "--y", defaultCount: 3).values[3] == 0.3)
        for bad in ["a", "a=1", "a=2:1", "a=0:1:log", "a=0:x", "a=0:1:1", "a=0:1:2:3"] {
            let e = #expect(throws: DecisionError.self) { try ParameterRange.parse(bad, option: "--x", defaultCount: 5) }
            #expect(e?.message.hasPrefix("--x '\(bad)': ") == true)
            #expect(e?.message.contains("allowed: PATH=START:STOP") == true)
        }
    }
}
