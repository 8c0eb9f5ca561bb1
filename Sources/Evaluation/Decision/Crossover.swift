import Foundation
import Schemes
import Stochastics

/// A break-even point: where two schemes' closed-form values of one metric are
/// equal along a varied parameter, and which scheme wins on each side.
public struct Crossover: Sendable, Equatable {
    /// The two schemes in the order they were given.
    public var first: String
    public var second: String
    public var metric: MetricKey
    public var path: String
    /// Where the values cross (relative tolerance of `CrossoverSearch.tolerance`).
    public var value: Double
    /// The common closed-form value there (mean of the two).
    public var estimate: Double
    /// The better scheme just below `value`, and just above it.
    public var below: String
    public var above: String

    /// "first/second", the tidy `pair` column.
    public var pair: String { "\(first)/\(second)" }
}

/// The Monte Carlo check of one crossover (`dmm crossover --confirm`).
public struct CrossoverConfirmation: Sendable, Equatable {
    public var first: MetricEstimate
    public var second: MetricEstimate
    /// Both 95 % intervals contain the closed-form value at the crossing.
    public var inside: Bool
    /// The two intervals overlap: the simulation cannot tell the schemes apart there.
    public var overlap: Bool
}

/// Every crossing of two schemes' closed forms along one parameter (issue 14 item 2).
///
/// A scan evaluates the closed form at `range.count` points (linear or log spaced)
/// and brackets each sign change of d(x) = v_a(x) − v_b(x) between consecutive
/// points; GSL's Brent solver (`RootFinder.brent`) then locates the root of d in
/// the bracket to a relative tolerance of 1e-6 (on log x for a log range, the same
/// relative accuracy). A grid point where d is exactly 0 between points of opposite
/// sign is a crossing at that point. Two crossings closer than one scan step (the
/// curves touch twice) and tangencies (d touches 0 without changing sign) are not
/// seen: raise the resolution to resolve them. Stretches where d is 0 (equal
/// values) are no crossing.
public enum CrossoverSearch {
    public static let tolerance = 1e-6

