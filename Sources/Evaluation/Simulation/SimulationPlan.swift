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
    /// Warm-up before measuring, s: the replication starts empty, and 20 mean
    /// session durations (plus 2 residences) let the M/G/∞ session population and
    /// the anchors reach equilibrium (for exponential sessions the leftover bias is
    /// e^−20 ≈ 2e−9; for heavy-tailed laws it is P(T > warm-up)).
    let warmupS: Double
    /// Measured simulated time per replication, s (`handoffsPerReplication` mean residences).
    let windowS: Double
    // links, ms
    let wirelessLoss: Double
    let raDelayMaxMs: Double
    let tauRS: Double, tauRA: Double
    let yearS = 8760.0 * 3600
    let schemes: [SchemeRecipe]

    /// Simulated handoffs per replication (one replication = one chunk of work).
    static let handoffsPerReplication = 4096

    init(scenario s: Scenario, cards: [SchemeCard]) throws {
        guard let grid = GridKind(rawValue: s.mobility.grid) else { throw MonteCarloError.domainSize(s.mobility.domainSize, grid: s.mobility.grid) }
        let side = s.mobility.domainSize
        if (grid == .square && side < 1) || side < 0 { throw MonteCarloError.domainSize(side, grid: s.mobility.grid) }
        self.grid = grid
        domainSide = side
        domainARs = Double(DomainCrossing.arCount(grid: grid, domainSize: side))
        var residence = s.mobility.residence
        if s.mobility.crossingModel == "fluid_flow", let shape = FluidFlow.CellShape(rawValue: s.mobility.cellShape) {
            residence = try residence.withMean(
                FluidFlow.meanResidence(speed: s.mobility.speedMps, cellSize: s.mobility.cellSizeM, shape: shape))
        }
        self.residence = residence
        session = s.traffic.sessionDuration
        sessionRate = s.traffic.sessionRate
        localFraction = s.traffic.localCNFraction
        bindingLifetimeS = s.timers.bindingLifetimeS
        refresh = s.timers.refresh
        sameHAProbability = 1 / Double(max(1, s.topology.globalHACount))
        crossingRate = 1 / residence.mean
        warmupS = 20 * session.mean + 2 * residence.mean
        windowS = Double(Self.handoffsPerReplication) * residence.mean
        wirelessLoss = s.links.wireless.loss
        raDelayMaxMs = 2 * s.links.raDelayMs

        let c = Self.context(s, crossingRate: crossingRate, domainARs: domainARs)
        tauRS = Self.tau(s.size(.rs), c)
        tauRA = Self.tau(s.size(.ra), c)
        var recipes: [SchemeRecipe] = []
        for card in cards {
            guard let model = SchemeModels.model(for: card.id) else { throw MonteCarloError.noModel(card.id) }
            recipes.append(try SchemeRecipe(card: card, model: model, context: c, scenario: s, domainARs: domainARs,
                                            crossingRate: crossingRate))
        }
        schemes = recipes
    }

    /// Wireless attempt time τ = 8 s/B_wl + L_wl, ms (T_wl without retransmissions, analytic-models.md 6.1).
    static func tau(_ bytes: Double, _ c: SchemeContext) -> Double {
        8 * bytes / c.links.wirelessBps * 1000 + c.links.wirelessLatencyMs
    }

    /// The plain numbers of the scenario as a `SchemeContext`, for the scheme
    /// models' placements (hops, MNs served) and failure elements. The motion
    /// quantities the closed forms need (E[N_a], r*(μ), ...) are not filled:
    /// the simulation measures them.
    static func context(_ s: Scenario, crossingRate: Double, domainARs: Double) -> SchemeContext {
        let t = s.topology
        let hops = SchemeContext.Hops(
            arAr: t.arArHops, arMap: t.arMapHops, arHa: t.arHaHops, mapHa: t.mapHaHops, magLma: t.magLmaHops,
            lmaLma: t.lmaLmaHops, arLocationServer: t.arLocationServerHops, arPeerAr: t.arPeerArHops,
            cnHa: t.cnHaHops, cnLma: t.cnLmaHops, cnAr: t.cnArHops, haHa: t.haHaHops,
            arNearestHa: t.arNearestHaHops, cnNearestHa: t.cnNearestHaHops, localCN: s.traffic.localCNHops,
            localCNFraction: s.traffic.localCNFraction, globalHACount: t.globalHACount)
        let rho = s.traffic.sessionRate * s.traffic.sessionDuration.mean
        let motion = SchemeContext.Motion(
            crossingRate: crossingRate, domainCrossingFraction: 0, domainSize: Int(domainARs),
            sessionRate: s.traffic.sessionRate, activeSessions: rho, anchorsInUse: 0, tunnelledFraction: 0,
            meanAnchorDistance: 0, refreshRate: 0)
        let l = s.links
        let links = SchemeContext.Links(
            wirelessBps: l.wireless.bandwidthBps, wirelessLatencyMs: l.wireless.latencyMs, wirelessLoss: l.wireless.loss,
            wiredBps: l.wired.bandwidthBps, wiredLatencyMsPerHop: l.wired.latencyMsPerHop,
            queueingMsPerHop: l.wired.queueingMsPerHop, l2HandoffMs: l.l2HandoffMs, raDelayMs: l.raDelayMs,
            dadMs: l.dadDelayMs)
        let f = s.failure
        let failures = SchemeContext.Failures(
            anchorMtbfH: f.anchorMtbfH, anchorMttrH: f.anchorMttrH, arMtbfH: f.arMtbfH, arMttrH: f.arMttrH,
            locationServerMtbfH: f.locationServerMtbfH, locationServerMttrH: f.locationServerMttrH,
            haHelloIntervalS: s.timers.haHelloIntervalS, haHelloMisses: s.timers.haHelloMisses)
        return SchemeContext(hops: hops, motion: motion, links: links, failures: failures, sizes: s.messages.sizes,
                             mnsPerAR: s.population.mnsPerAR, mnsPerHA: s.population.mnsPerHA)
    }
}

