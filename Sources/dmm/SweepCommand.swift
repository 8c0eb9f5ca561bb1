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
            The grid is the cartesian product of the --vary axes; the first --vary varies \
            slowest. SPEC is one of:
              a,b,c                  a list (numbers or words)
              A;B;C                  a list whose values hold commas, e.g. law specs;
                                     a single law: gamma:shape=2,mean=60;
              START:STOP:COUNT       COUNT evenly spaced numbers, ends included
              START:STOP:COUNT:log   COUNT numbers evenly spaced in log scale
            Output: one row per estimate with one column per varied path, then \
            scheme,metric,unit,method,estimate; with Monte Carlo rows also \
            ci_low,ci_high,samples (replications) and, when latency percentiles are \
            kept, handoffs; with closed-form rows also exactness (exact or \
            approximate). Numeric values are written with a decimal point ("5.0"). \
            Column reference: docs/DATA.md. A sidecar <output>.meta.json records \
            version, git commit, scenario, spec, seed and command line. \
            --metrics and --schemes keep only the rows wanted. \
            Rows are written as points finish, in grid order; a killed run keeps whole \
            rows and --resume completes it. Point i belongs to shard (i mod N) + 1. \
            Each point's seed comes from --seed and the point alone, so results do not \
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

    @OptionGroup var schemeOptions: SchemesOption

    @Option(help: ArgumentHelp("Comma-separated metric ids to keep (default: every metric); see dmm evaluate --help.", valueName: "IDS"))
    var metrics: String?

    @OptionGroup var methodOption: MethodOption
    @OptionGroup var modelsOption: ModelsOption

    @Option(help: "The CSV to write; its sidecar is <output>.meta.json.")
    var output: String

    @OptionGroup var jobsOption: JobsOption

    @Option(help: "K/N: compute only the points i with i mod N = K-1.")
    var shard: String?

    @Flag(help: "Complete an interrupted --output of the same sweep instead of starting over.")
    var resume = false

    @Flag(help: "Show progress on stderr even when it is not a terminal.")
    var progress = false

    @OptionGroup var seedOption: SeedOption

    @Option(parsing: .unconditional, help: "Monte Carlo: simulated handoffs per point, 8192...1000000000000 (default \(SweepModel.defaultSamples)).")
    var samples: Int?

    @Flag(help: "Accept a sidecar of another commit or of a dirty build on --resume, and a sweep beyond the cost limits.")
    var force = false

    @Flag(help: "Print the throughput (scenario-scheme points per second) on stderr at the end.")
    var bench = false

    mutating func validate() throws {
        guard !vary.isEmpty else { throw ValidationError("give at least one --vary PATH=SPEC, e.g. --vary mobility.residence.mean=10:600:30:log") }
        if let samples, !(MonteCarlo.minimumSamples...MonteCarlo.maximumSamples).contains(samples) {
            throw ValidationError(MonteCarloError.samples(samples).description)
        }
    }

    var method: MethodChoice { methodOption.method }
    var jobs: Int { jobsOption.jobs }
    var seed: UInt64 { seedOption.seed }
    var models: String? { modelsOption.models }

    func run() throws {
        let shard = try self.shard.map(SweepShard.parse) ?? .whole
        let axes = try vary.map(SweepAxis.parse)
        let grid = try SweepGrid(axes: axes, seed: seed)
        let catalog = try modelsOption.catalog()
        var model = SweepModel(
            base: try scenarioOptions.load(models: models), cards: try catalog.select(schemeOptions.schemes),
            method: method, samples: samples ?? SweepModel.defaultSamples)
        if let metrics {
            model.metrics = Set(try MetricListOption.parse([metrics], option: "--metrics").map(\.id))
        }
        for axis in axes { try model.check(axis) }
        try model.checkMonteCarloCost(grid, indices: shard.indices(in: grid.count))
        try checkCost(model, grid: grid, shard: shard)
        var options = ["scenario_name": scenarioOptions.scenario, "schemes": model.schemes.joined(separator: ","), "method": method.rawValue]
        if method != .closedForm { options["samples"] = String(model.samples) }
        if let kept = model.metrics {
            // Catalogue order, so the same metrics in any order make the same sweep.
            let order = Metric.allCases.flatMap { m in [m.id] + (m.isPerElement ? ElementKind.allCases.map { "\(m.id).\($0.rawValue)" } : []) }
            options["metrics"] = order.filter(kept.contains).joined(separator: ",")
        }
        let metadata = SweepMetadata(
            build: BuildInfo.current,
            cardHashes: try Self.cardHashes(model.schemes, directory: ModelsLocator.schemesDirectory(explicit: models)),
            commandLine: CommandLine.arguments,
            scenario: model.scenarioJSON, axes: axes, seed: seed, options: options, shard: shard, points: grid.count)
        var job = SweepJob(grid: grid, metadata: metadata, output: output, resume: resume, jobs: jobs)
        job.inputs = [scenarioOptions.scenario]
        job.force = force
        job.afterStep = Self.testHook()
        let display = (progress || Diagnostics.stderrIsTerminal) ? SweepProgress() : nil
        let evaluator = model
        let summary = try job.run(
            evaluatePoint: { point in
                let (rows, approximations) = try evaluator.evaluateWithExactness(point)
                return SweepJob.PointRows(rows: rows, approximations: approximations)
            }, progress: display.map { p in { p.update(done: $0, total: $1) } })
        display?.finish()
        if bench {
            let pairs = summary.computedPoints * model.schemes.count
            Diagnostics.note(String(
                format: "bench: %d points x %d schemes = %d scenario-scheme points, %d rows, %.3f s, %.0f scenario-scheme points/s (jobs %d)",
                summary.computedPoints, model.schemes.count, pairs, summary.estimates, summary.seconds,
                summary.seconds > 0 ? Double(pairs) / summary.seconds : 0, jobs))
        }
    }

    /// Refuses, unless --force, a shard whose estimated CPU time is beyond
    /// `CostGuard.limitS` or whose estimated CSV (the first point's rows,
    /// formatted, times the points) does not fit the free space of --output's
    /// file system.
    func checkCost(_ model: SweepModel, grid: SweepGrid, shard: SweepShard) throws {
        let points = Double(grid.count >= shard.k ? (grid.count - shard.k) / shard.n + 1 : 0)
        guard points > 0, !force else { return }
        var seconds = 0.0
        if method.includesClosedForm { seconds += points * Double(model.schemes.count) / CostGuard.closedFormPairsPerS }
        if method.includesMonteCarlo {
            seconds += points * (try CostGuard.monteCarloSeconds(model.base, samples: model.samples, schemes: model.schemes.count)).seconds
        }
        let lower = "use fewer --vary values, a --shard K/N per machine, fewer --schemes\(method == .closedForm ? "" : " or a lower --samples")"
        try CostGuard.check(seconds: seconds, what: "this sweep (\(Int(points)) points x \(model.schemes.count) schemes)", lower: lower, force: false)
        var closed = model
        closed.method = .closedForm
        let first = grid.point(shard.k - 1)
        guard let rows = try? closed.evaluate(first),
            let text = try? SweepCSV.rows(
                values: first.assignments.map(\.value), estimates: rows, layout: TidyLayout(method: .closedForm)),
            let free = CostGuard.freeBytes(near: output)
        else { return }
        let bytes = Double(text.utf8.count) * points * (method == .both ? 2.2 : method == .monteCarlo ? 1.2 : 1)
        if bytes > free {
            throw CostGuard.TooCostly(message: String(
                format: "this sweep would write about %.3g GB to '%@' but its file system has %.3g GB free; free space, write elsewhere, split it with --shard K/N, or give --force",
                bytes / 1e9, output, free / 1e9))
        }
    }

    /// SHA-256 of each chosen card's file, so that shards computed with an
    /// edited card are refused by merge and resume.
    static func cardHashes(_ ids: [String], directory: URL) throws -> [String: String] {
        var hashes: [String: String] = [:]
        for id in ids {
            let path = directory.appendingPathComponent(id + ".yaml").path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandInputError("cannot read scheme card '\(path)' to record its hash")
            }
            var h = SHA256()
            data.withUnsafeBytes { h.update($0) }
            hashes[id] = h.hexDigest()
        }
        return hashes
    }

    /// `DMM_TEST_SWEEP_HOOK=abort:K` ends the process (as a kill would: no
    /// cleanup) right after step K of `SweepJob`; `stall:K` sleeps there for
    /// 60 s holding the lock. For the kill-at-every-step and concurrent-writer
    /// tests only.
    static func testHook() -> ((Int) -> Void)? {
        guard let spec = ProcessInfo.processInfo.environment["DMM_TEST_SWEEP_HOOK"] else { return nil }
        let parts = spec.split(separator: ":")
        guard parts.count == 2, let k = Int(parts[1]) else { return nil }
        let abort = parts[0] == "abort"
        return { step in
            guard step == k else { return }
            if abort { _exit(137) }
            sleep(60)
        }
    }
}
