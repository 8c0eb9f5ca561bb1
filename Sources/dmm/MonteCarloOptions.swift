import ArgumentParser
import Evaluation
import Foundation
import Schemes
import Stochastics

/// `--samples`, `--seed`, `--jobs`, `--progress`: the Monte Carlo options shared by
/// `dmm evaluate` and `dmm table --extended`.
struct MonteCarloOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Monte Carlo: simulated handoffs (8192...1000000000000: two replications of 4096 at least).")
    var samples: Int = MonteCarloOptions.defaultSamples

    @Option(parsing: .unconditional, help: "Monte Carlo: seed of the run, an integer 0...18446744073709551615 (same seed, same output, whatever --jobs).")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Monte Carlo: worker threads (1...1024); default: the number of cores.")
    var jobs: Int = ProcessorAffinity.availableCPUCount

    @Flag(help: "Show Monte Carlo progress on standard error even when it is not a terminal.")
    var progress = false

    @Flag(help: "Run even when the estimated work is beyond the cost limit (10 minutes of CPU).")
    var force = false

    /// Default simulated handoffs: about 2 s over all eleven schemes in a release
    /// build on two idle cores (8 M handoffs/s, `dmm bench-simulation`), and
    /// intervals narrow enough to separate most approximations from their closed form.
    static let defaultSamples = 16_000_000

    func validate() throws {
        guard (MonteCarlo.minimumSamples...MonteCarlo.maximumSamples).contains(samples) else {
            throw ValidationError(MonteCarloError.samples(samples).description)
        }
        guard (1...1024).contains(jobs) else {
            throw ValidationError("--jobs \(jobs) is out of range; allowed: 1...1024")
        }
    }

    /// The Monte Carlo rows, with progress on stderr when it is a terminal or --progress is given.
    func simulate(_ scenario: Scenario, cards: [SchemeCard]) throws -> [MetricEstimate] {
        try CostGuard.checkMonteCarlo(scenario, samples: samples, schemes: cards.count, force: force)
        let reporter = progress || Diagnostics.stderrIsTerminal
            ? MobilityProgress(label: "monte-carlo", chunks: MonteCarlo.replications(samples: samples)) : nil
        return try MonteCarlo.evaluate(
            scenario: scenario, schemes: cards, samples: samples, seed: seed, jobs: jobs,
            progress: reporter.map { r in { _, _ in r.step() } })
    }
}
