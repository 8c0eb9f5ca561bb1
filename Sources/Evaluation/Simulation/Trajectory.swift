import Foundation
import Mobility
import Stochastics

/// One replication: one MN walking the AR grid for a warm-up and then a fixed
/// window of simulated time, with its sessions, evaluated for all schemes at
/// once (docs/MODELS.md 9).
///
/// Model: residences i.i.d. from the scenario's law, the first one the
/// equilibrium residual (`sampleResidualAndAge`: the run starts at a random instant),
/// and the sessions live at that instant with their anchors (`SessionPrehistory`);
/// at each handoff the MN moves to a uniformly chosen neighbour on the square
/// (4) or hexagonal (6) grid, and a domain handoff is a move into another
/// domain tile (`DomainCrossing.domain`). Sessions arrive Poisson(λ_s), last a
/// draw of the session law, are anchored (per-flow schemes) at the AR where they
/// start, and have a local CN with the scenario's probability. Binding refreshes
/// fire every binding lifetime after the last handoff; a binding only domain
/// handoffs renew (the `domain_refresh` event) every lifetime after the last
/// domain handoff. Failure probes are a
/// Poisson process independent of everything else: a failure process is
/// independent of the MN, so the state seen at a failure has the law seen at
/// any independent Poisson instant (PASTA); probing more often than the rare
/// failures (MTBF ~ a year) estimates the same quantities with far less noise.
/// Likewise P(a session meets a failure) is estimated by conditioning on the
/// simulated session: 1 − exp(−∫ hazard), with the hazard the sum of the
/// failure rates of the elements it depends on along its simulated life.
final class Trajectory {
    struct Session {
        var start: Double, end: Double
        var ax: Int, ay: Int
        var local: Bool, otherHA: Bool
        var steps: Int
        var atAnchor: Double
    }

    let plan: SimulationPlan
    let stream: RandomStream
    /// The fast handovers' mode and air draws (`LatencyRecipe.fast`), a stream of
    /// their own derived from this replication's seed: adding a fast-handover
    /// scheme leaves every other scheme's draws, and so its numbers, unchanged.
    let modes: RandomStream?
    private let hasFastHandover: Bool
    /// `firstAttemptCut(loss:)` of the scenario's frame loss q.
    private let firstAttemptCut: Double
    // One Trajectory belongs to one thread: skip the dynamic exclusivity checks
    // (they cost ~15 % of the run in swift_beginAccess on these arrays).
    @exclusivity(unchecked) private var sessions: [Session] = []
    // Anchor groups of the live sessions: the first `groups` entries are valid.
    // The arrays only grow (to the most sessions seen) and are overwritten in
    // place: emptying and refilling them at every handoff was a tenth of the run.
    @exclusivity(unchecked) private var anchorX: [Int] = []
    @exclusivity(unchecked) private var anchorY: [Int] = []
    @exclusivity(unchecked) private var anchorSteps: [Int] = []
    @exclusivity(unchecked) private var anchorCount: [Int] = []
    private var groups = 0
    /// This handoff's (scheme, latency ms, sessions) triples, scored against the new
    /// AR's residence once it is drawn (the draw order is that of the plain simulator).
    /// The first `pendingCount` entries are this handoff's; the array only grows and is
    /// written through a raw buffer (appending checked its uniqueness at every entry).
    @exclusivity(unchecked) private var pending: [(scheme: Int, ms: Double, weight: Double)] = []
    private var pendingCount = 0

    init(plan: SimulationPlan, stream: RandomStream) {
        self.plan = plan
        self.stream = stream
        hasFastHandover = plan.schemes.contains { $0.latency.fast != nil }
        firstAttemptCut = Self.firstAttemptCut(loss: plan.wirelessLoss)
        modes = hasFastHandover ? stream.child(1) : nil
        sessions.reserveCapacity(32)
    }

    /// One air leg's shared draw, F by inversion of the geometric P(F ≥ f) = q^f: m = 1 + 2F (no MAC), F failed attempts and S the sum
    /// of their backoff slots (802.11, `SimulationPlan.AirAccess`). No MAC draws no backoff,
    /// so the plain link sees the same stream as before the MAC existed.
    struct AirDraw { let m: Double, f: Double, s: Double }

