import Foundation
import Schemes

/// One reported metric of one scheme as a ratio (x, y) of one replication's
/// sums: the scheme's counting recipe applied to the shared simulated state.
/// One spec per catalogue metric the simulation measures (`Metric`, exhaustive:
/// a new metric does not compile until it is handled here), in catalogue order.
struct MetricSpec: Sendable {
    let scheme: Int
    let key: MetricKey
    let value: @Sendable (ReplicationTally) -> (Double, Double)
    /// Σ w² of the independent units whose weights w sum to y (handoffs weighted by
    /// their active sessions, sessions weighted by their time), for metrics that are
    /// weighted means of units i.i.d. under the model; nil otherwise
    /// (`RatioStatistics.effectiveUnits`, `ClosedFormComparison`).
    var units: (@Sendable (ReplicationTally) -> Double)? = nil
    /// The variance of one unit's value under the model when it is a constant of the
    /// scenario: the path stretch of a per-node scheme, whose session is remote through
    /// its own HA, remote through another or local with the scenario's probabilities
    /// and has that class's stretch for its whole life. nil otherwise.
    var unitVariance: Double? = nil

    static func all(_ plan: SimulationPlan) -> [MetricSpec] {
        var specs: [MetricSpec] = []
        for (k, r) in plan.schemes.enumerated() {
            func add(_ key: MetricKey, _ f: @escaping @Sendable (ReplicationTally) -> (Double, Double),
                     units: (@Sendable (ReplicationTally) -> Double)? = nil, unitVariance: Double? = nil) {
                specs.append(MetricSpec(scheme: k, key: key, value: f, units: units, unitVariance: unitVariance))
            }
            // Signaling per second of simulated time, by part.
            @Sendable func event(_ c: EventCost, _ e: ReplicationTally.EventSums, bytes: Bool) -> Double {
                bytes ? c.b0 * e.count + c.bA * e.anchors + c.bD * e.steps + c.bS * e.sessions
                    : c.m0 * e.count + c.mA * e.anchors + c.mS * e.sessions
            }
            let periodic = r.periodic
            let anchorRate = plan.anchorFailureRate
            @Sendable func parts(_ t: ReplicationTally, bytes: Bool) -> [Double] {
                let handoff = event(r.handoff, t.handoffs, bytes: bytes) + event(r.domainHandoff, t.domainHandoffs, bytes: bytes)
                let refresh = event(r.refresh, t.refreshes, bytes: bytes)
                    + event(r.domainRefresh, t.domainRefreshes, bytes: bytes)
                let one = bytes ? r.sessionStart.byteHops(anchors: 0, steps: 0, sessions: 1)
                    : r.sessionStart.messages(anchors: 0, sessions: 1)
                let session = one * t.sessionStarts
                // Periodic ticks: their phase is independent of the MN's movement (uniform over
                // an interval), so a window holds window/interval ticks in expectation. Counting
                // the ticks at fixed multiples of the interval instead biased every replication
                // the same way (by up to interval/window: +3.6e-4 in the vehicular preset).
                var overhead = 0.0
                for tick in periodic {
                    overhead += t.windowS / tick.intervalS * (bytes ? tick.byteHops : tick.messages)
                }
                // Failure recovery: expected anchor failures in the window (λ × window, rare
                // events taken in expectation) times the cost with the sessions probes saw.
                let sessions = t.probes > 0 ? t.probeSessions / t.probes : 0
                let recovery = bytes ? r.failureRecovery.byteHops(anchors: 0, steps: 0, sessions: sessions)
                    : r.failureRecovery.messages(anchors: 0, sessions: sessions)
                overhead += anchorRate * t.windowS * recovery
                return [handoff, refresh, session, overhead]
            }
            // Data path, packet-averaged = session-time-averaged (constant packet rate per session).
            let path = r.path
            // Failure impact, from the probes.
            let failures = r.failures
            @Sendable func dependent(_ f: FailureRecipe, _ t: ReplicationTally) -> Double {
                switch f.dependency {
                case .serving, .all: return t.probeSessions
                case .servingOrAnchor: return t.probeSessions + t.probeAway
                case .none: return 0
                }
            }
            /// Σ over probes of the outage (s), and of dependent sessions × outage.
            @Sendable func outage(_ f: FailureRecipe, _ t: ReplicationTally) -> (Double, Double) {
                let kT = f.helloMisses * f.helloIntervalS, T = f.helloIntervalS
                switch f.outage {
                case let .fixed(s): return (s * t.probes, s * dependent(f, t))
                case let .hello(rest):
                    return ((kT + rest) * t.probes - T * t.probePhase,
                            f.dependency == .none ? 0 : (kT + rest) * t.probeSessions - T * t.probeSessionsPhase)
                case .helloThenNextBU:
                    return (kT * t.probes - T * t.probePhase + t.probeWait,
                            f.dependency == .none ? 0 : kT * t.probeSessions - T * t.probeSessionsPhase + t.probeSessionsWait)
                }
            }
            /// A per-element figure of element kind `f`, as a ratio over probes.
            @Sendable func element(_ m: Metric, _ f: FailureRecipe) -> (@Sendable (ReplicationTally) -> (Double, Double))? {
                switch m {
                case .blastRadius: return { t in (f.mnsServed * dependent(f, t), t.probes) }
                case .unreachable: return { t in (f.reachability ? f.mnsServed * t.probes : 0, t.probes) }
                case .outage: return { t in (outage(f, t).0, t.probes) }
                case .signalingCost, .signalingCostHandoff, .signalingCostRefresh, .signalingCostSessionSetup,
                    .signalingCostOverhead, .signalingRate, .handoffLatency, .handoffLatencyNewSession, .handoffLatencyP50,
                    .handoffLatencyP95, .handoffLatencyP99, .pathStretch, .tunnelledFraction, .tunnelOverhead,
                    .failureProbability, .disruption, .handoverFailureProbability, .packetLoss, .packetLossBuffered,
                    .packetDeliveryCost, .processingCost, .anchorBindings, .anchorSignalingRate:
                    return nil
                }
            }
            // The most critical element kind, ranked as the closed form ranks it.
            let worst = failures.max(by: { $0.severity < $1.severity })
            let perHandoff: @Sendable (ReplicationTally) -> Double = { $0.handoffSessionSquares }
            for metric in Metric.allCases {
                let f: (@Sendable (ReplicationTally) -> (Double, Double))?
                var units: (@Sendable (ReplicationTally) -> Double)? = nil
                var unitVariance: Double? = nil
                switch metric {
                // Signaling per second of simulated time, by part.
                case .signalingCost: f = { t in (parts(t, bytes: true).reduce(0, +), t.windowS) }
                case .signalingCostHandoff: f = { t in (parts(t, bytes: true)[0], t.windowS) }
                case .signalingCostRefresh: f = { t in (parts(t, bytes: true)[1], t.windowS) }
                case .signalingCostSessionSetup: f = { t in (parts(t, bytes: true)[2], t.windowS) }
                case .signalingCostOverhead: f = { t in (parts(t, bytes: true)[3], t.windowS) }
                case .signalingRate: f = { t in (parts(t, bytes: false).reduce(0, +), t.windowS) }
                case .handoffLatency: f = { t in (t.schemes[k].latencySum, t.schemes[k].latencyWeight) }
                case .handoffLatencyNewSession:
                    if r.latency.newSessionFixedMs != nil {
                        f = { t in (t.schemes[k].newSessionSum, t.schemes[k].newSessionCount) }
                    } else {
                        f = nil
                    }
                case .handoffLatencyP50, .handoffLatencyP95, .handoffLatencyP99:
                    f = nil  // order statistics of the latency histograms (`MonteCarlo.evaluate`)
                case .pathStretch:
                    // The shortest path is at most the used one (`PathLegs.Leg.shortest(used:)`):
                    // sessions whose CN shares the MN's HA and the others have their own bound.
                    let r0 = path.remote.used0, rX = r0 + path.remote.usedX
                    let sSame = path.remote.shortest(used: r0), sOther = path.remote.shortest(used: rX)
                    let sLocal = path.local.shortest(used: path.local.used0)
                    units = { $0.sessionTimeSquares }
                    if !path.perFlow {
                        // Classes: remote through the MN's own HA, remote through another, local.
                        let fl = plan.localFraction, same = plan.sameHAProbability
                        let classes = [((1 - fl) * same, r0 / sSame), ((1 - fl) * (1 - same), rX / sOther),
                                       (fl, path.local.used0 / sLocal)]
                        let m1 = classes.reduce(0) { $0 + $1.0 * $1.1 }
                        unitVariance = Swift.max(0, classes.reduce(0) { $0 + $1.0 * $1.1 * $1.1 } - m1 * m1)
                    }
                    f = { t in
                        let rem = r0 * (t.timeRemote - t.otherHARemote) / sSame + rX * t.otherHARemote / sOther
                            + path.stepHops * t.stepsRemote / sSame
                        let loc = (path.local.used0 * t.timeLocal + path.stepHops * t.stepsLocal) / sLocal
                        return (rem + loc, t.timeRemote + t.timeLocal)
                    }
                case .tunnelledFraction:
                    f = { t in
                        (path.perFlow ? t.awayRemote + t.awayLocal : t.timeRemote + t.timeLocal, t.timeRemote + t.timeLocal)
                    }
                case .tunnelOverhead:
                    f = { t in
                        let hops = path.remote.tunnel0 * t.timeRemote + path.remote.tunnelX * t.otherHARemote
                            + path.local.tunnel0 * t.timeLocal + path.stepHops * (t.stepsRemote + t.stepsLocal)
                        return (path.tunnelHeaderBytes * hops, t.timeRemote + t.timeLocal)
                    }
                case .blastRadius, .unreachable, .outage: f = worst.flatMap { element(metric, $0) }
                case .failureProbability: f = { t in (t.schemes[k].hitProbability, t.sessionsEnded) }
                case .disruption:
                    f = { t in
                        var x = 0.0
                        for f in failures { x += f.rate * outage(f, t).1 }
                        return (TimeConstants.secondsPerYear * x, t.probes)
                    }
                // Per (handoff, active session) pair, weighted as the latency.
                // Units: handoffs, weighted by their active sessions (a per-flow scheme's groups
                // at one handoff share its residence draw, so the handoff is the unit).
                case .handoverFailureProbability:
                    units = perHandoff
                    f = { t in (t.schemes[k].exceeded, t.schemes[k].latencyWeight) }
                case .packetLoss:
                    units = perHandoff
                    f = { t in (t.schemes[k].lostPackets, t.schemes[k].latencyWeight) }
                case .packetLossBuffered:
                    units = perHandoff
                    f = { t in (t.schemes[k].lostPacketsBuffered, t.schemes[k].latencyWeight) }
                case .packetDeliveryCost:
                    // λ_p × Σ over session time of the packet's byte-hops (air hop w_wl, wired w_wd,
                    // tunnel header on the tunnelled hops), per second of the window.
                    let r0 = path.remote.used0, rX = r0 + path.remote.usedX
                    let lambda = plan.packetRatePps, size = plan.packetSizeBytes
                    let ww = plan.wirelessWeight, wd = plan.wiredWeight
                    f = { t in
                        let time = t.timeRemote + t.timeLocal
                        let used = r0 * (t.timeRemote - t.otherHARemote) + rX * t.otherHARemote
                            + path.local.used0 * t.timeLocal + path.stepHops * (t.stepsRemote + t.stepsLocal)
                        let tunnel = path.remote.tunnel0 * t.timeRemote + path.remote.tunnelX * t.otherHARemote
                            + path.local.tunnel0 * t.timeLocal + path.stepHops * (t.stepsRemote + t.stepsLocal)
                        let bytes = size * (ww * time + wd * (used - time)) + path.tunnelHeaderBytes * wd * tunnel
                        return (lambda * bytes, t.windowS)
                    }
                case .processingCost:
                    // Lookups: λ_p × w_l × Σ over the mobility elements a session depends on of the
                    // session time spent depending on it (serving and central: all of it; an anchoring
                    // AR: all of it as serving AR plus the time away as anchor). Updates: w_u × the
                    // binding-updating messages counted per event as the signaling is (docs/MODELS.md 5.7).
                    let u = r.updates
                    let lookupRate = plan.packetRatePps * plan.bindingLookupWeight, wu = plan.bindingUpdateWeight
                    let entities = failures.filter { SchemeMetrics.looksUpBindings($0.kind, $0.dependency) }
                    f = { t in
                        let time = t.timeRemote + t.timeLocal, away = t.awayRemote + t.awayLocal
                        var lookups = 0.0
                        for e in entities { lookups += e.dependency == .servingOrAnchor ? time + away : time }
                        let updates = u.total(t, anchorFailureRate: anchorRate)
                        return (lookupRate * lookups + wu * updates, t.windowS)
                    }
                // Bindings at the busiest anchor at the probes (independent Poisson instants, so
                // a random time): a per-node anchor's M (1 + replicas) always; an anchoring AR's
                // M × the distinct ARs anchoring the MN's live sessions (docs/MODELS.md 5.8).
                case .anchorBindings:
                    if let (a, _) = r.anchor {
                        let m = a.mnsServed, copies = 1 + a.replicas
                        let perFlow = a.perFlow
                        f = { t in (perFlow ? m * t.probeAnchors : m * copies * t.probes, t.probes) }
                    } else {
                        f = nil
                    }
                // The messages its roles receive, counted per simulated event, times its MNs.
                case .anchorSignalingRate:
                    if let (a, counts) = r.anchor {
                        let m = a.mnsServed
                        f = { t in (m * counts.total(t, anchorFailureRate: anchorRate), t.windowS) }
                    } else {
                        f = nil
                    }
                }
                if let f { add(MetricKey(metric), f, units: units, unitVariance: unitVariance) }
            }
            for f in failures {
                for metric in Metric.perElement {
                    if let g = element(metric, f) { add(MetricKey(metric, element: f.kind), g) }
                }
            }
        }
        return specs
    }
}
