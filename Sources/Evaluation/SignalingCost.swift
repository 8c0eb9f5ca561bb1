import Schemes

/// Signaling cost per MN from a card's procedures (docs/MODELS.md 5.1, 5.4):
///
///     cost = Σ_events rate(event) Σ_messages n(m) s_m (w_wl n_wl(m) + w_wd h(m))   byte-hops/s
///     rate = Σ_events rate(event) Σ_messages n(m)                                 msgs/s
///
/// Event rates per MN: handoff η; domain_handoff p_d η; session_start λ_s;
/// refresh η Σ_{n≥1} F^c(n T_L) (4); domain_refresh p_d η Σ_{n≥1} P(D > n T_L)
/// (`DomainRefresh`, D the domain residence); periodic 1/T per pair of elements, shared by the
/// MNs of the end that serves fewer (T: HA-Hello interval for ha_hello, heartbeat interval
/// for heartbeat, else the binding lifetime); failure_recovery 1/MTBF of the
/// anchor. attach is a one-off, not a rate, and is not counted.
/// Repeat counts n(m): once 1; per_active_old_anchor the old anchor ARs other than the
/// serving one with ≥ 1 live session (`Motion.oldAnchorsAtHandoff`, at refreshes
/// `oldAnchorsAtRefresh`, docs/MODELS.md 3.4); per_peer_ha N_HA − 1;
/// per_mag_in_domain (ARs in the domain − 1); per_cn ρ at handoff/refresh/periodic
/// events and 1 at session start.
///
/// Exact given exact inputs for the per-node schemes (expectations of sums of
/// rates); a message sent once or per CN to the old anchor goes to the AR just
/// left (one grid step, exact). For messages repeated per active old anchor (DMM)
/// count × hops is linear in (anchors, Σ their steps), both from
/// `AnchorResidences.Values.oldAnchors`: exact per residence, revisited ARs merged
/// to second order (an APPROXIMATION, docs/MODELS.md 3.4 and 5.4).
public struct SignalingCost: Sendable, Equatable {
    public var handoff = Part(), refresh = Part(), sessionSetup = Part(), overhead = Part()

    public struct Part: Sendable, Equatable {
        public var byteHopsPerS = 0.0
        public var msgsPerS = 0.0
    }

    public var totalByteHopsPerS: Double {
        handoff.byteHopsPerS + refresh.byteHopsPerS + sessionSetup.byteHopsPerS + overhead.byteHopsPerS
    }
    public var totalMsgsPerS: Double { handoff.msgsPerS + refresh.msgsPerS + sessionSetup.msgsPerS + overhead.msgsPerS }

    /// Periods of periodic messages, s.
    public struct Periods: Sendable, Equatable {
        public var haHelloS, heartbeatS, bindingLifetimeS: Double
        public init(haHelloS: Double, heartbeatS: Double, bindingLifetimeS: Double) {
            self.haHelloS = haHelloS
            self.heartbeatS = heartbeatS
            self.bindingLifetimeS = bindingLifetimeS
        }
        func period(of key: MessageSizeKey) -> Double {
            switch key {
            case .haHello: return haHelloS
            case .heartbeat: return heartbeatS
            default: return bindingLifetimeS
            }
        }
    }

    public init() {}

    public init(
        procedures: SignalingProcedures, model: any SchemeModel, context c: SchemeContext, periods: Periods,
        wirelessWeight: Double, wiredWeight: Double
    ) {
        self.init()
        // The three contexts a message's hops are read in, each built once: a copy of the
        // context per message (its dictionaries and arrays retained and released) was a
        // twentieth of a closed-form sweep point. Each is passed to `byteHops` directly,
        // not through a conditional expression, which copies the whole context first.
        let previous = Self.previousAR(c)
        lazy var atHandoff = Self.oldAnchors(c, event: .handoff)
        lazy var atRefresh = Self.oldAnchors(c, event: .refresh)
        for (event, steps) in procedures {
            var part = Part()
            for step in steps where Self.exists(step, in: c) {
                let count = Self.count(step.repeatRule, event: event, context: c)
                let rate = Self.rate(of: event, message: step, model: model, context: c, periods: periods)
                let perMessage: Double
                if step.repeatRule != .perActiveOldAnchor {
                    perMessage = Self.byteHops(
                        of: step, model: model, context: previous, wirelessWeight: wirelessWeight,
                        wiredWeight: wiredWeight)
                } else if event == .refresh || event == .domainRefresh {
                    perMessage = Self.byteHops(
                        of: step, model: model, context: atRefresh, wirelessWeight: wirelessWeight,
                        wiredWeight: wiredWeight)
                } else {
                    perMessage = Self.byteHops(
                        of: step, model: model, context: atHandoff, wirelessWeight: wirelessWeight,
                        wiredWeight: wiredWeight)
                }
                part.byteHopsPerS += rate * count * perMessage
                part.msgsPerS += rate * count
            }
            switch event {
            case .attach: break
            case .handoff, .domainHandoff: add(part, to: &handoff)
            case .refresh, .domainRefresh: add(part, to: &refresh)
            case .sessionStart: add(part, to: &sessionSetup)
            case .periodic, .failureRecovery: add(part, to: &overhead)
            }
        }
    }

