import Foundation
import Schemes
import Stochastics

/// The four metrics of docs/MODELS.md 5-7 in closed form, for a scenario and a set of cards.
///
/// Signaling comes from each card's procedures (`SignalingCost`), so editing a
/// card or a message size changes the result without code; data path, latency
/// critical path and failure impact come from the scheme's Swift model
/// (`SchemeModels`). Which closed forms are exact and which approximate is
/// declared by each model next to its formulas and gathered by `ClosedFormAccuracy`.
public enum ClosedForm {
    /// Tidy rows, scheme by scheme in the order given, metrics in a fixed order.
    ///
    /// Throws `ScenarioError` / `SchemeCatalogError` (exit 2) for unusable input,
    /// `GSLError` or `EvaluationError` (exit 1) naming the quantity and parameters
    /// when a closed form cannot be computed.
    /// `models` are the Swift halves to pair the cards with (by id), normally the registry.
    /// `unitVariances`: also fill `MetricEstimate.unitVariance` (the model variance of one
    /// unit, what `ClosedFormComparison` needs beside a Monte Carlo; the packet-loss second
    /// moments cost more than the rest of a scheme's metrics, so a closed form alone skips them).
    /// `metrics`: the metric ids (`MetricEstimate.metric`, per-element ids included) to
    /// compute, nil for all (`dmm sweep --metrics`); one left out is neither computed nor
    /// checked, so its value cannot fail the evaluation either.
    public static func evaluate(
        scenario: Scenario, schemes: [SchemeCard], models: [any SchemeModel] = SchemeModels.all,
        unitVariances: Bool = false, metrics: Set<String>? = nil
    ) throws -> [MetricEstimate] {
        let schemeModels = try schemes.map { try SchemeModels.require($0, in: models) }
        let motion = try MotionCache.shared.motion(
            scenario, sessionAnchoring: needsSessionAnchoring(cards: schemes, models: schemeModels),
            liveAnchors: metrics.map { $0.contains(MetricKey(.anchorBindings).id) } ?? true,
            distanceLaw: metrics.map { kept in Self.latencyLawMetrics.contains { kept.contains(MetricKey($0).id) } } ?? true)
        var context = SchemeContext(scenario: scenario, motion: motion)
        context.assumptions = try SchemeContext.Assumptions(scenario)
        let session = scenario.traffic.sessionDuration
        var cache: [Double: Double] = [:]
        let complement: (Double) throws -> Double = { s in
            if let v = cache[s] { return v }
            let v = try session.laplaceComplement(s)  // 1 − f*(s): s is a failure rate, sE[T] ~ 1e−8
            cache[s] = v
            return v
        }
        var rows: [MetricEstimate] = []
        rows.reserveCapacity(schemes.count * 24)
        let kept = metrics.map(SchemeMetrics.Kept.init)
        // Indices, not zip: zip copies every card out of the array (a measurable share of a sweep point).
        for i in schemes.indices {
            try SchemeMetrics.evaluate(
                scheme: schemes[i].id, model: schemeModels[i], procedures: schemes[i].procedures, context: context,
                scenario: scenario, sessionLaplaceComplement: complement, unitVariances: unitVariances,
                metrics: metrics, kept: kept, into: &rows)
        }
        return rows
    }

    /// The metrics whose closed form reads the handoff latency law (`HandoffLatencyLaw`, in
    /// `SchemeMetrics`), hence the live sessions' law of anchor distance.
    static let latencyLawMetrics: [Metric] = [.handoverFailureProbability, .packetLoss, .packetLossBuffered]

    /// Whether any scheme reads E[N_a], the tunnelled fraction or the anchor
    /// distance: a per-flow model, or a card message to or from an old anchor or
    /// repeated per active old anchor.
    static func needsSessionAnchoring(cards: [SchemeCard], models: [any SchemeModel]) -> Bool {
        cards.indices.contains { models[$0].usesSessionAnchoring || readsOldAnchors(cards[$0]) }
    }

    /// As above for cards paired with the registry (a card without a model counts as reading them).
    static func needsSessionAnchoring(_ cards: [SchemeCard]) -> Bool {
        cards.contains { (SchemeModels.model(for: $0.id)?.usesSessionAnchoring ?? true) || readsOldAnchors($0) }
    }

    private static func readsOldAnchors(_ card: SchemeCard) -> Bool {
        card.procedures.values.contains { messages in
            messages.contains { $0.from == .oldAnchor || $0.to == .oldAnchor || $0.repeatRule == .perActiveOldAnchor }
        }
    }
}
