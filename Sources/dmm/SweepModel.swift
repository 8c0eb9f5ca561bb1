import Evaluation
import Foundation
import Schemes
import Stochastics

/// What `dmm sweep` evaluates at each grid point: the base scenario (from
/// --scenario and --set) with the point's values applied through
/// `Scenario.setting`, then `ClosedForm.evaluate` for the chosen cards.
struct SweepModel: Sendable {
    let base: Scenario
    let cards: [SchemeCard]

    var schemes: [String] { cards.map(\.id) }

    /// The full base scenario for the sidecar: every path with its value.
    var scenarioJSON: [String: String] {
        Dictionary(uniqueKeysWithValues: base.parameterListing.map { ($0.path, $0.value) })
    }

    /// Refuses an axis with an unknown path or a value the path does not allow,
    /// before anything is written.
    func check(_ axis: SweepAxis) throws {
        for value in axis.values {
            do { _ = try base.setting(axis.path, to: value) } catch let error as InvalidInput {
                throw SweepError("--vary \(axis.path)=\(axis.spec): \(error)")
            }
        }
    }

    func evaluate(_ point: SweepPoint) throws -> [MetricEstimate] {
        var scenario = base
        for (path, value) in point.assignments { scenario = try scenario.setting(path, to: value) }
        return try ClosedForm.evaluate(scenario: scenario, schemes: cards)
    }
}
