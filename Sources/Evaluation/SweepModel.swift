import Schemes
import Stochastics

/// What `dmm sweep` evaluates at each grid point: the base scenario (from
/// --scenario and --set) with the point's values applied through
/// `Scenario.setting`, then `MetricEvaluation.run` for the chosen cards. The
/// Monte Carlo of a point runs on one thread with the point's own seed: the
/// sweep spreads points over --jobs, and a point's numbers do not depend on
/// which worker or shard computed it.
public struct SweepModel: Sendable {
    public let base: Scenario
    public let cards: [SchemeCard]
    public var method: MethodChoice
    /// Simulated handoffs per point for the Monte Carlo.
    public var samples: Int
    /// The metric ids kept (`dmm sweep --metrics`), nil for all.
    public var metrics: Set<String>?
    /// Each checked axis value read once (`check`): reading a setting's text (the path
    /// looked up, the number parsed) at every point was a twentieth of a closed-form point.
    private var settings: [String: [String: ScenarioSetting]] = [:]

    public init(base: Scenario, cards: [SchemeCard], method: MethodChoice = .closedForm,
                samples: Int = SweepModel.defaultSamples) {
        self.base = base
        self.cards = cards
        self.method = method
        self.samples = samples
    }

    /// Default simulated handoffs per sweep point: about 0.4 s per point on one
    /// core in a release build (2.4 M handoffs/s over all schemes, `dmm
    /// bench-simulation`), so a 100-point sweep takes a minute on one core.
    public static let defaultSamples = 1_000_000

    public var schemes: [String] { cards.map(\.id) }

    /// The full base scenario for the sidecar: every path with its value.
    public var scenarioJSON: [String: String] {
        Dictionary(uniqueKeysWithValues: base.parameterListing.map { ($0.path, $0.value) })
    }

    /// Refuses an axis with an unknown path or a value the path does not allow,
    /// before anything is written, and keeps its values read for `scenario(at:)`.
    public mutating func check(_ axis: SweepAxis) throws {
        var read: [String: ScenarioSetting] = settings[axis.path] ?? [:]
        for value in axis.values {
            do {
                let setting = try ScenarioSetting(path: axis.path, value: value)
                _ = try base.applying([setting])
                read[value] = setting
            } catch let error as InvalidInput {
                throw SweepError("--vary \(axis.path)=\(axis.spec): \(error)")
            }
        }
        settings[axis.path] = read
    }

    /// Refuses, before anything is written, a Monte Carlo sweep with a point the
    /// simulator could not finish (`MonteCarlo.checkCost`), naming the point.
    public func checkMonteCarloCost(_ grid: SweepGrid, indices: some Sequence<Int>) throws {
        guard method.includesMonteCarlo else { return }
        for index in indices {
            let point = grid.point(index)
            do { try MonteCarlo.checkCost(scenario: try scenario(at: point)) } catch let error as InvalidInput {
                throw SweepError(SweepPointError(point: point, underlying: error).description)
            }
        }
    }

    /// The base scenario with the point's assignments applied in axis order.
    public func scenario(at point: SweepPoint) throws -> Scenario {
        var scenario = base
        for (path, value) in point.assignments {
            if let setting = settings[path]?[value] {
                try setting.apply(to: &scenario)
            } else {
                scenario = try scenario.setting(path, to: value)
            }
        }
        return scenario
    }

    /// The point's rows scheme by scheme (closed form, then Monte Carlo: the tidy
    /// order, `EvaluationResult.rowsByScheme`), only `metrics` when set.
    public func evaluate(_ point: SweepPoint) throws -> [MetricEstimate] {
        try evaluateWithExactness(point).rows
    }

    /// `evaluate` and, per scheme, the metric ids whose closed form is an
    /// approximation at this point (`ClosedFormAccuracy`, as `dmm evaluate` says);
    /// empty without closed forms.
    public func evaluateWithExactness(_ point: SweepPoint) throws -> (rows: [MetricEstimate], approximations: [String: Set<String>]) {
        var request = EvaluationRequest(
            scenario: try scenario(at: point), cards: cards, method: method, samples: samples, seed: point.seed, jobs: 1)
        // The sweep writes no metric outside --metrics: the closed forms skip computing them.
        request.closedFormMetrics = metrics
        let result = try MetricEvaluation.run(request)
        var rows = result.rowsByScheme
        if let metrics { rows = rows.filter { metrics.contains($0.metric) } }
        return (rows, try result.approximations(metrics: metrics))
    }
}
