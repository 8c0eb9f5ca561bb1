import Foundation
import Stochastics

/// How far an exact closed form lies from its Monte Carlo estimate, as a
/// normal-equivalent z-score: what `dmm validate --campaign` tests against 4 and
/// the † bug signal against its Bonferroni bound (docs/MODELS.md 9.4).
///
/// The replication z = (closed form − estimate)/se, se the delta-method standard
/// error over replications, fails where the estimate rests on a few events: a
/// handover failure seen once or twice in 10^6 handoffs, a buffer overflow, a
/// local correspondent whose long session dominates a whole run. There the sample
/// variance is computed from almost nothing and is near 0 with high probability,
/// so a correct closed form sits "8 standard errors" away. For the metrics that
/// are weighted means of units independent and identically distributed under
/// the model (per (handoff, session) pair: the failure indicator and the packets
/// lost, the handoff being the unit; per session: the path stretch of a per-node
/// scheme, the session's class being drawn once), the model itself gives the
/// unit variance v (`MetricEstimate.unitVariance`) and the run the effective
/// number of independent units n = (Σ w)²/Σ w² (`MetricEstimate.effectiveUnits`).
/// Conditional on the weights, v/n is the estimator's variance under the
/// hypothesis that the closed form is right, so by the law of total variance it
/// is a lower bound on the true variance; it is not estimated from the few events.
///
/// - Proportions of events (`Metric.isEventProportion`): the score test's exact
///   form, the tail of Binomial(n, p₀) at k = p̂ n (p₀ the closed form;
///   P(X ≤ k) = 1 − I_{p₀}(k + 1, n − k), P(X ≥ k) = I_{p₀}(k, n − k + 1), the beta
///   cdf's continuous extension for the weighted, non-integer k and n), converted
///   to the z with the same one-sided tail. At 0 events it tests e^{−p₀ n}.
/// - Other such means (packet loss, buffered loss, stretch): the score-type
///   z = (closed form − estimate)/sqrt(v/n).
///
/// The result is the model z or the replication z, whichever is smaller in
/// magnitude: the pair is called a miss only when both tests reject, so neither
/// a collapsed sample variance (few events) nor a model variance that leaves out
/// correlations between units (a domain crossing shared by consecutive handoffs,
/// many events) can flag a correct closed form. Metrics without units keep the
/// replication z.
public enum ClosedFormComparison {
    /// Largest |z| reported when a tail underflows (P < 1e-300).
    static let zCap = 37.0

    /// The z-score of `closedForm` against `monteCarlo`, whose replication standard
    /// error is `standardError` (nil or 0: none). 0 when both agree to rounding;
    /// ±∞ when no test has a variance and they differ.
    public static func z(closedForm cf: MetricEstimate, monteCarlo mc: MetricEstimate, standardError se: Double?) -> Double {
        let d = cf.estimate - mc.estimate
        if abs(d) <= 1e-9 * Swift.max(1, abs(cf.estimate)) { return 0 }
        let replication = (se ?? 0) > 0 ? d / se! : (d > 0 ? Double.infinity : -.infinity)
        guard let model = modelZ(closedForm: cf, monteCarlo: mc) else { return replication }
        return abs(model) < abs(replication) ? model : replication
    }

    /// The z-score of the model-variance test alone, nil when the metric has no units
    /// or the model no unit variance.
    public static func modelZ(closedForm cf: MetricEstimate, monteCarlo mc: MetricEstimate) -> Double? {
        guard let n = mc.effectiveUnits, n > 0, n.isFinite else { return nil }
        let d = cf.estimate - mc.estimate
        if let key = MetricKey(id: cf.metric), key.metric.isEventProportion {
            return binomialZ(p0: cf.estimate, observed: mc.estimate, trials: n)
        }
        guard let v = cf.unitVariance ?? mc.unitVariance, v > 0 else { return nil }
        return d / (v / n).squareRoot()
    }

    /// The normal-equivalent z of observing a proportion `observed` of `trials` (effective,
    /// real) Bernoulli(p0) trials: sign(p0 − observed) times the z whose one-sided normal
    /// tail equals the binomial tail on the observed side. nil for p0 outside (0, 1).
    static func binomialZ(p0: Double, observed: Double, trials n: Double) -> Double? {
        guard p0 > 0, p0 < 1 else { return nil }
        let k = Swift.min(n, Swift.max(0, observed * n))
        let tail: Double
        do {
            if observed < p0 {
                // P(X ≤ k) = P(Beta(k + 1, n − k) > p0).
                tail = n - k > 0 ? 1 - (try SpecialFunctions.betaCDF(p0, a: k + 1, b: n - k)) : 1
            } else {
                // P(X ≥ k) = I_{p0}(k, n − k + 1).
                tail = k > 0 ? try SpecialFunctions.betaCDF(p0, a: k, b: n - k + 1) : 1
            }
        } catch {
            return nil
        }
        if tail >= 0.5 { return 0 }
        let z = tail < 1e-300 ? zCap : Swift.min(zCap, (try? SpecialFunctions.normalUpperQuantile(tail)) ?? zCap)
        return observed < p0 ? z : -z
    }
}