    /// Crossings of every pair of `cards` (in the order given) for every metric,
    /// sorted by metric (in the order given), then location.
    ///
    /// Throws `ScenarioError` for an unusable path or value (exit 2), and the closed
    /// form's errors for a point it cannot evaluate (exit 1).
    public static func find(
        base: Scenario, cards: [SchemeCard], range: ParameterRange, metrics: [MetricKey], jobs: Int = 1
    ) throws -> [Crossover] {
        let schemes = cards.map(\.id)
        guard schemes.count >= 2 else {
            throw DecisionError("crossover needs at least two schemes; give --schemes a,b[,...]")
        }
        _ = try base.setting(range.path, to: ParameterRange.text(range.start))
        let xs = range.values
        // Only the compared metrics (the distinct live anchor ARs alone cost more than the rest).
        let selected = Set(metrics.map(\.id))
        var scan: [SchemeValues] = []
        scan.reserveCapacity(xs.count)
        try ParallelWork.run(
            count: xs.count, jobs: jobs,
            body: { k in
                let s = try base.setting(range.path, to: ParameterRange.text(xs[k]))
                return SchemeValues(
                    try ClosedForm.evaluate(scenario: s, schemes: cards, metrics: selected), schemes: schemes, metrics: metrics)
            },
            emit: { _, v in scan.append(v) })
        var out: [Crossover] = []
        for (m, key) in metrics.enumerated() {
            let better = key.metric.better
            for a in 0..<schemes.count {
                for b in (a + 1)..<schemes.count {
                    let d: [Double?] = scan.map { v in
                        guard let va = v.values[m][a], let vb = v.values[m][b] else { return nil }
                        return sameValue(va, vb) ? 0 : va - vb
                    }
                    func winner(_ diff: Double) -> String {
                        // d = v_a − v_b < 0: a is lower.
                        (diff < 0) == (better == .lowerIsBetter) ? schemes[a] : schemes[b]
                    }
                    var k = 0
                    while k < xs.count - 1 {
                        guard let d0 = d[k], d0 != 0 else { k += 1; continue }
                        // The next point with a value; zeros in between are a crossing at their first point.
                        var j = k + 1
                        while j < xs.count, d[j] == 0 { j += 1 }
                        guard j < xs.count, let d1 = d[j] else { k = j; continue }
                        if (d0 < 0) != (d1 < 0) {
                            let location: Double
                            if j == k + 1 {
                                location = try root(
                                    base: base, cards: [cards[a], cards[b]], range: range, metric: key,
                                    lower: xs[k], upper: xs[j])
                            } else {
                                location = xs[k + 1]
                            }
                            let at = try values(base, [cards[a], cards[b]], range.path, location, key)
                            out.append(Crossover(
                                first: schemes[a], second: schemes[b], metric: key, path: range.path, value: location,
                                estimate: (at.0 + at.1) / 2, below: winner(d0), above: winner(d1)))
                        }
                        k = j
                    }
                }
            }
        }
        let order = Dictionary(metrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return out.enumerated().sorted {
            let (l, r) = ($0.element, $1.element)
            if l.metric != r.metric { return order[l.metric.id]! < order[r.metric.id]! }
            if l.value != r.value { return l.value < r.value }
            return $0.offset < $1.offset
        }.map(\.element)
    }

    /// The two schemes' closed-form values of `metric` with `path` at `x`.
    static func values(_ base: Scenario, _ pair: [SchemeCard], _ path: String, _ x: Double, _ key: MetricKey)
        throws -> (Double, Double)
    {
        let s = try base.setting(path, to: ParameterRange.text(x))
        let v = SchemeValues(
            try ClosedForm.evaluate(scenario: s, schemes: pair, metrics: [key.id]), schemes: pair.map(\.id), metrics: [key])
        guard let a = v.values[0][0], let b = v.values[0][1] else {
            throw DecisionError("\(key.id) has no closed form for \(pair[0].id) or \(pair[1].id) at \(path)=\(x)")
        }
        return (a, b)
    }

    /// Brent's root of v_a − v_b between two scan points of opposite sign.
    static func root(
        base: Scenario, cards: [SchemeCard], range: ParameterRange, metric: MetricKey, lower: Double, upper: Double
    ) throws -> Double {
        final class Failure { var error: Error? }
        let failure = Failure()
        let toX: (Double) -> Double = range.log ? { Foundation.exp($0) } : { $0 }
        let f: (Double) -> Double = { u in
            if failure.error != nil { return .nan }
            do {
                let (a, b) = try values(base, cards, range.path, toX(u), metric)
                return a - b
            } catch {
                failure.error = error
                return .nan
            }
        }
        let lo = range.log ? Foundation.log(lower) : lower, hi = range.log ? Foundation.log(upper) : upper
        let what = "crossing of \(cards[0].id) and \(cards[1].id) for \(metric.id) in \(range.path) between \(lower) and \(upper)"
        let u: Double
        do {
            // Log range: an absolute tolerance on log x is a relative one on x.
            u = range.log
                ? try RootFinder.brent(what, in: lo, hi, epsabs: tolerance, epsrel: 0, f)
                : try RootFinder.brent(what, in: lo, hi, epsabs: 1e-12 * (range.stop - range.start), epsrel: tolerance, f)
        } catch {
            throw failure.error ?? error
        }
        if let error = failure.error { throw error }
        return Swift.min(Swift.max(toX(u), lower), upper)
    }

    /// Re-evaluates both schemes by Monte Carlo at the crossing.
    public static func confirm(
        _ c: Crossover, base: Scenario, cards: [SchemeCard], samples: Int, seed: UInt64, jobs: Int
    ) throws -> CrossoverConfirmation {
        let pair = try [c.first, c.second].map { id in
            guard let card = cards.first(where: { $0.id == id }) else {
                throw DecisionError("crossover names \(id), which is not among the cards")
            }
            return card
        }
        let s = try base.setting(c.path, to: ParameterRange.text(c.value))
        let rows = try MonteCarlo.evaluate(scenario: s, schemes: pair, samples: samples, seed: seed, jobs: jobs)
        func row(_ id: String) throws -> MetricEstimate {
            guard let r = rows.first(where: { $0.scheme == id && $0.metric == c.metric.id }) else {
                throw DecisionError("the Monte Carlo has no \(c.metric.id) for \(id)")
            }
            return r
        }
        let a = try row(c.first), b = try row(c.second)
        func contains(_ r: MetricEstimate, _ x: Double) -> Bool {
            let slack = 1e-9 * Swift.max(1, abs(x))
            return (r.ciLow ?? r.estimate) - slack <= x && x <= (r.ciHigh ?? r.estimate) + slack
        }
        let overlap = (a.ciLow ?? a.estimate) <= (b.ciHigh ?? b.estimate) && (b.ciLow ?? b.estimate) <= (a.ciHigh ?? a.estimate)
        return CrossoverConfirmation(
            first: a, second: b, inside: contains(a, c.estimate) && contains(b, c.estimate), overlap: overlap)
    }
}
