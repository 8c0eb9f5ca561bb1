import Schemes
import Stochastics

/// Which closed forms of `ClosedForm.evaluate` are exact under a scenario and
/// which are documented approximations (DESIGN.md 2.6): the Monte Carlo
/// interval must cover an exact one (a miss is a bug signal, or a 1-in-20
/// chance at 95 %), and it reports the gap of an approximate one.
///
/// Approximations (each model's and `SignalingCost`'s doc comment says why):
/// - signaling of an event whose card sends a message per active old anchor, or
///   to an old anchor whose distance follows `Motion.oldAnchorSteps`: E[N_a]
///   (mean-matched for non-exponential laws) × the first-order anchor distance
///   stands for the mean of their product (analytic-models.md 5.4); the
///   simulation counts distinct ARs at their simulated distances, and a single
///   message to "the" old anchor goes to the AR just left (one step); refresh
///   messages per old anchor use E[N_a] at a handoff, while at a refresh (a
///   binding lifetime after the last handoff) fewer old sessions survive
///   (default scenario: closed form 4.2x the simulated refresh cost of FAMA/DMA);
/// - per-flow DMM (FAMA, DMI, DMA): handoff latency (first-order anchor
///   distance). Their tunnelled fraction Σ α(j) P(D_j ≠ 0) is exact, and so is
///   what is built on it (anchoring AR's blast radius, disruption); the failure
///   probability 1 − G*(Λ(1 + tunnelled fraction)) is exact to first order in
///   Λ·E[T] (~10⁻⁵ here), far below any Monte Carlo resolution;
/// - S-PMIP's handoff latency when the CN-side branch can be the slower one
///   (closed form max of means, simulated mean of the max);
/// - SAIL's HA outage and disruption: 1/(η + refresh rate) for the wait until
///   the next BU is exact only for exponential residence without periodic refresh.
/// Everything else (rates η, p_d η, λ_s, the refresh count, ρ, paths, blast radii,
/// repair outages, 1 − G*(Λ)) is exact in the mean for every law the scenario allows.
public enum ClosedFormAccuracy {
    /// Metric names (as in `MetricEstimate.metric`) whose closed form is an
    /// approximation for `card` under `scenario`; every other closed form is exact.
    public static func approximations(scenario s: Scenario, card: SchemeCard) throws -> Set<String> {
        guard let model = SchemeModels.model(for: card.id) else { return [] }
        let plan = try SimulationPlan(scenario: s, cards: [card])
        let c1 = SimulationPlan.context(s, crossingRate: plan.crossingRate, domainARs: plan.domainARs)
        let c2 = SimulationPlan.context(s, crossingRate: plan.crossingRate, domainARs: plan.domainARs, steps: 2)
        var out: Set<String> = []
        let parts: [(ProcedureEvent, String)] = [
            (.handoff, "handoff"), (.domainHandoff, "handoff"), (.refresh, "refresh"), (.sessionStart, "session_setup"),
            (.periodic, "overhead"), (.failureRecovery, "overhead"),
        ]
        for (event, part) in parts {
            let firstOrder = card.messages(for: event).contains { m in
                m.repeatRule == .perActiveOldAnchor
                    || SignalingCost.byteHops(of: m, model: model, context: c1, wirelessWeight: 1, wiredWeight: 1)
                        != SignalingCost.byteHops(of: m, model: model, context: c2, wirelessWeight: 1, wiredWeight: 1)
            }
            if firstOrder { out.formUnion(["signaling_cost", "signaling_cost.\(part)", "signaling_rate"]) }
        }
        if model.usesSessionAnchoring { out.insert("handoff_latency") }
        let latency = plan.schemes[0].latency
        if let race = latency.raRace, race.plus + plan.tauRA < race.alternative { out.insert("handoff_latency") }
        if card.id == "sail" {
            let exponential: Bool = { if case .exponential = plan.residence.form { return true }; return false }()
            if s.timers.refresh || !exponential { out.formUnion(["outage", "outage.ha", "disruption"]) }
        }
        return out
    }
}
