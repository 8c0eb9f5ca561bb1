import Evaluation
import Foundation
import Schemes
import Stochastics

/// What `dmm sweep` evaluates at each grid point: the base scenario (from
/// --scenario and --set) with the point's values applied through
/// `Scenario.setting`, then `ClosedForm.evaluate` and/or `MonteCarlo.evaluate`
/// for the chosen cards. The Monte Carlo of a point runs on one thread with the
/// point's own seed: the sweep spreads points over --jobs, and a point's numbers
/// do not depend on which worker or shard computed it.
struct SweepModel: Sendable {
    let base: Scenario
    let cards: [SchemeCard]
    var method: EvaluateCommand.Method = .closedForm
    /// Simulated handoffs per point for the Monte Carlo.
    var samples: Int = SweepModel.defaultSamples

    /// Default simulated handoffs per sweep point: about a quarter of a second
    /// per point on one core in a release build (4 M handoffs/s over all
    /// schemes, `dmm bench-simulation`), so a 100-point sweep takes seconds.
    static let defaultSamples = 1_000_000

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

    /// Refuses, before anything is written, a Monte Carlo sweep with a point the
    /// simulator could not finish (`MonteCarlo.checkCost`), naming the point.
    func checkMonteCarloCost(_ grid: SweepGrid, indices: some Sequence<Int>) throws {
        guard method != .closedForm else { return }
        for index in indices {
            let point = grid.point(index)
            var scenario = base
            for (path, value) in point.assignments { scenario = try scenario.setting(path, to: value) }
            do { try MonteCarlo.checkCost(scenario: scenario) } catch let error as InvalidInput {
                throw SweepError(SweepPointError(point: point, underlying: error).description)
            }
        }
    }

    func evaluate(_ point: SweepPoint) throws -> [MetricEstimate] {
        var scenario = base
        for (path, value) in point.assignments { scenario = try scenario.setting(path, to: value) }
        var rows: [MetricEstimate] = []
        if method != .monteCarlo { rows += try ClosedForm.evaluate(scenario: scenario, schemes: cards) }
        if method != .closedForm {
            rows += try MonteCarlo.evaluate(scenario: scenario, schemes: cards, samples: samples, seed: point.seed, jobs: 1)
        }
        return rows
    }
}
