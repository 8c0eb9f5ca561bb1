import Mobility
import Schemes
import Stochastics

extension SchemeContext.Motion {
    /// Exactly the scenario values the closed-form motion quantities read:
    /// `init(closedFormFor:)` sees nothing else, so this is also, by
    /// construction, the key under which `MotionCache` may reuse them.
    public struct Inputs: Sendable, Hashable {
        /// The effective residence law (`Scenario.Derived.residence`: the
        /// crossing model, speed and cell size are in it).
        public let residence: ProbabilityLaw
        public let session: ProbabilityLaw
        /// Session arrivals per second.
        public let sessionRate: Double
        public let grid: GridKind
        public let domainSize: Int
        /// The binding lifetime in seconds when refreshes are counted, else nil.
        public let refreshLifetimeS: Double?
        /// Whether E[N_a], the tunnelled fraction and the anchor distance are computed.
        public let sessionAnchoring: Bool
        /// Whether the distinct live anchor ARs (`LiveAnchorARs`, what the busiest per-flow
        /// anchor's bindings read) are computed too: they cost more than the rest together
        /// (a quadrature over the current residence's age), so a selection of metrics
        /// without `anchor_bindings` skips them.
        public let liveAnchors: Bool
        /// Whether the live sessions' law of anchor distance (`SessionsAtHandoff.awayLaw`,
        /// `WalkDistanceLaw`) is built: only the handoff latency law's functionals read it
        /// (`HandoffLatencyLaw`: handover failure probability, packet loss), so a selection
        /// of metrics without them skips it; without it `awayLaw` is empty.
        public let distanceLaw: Bool

        public init(scenario s: Scenario, sessionAnchoring: Bool, liveAnchors: Bool = true,
                    distanceLaw: Bool = true) throws {
            residence = try s.derived().residence
            session = s.traffic.sessionDuration
            sessionRate = s.traffic.sessionRate
            grid = s.mobility.grid
            domainSize = s.mobility.domainSize
            refreshLifetimeS = s.timers.refresh ? s.timers.bindingLifetimeS : nil
            self.sessionAnchoring = sessionAnchoring
            self.liveAnchors = sessionAnchoring && liveAnchors
            self.distanceLaw = sessionAnchoring && distanceLaw
        }

        /// The inputs of `SessionAnchoring.walkAverages`, which does not read the
        /// session rate: a sweep over λ_s computes it once per pair of laws.
        struct Walk: Sendable, Hashable {
            let residence: ProbabilityLaw
            let session: ProbabilityLaw
            let grid: GridKind
        }

        var walk: Walk { Walk(residence: residence, session: session, grid: grid) }

        /// The inputs of `ResidenceQuantities`, which read neither the session law nor
        /// the session rate: a sweep over traffic computes them once per residence law.
        struct Residence: Sendable, Hashable {
            let residence: ProbabilityLaw
            let grid: GridKind
            let domainSize: Int
            let refreshLifetimeS: Double?
        }

        var residenceInputs: Residence {
            Residence(residence: residence, grid: grid, domainSize: domainSize, refreshLifetimeS: refreshLifetimeS)
        }
    }

    /// The motion quantities that depend on the residence law, the grid, the domain and
    /// the binding lifetime only (`Inputs.Residence`): p_d and the domain's ARs
    /// (`DomainCrossing`, 2.6), the refresh rate (`BindingRefresh`, 4), the domain refresh
    /// rate (`DomainRefresh`) and the mean wait for the next binding update
    /// (`BindingUpdateWait`), 0 (the wait: 1/η) where refreshes are not counted.
    struct ResidenceQuantities: Sendable {
        let domainCrossingFraction: Double
        let domainARs: Double
        let refreshRate: Double
        let domainRefreshRate: Double
        let nextUpdateWaitS: Double

        init(_ r: Inputs.Residence) throws {
            domainCrossingFraction = try DomainCrossing.fraction(grid: r.grid, domainSize: r.domainSize)
            domainARs = Double(try DomainCrossing.arCount(grid: r.grid, domainSize: r.domainSize))
            refreshRate = try r.refreshLifetimeS.map { try BindingRefresh.rate(residence: r.residence, lifetime: $0) } ?? 0
            domainRefreshRate = try r.refreshLifetimeS.map {
                try DomainRefresh.rate(residence: r.residence, grid: r.grid, domainSize: r.domainSize, lifetime: $0).rate
            } ?? 0
            nextUpdateWaitS = try BindingUpdateWait.mean(residence: r.residence, refreshLifetimeS: r.refreshLifetimeS)
        }
    }

