import Schemes

/// The one entry point that evaluates metrics for a request: `ClosedForm.evaluate`
/// and/or `MonteCarlo.evaluate` by the request's method. Commands, sweeps and
/// reports call this instead of choosing between the two themselves.
public enum MetricEvaluation {
    /// - Parameter progress: called by the Monte Carlo after each replication
    ///   (done, total); the closed form reports none.
    /// - Throws: `EvaluationError` from the closed form, `MonteCarloError` and
    ///   `EvaluationError` from the simulator.
    public static func run(_ request: EvaluationRequest, progress: ((Int, Int) -> Void)? = nil) throws -> EvaluationResult {
        var rows: [MetricEstimate] = []
        if request.method.includesClosedForm {
            // The model variances only serve the comparison with a Monte Carlo (`BugSignal`).
            rows += try ClosedForm.evaluate(
                scenario: request.scenario, schemes: request.cards, unitVariances: request.method.includesMonteCarlo)
        }
        if request.method.includesMonteCarlo {
            rows += try MonteCarlo.evaluate(
                scenario: request.scenario, schemes: request.cards, samples: request.samples, seed: request.seed,
                jobs: request.jobs, progress: progress)
        }
        return EvaluationResult(request: request, rows: rows)
    }

    /// Times `count` closed-form evaluations of distinct scenarios (the session rate
    /// varied by a relative 1e-6 per point through `Scenario.setting`, as a sweep
    /// does, so every point recomputes its mobility quantities) on one core.
    /// - Returns: the scenario-scheme points, the metric rows and the wall seconds.
    public static func benchmarkClosedForm(_ base: Scenario, cards: [SchemeCard], count: Int) throws
        -> (points: Int, rows: Int, seconds: Double)
    {
        let rate = base.traffic.sessionRate
        var rows = 0
        let clock = ContinuousClock()
        let start = clock.now
        for i in 0..<count {
            let s = try base.setting("traffic.session_rate", to: "\(rate * (1 + Double(i) * 1e-6))")
            rows += try ClosedForm.evaluate(scenario: s, schemes: cards).count
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (count * cards.count, rows, seconds)
    }
}
