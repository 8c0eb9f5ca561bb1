import ArgumentParser
import Evaluation
import Foundation
import Schemes
import Stochastics

/// `--samples`, `--seed`, `--jobs`, `--progress`, `--force`: the Monte Carlo options
/// shared by `dmm evaluate` and `dmm table --extended`.
struct MonteCarloOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Monte Carlo: simulated handoffs (8192...1000000000000: two replications of 4096 at least).")
    var samples: Int = MonteCarloOptions.defaultSamples

    @OptionGroup var seedOption: SeedOption
    @OptionGroup var jobsOption: JobsOption

    @Flag(help: "Show Monte Carlo progress on standard error even when it is not a terminal.")
    var progress = false

    @Flag(help: "Run even when the estimated work is beyond the cost limit (10 minutes of CPU).")
    var force = false

    /// Default simulated handoffs: about 3.5 s over all schemes in a release
    /// build on two idle cores (4.7 M handoffs/s, `dmm bench-simulation`), and
    /// intervals narrow enough to separate most approximations from their closed form.
    static let defaultSamples = 16_000_000

    var seed: UInt64 { seedOption.seed }
    var jobs: Int { jobsOption.jobs }

    func validate() throws {
        guard (MonteCarlo.minimumSamples...MonteCarlo.maximumSamples).contains(samples) else {
            throw ValidationError(MonteCarloError.samples(samples).description)
        }
    }

    /// The request these options describe.
    func request(_ scenario: Scenario, cards: [SchemeCard], method: MethodChoice) -> EvaluationRequest {
        EvaluationRequest(scenario: scenario, cards: cards, method: method, samples: samples, seed: seed, jobs: jobs)
    }

    /// `MetricEvaluation.run`, after the cost guard when it simulates, with progress
    /// on stderr when it is a terminal or --progress is given.
    func evaluate(_ request: EvaluationRequest) throws -> EvaluationResult {
        guard request.method.includesMonteCarlo else { return try MetricEvaluation.run(request) }
        try CostGuard.checkMonteCarlo(request.scenario, samples: samples, schemes: request.cards.count, force: force)
        let reporter = progress || Diagnostics.stderrIsTerminal
            ? MobilityProgress(label: "monte-carlo", chunks: MonteCarlo.replications(samples: samples), unit: "replications") : nil
        return try MetricEvaluation.run(request, progress: reporter.map { r in { done, _ in r.show(done: done) } })
    }
}