    /// The mobility and session quantities of `scenario` from the Mobility closed
    /// forms: η = 1/E[X] (or the fluid-flow rate, 2.7, with the residence law
    /// rescaled to that mean); p_d from `DomainCrossing` (2.6, exact in the mean);
    /// E[N_a], the tunnelled fraction (time away from the session's first AR,
    /// Σ α(j) P(D_j ≠ 0)) and the packet-averaged anchor distance from
    /// `SessionAnchoring` (3.1-3.3; E[N_a] exact for exponential sessions or
    /// deterministic/gamma residence, approximate otherwise); the old anchors a per-flow
    /// handoff or refresh signals and the live sessions' anchors at a handoff
    /// (`anchorsInUseForSignaling`, 3.4); the refresh rate from `BindingRefresh` (4),
    /// the old anchors alive at the refresh instants (`anchorsInUseAtRefresh`) and
    /// the mean wait for the next binding update from `BindingUpdateWait` (exact).
    ///
    /// With `sessionAnchoring` false those three are left at 0 and not computed
    /// (for non-exponential sessions they take quadratures): pass false only when
    /// no scheme evaluated reads them (`ClosedForm` decides from models and cards).
    ///
    /// `walkAverages`, when given, stands for `SessionAnchoring.walkAverages()` of the
    /// scenario's effective residence law, session law and grid (`MotionCache` reuses
    /// it across scenarios that differ elsewhere, e.g. in the session rate).
    public init(closedFormFor s: Scenario, sessionAnchoring: Bool = true,
                walkAverages: ((SessionAnchoring) throws -> SessionAnchoring.WalkAverages)? = nil) throws {
        try self.init(closedFormFor: Inputs(scenario: s, sessionAnchoring: sessionAnchoring), walkAverages: walkAverages)
    }

    /// As `init(closedFormFor:sessionAnchoring:walkAverages:)`, from the inputs alone.
    public init(closedFormFor inputs: Inputs,
                walkAverages: ((SessionAnchoring) throws -> SessionAnchoring.WalkAverages)? = nil) throws {
        try self.init(closedFormFor: inputs, walkAverages: walkAverages, residenceQuantities: nil)
    }

    /// As above; `residenceQuantities`, when given, stands for `ResidenceQuantities(inputs.residenceInputs)`
    /// (`MotionCache` reuses them across scenarios that differ in the sessions only).
    init(closedFormFor inputs: Inputs,
         walkAverages: ((SessionAnchoring) throws -> SessionAnchoring.WalkAverages)?,
         residenceQuantities: ((Inputs.Residence) throws -> ResidenceQuantities)?) throws {
        let residence = inputs.residence, grid = inputs.grid
        let anchoring = SessionAnchoring(
            residence: residence, session: inputs.session, sessionRate: inputs.sessionRate, grid: grid)
        // Time away from the first AR and the anchor distance come from one α(j) series.
        let walk = inputs.sessionAnchoring ? try (walkAverages?(anchoring) ?? anchoring.walkAverages()) : nil
        // E[N_a] at handoffs and refreshes and the per-flow old anchors share their per-residence values.
        // E[N_a] at a refresh residence by residence: per-flow refresh signaling counts
        // `oldAnchorsAtRefresh`, set whenever this is (`SignalingCost.count` falls back on
        // `anchorsInUseAtRefresh` only without it, when both are 0), so no closed form reads it
        // and it need not cost a quadrature per refresh instant.
        let anchors = inputs.sessionAnchoring ? try anchoring.anchorsInUseEverywhere(
            lifetime: inputs.refreshLifetimeS, distanceLaw: inputs.distanceLaw, perResidenceAtRefresh: true) : nil
        let r = inputs.residenceInputs
        let q = try residenceQuantities?(r) ?? ResidenceQuantities(r)
        self.init(
            crossingRate: 1 / residence.mean,
            domainCrossingFraction: q.domainCrossingFraction,
            domainARs: q.domainARs,
            sessionRate: inputs.sessionRate,
            activeSessions: anchoring.rho,
            anchorsInUse: anchors?.atHandoff ?? 0,
            tunnelledFraction: walk?.awayFraction ?? 0,
            meanAnchorDistance: walk?.meanDistanceSteps ?? 0,
            refreshRate: q.refreshRate,
            anchorsInUseAtRefresh: anchors?.atRefresh ?? 0,
            domainRefreshRate: q.domainRefreshRate,
            nextUpdateWaitS: q.nextUpdateWaitS)
        if let v = anchors?.signaling {
            func old(_ p: (anchors: Double, steps: Double)) -> SchemeContext.Motion.OldAnchors {
                .init(anchors: p.anchors, stepsPerAnchor: p.anchors > 0 ? Swift.max(1, p.steps / p.anchors) : 1)
            }
            oldAnchorsAtHandoff = old(v.handoff)
            oldAnchorsAtRefresh = v.refresh.map(old)
            sessionsAtHandoff = .init(
                atAnchorFraction: v.sessions.atAnchorFraction, awaySteps: v.sessions.awaySteps, awayLaw: v.sessions.awayLaw)
            if inputs.liveAnchors {
                liveAnchorARs = try LiveAnchorARs(anchoring).mean()
            }
        }
    }
}