    /// Occurrences per second per MN of `event` for `message` (the event rates above;
    /// a periodic message's own rate, `periodicRate`; attach 0).
    public static func rate(
        of event: ProcedureEvent, message: SignalingMessage, model: any SchemeModel, context c: SchemeContext,
        periods: Periods
    ) -> Double {
        let m = c.motion
        switch event {
        case .attach: return 0
        case .handoff: return m.crossingRate
        case .domainHandoff: return m.domainCrossingFraction * m.crossingRate
        case .sessionStart: return m.sessionRate
        case .refresh: return m.refreshRate
        case .domainRefresh: return m.domainRefreshRate
        case .periodic: return periodicRate(of: message, model: model, context: c, periods: periods)
        case .failureRecovery: return 1 / (c.failures.anchorMtbfH * TimeConstants.secondsPerHour)
        }
    }

    /// Signaling messages per second per MN that a mobility entity receives and
    /// processes with one binding-cache update (docs/MODELS.md 5.7): Σ_events rate ×
    /// Σ n(m) over the card's messages with `updatesBindingCache(m)`. Derived from the
    /// messages' receivers on the card, with no per-scheme code; the Monte Carlo
    /// counts the same messages (`EventCost` over the filtered procedures).
    public static func bindingUpdatesPerS(
        procedures: SignalingProcedures, model: any SchemeModel, context c: SchemeContext, periods: Periods
    ) -> Double {
        messagesPerS(procedures: procedures, model: model, context: c, periods: periods, where: updatesBindingCache)
    }

    /// Messages per second per MN of the card's messages that satisfy `include`
    /// (Σ_events rate × Σ n(m), as `msgsPerS`, over a subset: those a given entity receives).
    public static func messagesPerS(
        procedures: SignalingProcedures, model: any SchemeModel, context c: SchemeContext, periods: Periods,
        where include: (SignalingMessage) -> Bool
    ) -> Double {
        var total = 0.0
        // In the events' declared order (a dictionary's order changes from run to run,
        // and so would the last bits of the sum).
        for event in ProcedureEvent.allCases {
            for step in procedures[event] ?? [] where exists(step, in: c) && include(step) {
                total += rate(of: event, message: step, model: model, context: c, periods: periods)
                    * count(step.repeatRule, event: event, context: c)
            }
        }
        return total
    }

    /// Whether a mobility entity updates (or reads) a binding-cache entry when it
    /// receives `message`: its receiver is a network entity (not the MN, not a CN)
    /// and it is not neighbour discovery (RS, RA, NS for DAD: RFC 4861/4862 messages
    /// every IPv6 router answers without binding state). Ours (docs/MODELS.md 5.7).
    public static func updatesBindingCache(_ message: SignalingMessage) -> Bool {
        switch message.to {
        case .mn, .cn: return false
        case .servingAR, .oldAnchor, .map, .ha, .lma, .locationServer, .peerHA, .peerAR, .cnAR: break
        }
        switch message.size {
        case .rs, .ra, .nsDAD: return false
        default: return true
        }
    }

    private func add(_ p: Part, to q: inout Part) {
        q.byteHopsPerS += p.byteHopsPerS
        q.msgsPerS += p.msgsPerS
    }

    /// Byte-hops of one sending of `message`: s_m (w_wl n_wl(m) + w_wd h(m)), with
    /// h(m) the wired hops between its ends under `model` in `c` (an old anchor at
    /// `Motion.oldAnchorSteps` grid steps) and n_wl(m) = 1 when one end is the MN.
    /// The Monte Carlo reads it per message too, with the old anchor at its simulated distance.
    public static func byteHops(
        of message: SignalingMessage, model: any SchemeModel, context c: SchemeContext,
        wirelessWeight: Double, wiredWeight: Double
    ) -> Double {
        c.size(message.size)
            * (wirelessWeight * c.wirelessHops(message.from, message.to)
                + wiredWeight * c.wiredHops(message.from, message.to, model: model))
    }

