import Stochastics

/// A ratio estimator Σx/Σy over independent replications, with its 95 %
/// Student-t interval from the delta method (renewal-reward / ratio of means):
/// Var(R̂) ≈ Σ(x_r − R̂ y_r)² / ((n − 1) n ȳ²), n − 1 degrees of freedom.
///
/// Every Monte Carlo metric is a ratio (messages per second of simulated time,
/// latency per session crossing a handoff, packet-weighted hops per packet),
/// and replications of fixed simulated time have random event counts, so the
/// ratio of sums is the consistent estimator (the mean of ratios is biased).
/// Sums are added in replication order, so the result does not depend on threads.
///
/// Support: the interval R̂ ± t·se is intersected with the metric's support
/// (`MetricSupport`: [0, ∞) for costs, rates, latencies, counts, durations and path
/// stretch; [0, 1] for probabilities and fractions). Truncation is the choice
/// because it keeps the coverage of the Student-t interval exactly: the true
/// value lies in the support, so it lies in the truncated interval exactly when
/// it lies in the untruncated one. A log- or logit-scale interval would respect
/// the support too, but it changes the coverage (and every interval) in ways
/// that depend on the skewness of the replication sums, and it degenerates at
/// estimates on the boundary (0 refreshes seen, a fraction of exactly 1).
/// The point estimate and `standardError` are not changed by the truncation;
/// z-scores (`dmm validate --campaign`, the † mark) use them.
struct RatioStatistics: Sendable {
    private(set) var n = 0
    private var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0

    /// Σ over replications of Σ w² of the independent units (handoffs, sessions) whose
    /// weights w make up y, for `effectiveUnits`; 0 when the metric has no such units.
    private(set) var unitSquares = 0.0

    mutating func add(_ x: Double, _ y: Double, unitSquares u: Double = 0) {
        n += 1
        sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
        unitSquares += u
    }

    /// (Σ w)²/Σ w²: the number of equally weighted independent units that give a
    /// weighted mean the same variance (Kish's effective sample size), for metrics that
    /// are weighted means of units i.i.d. under the model (y = Σ w). nil without units.
    var effectiveUnits: Double? { unitSquares > 0 && sy > 0 ? sy * sy / unitSquares : nil }

    /// Adds another set of replications' sums (the caller fixes the order, for determinism).
    mutating func merge(_ o: RatioStatistics) {
        n += o.n
        sx += o.sx; sy += o.sy; sxx += o.sxx; syy += o.syy; sxy += o.sxy
        unitSquares += o.unitSquares
    }

    /// Whether every replication counted nothing (all x = 0) although time
    /// passed: the estimate is 0, but a zero-width interval would claim
    /// certainty about a rate that was merely too rare to be seen.
    var sawNoEvents: Bool { sy > 0 && sx == 0 && sxx == 0 }

    /// The delta-method standard error of Σx/Σy (0 with fewer than two
    /// replications); nil when nothing was observed (Σy = 0).
    var standardError: Double? {
        guard sy > 0 else { return nil }
        guard n > 1 else { return 0 }
        let r = sx / sy
        let nd = Double(n)
        let ybar = sy / nd
        let ss = Swift.max(0, sxx - 2 * r * sxy + r * r * syy)
        return (ss / ((nd - 1) * nd)).squareRoot() / ybar
    }

    /// Σx/Σy with its Student-t interval truncated to `support` (see the type's
    /// comment); nil when nothing was observed (Σy = 0).
    func interval(level: Double = 0.95, support: MetricSupport = .nonNegative) -> ConfidenceInterval? {
        guard let se = standardError else { return nil }
        let r = sx / sy
        let t = ConfidenceInterval(mean: r, standardError: se, count: n, level: level)
        return ConfidenceInterval(
            estimate: r, low: Swift.min(Swift.max(support.lower, t.low), support.upper),
            high: Swift.max(Swift.min(support.upper, t.high), support.lower),
            samples: n, level: level)
    }
}
