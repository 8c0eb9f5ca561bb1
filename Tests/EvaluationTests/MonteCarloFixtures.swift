import Evaluation
import Foundation
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
    /// The closed forms (issue 5's `ClosedForm.evaluate`) of one scheme for `scenario`.
    static func closedForms(_ s: Scenario, scheme id: String) throws -> [MetricEstimate] {
        try ClosedForm.evaluate(scenario: s, schemes: [card(id)])
    }
}
