import Foundation
import Mobility
import Schemes
import Stochastics

/// Everything the simulated trajectory needs, prepared once per run: the
/// scenario's laws and rates, and for every scheme the linear "counting
/// recipes" that turn the shared simulated state into that scheme's numbers
/// (common random numbers: one trajectory, all schemes evaluated on it).
struct SimulationPlan: Sendable {
    // MARK: scenario
    let residence: ProbabilityLaw
    let session: ProbabilityLaw
    let sessionRate: Double
    let localFraction: Double
    let grid: GridKind
    let domainSide: Int
    let domainARs: Double
    let bindingLifetimeS: Double
    let refresh: Bool
    /// 1/N_HA: probability that a CN's anycast-nearest HA is the MN's (`GlobalHASet`).
    let sameHAProbability: Double
    let crossingRate: Double
    /// Warm-up before measuring, s: 20 mean session durations (plus 2 residences) let
    /// the timers (refresh, domain refresh) and what the live sessions' first handoffs
    /// set reach equilibrium. The session population itself is stationary from the
    /// start (`SessionPrehistory`, docs/MODELS.md 9.9).
    let warmupS: Double
    /// Measured simulated time per replication, s (`handoffsPerReplication` mean residences).
    let windowS: Double
    // links, ms
    let wirelessLoss: Double
    let raDelayMaxMs: Double
    let tauRS: Double, tauRA: Double
    /// The 802.11 MAC's per-attempt randomness (nil: `links.wireless.mac: none`).
    let air: AirAccess?
    /// Width of RFC 4862 5.4.2's random delay before the first DAD probe, ms (0: off).
    let dadWidthMs: Double

    /// An 802.11 air leg given its mean first attempt τ (the models' `attemptMs`):
    /// (τ − c0)(1 + F) + F·c1 + slot·S, with F the failed attempts and S the sum of the
    /// F + `firstBackoffs` uniform backoffs in {0..CWmin} (docs/MODELS.md 6.1.1).
    struct AirAccess: Sendable {
        /// The first attempt's mean backoff (0 when it has none), ms.
        let c0: Double
        /// A retry's deterministic cost beyond the first attempt's deterministic part, ms.
        let c1: Double
        let slotMs: Double
        let cwMin: Int
        let firstBackoffs: Int
        init(_ m: IEEE80211Timing) {
            c0 = Double(m.firstAttemptBackoffs) * m.meanBackoffMs
            c1 = m.ackTimeoutMs + (m.immediateAccess ? m.difsMs : 0)
            slotMs = m.slotMs
            cwMin = m.cwMin
            firstBackoffs = m.firstAttemptBackoffs
        }
    }
    // traffic: data packets of one session per s, their size (bytes) and the handoff buffer (packets)
    let packetRatePps: Double
    let packetSizeBytes: Double
    let bufferPackets: Double
    let wirelessWeight: Double, wiredWeight: Double
    /// Processing units per binding-cache lookup and per update (docs/MODELS.md 5.7).
    let bindingLookupWeight: Double, bindingUpdateWeight: Double
    /// Failure rate of one anchor, 1/s (failure_recovery events, as the closed form counts them).
    let anchorFailureRate: Double
    let schemes: [SchemeRecipe]
    /// Whether a scheme's busiest anchor is an anchoring AR, whose bindings the failure
    /// probes count (`ReplicationTally.probeAnchors`); the grouping is skipped otherwise.
    let countsProbeAnchors: Bool
    /// `schemes[k].latency` for every k: the per-handoff loop reads these plain
    /// values instead of copying each recipe (a copy retains its strings and
    /// arrays, which cost more than the latency arithmetic itself).
    let latencies: [LatencyRecipe]
    /// `latencies[k].fast` without its arrays: the air legs' τ are `fastAir[range]`. The
    /// per-handoff loop reads these plain values (copying a `FastHandover` retained and
    /// released its two arrays at every handoff of every fast-handover scheme).
    let fastModes: [FastModes?]
    let fastAir: [Double]

    /// A fast handover's two modes, `HandoffLatencyParts.FastHandover` with its air legs
    /// as ranges of `fastAir`.
    struct FastModes: Sendable {
        let predictiveProbability: Double
        let predictiveFixedMs: Double, reactiveFixedMs: Double
        let predictiveAir: Range<Int>, reactiveAir: Range<Int>
    }
    /// Every scheme's failure-hazard terms, flattened: scheme k's are
    /// `hazardTerms[hazardStart[k]..<hazardStart[k + 1]]`, in `failures` order
    /// (elements no session depends on left out: they add nothing).
    let hazardTerms: [HazardTerm]
    let hazardStart: [Int]

