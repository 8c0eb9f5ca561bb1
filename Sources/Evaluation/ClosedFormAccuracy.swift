import Mobility
import Schemes
import Stochastics

/// Which closed forms of `ClosedForm.evaluate` are exact under a scenario and
/// which are documented approximations (docs/MODELS.md 9): the Monte Carlo
/// interval must cover an exact one (a miss is a bug signal, or a 1-in-20
/// chance at 95 %), and it reports the gap of an approximate one.
///
/// A thin aggregator: each model declares the exactness of its own closed forms
/// (`SchemeModel.handoffLatency`, `newSessionLatency`, `dataPath`,
/// `FailureElement.outageExactness`); the one approximation that is not a
/// model's is the signaling of card messages that go to old anchors: the
/// simulation counts distinct ARs other than the serving one at their simulated
/// distances, the closed form counts them residence by residence and merges the
/// ARs the walk revisits to second order (`AnchorResidences.Values.oldAnchors`,
/// docs/MODELS.md 3.4 and 5.4), at handoffs and at the refresh instants; a single
/// message to "the" old anchor goes to the AR just left (one step). Everything else (rates η, p_d η, λ_s, the refresh
/// count, ρ, blast radii, 1 − G*(Λ), and the per-flow tunnelled fraction
/// Σ α(j) P(D_j ≠ 0) with what is built on it) is exact in the mean.
public enum ClosedFormAccuracy {
    /// The footnote of the ‡ mark every approximate closed form carries in markdown,
    /// latex and rfc tables: the error bound measured with the validation campaign
    /// (docs/MODELS.md, "Measured error"; rerun with the command given there).
    public static let approximationFootnote =
        "Closed-form approximation. Measured against the Monte Carlo over the 200-scenario validation campaign (dmm validate --campaign 200 --seed 1): \(measuredBound); docs/MODELS.md gives the bound per closed form."

    /// The measured error bound of the approximate closed forms (the campaign's figures, docs/MODELS.md).
    public static let measuredBound = "see docs/MODELS.md"

    /// Why signaling per active old anchor is approximate (footnote text).
    static let firstOrderSignaling =
        "old anchors signaled per DMM handoff or refresh (ARs revisited by the walk merged to second order)"

    /// Why the per-flow latency law's functionals are approximate (footnote text).
    static let perFlowLatencyLaw = "the law of a DMM handoff's latency (every session at the first-order old-anchor distance)"

    /// Why the refresh rate of a binding only domain handoffs update is approximate.
    static let domainRefreshReason =
        "refreshes of the HA binding per domain residence (exact for exponential residence on square domains, else mean-matched)"

    /// The closed forms of `card` that are approximations under `scenario`, with
    /// the reason each model gives; every closed form not listed is exact.
    public static func approximationReasons(
        scenario s: Scenario, card: SchemeCard, models: [any SchemeModel] = SchemeModels.all
    ) throws -> [MetricKey: String] {
        guard let model = SchemeModels.model(for: card.id, in: models) else { return [:] }
        let plan = try SimulationPlan(scenario: s, cards: [card], models: models)
        let c1 = try SimulationPlan.context(s, crossingRate: plan.crossingRate, domainARs: plan.domainARs)
        var out: [MetricKey: String] = [:]
        func mark(_ metric: Metric, element: ElementKind? = nil, _ e: Exactness) {
            if case let .approximate(because) = e { out[MetricKey(metric, element: element)] = because }
        }
        for event in ProcedureEvent.allCases {
            guard let part = signalingPart(event) else { continue }
            // Only messages repeated per active old anchor see the first-order anchor
            // distance; one sent once or per CN goes to the AR just left (`SignalingCost.previousAR`).
            let firstOrder = card.messages(for: event).contains { $0.repeatRule == .perActiveOldAnchor }
            if firstOrder {
                for metric in [Metric.signalingCost, part, .signalingRate] {
                    mark(metric, .approximate(because: firstOrderSignaling))
                }
            }
        }
        if s.timers.refresh, !card.messages(for: .domainRefresh).isEmpty {
            let r = try DomainRefresh.rate(
                residence: try s.effectiveResidence(), grid: s.mobility.grid, domainSize: s.mobility.domainSize,
                lifetime: s.timers.bindingLifetimeS)
            if !r.exact {
                for metric in [Metric.signalingCost, .signalingCostRefresh, .signalingRate] {
                    mark(metric, .approximate(because: domainRefreshReason))
                }
            }
        }
        mark(.handoffLatency, model.handoffLatency(c1).exactness)
        if let fresh = model.newSessionLatency(c1) { mark(.handoffLatencyNewSession, fresh.exactness) }
        // The latency law's functionals (docs/MODELS.md 6.5) are exact, the S-PMIP race included,
        // except where the law itself is first order: per-flow DMM's distance to the old anchor.
        // The law takes every session at the first-order distance (`HandoffLatencyLaw`), even
        // where the mean latency is exact (the live sessions' anchors of docs/MODELS.md 3.4).
        if model.latencyParts(c1).perAnchorStepMs != nil {
            for metric in [Metric.handoverFailureProbability, .packetLoss, .packetLossBuffered] {
                mark(metric, .approximate(because: perFlowLatencyLaw))
            }
        }
        let path = model.dataPath(c1)
        for metric in [Metric.pathStretch, .tunnelledFraction, .tunnelOverhead, .packetDeliveryCost] {
            mark(metric, path.exactness)
        }
        // Ranked as the simulation ranks them (the same context).
        let elements = model.failureElements(c1)
        if let worst = elements.max(by: { ($0.sessionsBroken, $0.mnsUnreachable) < ($1.sessionsBroken, $1.mnsUnreachable) }) {
            mark(.outage, worst.outageExactness)
        }
        for e in elements {
            mark(.outage, element: e.kind, e.outageExactness)
            mark(.disruption, e.outageExactness)
        }
        return out
    }

    /// Metric ids (as in `MetricEstimate.metric`) whose closed form is an
    /// approximation for `card` under `scenario`; every other closed form is exact.
    public static func approximations(
        scenario s: Scenario, card: SchemeCard, models: [any SchemeModel] = SchemeModels.all
    ) throws -> Set<String> {
        Set(try approximationReasons(scenario: s, card: card, models: models).keys.map(\.id))
    }

    /// The distinct reasons of `cards`' approximations, in card order: what a
    /// table's footnote lists (`dmm evaluate`).
    public static func reasons(
        scenario s: Scenario, cards: [SchemeCard], models: [any SchemeModel] = SchemeModels.all
    ) throws -> [String] {
        var seen: [String] = []
        for card in cards {
            let byMetric = try approximationReasons(scenario: s, card: card, models: models)
            // In catalogue order, so the footnote does not depend on hashing.
            let order = Dictionary(uniqueKeysWithValues: Metric.wide.enumerated().map { ($1, $0) })
            let sorted = byMetric.sorted { a, b in
                (order[a.key.metric] ?? 0, a.key.element?.rawValue ?? "") < (order[b.key.metric] ?? 0, b.key.element?.rawValue ?? "")
            }
            for (_, reason) in sorted where !seen.contains(reason) { seen.append(reason) }
        }
        return seen
    }

    /// The signaling part an event's messages count in; nil for attach (a one-off, not a rate).
    static func signalingPart(_ event: ProcedureEvent) -> Metric? {
        switch event {
        case .attach: return nil
        case .handoff, .domainHandoff: return .signalingCostHandoff
        case .refresh, .domainRefresh: return .signalingCostRefresh
        case .sessionStart: return .signalingCostSessionSetup
        case .periodic, .failureRecovery: return .signalingCostOverhead
        }
    }
}
