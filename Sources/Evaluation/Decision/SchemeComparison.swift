/// Which scheme is best for one scenario, metric by metric, and which schemes no
/// other beats on every chosen metric (`dmm compare`, issue 14 item 1).
///
/// Ranking (per metric, direction from the catalogue, `Metric.better`): scheme A is
/// *significantly better* than B when A's interval lies entirely on B's better side
/// (lower is better: high_A < low_B). A closed form is its own zero-width interval,
/// so there "better" is plain strict comparison and only equal values tie (up to
/// 1e-9 relative, the last bits of rounding). A Monte Carlo estimate carries its 95 %
/// interval; a row without bounds (no simulated event) counts as zero-width.
/// rank(A) = 1 + the number of schemes significantly better than A (competition
/// ranking: 1, 2, 2, 4); A and B are *tied* when neither is significantly better,
/// i.e. their intervals overlap. Ties are not transitive: A may tie B and B tie C
/// while A beats C, and each scheme lists exactly whom it ties.
///
/// Pareto set: schemes that have every chosen metric and that no other such scheme
/// dominates; A dominates B when A is significantly better on at least one metric
/// and significantly worse on none. With Monte Carlo this is the conservative set:
/// a scheme leaves it only when beaten beyond the intervals.
public struct SchemeComparison: Sendable, Equatable {
    /// One scheme's place in one metric's ranking.
    public struct Entry: Sendable, Equatable {
        public var scheme: String
        public var method: EvaluationMethod
        /// The ranked value: the Monte Carlo estimate when one is given, else the closed form.
        public var estimate: Double
        public var ciLow: Double?
        public var ciHigh: Double?
        /// The closed form as well, when both methods ran (nil otherwise).
        public var closedForm: Double?
        public var rank: Int
        /// estimate / the best estimate of the metric; nil when the best is 0.
        public var ratioToBest: Double?
        /// estimate / the baseline's estimate; nil without a baseline, or when it is 0 or missing.
        public var ratioToBaseline: Double?
        /// The schemes whose intervals overlap this one's (neither significantly better), in ranking order.
        public var tiedWith: [String]
    }

    public struct Ranking: Sendable, Equatable {
        public var key: MetricKey
        /// Best first: by rank, then by estimate in the better direction, then input order.
        public var entries: [Entry]
    }

    public var rankings: [Ranking]
    /// Pareto-optimal schemes in input order.
    public var pareto: [String]
    /// Schemes left out of the Pareto analysis because they lack one of the metrics.
    public var incomplete: [String]
    public var baseline: String?

    /// Ranks `schemes` (in the order given) on `metrics` from evaluated rows.
    ///
    /// Uses the Monte Carlo row of a (scheme, metric) when there is one and the
    /// closed form otherwise. Throws `DecisionError` for a metric no scheme has
    /// (a percentile in closed form, say) or a baseline that is not among `schemes`.
    public static func compare(
        _ rows: [MetricEstimate], schemes: [String], metrics: [MetricKey], baseline: String?
    ) throws -> SchemeComparison {
        if let baseline, !schemes.contains(baseline) {
            throw DecisionError("--baseline \(baseline) is not among the compared schemes; allowed: \(schemes.joined(separator: ", "))")
        }
        var cf: [String: [String: MetricEstimate]] = [:], mc: [String: [String: MetricEstimate]] = [:]
        for r in rows {
            switch r.method {
            case .closedForm: cf[r.scheme, default: [:]][r.metric] = r
            case .monteCarlo: mc[r.scheme, default: [:]][r.metric] = r
            }
        }
        var rankings: [Ranking] = []
        for key in metrics {
            var candidates: [Entry] = []
            for s in schemes {
                let closed = cf[s]?[key.id]
                guard let used = mc[s]?[key.id] ?? closed else { continue }
                candidates.append(Entry(
                    scheme: s, method: used.method, estimate: used.estimate, ciLow: used.ciLow, ciHigh: used.ciHigh,
                    closedForm: used.method == .monteCarlo ? closed?.estimate : nil, rank: 0, ratioToBest: nil,
                    ratioToBaseline: nil, tiedWith: []))
            }
            guard !candidates.isEmpty else {
                let why = key.metric.latencyQuantile != nil ? " (percentiles are Monte Carlo only: --method monte-carlo or both)" : ""
                throw DecisionError("--metrics \(key.id): no compared scheme has this metric\(why)")
            }
            rankings.append(rank(candidates, key: key, baseline: baseline))
        }
        let (pareto, incomplete) = paretoSet(schemes: schemes, rankings: rankings)
        return SchemeComparison(rankings: rankings, pareto: pareto, incomplete: incomplete, baseline: baseline)
    }

    /// Whether `a` is significantly better than `b` in direction `better` (see the type's comment).
    public static func beats(_ a: Entry, _ b: Entry, _ better: MetricDirection) -> Bool {
        let aLow = a.ciLow ?? a.estimate, aHigh = a.ciHigh ?? a.estimate
        let bLow = b.ciLow ?? b.estimate, bHigh = b.ciHigh ?? b.estimate
        let slack = 1e-9 * Swift.max(abs(a.estimate), abs(b.estimate))
        switch better {
        case .lowerIsBetter: return aHigh + slack < bLow
        case .higherIsBetter: return aLow > bHigh + slack
        }
    }

    static func rank(_ candidates: [Entry], key: MetricKey, baseline: String?) -> Ranking {
        let better = key.metric.better
        var entries = candidates
        for i in entries.indices {
            entries[i].rank = 1 + candidates.filter { beats($0, candidates[i], better) }.count
        }
        let order = entries.indices.sorted { i, j in
            if entries[i].rank != entries[j].rank { return entries[i].rank < entries[j].rank }
            if entries[i].estimate != entries[j].estimate {
                return better == .lowerIsBetter ? entries[i].estimate < entries[j].estimate : entries[i].estimate > entries[j].estimate
            }
            return i < j
        }
        entries = order.map { entries[$0] }
        let best = entries[0].estimate
        let base = baseline.flatMap { b in entries.first { $0.scheme == b }?.estimate }
        for i in entries.indices {
            entries[i].ratioToBest = best != 0 ? entries[i].estimate / best : nil
            entries[i].ratioToBaseline = base.flatMap { $0 != 0 ? entries[i].estimate / $0 : nil }
            entries[i].tiedWith = entries.filter {
                $0.scheme != entries[i].scheme && !beats($0, entries[i], better) && !beats(entries[i], $0, better)
            }.map(\.scheme)
        }
        return Ranking(key: key, entries: entries)
    }

    static func paretoSet(schemes: [String], rankings: [Ranking]) -> (pareto: [String], incomplete: [String]) {
        var table: [String: [Entry]] = [:]
        for r in rankings { for e in r.entries { table[e.scheme, default: []].append(e) } }
        let complete = schemes.filter { table[$0]?.count == rankings.count }
        let incomplete = schemes.filter { table[$0]?.count != rankings.count }
        func dominates(_ a: String, _ b: String) -> Bool {
            var strictly = false
            for (k, r) in rankings.enumerated() {
                let ea = table[a]![k], eb = table[b]![k]
                if beats(eb, ea, r.key.metric.better) { return false }
                if beats(ea, eb, r.key.metric.better) { strictly = true }
            }
            return strictly
        }
        let pareto = complete.filter { b in !complete.contains { a in a != b && dominates(a, b) } }
        return (pareto, incomplete)
    }
}