    /// `c` with "the" old anchor at the AR just left, one grid step away: a message
    /// sent once (or per CN) to the old anchor at a handoff goes to the previous AR
    /// (DLMA's previous D-LMA), not to the anchor of an older session, so only
    /// messages repeated per active old anchor see `Motion.oldAnchorSteps`. The
    /// simulation counts the same (`EventCost`: one step). Only `oldAnchorSteps`
    /// (= meanAnchorDistance / tunnelledFraction, at least 1) is read from these two
    /// fields by the hop functions.
    static func previousAR(_ c: SchemeContext) -> SchemeContext {
        var d = c
        d.motion.meanAnchorDistance = 1
        d.motion.tunnelledFraction = 1
        return d
    }

    /// Sendings per second per MN of a periodic message: 1/(T × sharers). A periodic
    /// exchange runs per pair of elements, shared by the MNs of the end that serves
    /// fewer (a MAG's 50 MNs for MAG-LMA heartbeats); T from `periods`.
    public static func periodicRate(
        of message: SignalingMessage, model: any SchemeModel, context c: SchemeContext, periods: Periods
    ) -> Double {
        let sharers = min(model.mnsServed(by: message.from, in: c), model.mnsServed(by: message.to, in: c))
        return 1 / (periods.period(of: message.size) * sharers)
    }

    /// Whether `message` is sent at all under `c`: a message to or from a peer HA
    /// of a global HA set is not when the set has one HA (N_HA = 1: the MN's HA is
    /// the only one, and it is also the CN's nearest and the DHT's responsible HA).
    /// Both the closed form and the Monte Carlo (`EventCost`) skip such messages.
    /// A de-registration (`SignalingMessage.deregistration`) is sent only when the
    /// scenario counts them (`SchemeContext.countsDeregistration`).
    public static func exists(_ message: SignalingMessage, in c: SchemeContext) -> Bool {
        if message.deregistration && !c.countsDeregistration { return false }
        return c.hops.globalHACount > 1 || (message.from != .peerHA && message.to != .peerHA)
    }

    /// `c` with the old anchors at their mean distance at `event`: at a handoff (or
    /// domain handoff) `Motion.oldAnchorsAtHandoff`, at a refresh `oldAnchorsAtRefresh`
    /// (docs/MODELS.md 3.4); unchanged (`oldAnchorSteps`) when the motion has none.
    static func oldAnchors(_ c: SchemeContext, event: ProcedureEvent) -> SchemeContext {
        let refresh = event == .refresh || event == .domainRefresh
        guard let o = refresh ? c.motion.oldAnchorsAtRefresh : c.motion.oldAnchorsAtHandoff else { return c }
        var d = c
        d.motion.meanAnchorDistance = o.stepsPerAnchor
        d.motion.tunnelledFraction = 1
        return d
    }

    /// How many times a message with this rule is sent per occurrence of `event`.
    public static func count(_ rule: RepeatRule, event: ProcedureEvent, context c: SchemeContext) -> Double {
        switch rule {
        case .once: return 1
        case .perActiveOldAnchor:
            if event == .refresh || event == .domainRefresh {
                return c.motion.oldAnchorsAtRefresh?.anchors ?? c.motion.anchorsInUseAtRefresh
            }
            return c.motion.oldAnchorsAtHandoff?.anchors ?? c.motion.anchorsInUse
        case .perPeerHA: return Double(max(0, c.hops.globalHACount - 1))
        case .perMAGInDomain: return max(0, c.motion.domainARs - 1)
        case .perCN: return event == .sessionStart ? 1 : c.motion.activeSessions
        case .perCNPerMAGInDomain:
            // The two counts are independent (the domain's size is fixed), so E[product] = product of means.
            return count(.perCN, event: event, context: c) * count(.perMAGInDomain, event: event, context: c)
        // The mode of a fast handover is drawn independently of everything else, so the
        // mean count is its probability (the simulation counts the same mean, `EventCost`).
        case .predictive: return c.links.predictiveHandoffFraction
        case .reactive: return 1 - c.links.predictiveHandoffFraction
        }
    }
}