    @inline(__always) private func airDraw(_ logQ: Double, _ from: RandomStream) -> AirDraw {
        let f = logQ == 0 ? 0 : Self.failures(from.uniformPositive(), logQ: logQ, cut: firstAttemptCut)
        var s = 0.0
        if let a = plan.air, a.cwMin > 0 {
            for _ in 0..<(Int(f) + a.firstBackoffs) { s += Double(from.uniformInt(a.cwMin + 1)) }
        }
        return AirDraw(m: 1 + 2 * f, f: f, s: s)
    }

    /// F = ⌊log u / log q⌋ for a uniform u in (0, 1), the inversion of P(F ≥ f) = q^f, with
    /// the first-attempt successes (u > q, F = 0, most legs) spared the log and the floor (a
    /// tenth of a run at q = 0.1). `cut` = `firstAttemptCut(loss:)` sits 2^-20 of q above q,
    /// so past it log u / log q < 1 − 1e-9 even with both logs and the division rounded: the
    /// inversion's F = 0, bit for bit (tests compare the two near the cut).
    @inline(__always) static func failures(_ u: Double, logQ: Double, cut: Double) -> Double {
        u <= cut ? (log(u) / logQ).rounded(.down) : 0
    }

    /// q (1 + 2^-20), the uniform past which `failures` returns 0 without the inversion.
    static func firstAttemptCut(loss q: Double) -> Double { q * (1 + 0x1p-20) }

    /// The leg's time for mean first attempt τ, ms: τ(1 + 2F), or the 802.11 form.
    @inline(__always) private func leg(_ tau: Double, _ d: AirDraw) -> Double {
        guard let a = plan.air else { return tau * d.m }
        return (tau - a.c0) * (1 + d.f) + d.f * a.c1 + a.slotMs * d.s
    }