    /// A failing element's contribution to a session's hazard: `rate` × duration,
    /// or × (duration + time away from its anchor) when the anchor breaks it too.
    struct HazardTerm: Sendable {
        let rate: Double
        let withAway: Bool
    }

    /// Simulated handoffs per replication (one replication = one chunk of work).
    static let handoffsPerReplication = 4096

    /// Refuse plans whose `workPerHandoff` is above this: ~20000 times the default
    /// scenario's, i.e. hours for what takes seconds by default. Far below it lie
    /// all realistic scenarios; above it, a residence of microseconds or a binding
    /// lifetime of microseconds would make a run of a few handoffs never finish.
    static let maxWorkPerHandoff = 1e5

    /// Expected simulator work per measured handoff, in events x live sessions
    /// (each event scans the live sessions): a replication simulates warm-up plus
    /// window, with handoffs and failure probes at rate 1/E[X] each, session
    /// arrivals and ends at λ_s each, binding refreshes at 1/lifetime, and ρ = λ_s E[T]
    /// live sessions on average. About 5 for the default scenario.
    static func workPerHandoff(residenceS x: Double, sessionS t: Double, sessionRate: Double, refreshS: Double?) -> Double {
        let rho = sessionRate * t
        let eventRate = 2 / x + 2 * sessionRate + (refreshS.map { 1 / $0 } ?? 0)
        return (warmup(residenceS: x, sessionS: t) + Double(handoffsPerReplication) * x) * eventRate * (1 + rho)
            / Double(handoffsPerReplication)
    }

    /// The warm-up of `warmupS`, s.
    static func warmup(residenceS x: Double, sessionS t: Double) -> Double { 20 * t + 2 * x }

    /// Throws `MonteCarloError.tooCostly` when the scenario's `workPerHandoff` is
    /// beyond `maxWorkPerHandoff` (or not finite). Cheap: no scheme recipes are built.
    static func checkCost(_ s: Scenario) throws {
        let x = try s.effectiveResidence().mean, t = s.traffic.sessionDuration.mean
        let rate = s.traffic.sessionRate, refresh = s.timers.refresh ? s.timers.bindingLifetimeS : nil
        let work = workPerHandoff(residenceS: x, sessionS: t, sessionRate: rate, refreshS: refresh)
        guard work.isFinite, work <= maxWorkPerHandoff else {
            throw MonteCarloError.tooCostly(
                work: work, residenceS: x, refreshS: refresh, sessionRate: rate, activeSessions: rate * t,
                warmupS: warmup(residenceS: x, sessionS: t))
        }
    }

    /// Pairs each card with its model among `models` (`SchemeModels.require`: a card
    /// without one is refused as in the closed form).
    init(scenario s: Scenario, cards: [SchemeCard], models: [any SchemeModel] = SchemeModels.all) throws {
        let grid = s.mobility.grid
        let side = s.mobility.domainSize
        self.grid = grid
        domainSide = side
        domainARs = Double(try DomainCrossing.arCount(grid: grid, domainSize: side))
        let residence = try s.effectiveResidence()
        self.residence = residence
        session = s.traffic.sessionDuration
        sessionRate = s.traffic.sessionRate
        localFraction = s.traffic.localCNFraction
        bindingLifetimeS = s.timers.bindingLifetimeS
        refresh = s.timers.refresh
        sameHAProbability = 1 / Double(max(1, s.topology.globalHACount))
        crossingRate = 1 / residence.mean
        warmupS = Self.warmup(residenceS: residence.mean, sessionS: session.mean)
        windowS = Double(Self.handoffsPerReplication) * residence.mean
        wirelessLoss = s.links.wireless.loss
        raDelayMaxMs = 2 * s.links.raDelayMs
        packetRatePps = s.traffic.packetRatePps
        packetSizeBytes = s.traffic.packetSizeBytes
        bufferPackets = s.traffic.bufferPackets
        wirelessWeight = s.messages.wirelessWeight
        wiredWeight = s.messages.wiredWeight
        bindingLookupWeight = s.messages.bindingLookupWeight
        bindingUpdateWeight = s.messages.bindingUpdateWeight
        anchorFailureRate = 1 / (s.failure.anchorMtbfH * TimeConstants.secondsPerHour)

        let c = try Self.context(s, crossingRate: crossingRate, domainARs: domainARs)
        let c2 = try Self.context(s, crossingRate: crossingRate, domainARs: domainARs, steps: 2)
        tauRS = c.links.attemptMs(s.size(.rs))
        tauRA = c.links.attemptMs(s.size(.ra))
        air = c.links.mac.map(AirAccess.init)
        dadWidthMs = c.links.dadRandomWidthMs
        var recipes: [SchemeRecipe] = []
        for card in cards {
            let model = try SchemeModels.require(card, in: models)
            recipes.append(SchemeRecipe(card: card, model: model, context: c, c2: c2, scenario: s))
        }
        schemes = recipes
        countsProbeAnchors = recipes.contains { $0.anchor?.0.perFlow ?? false }
        latencies = recipes.map(\.latency)
        var air: [Double] = []
        fastModes = latencies.map { l in
            l.fast.map { f in
                let p = air.count..<(air.count + f.predictiveAir.count)
                air += f.predictiveAir
                let r = air.count..<(air.count + f.reactiveAir.count)
                air += f.reactiveAir
                return FastModes(predictiveProbability: f.predictiveProbability, predictiveFixedMs: f.predictiveFixedMs,
                                 reactiveFixedMs: f.reactiveFixedMs, predictiveAir: p, reactiveAir: r)
            }
        }
        fastAir = air
        var terms: [HazardTerm] = [], starts = [0]
        for r in recipes {
            for f in r.failures {
                switch f.dependency {
                case .serving, .all: terms.append(HazardTerm(rate: f.rate, withAway: false))
                case .servingOrAnchor: terms.append(HazardTerm(rate: f.rate, withAway: true))
                case .none: break
                }
            }
            starts.append(terms.count)
        }
        hazardTerms = terms
        hazardStart = starts
    }

