import Foundation
import Schemes
import Stochastics

/// One scheme's counting recipes for the simulated trajectory: signaling per
/// event (from its card), handoff latency parts, data path and failure
/// dependencies (from its model's documented structure, see `LatencyRecipe`,
/// `PathRecipe`, `FailureRecipe`).
struct SchemeRecipe: Sendable {
    let id: String
    let handoff: EventCost
    let domainHandoff: EventCost
    let sessionStart: EventCost
    let refresh: EventCost
    /// Recovery after an anchor failure; anchor failures are rare (Poisson 1/MTBF), so the
    /// count in a window is taken in expectation (λ × window) with the state seen by probes.
    let failureRecovery: EventCost
    /// Periodic messages per tick, already divided by the MNs that share them, by tick interval (s).
    let periodic: [(intervalS: Double, messages: Double, byteHops: Double)]
    let latency: LatencyRecipe
    let path: PathRecipe
    let failures: [FailureRecipe]

    init(card: SchemeCard, model: any SchemeModel, context c: SchemeContext, c2: SchemeContext, scenario s: Scenario) throws {
        id = card.id
        func steps(_ e: ProcedureEvent) -> [SignalingStep] {
            card.messages(for: e).map { SignalingStep(from: $0.from, to: $0.to, size: $0.size, repeatRule: $0.repeatRule) }
        }
        func cost(_ e: ProcedureEvent) -> EventCost { EventCost(steps(e), model: model, c1: c, c2: c2, scenario: s) }
        handoff = cost(.handoff)
        domainHandoff = cost(.domainHandoff)
        sessionStart = cost(.sessionStart)
        refresh = cost(.refresh)
        var ticks: [Double: (Double, Double)] = [:]
        for m in steps(.periodic) {
            // As the closed form (`SignalingCost`): one exchange per pair of elements per
            // period, shared by the MNs of the end that serves fewer.
            let interval = SignalingCost.Periods(s).period(of: m.size)
            let shared = max(1, min(model.mnsServed(by: m.from, in: c), model.mnsServed(by: m.to, in: c)))
            let one = EventCost([m], model: model, c1: c, c2: c2, scenario: s)
            var t = ticks[interval] ?? (0, 0)
            t.0 += one.messages(anchors: 0, sessions: 0) / shared
            t.1 += one.byteHops(anchors: 0, steps: 0, sessions: 0) / shared
            ticks[interval] = t
        }
        periodic = ticks.keys.sorted().map { ($0, ticks[$0]!.0, ticks[$0]!.1) }
        failureRecovery = cost(.failureRecovery)
        latency = try LatencyRecipe(id: card.id, context: c, scenario: s)
        path = try PathRecipe(id: card.id, context: c, tunnelHeaderBytes: s.messages.tunnelHeaderBytes)
        failures = model.failureElements(c).map { FailureRecipe(schemeId: card.id, element: $0, context: c) }
    }
}
