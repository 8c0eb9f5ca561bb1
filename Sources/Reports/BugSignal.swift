import Evaluation
import Foundation
import Stochastics

/// When an exact closed form is marked † (a bug signal) next to its Monte Carlo
/// estimate: only beyond a Bonferroni-corrected threshold, so that a correct
/// model shows no † in a whole table with probability at least 99 %.
///
/// A table of `dmm evaluate --method both` holds m exact comparisons (about 200
/// for all schemes). Testing each at 95 % marked about m/20 cells by chance (17
/// at the default seed). Here each comparison's z = (closed form − estimate)/se
/// (se the Monte Carlo standard error, `MetricEstimate.standardError`; n − 1
/// degrees of freedom over n replications) is flagged only when
/// |z| > c = t_{1 − α/(2m), n − 1} with α = 1 %: by the union bound,
/// P(any chance †) ≤ Σ P(|z_i| > c) = m · α/m = α, whatever the dependence
/// between the comparisons (all schemes share one simulated trajectory, so
/// Šidák's independence assumption does not hold, Bonferroni needs none).
/// For m = 200 and many replications c ≈ 4.1; with few replications the
/// Student-t quantile grows (c ≈ 47 for 4 replications): few replications
/// cannot tell a bug from chance, and the mark says nothing rather than
/// something false. The ‡ of a documented approximation is unchanged: it
/// reports a gap, outside the 95 % interval, not a bug.
///
/// The z of a cell is `ClosedFormComparison`'s, the campaign's: for the metrics whose
/// estimate can rest on a few events (handover failure probability, packet loss, the
/// per-node path stretch) the smaller of the replication z and the test with the
/// model's own unit variance (an exact binomial tail for the probability), so a rare
/// event seen once does not mark a correct closed form (docs/MODELS.md 9.4).
public struct BugSignal: Sendable {
    /// Family-wise probability of at least one chance † in a table of a correct model.
    public static let familyLevel = 0.01

    /// Number of exact comparisons the correction is over (at least 1).
    public let comparisons: Int
    /// Fewest degrees of freedom among the compared Monte Carlo estimates (the
    /// most conservative quantile, used for all of them).
    public let degreesOfFreedom: Int
    /// The |z| beyond which an exact closed form is marked.
    public let threshold: Double

    /// The signal for `comparisons` exact comparisons of estimates with
    /// `degreesOfFreedom` degrees of freedom.
    public init(comparisons: Int, degreesOfFreedom: Int) {
        self.comparisons = max(1, comparisons)
        self.degreesOfFreedom = max(1, degreesOfFreedom)
        let perComparison = Self.familyLevel / Double(self.comparisons)
        threshold = ConfidenceInterval.tQuantile(level: 1 - perComparison, degreesOfFreedom: self.degreesOfFreedom)
    }

    /// The signal for the cells of a wide table: every (scheme, metric in
    /// `metrics`) with a closed form and a Monte Carlo estimate that saw events,
    /// whose closed form `approximate` does not call an approximation and whose interval is valid (`MetricEstimate.intervalCaveat` nil).
    public init(rows: [MetricEstimate], metrics: [MetricKey], approximate: (_ scheme: String, _ metric: String) -> Bool) {
        let wanted = Set(metrics.map(\.id))
        var closedForms = Set<String>()
        for r in rows where r.method == .closedForm && wanted.contains(r.metric) { closedForms.insert(r.scheme + "\u{0}" + r.metric) }
        var m = 0, dof = Int.max
        for r in rows where r.method == .monteCarlo && r.ciHigh != nil && r.intervalCaveat == nil && wanted.contains(r.metric)
            && closedForms.contains(r.scheme + "\u{0}" + r.metric) && !approximate(r.scheme, r.metric)
        {
            m += 1
            dof = min(dof, max(1, (r.samples ?? 2) - 1))
        }
        self.init(comparisons: m, degreesOfFreedom: dof == .max ? 1 : dof)
    }

    /// Whether the exact closed form `x` is more than `threshold` standard errors
    /// from `mc`, allowing the last bits of rounding (a zero-width interval of a
    /// deterministic quantity equals its closed form up to them).
    public func flags(_ x: Double, against mc: MetricEstimate) -> Bool {
        guard let se = Self.standardError(mc) else { return false }
        let slack = 1e-9 * Swift.max(1, abs(x))
        return abs(x - mc.estimate) > threshold * se + slack
    }

    /// Whether the exact closed form row `cf` is flagged against `mc`: its z-score
    /// (`ClosedFormComparison`, the campaign's: the replication z, or the model-variance
    /// test where the estimate is a mean of units the model describes and that z is
    /// smaller, as for rare handover failures) beyond `threshold`.
    public func flags(_ cf: MetricEstimate, against mc: MetricEstimate) -> Bool {
        // No test against an interval that is not valid (`MetricEstimate.intervalCaveat`).
        guard mc.intervalCaveat == nil, let se = Self.standardError(mc) else { return false }
        let z = ClosedFormComparison.z(closedForm: cf, monteCarlo: mc, standardError: se)
        return abs(z) > threshold
    }

    /// The estimate's standard error: `MetricEstimate.standardError`, else (rows
    /// read back from csv) the half-width of its 95 % interval over t_{0.975, n−1}.
    public static func standardError(_ mc: MetricEstimate) -> Double? {
        if let se = mc.standardError { return se }
        guard let lo = mc.ciLow, let hi = mc.ciHigh else { return nil }
        let n = mc.samples ?? 2
        guard n > 1 else { return 0 }
        return (hi - lo) / 2 / ConfidenceInterval.tQuantile(level: 0.95, degreesOfFreedom: n - 1)
    }

    /// The footnote explaining †.
    public var footnote: String {
        let c = String(format: "%.2f", threshold)
        return "\(MetricTables.exactMark) An exact closed form more than \(c) standard errors from its Monte Carlo estimate: a bug signal. \(c) is the Bonferroni bound t(1 - 0.01/(2 x \(comparisons)), \(degreesOfFreedom) degrees of freedom) for the \(comparisons) exact comparisons of this table, so a correct model shows no \(MetricTables.exactMark) at a random seed with probability at least 99 %."
    }
}
