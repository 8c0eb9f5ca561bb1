import Evaluation
import Foundation
import Mobility
import Schemes
import Stochastics

/// Shared inputs of the Monte Carlo tests: the eleven cards and small scenarios.
enum MonteCarloFixtures {
    static let cards: [SchemeCard] = {
        let dir = try! ModelsLocator.schemesDirectory()
        let catalog = try! SchemeCatalog.load(directory: dir)
        return SchemeCatalog.canonicalOrder.compactMap { catalog.card(id: $0) }
    }()

    static func card(_ id: String) -> SchemeCard { cards.first { $0.id == id }! }

    /// Default scenario with a square domain of side 3 (9 ARs).
    static var scenario: Scenario {
        var s = Scenario.default
        s.mobility.domainSize = 3
        return s
    }

    static func find(_ rows: [MetricEstimate], _ scheme: String, _ metric: String) -> MetricEstimate? {
        rows.first { $0.scheme == scheme && $0.metric == metric }
    }
}

extension MonteCarloFixtures {
    /// The closed forms (issue 5's `SchemeMetrics`) for `scenario`, with the motion
    /// quantities from the Mobility closed forms (exponential laws: all exact).
    static func closedForms(_ s: Scenario, scheme id: String) throws -> [MetricEstimate] {
        let grid = GridKind(rawValue: s.mobility.grid)!
        let anchoring = SessionAnchoring(residence: s.mobility.residence, session: s.traffic.sessionDuration,
                                         sessionRate: s.traffic.sessionRate, grid: grid)
        let motion = SchemeContext.Motion(
            crossingRate: 1 / s.mobility.residence.mean,
            domainCrossingFraction: DomainCrossing.fraction(grid: grid, domainSize: s.mobility.domainSize),
            domainARs: Double(DomainCrossing.arCount(grid: grid, domainSize: s.mobility.domainSize)),
            sessionRate: s.traffic.sessionRate, activeSessions: anchoring.rho,
            anchorsInUse: try anchoring.anchorsInUseAtHandoff(), tunnelledFraction: try anchoring.tunnelledFraction(),
            meanAnchorDistance: try anchoring.meanAnchorDistanceSteps(),
            refreshRate: s.timers.refresh ? BindingRefresh.rate(residence: s.mobility.residence, lifetime: s.timers.bindingLifetimeS) : 0)
        let c = SchemeContext(scenario: s, motion: motion)
        let card = card(id)
        let procedures = card.procedures.mapValues { $0.map { SignalingStep(from: $0.from, to: $0.to, size: $0.size, repeatRule: $0.repeatRule) } }
        return try SchemeMetrics.evaluate(
            scheme: id, model: SchemeModels.model(for: id)!, procedures: procedures, context: c, scenario: s,
            sessionLaplace: { try s.traffic.sessionDuration.laplace($0) })
    }
}
