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
    /// Campaign 200, seed 1, of branch stand11 (the law of S_j by Laplace inversion, 3.3; main
    /// after its merge computes these pairs alike): 8131 approximate pairs with a gap; the
    /// largest 5 % are per-flow refresh terms, per-flow handover failure probabilities and
    /// per-flow signaling, most of them within 4 standard errors; of the 14 approximate pairs
    /// that failed, 8 are HMIPv6's domain refresh (the gamma fit of 4.0).
    public static let measuredBound =
        "relative gap median 0.10 %, 95 % of pairs within 3.5 %, 99 % within 34 % (the largest gaps on small per-flow refresh terms and handover failure probabilities)"

    /// Why signaling per active old anchor is approximate (footnote text).
    static let firstOrderSignaling =
        "old anchors signaled per DMM handoff or refresh (ARs revisited by the walk merged to second order)"

    /// Why the residence-by-residence live probabilities are approximate off the exact
    /// routes (docs/MODELS.md 3.3): the piecewise-linear grid of ψ in the age, against the
    /// gamma law of the residence sums or, for other laws, their law by numerical Laplace
    /// inversion at the grid's nodes (both measured against the exact exponential-session
    /// series, `AnchorResidencesTests`).
    static let gammaGridReason = "the live probability of each past residence's sessions from a grid in the age (within 2e-4)"
    static let inversionGridReason =
        "the live probability of each past residence's sessions from a grid in the age against the residence sums' law by numerical Laplace inversion (within 2e-4)"

    /// The footnote of signaling per active old anchor in scenario `s`: the merge of
    /// revisited ARs, and the per-residence route's own approximation where it has one.
    static func oldAnchorsReason(_ s: Scenario) throws -> String {
        let r = AnchorResidences(
            residence: try s.effectiveResidence(), session: s.traffic.sessionDuration, sessionRate: s.traffic.sessionRate)
        switch r.aliveRoute {
        case .deterministic, .exponentialSessions: return firstOrderSignaling
        case .gammaGrid: return firstOrderSignaling + "; " + gammaGridReason
        case .inversionGrid: return firstOrderSignaling + "; " + inversionGridReason
        }
    }

    /// Why an anchoring AR's bindings are approximate.
    static let anchorStateReason =
        "distinct ARs anchoring an MN's live sessions at a random instant (the residences' live indicators taken as independent)"

    /// Why the refresh rate of a binding only domain handoffs update is approximate.
    static let domainRefreshReason =
        "refreshes of the HA binding per domain stay: residence sums taken as gamma of the law's mean and variance, or a domain past the iterated sizes taken as an exponential stay (docs/MODELS.md 4.0)"

    /// Why the latency law's atoms are approximate with 802.11 backoffs (docs/MODELS.md 6.5).
    static let backoffAtomsReason =
        "802.11 backoffs at their mean in the handoff latency's atoms (P(L > X), buffered loss)"

    /// Why they are approximate with both the solicited-RA and the random DAD delay.
    static let twoUniformsReason =
        "the random DAD delay integrated by 64 midpoints next to the RA delay (P(L > X), buffered loss)"

    /// The closed forms of `card` that are approximations under `scenario`, with
    /// the reason each model gives; every closed form not listed is exact.
    public static func approximationReasons(
        scenario s: Scenario, card: SchemeCard, models: [any SchemeModel] = SchemeModels.all
    ) throws -> [MetricKey: String] {
        try approximationReasons(scenario: s, card: card, models: models, context: try simulationContext(s))
    }

    /// The simulation's context of `s` (`SimulationPlan.context` with the plan's
    /// crossing rate and domain size), which the models' exactness declarations
    /// read: computed once per scenario, not once per card (building a whole
    /// `SimulationPlan` per card for it was a tenth of a closed-form sweep).
    static func simulationContext(_ s: Scenario) throws -> SchemeContext {
        let domainARs = Double(try DomainCrossing.arCount(grid: s.mobility.grid, domainSize: s.mobility.domainSize))
        return try SimulationPlan.context(s, crossingRate: 1 / (try s.effectiveResidence()).mean, domainARs: domainARs)
    }

    /// `approximationReasons(scenario:card:models:)` with the scenario's `simulationContext`.
    /// `keep`: the metrics whose verdicts are wanted (`dmm sweep --metrics`), nil for all;
    /// a block that marks none of them is skipped (a sweep point asks for every scheme's
    /// verdicts, and the blocks of metrics it does not write were a tenth of its time),
    /// so the verdicts of a metric outside `keep` may be missing.
    static func approximationReasons(
        scenario s: Scenario, card: SchemeCard, models: [any SchemeModel], context c1: SchemeContext,
        keep: Set<Metric>? = nil
    ) throws -> [MetricKey: String] {
        guard let model = SchemeModels.model(for: card.id, in: models) else { return [:] }
        var out: [MetricKey: String] = [:]
        func mark(_ metric: Metric, element: ElementKind? = nil, _ e: Exactness) {
            if case let .approximate(because) = e { out[MetricKey(metric, element: element)] = because }
        }
        func wants(_ metrics: Metric...) -> Bool { keep.map { k in metrics.contains { k.contains($0) } } ?? true }
        // (`keep` holds the few metrics a sweep writes: a Set of case-indexed enums, no String hashed.)
        // The same for every event and metric of this scenario: built once, on first use.
        var oldAnchors: String? = nil
        func oldAnchorsReason() throws -> String {
            if let oldAnchors { return oldAnchors }
            let reason = try Self.oldAnchorsReason(s)
            oldAnchors = reason
            return reason
        }
        if wants(.signalingCost, .signalingRate, .processingCost, .signalingCostHandoff, .signalingCostRefresh,
            .signalingCostSessionSetup, .signalingCostOverhead) {
            for event in ProcedureEvent.allCases {
                guard let part = signalingPart(event) else { continue }
                // Only messages repeated per active old anchor see the first-order anchor
                // distance; one sent once or per CN goes to the AR just left (`SignalingCost.previousAR`).
                let messages = card.messages(for: event)
                let firstOrder = messages.contains { $0.repeatRule == .perActiveOldAnchor }
                if firstOrder {
                    for metric in [Metric.signalingCost, part, .signalingRate] {
                        mark(metric, .approximate(because: try oldAnchorsReason()))
                    }
                }
                // The processing cost counts the binding-updating messages as the signaling rate does (5.7).
                if messages.contains(where: {
                    $0.repeatRule == .perActiveOldAnchor && SignalingCost.updatesBindingCache($0)
                }) {
                    mark(.processingCost, .approximate(because: try oldAnchorsReason()))
                }
            }
        }
        // The domain refresh's verdict is also read by the busiest anchor's signaling rate below.
        if wants(.signalingCost, .signalingCostRefresh, .signalingRate, .processingCost, .anchorSignalingRate),
            s.timers.refresh, !card.messages(for: .domainRefresh).isEmpty {
            if !(try DomainRefresh.isExact(
                residence: try s.effectiveResidence(), grid: s.mobility.grid, domainSize: s.mobility.domainSize)) {
                let updating = card.messages(for: .domainRefresh).contains(where: SignalingCost.updatesBindingCache)
                for metric in [Metric.signalingCost, .signalingCostRefresh, .signalingRate] + (updating ? [.processingCost] : []) {
                    mark(metric, .approximate(because: domainRefreshReason))
                }
            }
        }
        // The busiest anchor (docs/MODELS.md 5.8): an anchoring AR's bindings are the distinct
        // live anchor ARs of 3.5, exact for deterministic residence only; its messages as the
        // signaling rate's.
        if wants(.anchorBindings, .anchorSignalingRate),
            let anchor = BusiestAnchor.of(elements: model.failureElements(c1), procedures: card.procedures, context: c1) {
            if anchor.perFlow, !LiveAnchorARs(
                residence: try s.effectiveResidence(), session: s.traffic.sessionDuration,
                sessionRate: s.traffic.sessionRate, grid: s.mobility.grid).isExact {
                mark(.anchorBindings, .approximate(because: anchorStateReason))
            }
            let received = ProcedureEvent.allCases.flatMap { card.messages(for: $0) }.filter(anchor.receives)
            if received.contains(where: { $0.repeatRule == .perActiveOldAnchor }) {
                mark(.anchorSignalingRate, .approximate(because: try oldAnchorsReason()))
            } else if out[MetricKey(.signalingCostRefresh)] == domainRefreshReason,
                card.messages(for: .domainRefresh).contains(where: anchor.receives) {
                mark(.anchorSignalingRate, .approximate(because: domainRefreshReason))
            }
        }
        if wants(.handoffLatency) { mark(.handoffLatency, model.handoffLatency(c1).exactness) }
        if wants(.handoffLatencyNewSession), let fresh = model.newSessionLatency(c1) {
            mark(.handoffLatencyNewSession, fresh.exactness)
        }
        let lawMetrics = wants(.handoverFailureProbability, .packetLoss, .packetLossBuffered)
        // The latency law's functionals (docs/MODELS.md 6.5) are exact, the S-PMIP race included.
        // Per-flow DMM: the law mixes over the live sessions' anchor distances (3.4) with the
        // weights of the exact mean latency (`HandoffLatencyLaw`), so its functionals are exact
        // where that mean is and carry its reason where it is not.
        if lawMetrics, model.latencyParts(c1).perAnchorStepMs != nil {
            let e = model.handoffLatency(c1).exactness
            for metric in [Metric.handoverFailureProbability, .packetLoss, .packetLossBuffered] { mark(metric, e) }
        }
        // The atoms route of the law takes 802.11 backoffs at their mean and integrates a second
        // uniform (RA and random DAD delay together) by midpoints (docs/MODELS.md 6.5): approximate
        // where that route is used (P(L > X) beyond exponential phases; buffered loss).
        if lawMetrics {
            let law = HandoffLatencyLaw(
                parts: model.latencyParts(c1), context: c1, tauRS: c1.links.attemptMs(c1.size(.rs)),
                tauRA: c1.links.attemptMs(c1.size(.ra)), dad: DADShare(model: model, context: c1))
            if law.hasRandomBackoff || law.hasTwoUniforms {
                let reason = law.hasRandomBackoff ? backoffAtomsReason : twoUniformsReason
                if HandoffLatencyLaw.exponentialPhases(try s.effectiveResidence()) == nil {
                    mark(.handoverFailureProbability, .approximate(because: reason))
                }
                if s.traffic.bufferPackets > 0 { mark(.packetLossBuffered, .approximate(because: reason)) }
            }
        }
        if wants(.pathStretch, .tunnelledFraction, .tunnelOverhead, .packetDeliveryCost, .processingCost) {
            let path = model.dataPath(c1)
            for metric in [Metric.pathStretch, .tunnelledFraction, .tunnelOverhead, .packetDeliveryCost] {
                mark(metric, path.exactness)
            }
            // Its lookups ride on the tunnelled fraction (anchoring ARs' exposure), exact as the path.
            if out[MetricKey(.processingCost)] == nil { mark(.processingCost, path.exactness) }
        }
        guard wants(.outage, .disruption) else { return out }
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

    /// `approximations(scenario:card:models:)` for each of `cards`, keyed by card
    /// id (the last of duplicate ids, as a dictionary assignment), the scenario's context built once.
    /// `metrics`: the metric ids wanted (`dmm sweep --metrics`), nil for all; the sets then
    /// hold only those.
    public static func approximations(
        scenario s: Scenario, cards: [SchemeCard], models: [any SchemeModel] = SchemeModels.all,
        metrics: Set<String>? = nil
    ) throws -> [String: Set<String>] {
        let c1 = try simulationContext(s)
        let keep = metrics.map { Set($0.compactMap { MetricKey(id: $0)?.metric }) }
        var out: [String: Set<String>] = [:]
        for card in cards {
            let ids = try approximationReasons(scenario: s, card: card, models: models, context: c1, keep: keep).keys.map(\.id)
            out[card.id] = Set(metrics.map { kept in ids.filter(kept.contains) } ?? ids)
        }
        return out
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