    func run(windowS: Double, histograms: inout [LatencyHistogram]) -> ReplicationTally {
        let p = plan
        var tally = ReplicationTally(schemes: p.schemes.count)
        let warm = p.warmupS, end = p.warmupS + windowS
        tally.windowS = windowS
        let moves = p.grid.steps
        let logQ = p.wirelessLoss > 0 ? log(p.wirelessLoss) : 0
        let lifetime = p.refresh ? p.bindingLifetimeS : Double.infinity
        let probeMean = p.residence.mean
        // Stationary start: uniform over the domain tile (a fixed start cell biased
        // domain crossings in large domains, where the warm-up cannot spread the walk).
        var (x, y) = DomainCrossing.uniformCell(grid: p.grid, domainSize: p.domainSide, stream: stream)
        var dom = DomainCrossing.domain(of: x, y, grid: p.grid, domainSize: p.domainSide)
        var t = 0.0, residenceStart = 0.0
        // The run starts at a random instant: the current residence's residual (the main
        // stream's draws, as ever) and its age, which places the live sessions' anchors.
        let history = stream.child(2)
        let (firstResidual, currentAge) = p.residence.sampleResidualAndAge(stream, age: history)
        var nextHandoff = firstResidual
        var nextArrival = p.sessionRate > 0 ? stream.exponential(mean: 1 / p.sessionRate) : .infinity
        var nextRefresh = lifetime
        // A binding only domain handoffs renew (HMIPv6's HA binding) has its own clock.
        var nextDomainRefresh = lifetime
        var nextProbe = warm + stream.exponential(mean: probeMean)
        sessions.removeAll(keepingCapacity: true)
        sessions += SessionPrehistory.sessions(plan: p, x: x, y: y, currentAge: currentAge, stream: history)
        // Aggregates of the live sessions, constant between events.
        var nR = 0.0, nL = 0.0, dR = 0.0, dL = 0.0, aR = 0.0, aL = 0.0, xR = 0.0
        func refreshAggregates() {
            nR = 0; nL = 0; dR = 0; dL = 0; aR = 0; aL = 0; xR = 0
            for s in sessions {
                let d = Double(s.steps), away: Double = s.steps > 0 ? 1 : 0
                if s.local { nL += 1; dL += d; aL += away } else {
                    nR += 1; dR += d; aR += away
                    if s.otherHA { xR += 1 }
                }
            }
        }

        refreshAggregates()

        while true {
            var nextEnd = Double.infinity, endIndex = -1
            for (i, s) in sessions.enumerated() where s.end < nextEnd { nextEnd = s.end; endIndex = i }
            let tn = min(nextHandoff, nextArrival, nextRefresh, nextDomainRefresh, nextEnd, nextProbe, end)
            if tn > warm {
                let dt = tn - max(t, warm)
                tally.timeRemote += nR * dt; tally.timeLocal += nL * dt
                tally.stepsRemote += dR * dt; tally.stepsLocal += dL * dt
                tally.awayRemote += aR * dt; tally.awayLocal += aL * dt
                tally.otherHARemote += xR * dt
            }
            t = tn
            let measuring = t >= warm
            if t >= end {
                for s in sessions {
                    let inside = end - max(s.start, warm)
                    tally.sessionTimeSquares += inside * inside
                }
                break
            }
            if tn == nextEnd {
                let s = sessions.remove(at: endIndex)
                if measuring {
                    let inside = t - max(s.start, warm)
                    tally.sessionTimeSquares += inside * inside
                }
                var atAnchor = s.atAnchor
                if s.ax == x && s.ay == y { atAnchor += t - max(s.start, residenceStart) }
                if measuring {
                    let duration = s.end - s.start, away = max(0, duration - atAnchor)
                    tally.sessionsEnded += 1
                    let terms = p.hazardTerms, starts = p.hazardStart
                    tally.schemes.withUnsafeMutableBufferPointer { out in
                        for k in out.indices {
                            var hazard = 0.0
                            for h in starts[k]..<starts[k + 1] {
                                let f = terms[h]
                                hazard += f.withAway ? f.rate * (duration + away) : f.rate * duration
                            }
                            out[k].hitProbability += -expm1(-hazard)
                        }
                    }
                }
                refreshAggregates()
            } else if tn == nextHandoff {
                // Leave (x, y): sessions anchored there stop accumulating time at their anchor.
                // Through a raw buffer: an indexed write checked the array's uniqueness per session.
                sessions.withUnsafeMutableBufferPointer { live in
                    for i in live.indices where live[i].ax == x && live[i].ay == y {
                        live[i].atAnchor += t - max(live[i].start, residenceStart)
                    }
                }
                let m = moves[stream.uniformInt(moves.count)]
                x += m.0; y += m.1
                let newDom = DomainCrossing.domain(of: x, y, grid: p.grid, domainSize: p.domainSide)
                let crossed = newDom != dom
                dom = newDom
                sessions.withUnsafeMutableBufferPointer { live in
                    for i in live.indices { live[i].steps = p.grid.distance(live[i].ax - x, live[i].ay - y) }
                }
                pendingCount = 0
                if measuring { handoff(crossed: crossed, logQ: logQ, tally: &tally, histograms: &histograms) }
                refreshAggregates()
                residenceStart = t
                let residence = p.residence.sample(stream)
                nextHandoff = t + residence
                // The handoff fails if its latency outlasts the full residence it starts (a
                // renewal epoch: not the residual); packets lost = λ_p × latency, beyond the buffer.
                let rate = p.packetRatePps, buffer = p.bufferPackets
                let count = pendingCount
                pending.withUnsafeBufferPointer { pending in
                tally.schemes.withUnsafeMutableBufferPointer { out in
                    for e in pending[0..<count] {
                        let packets = rate * e.ms / 1000
                        if e.ms / 1000 > residence { out[e.scheme].exceeded += e.weight }
                        out[e.scheme].lostPackets += e.weight * packets
                        out[e.scheme].lostPacketsBuffered += e.weight * max(0, packets - buffer)
                    }
                }
                }
                nextRefresh = t + lifetime
                if crossed { nextDomainRefresh = t + lifetime }
            } else if tn == nextArrival {
                let s = Session(start: t, end: t + p.session.sample(stream), ax: x, ay: y,
                                local: stream.uniform() < p.localFraction,
                                otherHA: stream.uniform() >= p.sameHAProbability, steps: 0, atAnchor: 0)
                sessions.append(s)
                if measuring { tally.sessionStarts += 1 }
                refreshAggregates()
                nextArrival = t + stream.exponential(mean: 1 / p.sessionRate)
            } else if tn == nextRefresh {
                if measuring {
                    let (a, d) = oldAnchors()
                    tally.refreshes.add(anchors: a, steps: d, sessions: sessions.count)
                }
                nextRefresh = t + lifetime
            } else if tn == nextDomainRefresh {
                if measuring {
                    let (a, d) = oldAnchors()
                    tally.domainRefreshes.add(anchors: a, steps: d, sessions: sessions.count)
                }
                nextDomainRefresh = t + lifetime
            } else {
                // Failure probe.
                let n = Double(sessions.count)
                let phase = stream.uniform()
                let wait = min(nextHandoff, nextRefresh) - t
                tally.probes += 1
                tally.probeSessions += n
                tally.probeAway += aR + aL
                if p.countsProbeAnchors && !sessions.isEmpty {
                    groupAnchors()
                    tally.probeAnchors += Double(groups)
                }
                tally.probePhase += phase
                tally.probeWait += wait
                tally.probeSessionsPhase += n * phase
                tally.probeSessionsWait += n * wait
                nextProbe = t + stream.exponential(mean: probeMean)
            }
        }
        return tally
    }