    /// The scenario as a `SchemeContext` (issue 5's `init(scenario:motion:)`), for
    /// the scheme models' placements and failure elements and the shared hop
    /// function. The motion quantities the closed forms need (E[N_a], r*(μ), ...)
    /// are not filled: the simulation measures them. `oldAnchorSteps` = `steps`
    /// lets `EventCost` read the old-anchor distance as a linear function of the
    /// simulated grid steps.
    static func context(_ s: Scenario, crossingRate: Double, domainARs: Double, steps: Double = 1) throws -> SchemeContext {
        let rho = s.traffic.sessionRate * s.traffic.sessionDuration.mean
        let motion = SchemeContext.Motion(
            crossingRate: crossingRate, domainCrossingFraction: 0, domainARs: domainARs,
            sessionRate: s.traffic.sessionRate, activeSessions: rho, anchorsInUse: 0, tunnelledFraction: 1,
            meanAnchorDistance: steps, refreshRate: 0)
        var c = SchemeContext(scenario: s, motion: motion)
        c.assumptions = try SchemeContext.Assumptions(s)
        return c
    }
}

/// Messages and byte-hops of one event of one scheme as a linear function of the
/// simulated state: count = m0 + mA·(old anchors with live sessions) + mS·(active sessions);
/// (at a session start `sessions` is 1: the new session's own CN)
/// byte-hops = b0 + bA·anchors + bD·(Σ anchors' grid steps) + bS·sessions.
struct EventCost: Sendable {
    var m0 = 0.0, mA = 0.0, mS = 0.0
    var b0 = 0.0, bA = 0.0, bD = 0.0, bS = 0.0

    init() {}

    /// Builds the cost of `messages` (a card's procedure for one event). Hops come
    /// from the closed forms' `SchemeContext.wiredHops` evaluated with the old anchor
    /// at 1 and at 2 grid steps (`c1`, `c2`): it is linear in the steps, so
    /// per-anchor cost = (h(1) − slope) + slope·D with D the simulated distance.
    init(_ messages: [SignalingMessage], model: any SchemeModel, c1: SchemeContext, c2: SchemeContext, scenario s: Scenario)
    {
        let ww = s.messages.wirelessWeight, wd = s.messages.wiredWeight
        for m in messages where SignalingCost.exists(m, in: c1) {
            let bh1 = SignalingCost.byteHops(of: m, model: model, context: c1, wirelessWeight: ww, wiredWeight: wd)
            let bh2 = SignalingCost.byteHops(of: m, model: model, context: c2, wirelessWeight: ww, wiredWeight: wd)
            let slope = bh2 - bh1
            switch m.repeatRule {
            case .perActiveOldAnchor:
                mA += 1
                bA += bh1 - slope
                bD += slope
            // Otherwise a message to "the" old anchor goes to the AR just left: one grid step (c1).
            case .perCN:
                mS += 1; bS += bh1
            case .perCNPerMAGInDomain:
                // Per live session (simulated), times the domain's other MAGs (a constant).
                let mags = SignalingCost.count(.perMAGInDomain, event: .handoff, context: c1)
                mS += mags; bS += mags * bh1
            default:
                let k = SignalingCost.count(m.repeatRule, event: .handoff, context: c1)
                m0 += k; b0 += k * bh1
            }
        }
    }

    @inline(__always) func messages(anchors: Double, sessions: Double) -> Double { m0 + mA * anchors + mS * sessions }
    @inline(__always) func byteHops(anchors: Double, steps: Double, sessions: Double) -> Double {
        b0 + bA * anchors + bD * steps + bS * sessions
    }
}
