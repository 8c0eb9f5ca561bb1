/// What one replication measured: sums over its window of simulated time.
/// Shared sums describe the trajectory once (common random numbers); each
/// scheme's signaling, path and failure numbers are linear in them. Only the
/// nonlinear per-scheme quantities (latency, P(session meets a failure)) are
/// summed per scheme.
struct ReplicationTally: Sendable {
    /// Sums of (count, old anchors with live sessions, their grid steps, active sessions) over events.
    struct EventSums: Sendable {
        var count = 0.0, anchors = 0.0, steps = 0.0, sessions = 0.0
        mutating func add(anchors a: Int, steps d: Int, sessions s: Int) {
            count += 1; anchors += Double(a); steps += Double(d); sessions += Double(s)
        }
    }

    struct PerScheme: Sendable {
        /// Σ weight·latency and Σ weight over (handoff, active session) pairs, ms.
        var latencySum = 0.0, latencyWeight = 0.0
        var newSessionSum = 0.0, newSessionCount = 0.0
        /// Σ over sessions ending in the window of P(the session meets a failure).
        var hitProbability = 0.0
        /// Σ weight·1{latency > the new AR's residence} over (handoff, active session)
        /// pairs, and Σ weight·packets lost without / with the buffer (weights as `latencyWeight`).
        var exceeded = 0.0, lostPackets = 0.0, lostPacketsBuffered = 0.0
    }

    var windowS = 0.0
    var handoffs = EventSums()
    var domainHandoffs = EventSums()
    var refreshes = EventSums()
    var domainRefreshes = EventSums()
    var sessionStarts = 0.0
    /// Σ n² over measured handoffs, n the sessions active across the handoff: with
    /// Σ n (each scheme's `latencyWeight`) the effective number of independent
    /// handoffs behind a per-(handoff, session) mean, (Σ n)²/Σ n² (`RatioStatistics`).
    var handoffSessionSquares = 0.0
    /// Σ over sessions of (their time inside the window, s)²: with the session-time
    /// integrals the effective number of independent sessions behind a
    /// session-time average such as the path stretch.
    var sessionTimeSquares = 0.0
    var sessionsEnded = 0.0
    // Session-time integrals (s): remote / local sessions, Σ grid steps to anchor,
    // time away from anchor, and remote sessions whose CN enters at another HA.
    var timeRemote = 0.0, timeLocal = 0.0, stepsRemote = 0.0, stepsLocal = 0.0
    var awayRemote = 0.0, awayLocal = 0.0, otherHARemote = 0.0
    // Failure probes at independent Poisson instants.
    var probes = 0.0, probeSessions = 0.0, probeAway = 0.0
    /// Σ over probes of the distinct ARs that anchor ≥ 1 live session (busiest-anchor bindings, 5.8).
    var probeAnchors = 0.0
    var probePhase = 0.0, probeWait = 0.0, probeSessionsPhase = 0.0, probeSessionsWait = 0.0
    var schemes: [PerScheme]

    init(schemes n: Int) { schemes = Array(repeating: PerScheme(), count: n) }
}
