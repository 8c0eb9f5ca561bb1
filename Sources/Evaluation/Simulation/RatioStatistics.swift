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
struct RatioStatistics: Sendable {
    private(set) var n = 0
    private var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0

    mutating func add(_ x: Double, _ y: Double) {
        n += 1
        sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
    }

    /// Adds another set of replications' sums (the caller fixes the order, for determinism).
    mutating func merge(_ o: RatioStatistics) {
        n += o.n
        sx += o.sx; sy += o.sy; sxx += o.sxx; syy += o.syy; sxy += o.sxy
    }

    /// Whether every replication counted nothing (all x = 0) although time
    /// passed: the estimate is 0, but a zero-width interval would claim
    /// certainty about a rate that was merely too rare to be seen.
    var sawNoEvents: Bool { sy > 0 && sx == 0 && sxx == 0 }

    /// Σx/Σy with its interval; nil when nothing was observed (Σy = 0).
    func interval(level: Double = 0.95) -> ConfidenceInterval? {
        guard sy > 0 else { return nil }
        let r = sx / sy
        guard n > 1 else { return ConfidenceInterval(mean: r, standardError: 0, count: n, level: level) }
        let nd = Double(n)
        let ybar = sy / nd
        let ss = Swift.max(0, sxx - 2 * r * sxy + r * r * syy)
        let se = (ss / ((nd - 1) * nd)).squareRoot() / ybar
        return ConfidenceInterval(mean: r, standardError: se, count: n, level: level)
    }
}
