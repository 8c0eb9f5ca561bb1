import Schemes

/// One evaluation: a scenario, the schemes, the method and, for the Monte
/// Carlo, its size, seed and worker threads. `MetricEvaluation.run` turns it
/// into an `EvaluationResult`.
public struct EvaluationRequest: Sendable {
    public var scenario: Scenario
    public var cards: [SchemeCard]
    public var method: MethodChoice
    /// Simulated handoffs of the Monte Carlo (`MonteCarlo.minimumSamples...maximumSamples`).
    public var samples: Int
    /// Seed of the Monte Carlo run: same seed, same numbers, whatever `jobs`.
    public var seed: UInt64
    /// Worker threads of the Monte Carlo.
    public var jobs: Int
    /// The closed-form metric ids to compute (`ClosedForm.evaluate`'s `metrics`), nil for all.
    public var closedFormMetrics: Set<String>? = nil

    public init(scenario: Scenario, cards: [SchemeCard], method: MethodChoice = .closedForm,
                samples: Int = MonteCarlo.minimumSamples, seed: UInt64 = 1, jobs: Int = 1) {
        self.scenario = scenario
        self.cards = cards
        self.method = method
        self.samples = samples
        self.seed = seed
        self.jobs = jobs
    }
}
