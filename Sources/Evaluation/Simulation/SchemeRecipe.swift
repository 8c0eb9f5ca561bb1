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
    /// The card's messages that update a binding cache at their receiver
    /// (`SignalingCost.updatesBindingCache`), counted per event as the signaling is.
    let updates: ReceivedMessageCounts
    /// The busiest anchor (`BusiestAnchor`) and the messages it receives; nil without an anchor.
    let anchor: (BusiestAnchor, ReceivedMessageCounts)?
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
        updates = ReceivedMessageCounts(
            card: card, model: model, context: c, c2: c2, scenario: s, where: SignalingCost.updatesBindingCache)
        anchor = BusiestAnchor.of(elements: model.failureElements(c), procedures: card.procedures, context: c).map { a in
            (a, ReceivedMessageCounts(card: card, model: model, context: c, c2: c2, scenario: s, where: a.receives))
        }
        latency = LatencyRecipe(model.latencyParts(c), dad: DADShare(model: model, context: c))
        path = PathRecipe(model.pathLegs(c), tunnelHeaderBytes: s.messages.tunnelHeaderBytes)
        failures = model.failureElements(c).map { FailureRecipe(element: $0, context: c) }
    }
}

/// The card's messages that satisfy a filter, per event (docs/MODELS.md 5.7, 5.8): the
/// binding-cache updates (`SignalingCost.updatesBindingCache`) or the messages one anchor
/// receives (`BusiestAnchor.receives`), as a linear function of the simulated state
/// (`EventCost`); periodic ones per second, as the closed form counts them (their phase is
/// independent of the MN's movement).
struct ReceivedMessageCounts: Sendable {
    let handoff, domainHandoff, sessionStart, refresh, domainRefresh, failureRecovery: EventCost
    /// Periodic messages per second per MN (already shared among the MNs of the pair's smaller end).
    let periodicPerS: Double

    init(
        card: SchemeCard, model: any SchemeModel, context c: SchemeContext, c2: SchemeContext, scenario s: Scenario,
        where include: (SignalingMessage) -> Bool
    ) {
        func cost(_ e: ProcedureEvent) -> EventCost {
            EventCost(card.messages(for: e).filter(include), model: model, c1: c, c2: c2, scenario: s)
        }
        handoff = cost(.handoff)
        domainHandoff = cost(.domainHandoff)
        sessionStart = cost(.sessionStart)
        refresh = cost(.refresh)
        domainRefresh = cost(.domainRefresh)
        failureRecovery = cost(.failureRecovery)
        let periods = SignalingCost.Periods(s)
        var perS = 0.0
        for m in card.messages(for: .periodic) where include(m) && SignalingCost.exists(m, in: c) {
            perS += SignalingCost.periodicRate(of: m, model: model, context: c, periods: periods)
                * SignalingCost.count(m.repeatRule, event: .periodic, context: c)
        }
        periodicPerS = perS
    }

    /// Messages in one replication: Σ over its events of the linear counts, the periodic
    /// ones over the window, failure recoveries in expectation (λ × window) with the
    /// sessions the probes saw, as the signaling rate counts them (`MetricSpec`).
    func total(_ t: ReplicationTally, anchorFailureRate: Double) -> Double {
        func n(_ c: EventCost, _ e: ReplicationTally.EventSums) -> Double { c.m0 * e.count + c.mA * e.anchors + c.mS * e.sessions }
        let sessions = t.probes > 0 ? t.probeSessions / t.probes : 0
        return n(handoff, t.handoffs) + n(domainHandoff, t.domainHandoffs) + n(refresh, t.refreshes)
            + n(domainRefresh, t.domainRefreshes) + sessionStart.messages(anchors: 0, sessions: 1) * t.sessionStarts
            + periodicPerS * t.windowS + anchorFailureRate * t.windowS * failureRecovery.messages(anchors: 0, sessions: sessions)
    }
}
