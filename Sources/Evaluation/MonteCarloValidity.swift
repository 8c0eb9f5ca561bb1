import Schemes
import Stochastics

/// Which Monte Carlo estimates of a scheme have no valid interval under a scenario,
/// because the variance of what the simulation averages is infinite (docs/MODELS.md 9.4).
///
/// A Monte Carlo row is a ratio of replication sums, and its interval (Student-t over
/// replications, delta method) and the campaign's z-test need a finite variance of
/// the per-replication sums. Each sum is a renewal-reward sum over the residences of
/// the window (4096 mean residences) and over the sessions in it; a residence X
/// contributing a reward of order X^r has a finite variance only when E[X^{2r}] is
/// finite, so the test needs the residence law's moment of order 2r (Pareto shape A:
/// moments of order k < A only; every other family has them all). The orders:
///
/// - every metric (counts per second, time averages, per-handoff and per-session
///   means): r = 1 in the residence and in the session duration, since the window's
///   handoff count and the time the sessions are active fluctuate like sums of X and
///   of T (renewal CLT, M/G/∞ occupancy: Var ∫N = λE[T²] per unit time). Needs
///   E[X²] and E[T²]: Pareto shape > 2. Conservative for the per-handoff and per-session
///   means (their units are i.i.d. whatever the tails), which are not told apart.
///   The latency percentiles (order-statistic intervals, no variance) are exempt.
/// - the outage of an element recovered at the MN's next binding update
///   (`FailureRecovery.helloDetectionThenNextBU`, SAIL's HA, 7.2), the metric
///   `outage` when that element is the scheme's most critical, `outage.<kind>` and
///   `disruption` (which sums every element's outage): the probes' wait for the next
///   BU, whose integral over a residence x is x²/2 without refresh (the equilibrium
///   residual E[X²]/(2E[X]), 2.4 and 4.1): r = 2, needs E[X⁴], Pareto shape > 4.
///   With refresh the wait is at most the binding lifetime, the reward is at most
///   T_L·x: r = 1 again. (Strictly, the window caps the reward at about x·window, so
///   the variance is finite for shape > 3 at any fixed window; but it then grows as
///   window^{4−A} and the replication sums of 4096 residences have a tail of index A/2:
///   seed 3's scenarios 9 and 96, shapes 2.69 and 2.42, gave z 5.1 and 4.4, and reruns
///   at 4x samples standard errors of 8.3 and 19 s for one quantity.)
///
/// Such a row keeps its estimate (consistent: the mean is finite) and is marked
/// (`MetricEstimate.intervalCaveat`): no † bug signal, a § mark in the wide tables,
/// `untestable` in the campaign.
public struct MonteCarloValidity: Sendable, Equatable {
    /// Why no metric of the scheme has a valid interval (a law without its second moment), nil if they may.
    public let everyMetric: String?
    /// Why a given metric id (`MetricEstimate.metric`) has no valid interval.
    public let byMetric: [String: String]

    /// The reason the Monte Carlo interval of `metric` (an id) is not valid, nil when it is.
    public func reason(_ metric: String) -> String? {
        if let r = byMetric[metric] { return r }
        guard let r = everyMetric else { return nil }
        if let key = MetricKey(id: metric), key.metric.latencyQuantile != nil { return nil }
        return r
    }

    /// Whether every interval of the scheme is valid.
    public var isEmpty: Bool { everyMetric == nil && byMetric.isEmpty }

    /// The caveats of `card` under `scenario`.
    public static func of(
        scenario s: Scenario, card: SchemeCard, models: [any SchemeModel] = SchemeModels.all
    ) throws -> MonteCarloValidity {
        let residence = try s.effectiveResidence(), session = s.traffic.sessionDuration
        var every: [String] = []
        if !residence.hasFiniteMoment(2) {
            every.append(lacking(residence, "residence", order: 2, quantity: "a count or time average over residences (E[X])"))
        }
        if !session.hasFiniteMoment(2) {
            every.append(lacking(session, "session", order: 2, quantity: "a time average over sessions (E[T])"))
        }
        var by: [String: String] = [:]
        if !s.timers.refresh, !residence.hasFiniteMoment(4), let model = SchemeModels.model(for: card.id, in: models) {
            let elements = model.failureElements(try ClosedFormAccuracy.simulationContext(s))
            let reason = lacking(
                residence, "residence", order: 4,
                quantity: "a quantity in E[X^2] (the wait for the next binding update without refresh, docs/MODELS.md 4.1)")
            // Ranked as the simulation and ClosedFormAccuracy rank them.
            let worst = elements.max(by: { ($0.sessionsBroken, $0.mnsUnreachable) < ($1.sessionsBroken, $1.mnsUnreachable) })
            for e in elements where e.recovery == .helloDetectionThenNextBU {
                by[MetricKey(.outage, element: e.kind).id] = reason
                by[MetricKey(.disruption).id] = reason
                if let worst, worst.kind == e.kind { by[MetricKey(.outage).id] = reason }
            }
        }
        return MonteCarloValidity(everyMetric: every.isEmpty ? nil : every.joined(separator: "; "), byMetric: by)
    }

    /// The caveats of every card, by scheme id (schemes without any left out).
    public static func of(
        scenario s: Scenario, cards: [SchemeCard], models: [any SchemeModel] = SchemeModels.all
    ) throws -> [String: MonteCarloValidity] {
        var out: [String: MonteCarloValidity] = [:]
        for card in cards {
            let v = try of(scenario: s, card: card, models: models)
            if !v.isEmpty { out[card.id] = v }
        }
        return out
    }

    /// "Monte Carlo variance infinite: Pareto residence shape 2.42 <= 4 for a quantity in E[X^2] (...)".
    static func lacking(_ law: ProbabilityLaw, _ role: String, order: Int, quantity: String) -> String {
        var shape = law.spec
        if case let .pareto(a, _, _) = law.form { shape = "Pareto \(role) shape \(ProbabilityLaw.format(a))" }
        return "Monte Carlo variance infinite: \(shape) <= \(order) for \(quantity)"
    }
}