    /// Distinct ARs other than the serving one that anchor ≥ 1 live session, and Σ of their grid steps.
    private func oldAnchors() -> (Int, Int) {
        groupAnchors()
        var a = 0, d = 0
        anchorSteps.withUnsafeBufferPointer { steps in
            for i in 0..<groups where steps[i] > 0 { a += 1; d += steps[i] }
        }
        return (a, d)
    }

    /// Groups live sessions by anchor AR: anchorX/Y/Steps/Count.
    private func groupAnchors() {
        let n = sessions.count
        if anchorX.count < n {
            let more = n - anchorX.count
            anchorX += repeatElement(0, count: more); anchorY += repeatElement(0, count: more)
            anchorSteps += repeatElement(0, count: more); anchorCount += repeatElement(0, count: more)
        }
        var g = 0
        sessions.withUnsafeBufferPointer { live in
        anchorX.withUnsafeMutableBufferPointer { ax in
        anchorY.withUnsafeMutableBufferPointer { ay in
        anchorSteps.withUnsafeMutableBufferPointer { steps in
        anchorCount.withUnsafeMutableBufferPointer { count in
            outer: for s in live {
                for j in 0..<g where ax[j] == s.ax && ay[j] == s.ay {
                    count[j] += 1
                    continue outer
                }
                ax[g] = s.ax; ay[g] = s.ay; steps[g] = s.steps; count[g] = 1
                g += 1
            }
        }
        }
        }
        }
        }
        groups = g
    }

