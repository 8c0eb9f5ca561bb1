import Foundation
import Schemes
import Stochastics

/// The four metrics of DESIGN.md 2.5 in closed form, for a scenario and a set of cards.
///
/// Signaling comes from each card's procedures (`SignalingCost`), so editing a
/// card or a message size changes the result without code; data path, latency
/// critical path and failure impact come from the scheme's Swift model
/// (`SchemeModels`). Which closed forms are exact and which approximate is
/// written on each model and on `SignalingCost` / `SchemeMetrics`; the
/// approximations are the DMM old-anchor distance (first order), E[N_a] for
/// non-exponential laws (mean-matched), SAIL's wait for the next BU, and the
/// per-flow failure probability.
public enum ClosedForm {
    /// Tidy rows, scheme by scheme in the order given, metrics in a fixed order.
    ///
    /// Throws `ScenarioError` / `SchemeCatalogError` (exit 2) for unusable input,
    /// `GSLError` or `EvaluationError` (exit 1) naming the quantity and parameters
    /// when a closed form cannot be computed.
    public static func evaluate(scenario: Scenario, schemes: [SchemeCard]) throws -> [MetricEstimate] {
        let motion = try MotionCache.shared.motion(scenario, sessionAnchoring: needsSessionAnchoring(schemes))
        let context = SchemeContext(scenario: scenario, motion: motion)
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
        for card in schemes {
            guard let model = SchemeModels.model(for: card.id) else {
                throw SchemeCatalogError(
                    "scheme '\(card.id)' has a card but no Swift model; models exist for \(SchemeModels.all.map(\.id).joined(separator: ", "))")
            }
            rows += try SchemeMetrics.evaluate(
                scheme: card.id, model: model, procedures: card.procedures, context: context, scenario: scenario,
                sessionLaplaceComplement: complement)
        }
        return rows
    }

    /// Whether any scheme reads E[N_a], the tunnelled fraction or the anchor
    /// distance: a per-flow model, or a card message to or from an old anchor or
    /// repeated per active old anchor.
    static func needsSessionAnchoring(_ cards: [SchemeCard]) -> Bool {
        cards.contains { card in
            SchemeModels.model(for: card.id)?.usesSessionAnchoring ?? true
                || card.procedures.values.contains { messages in
                    messages.contains { $0.from == .oldAnchor || $0.to == .oldAnchor || $0.repeatRule == .perActiveOldAnchor }
                }
        }
    }
}
