import ArgumentParser
import Evaluation
import Foundation
import Reports
import Schemes
import Stochastics

/// `dmm sweep`: a grid of scenarios to tidy CSV, in parallel, shardable, resumable.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Evaluate a grid of scenarios into a tidy CSV (parallel, shardable, resumable).",
        discussion: """
            The grid is the cartesian product of the --vary axes; the first --vary varies
            slowest. SPEC is one of:
              a,b,c                  a list (numbers or words)
              A;B;C                  a list whose values hold commas, e.g. law specs;
                                     a single law: gamma:shape=2,mean=60;
              START:STOP:COUNT       COUNT evenly spaced numbers, ends included
              START:STOP:COUNT:log   COUNT numbers evenly spaced in log scale
            Output: one row per estimate with one column per varied path, then
            scheme,metric,unit,method,estimate,ci_low,ci_high,samples, and a sidecar
            <output>.meta.json (version, git commit, scenario, spec, seed, command line).
            Rows are written as points finish, in grid order; a killed run keeps whole
            rows and --resume completes it. Point i belongs to shard (i mod N) + 1.
            Each point's seed comes from --seed and the point alone, so results do not
            depend on --jobs, --shard or order.

            Examples:
              dmm sweep --vary mobility.residence.mean=10:600:30:log --output cost.csv
              dmm sweep --vary links.wireless.loss=0:0.2:11 \\
                  --vary topology.global_ha_count=1,2,4 \\
                  --schemes mipv6,pmipv6,fama --jobs 2 --output loss.csv
              dmm sweep --output law.csv --vary \\
                  traffic.session_duration='exponential:mean=60;gamma:shape=2,mean=60'
              dmm sweep --vary traffic.session_rate=0.001:0.1:400:log \\
                  --shard 3/8 --output part-3.csv
              dmm sweep ... --output part-3.csv --resume
              dmm merge part-*.csv --output all.csv
            """
    )

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(name: .customLong("vary"), help: "PATH=SPEC: a varied parameter (repeatable; see SPEC above).")
    var vary: [String] = []

    @Option(help: "Comma-separated scheme ids (default: all).")
    var schemes: String?

    @Option(help: "closed-form, monte-carlo or both.")
    var method: EvaluateCommand.Method = .closedForm

    @Option(help: "Models directory holding schemes/ and scenarios/ (default: $DMM_MODELS, else the shipped Models).")
    var models: String?

    @Option(help: "The CSV to write; its sidecar is <output>.meta.json.")
    var output: String

    @Option(parsing: .unconditional, help: "Worker threads (1...1024; default: the number of cores). The output does not depend on it.")
    var jobs: Int = ProcessorAffinity.availableCPUCount

    @Option(help: "K/N: compute only the points i with i mod N = K-1.")
    var shard: String?

    @Flag(help: "Complete an interrupted --output of the same sweep instead of starting over.")
    var resume = false

    @Flag(help: "Show progress on stderr even when it is not a terminal.")
    var progress = false

    @Option(parsing: .unconditional, help: "Run seed (an integer 0...18446744073709551615); each point's seed is mixed from it and the point's coordinates.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Monte Carlo: simulated handoffs per point, 8192...1000000000000 (default \(SweepModel.defaultSamples)).")
    var samples: Int?

    @Flag(help: "Print the throughput (scenario-scheme points per second) on stderr at the end.")
    var bench = false

    mutating func validate() throws {
        guard (1...1024).contains(jobs) else { throw ValidationError("--jobs \(jobs) is out of range; allowed: 1...1024") }
        guard !vary.isEmpty else { throw ValidationError("give at least one --vary PATH=SPEC, e.g. --vary mobility.residence.mean=10:600:30:log") }
        if let samples, !(MonteCarlo.minimumSamples...MonteCarlo.maximumSamples).contains(samples) {
            throw ValidationError(MonteCarloError.samples(samples).description)
        }
    }

    func run() throws {
        let shard = try self.shard.map(SweepShard.parse) ?? .whole
        let axes = try vary.map(SweepAxis.parse)
        let grid = try SweepGrid(axes: axes, seed: seed)
        let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
        let model = SweepModel(
            base: try scenarioOptions.load(models: models), cards: try EvaluateCommand.select(schemes, from: catalog),
            method: method, samples: samples ?? SweepModel.defaultSamples)
        for axis in axes { try model.check(axis) }
        try model.checkMonteCarloCost(grid, indices: shard.indices(in: grid.count))
        var options = ["scenario_name": scenarioOptions.scenario, "schemes": model.schemes.joined(separator: ","), "method": method.rawValue]
        if method != .closedForm { options["samples"] = String(model.samples) }
        let metadata = SweepMetadata(
            version: DMM.version, gitCommit: Self.gitCommit(), commandLine: CommandLine.arguments,
            scenario: model.scenarioJSON, axes: axes, seed: seed, options: options, shard: shard, points: grid.count)
        let job = SweepJob(grid: grid, metadata: metadata, output: output, resume: resume, jobs: jobs)
        let display = (progress || Diagnostics.stderrIsTerminal) ? SweepProgress() : nil
        let summary = try job.run(evaluate: { try model.evaluate($0) }, progress: display.map { p in { p.update(done: $0, total: $1) } })
        display?.finish()
        if bench {
            let pairs = summary.computedPoints * model.schemes.count
            Diagnostics.note(String(
                format: "bench: %d points x %d schemes = %d scenario-scheme points, %d rows, %.3f s, %.0f scenario-scheme points/s (jobs %d)",
                summary.computedPoints, model.schemes.count, pairs, summary.estimates, summary.seconds,
                summary.seconds > 0 ? Double(pairs) / summary.seconds : 0, jobs))
        }
    }

    /// The commit of the checkout this `dmm` was built in (the executable sits
    /// in its .build), nil when it is not in a git work tree.
    static func gitCommit() -> String? {
        guard let executable = Bundle.main.executableURL else { return nil }
        let directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path, "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count == 40 ? text : nil
    }
}
