import Mobility
import Schemes
import Stochastics

extension SchemeContext.Motion {
    /// The mobility and session quantities of `scenario` from the Mobility closed
    /// forms: η = 1/E[X] (or the fluid-flow rate, 2.7, with the residence law
    /// rescaled to that mean); p_d from `DomainCrossing` (2.6, exact in the mean);
    /// E[N_a], the tunnelled fraction (time away from the session's first AR,
    /// Σ α(j) P(D_j ≠ 0)) and the packet-averaged anchor distance from
    /// `SessionAnchoring` (3.1-3.3; E[N_a] exact for exponential residence and
    /// sessions, mean-matched otherwise); the refresh rate from `BindingRefresh` (4).
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
        guard let grid = GridKind(rawValue: s.mobility.grid) else {
            throw ScenarioError("scenario parameter 'mobility.grid' = '\(s.mobility.grid)' is not allowed; allowed: square, hexagonal")
        }
        let residence = try s.effectiveResidence()
        let anchoring = SessionAnchoring(
            residence: residence, session: s.traffic.sessionDuration, sessionRate: s.traffic.sessionRate, grid: grid)
        // Time away from the first AR and the anchor distance come from one α(j) series.
        let walk = sessionAnchoring ? try (walkAverages?(anchoring) ?? anchoring.walkAverages()) : nil
        self.init(
            crossingRate: 1 / residence.mean,
            domainCrossingFraction: try DomainCrossing.fraction(grid: grid, domainSize: s.mobility.domainSize),
            domainARs: Double(try DomainCrossing.arCount(grid: grid, domainSize: s.mobility.domainSize)),
            sessionRate: s.traffic.sessionRate,
            activeSessions: anchoring.rho,
            anchorsInUse: sessionAnchoring ? try anchoring.anchorsInUseAtHandoff() : 0,
            tunnelledFraction: walk?.awayFraction ?? 0,
            meanAnchorDistance: walk?.meanDistanceSteps ?? 0,
            refreshRate: s.timers.refresh ? try BindingRefresh.rate(residence: residence, lifetime: s.timers.bindingLifetimeS) : 0)
    }
}

extension Scenario {
    /// The residence law the metrics use: `mobility.residence`, or with
    /// `crossing_model: fluid_flow` the same shape rescaled to the fluid-flow
    /// mean residence 1/η = πS/(vL) (analytic-models.md 2.7).
    public func effectiveResidence() throws -> ProbabilityLaw {
        guard mobility.crossingModel == "fluid_flow" else { return mobility.residence }
        guard let shape = FluidFlow.CellShape(rawValue: mobility.cellShape) else {
            throw ScenarioError("scenario parameter 'mobility.cell_shape' = '\(mobility.cellShape)' is not allowed; allowed: circle, square, hexagon")
        }
        return try mobility.residence.withMean(
            FluidFlow.meanResidence(speed: mobility.speedMps, cellSize: mobility.cellSizeM, shape: shape))
    }
}
