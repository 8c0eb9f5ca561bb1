import Foundation
import Schemes
import Stochastics

/// One scheme's counting recipes for the simulated trajectory: signaling per
/// event (from its card), handoff latency parts, data path and failure
/// dependencies (from its model: `SchemeModel.latencyParts`, `pathLegs`,
/// `failureElements`). Nothing here knows a scheme by name.
struct SchemeRecipe: Sendable {
    let id: String
    let handoff: EventCost
    let domainHandoff: EventCost
    let sessionStart: EventCost
    let refresh: EventCost
    /// Refresh of a binding only domain handoffs update (its own clock, `Trajectory`).
    let domainRefresh: EventCost
    /// Recovery after an anchor failure; anchor failures are rare (Poisson 1/MTBF), so the
    /// count in a window is taken in expectation (λ × window) with the state seen by probes.
    let failureRecovery: EventCost
    /// Periodic messages per tick, already divided by the MNs that share them, by tick interval (s).
    let periodic: [(intervalS: Double, messages: Double, byteHops: Double)]
    let latency: LatencyRecipe
    let path: PathRecipe
    let failures: [FailureRecipe]

    init(card: SchemeCard, model: any SchemeModel, context c: SchemeContext, c2: SchemeContext, scenario s: Scenario) {
        id = card.id
        let periods = SignalingCost.Periods(s)
        func cost(_ e: ProcedureEvent) -> EventCost { EventCost(card.messages(for: e), model: model, c1: c, c2: c2, scenario: s) }
        handoff = cost(.handoff)
        domainHandoff = cost(.domainHandoff)
        sessionStart = cost(.sessionStart)
        refresh = cost(.refresh)
        domainRefresh = cost(.domainRefresh)
        // Periodic exchanges as the closed form counts them (`SignalingCost.periodicRate`),
        // grouped into ticks by period: messages and byte-hops per tick, per MN.
        var ticks: [Double: (Double, Double)] = [:]
        for m in card.messages(for: .periodic) {
            let interval = periods.period(of: m.size)
            let perTick = SignalingCost.periodicRate(of: m, model: model, context: c, periods: periods) * interval
            let one = EventCost([m], model: model, c1: c, c2: c2, scenario: s)
            var t = ticks[interval] ?? (0, 0)
            t.0 += one.messages(anchors: 0, sessions: 0) * perTick
            t.1 += one.byteHops(anchors: 0, steps: 0, sessions: 0) * perTick
            ticks[interval] = t
        }
        periodic = ticks.keys.sorted().map { ($0, ticks[$0]!.0, ticks[$0]!.1) }
        failureRecovery = cost(.failureRecovery)
        latency = LatencyRecipe(model.latencyParts(c), dad: DADShare(model: model, context: c))
        path = PathRecipe(model.pathLegs(c), tunnelHeaderBytes: s.messages.tunnelHeaderBytes)
        failures = model.failureElements(c).map { FailureRecipe(element: $0, context: c) }
    }
}