    private func handoff(crossed: Bool, logQ: Double, tally: inout ReplicationTally, histograms: inout [LatencyHistogram]) {
        let (a, d) = oldAnchors()  // also fills the anchor groups
        let n = sessions.count
        tally.handoffs.add(anchors: a, steps: d, sessions: n)
        tally.handoffSessionSquares += Double(n * n)
        if crossed { tally.domainHandoffs.add(anchors: a, steps: d, sessions: n) }
        // Shared draws of this handoff's random latency parts (common to all schemes).
        let ra = leg(plan.tauRA, airDraw(logQ, stream))
        let dRA = plan.raDelayMaxMs > 0 ? plan.raDelayMaxMs * stream.uniform() : 0
        let detection = leg(plan.tauRS, airDraw(logQ, stream)) + dRA + ra
        let fReq = airDraw(logQ, stream), fAck = airDraw(logQ, stream)
        let fReq2 = airDraw(logQ, stream), fAck2 = airDraw(logQ, stream)
        // RFC 4862 5.4.2's random delay before the first DAD probe, as its deviation from the
        // mean the fixed parts hold; drawn last so that without it the draws are as before.
        let dadDev = plan.dadWidthMs > 0 ? plan.dadWidthMs * (stream.uniform() - 0.5) : 0
        let groups = self.groups
        // One mode per handoff, shared by the fast-handover schemes (as the draws above).
        let modeU = modes?.uniform() ?? 0
        // Room for this handoff's entries: one per scheme, or one per anchor group.
        let needed = plan.latencies.count * Swift.max(1, groups)
        if pending.count < needed { pending += repeatElement((scheme: 0, ms: 0.0, weight: 0.0), count: needed - pending.count) }
        var pendingCount = 0
        // The recipes are read in place through a pointer: copying one (`let l =
        // latencies[k]`) retained and released its fast-handover arrays, a fifth of a run.
        plan.latencies.withUnsafeBufferPointer { latencies in
        plan.fastModes.withUnsafeBufferPointer { fastModes in
        plan.fastAir.withUnsafeBufferPointer { fastAir in
        pending.withUnsafeMutableBufferPointer { pending in
        anchorSteps.withUnsafeBufferPointer { steps in
        anchorCount.withUnsafeBufferPointer { counts in
        tally.schemes.withUnsafeMutableBufferPointer { out in
        histograms.withUnsafeMutableBufferPointer { hist in
            for k in 0..<latencies.count {
                let l = latencies.baseAddress.unsafelyUnwrapped + k
                let attach = (l.pointee.clientDetection ? detection : 0) + (l.pointee.networkRA ? ra : 0)
                var base = l.pointee.fixedMs + attach
                if dadDev != 0 { base += l.pointee.dad.fixed * dadDev }
                if let fast = fastModes[k], let m = modes {
                    let predictive = modeU < fast.predictiveProbability
                    base = predictive ? fast.predictiveFixedMs : fast.reactiveFixedMs
                    if dadDev != 0 { base += (predictive ? l.pointee.dad.predictive : l.pointee.dad.reactive) * dadDev }
                    for i in predictive ? fast.predictiveAir : fast.reactiveAir { base += leg(fastAir[i], airDraw(logQ, m)) }
                }
                if let reg = l.pointee.regTau { base += leg(reg.req, fReq) + leg(reg.ack, fAck) }
                if let race = l.pointee.raRace { base += max(race.plus + ra, race.alternative) }
                if crossed {
                    base += l.pointee.domainFixedMs
                    if dadDev != 0 { base += l.pointee.dad.domainFixed * dadDev }
                    if let reg = l.pointee.domainTau { base += leg(reg.req, fReq2) + leg(reg.ack, fAck2) }
                }
                if let fresh = l.pointee.newSessionFixedMs {
                    // A race scheme's detection is part of its race: its new sessions wait for the RA too.
                    var newLatency = fresh + attach + (l.pointee.raRace != nil ? ra : 0)
                    if dadDev != 0 { newLatency += l.pointee.dad.newSession * dadDev }
                    out[k].newSessionSum += newLatency
                    out[k].newSessionCount += 1
                }
                guard n > 0 else { continue }
                if l.pointee.perFlow {
                    for j in 0..<groups {
                        let w = counts[j]
                        let latency = steps[j] == 0
                            ? l.pointee.atAnchorFixedMs + attach + l.pointee.dad.atAnchor * dadDev : base + l.pointee.perStepMs * Double(steps[j])
                        out[k].latencySum += Double(w) * latency
                        out[k].latencyWeight += Double(w)
                        hist[k].add(latency, weight: UInt64(w))
                        pending[pendingCount] = (k, latency, Double(w))
                        pendingCount += 1
                    }
                } else {
                    out[k].latencySum += Double(n) * base
                    out[k].latencyWeight += Double(n)
                    hist[k].add(base, weight: UInt64(n))
                    pending[pendingCount] = (k, base, Double(n))
                    pendingCount += 1
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        self.pendingCount = pendingCount
    }
}
