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
    /// Periodic messages per tick, already divided by the MNs that share them, by tick interval (s).
    let periodic: [(intervalS: Double, messages: Double, byteHops: Double)]
    let latency: LatencyRecipe
    let path: PathRecipe
    let failures: [FailureRecipe]

    init(card: SchemeCard, model: any SchemeModel, context c: SchemeContext, scenario s: Scenario, domainARs: Double,
         crossingRate: Double) throws
    {
        id = card.id
        func cost(_ e: ProcedureEvent) -> EventCost {
            EventCost(card.messages(for: e), model: model, context: c, scenario: s, domainARs: domainARs)
        }
        handoff = cost(.handoff)
        domainHandoff = cost(.domainHandoff)
        sessionStart = cost(.sessionStart)
        refresh = cost(.refresh)
        var ticks: [Double: (Double, Double)] = [:]
        for m in card.messages(for: .periodic) {
            let interval = m.size == .haHello ? s.timers.haHelloIntervalS : s.timers.heartbeatIntervalS
            let shared = max(1, model.mnsServed(by: m.from, in: c))
            let one = EventCost([m], model: model, context: c, scenario: s, domainARs: domainARs)
            var t = ticks[interval] ?? (0, 0)
            t.0 += one.messages(anchors: 0, sessions: 0) / shared
            t.1 += one.byteHops(anchors: 0, steps: 0, sessions: 0) / shared
            ticks[interval] = t
        }
        periodic = ticks.keys.sorted().map { ($0, ticks[$0]!.0, ticks[$0]!.1) }
        latency = try LatencyRecipe(id: card.id, context: c, scenario: s)
        path = try PathRecipe(id: card.id, context: c, tunnelHeaderBytes: s.messages.tunnelHeaderBytes)
        failures = model.failureElements(c).map { FailureRecipe(schemeId: card.id, element: $0, context: c) }
    }
}