/// Messages and byte-hops of one event of one scheme as a linear function of the
/// simulated state: count = m0 + mA·(old anchors with live sessions) + mS·(active sessions);
/// byte-hops = b0 + bA·anchors + bD·(Σ anchors' grid steps) + bS·sessions.
struct EventCost: Sendable {
    var m0 = 0.0, mA = 0.0, mS = 0.0
    var b0 = 0.0, bA = 0.0, bD = 0.0, bS = 0.0

    init() {}

    /// Builds the cost of `messages` (a card's procedure for one event).
    init(_ messages: [SignalingMessage], model: any SchemeModel, context c: SchemeContext, scenario s: Scenario,
         domainARs: Double)
    {
        let ww = s.messages.wirelessWeight, wd = s.messages.wiredWeight
        for m in messages {
            let bytes = s.size(m.size)
            let touchesOldAnchor = m.from == .oldAnchor || m.to == .oldAnchor
            switch m.repeatRule {
            case .perActiveOldAnchor:
                // Per anchor: the fixed part at 0 steps, plus h_AA·D per step when the distance is the grid's.
                let at0 = RoleHops.hops(m.from, m.to, model: model, context: c, steps: 0)
                let at1 = RoleHops.hops(m.from, m.to, model: model, context: c, steps: 1)
                mA += 1
                bA += bytes * (ww * at0.wireless + wd * at0.wired)
                bD += bytes * wd * (at1.wired - at0.wired)
            default:
                // A single message to "the" old anchor goes to the AR just left: one grid step.
                let h = RoleHops.hops(m.from, m.to, model: model, context: c, steps: touchesOldAnchor ? 1 : 0)
                let perMessage = bytes * (ww * h.wireless + wd * h.wired)
                switch m.repeatRule {
                case .perCN: mS += 1; bS += perMessage
                case .perPeerHA:
                    let k = Double(max(0, c.hops.globalHACount - 1))
                    m0 += k; b0 += k * perMessage
                case .perMAGInDomain:
                    let k = max(0, domainARs - 1)
                    m0 += k; b0 += k * perMessage
                default: m0 += 1; b0 += perMessage
                }
            }
        }
    }

    @inline(__always) func messages(anchors: Double, sessions: Double) -> Double { m0 + mA * anchors + mS * sessions }
    @inline(__always) func byteHops(anchors: Double, steps: Double, sessions: Double) -> Double {
        b0 + bA * anchors + bD * steps + bS * sessions
    }
}
