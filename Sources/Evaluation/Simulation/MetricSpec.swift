import Foundation

/// One reported metric of one scheme as a ratio (x, y) of one replication's
/// sums: the scheme's counting recipe applied to the shared simulated state.
/// Names and units follow the closed forms (DESIGN.md 2.5).
struct MetricSpec: Sendable {
    let scheme: Int
    let metric: String
    let unit: String
    let value: @Sendable (ReplicationTally) -> (Double, Double)

    static func all(_ plan: SimulationPlan) -> [MetricSpec] {
        var specs: [MetricSpec] = []
        for (k, r) in plan.schemes.enumerated() {
            func add(_ metric: String, _ unit: String, _ f: @escaping @Sendable (ReplicationTally) -> (Double, Double)) {
                specs.append(MetricSpec(scheme: k, metric: metric, unit: unit, value: f))
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
            add("signaling_cost", "byte_hops_per_s") { t in (parts(t, bytes: true).reduce(0, +), t.windowS) }
            for (i, name) in ["handoff", "refresh", "session_setup", "overhead"].enumerated() {
                add("signaling_cost.\(name)", "byte_hops_per_s") { t in (parts(t, bytes: true)[i], t.windowS) }
            }
            add("signaling_rate", "msgs_per_s") { t in (parts(t, bytes: false).reduce(0, +), t.windowS) }
            // Handoff latency.
            add("handoff_latency", "ms") { t in (t.schemes[k].latencySum, t.schemes[k].latencyWeight) }
            if r.latency.newSessionFixedMs != nil {
                add("handoff_latency_new_session", "ms") { t in (t.schemes[k].newSessionSum, t.schemes[k].newSessionCount) }
            }
            // Data path, packet-averaged = session-time-averaged (constant packet rate per session).
            let path = r.path
            add("path_stretch", "ratio") { t in
                let rem = (path.remote.used0 * t.timeRemote + path.remote.usedX * t.otherHARemote
                    + path.stepHops * t.stepsRemote) / path.remote.shortest
                let loc = (path.local.used0 * t.timeLocal + path.stepHops * t.stepsLocal) / path.local.shortest
                return (rem + loc, t.timeRemote + t.timeLocal)
            }
            add("tunnelled_fraction", "ratio") { t in
                (path.perFlow ? t.awayRemote + t.awayLocal : t.timeRemote + t.timeLocal, t.timeRemote + t.timeLocal)
            }
            add("tunnel_overhead", "byte_hops_per_packet") { t in
                let hops = path.remote.tunnel0 * t.timeRemote + path.remote.tunnelX * t.otherHARemote
                    + path.local.tunnel0 * t.timeLocal + path.stepHops * (t.stepsRemote + t.stepsLocal)
                return (path.tunnelHeaderBytes * hops, t.timeRemote + t.timeLocal)
            }
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
            // The most critical element kind, ranked as the closed form ranks it.
            if let f = failures.max(by: { $0.severity < $1.severity }) {
                add("blast_radius", "sessions") { t in (f.mnsServed * dependent(f, t), t.probes) }
                add("unreachable", "mns") { t in (f.reachability ? f.mnsServed * t.probes : 0, t.probes) }
                add("outage", "s") { t in (outage(f, t).0, t.probes) }
            }
            add("failure_probability", "ratio") { t in (t.schemes[k].hitProbability, t.sessionsEnded) }
            add("disruption", "session_s_per_mn_year") { t in
                var x = 0.0
                for f in failures { x += f.rate * outage(f, t).1 }
                return (MonteCarlo.yearS * x, t.probes)
            }
            for f in failures {
                add("blast_radius.\(f.name)", "sessions") { t in (f.mnsServed * dependent(f, t), t.probes) }
                add("unreachable.\(f.name)", "mns") { t in (f.reachability ? f.mnsServed * t.probes : 0, t.probes) }
                add("outage.\(f.name)", "s") { t in (outage(f, t).0, t.probes) }
            }
        }
        return specs
    }
}
