import ArgumentParser
import Dispatch
import Reports
import Evaluation
import Foundation
import Schemes
import Stochastics

/// `dmm bench-simulation`: speed of the Monte Carlo simulator (release builds).
struct SimulationBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-simulation",
        abstract: "Time the Monte Carlo simulator: simulated handoffs and sessions per second, --jobs 1 and 2.",
        discussion: """
            Runs `dmm evaluate --method monte-carlo` on the default scenario over all \
            schemes of the catalogue (one trajectory, every scheme counted on it) with --jobs 1 \
            and 2, --repeats times each, and prints per run: wall and CPU seconds, \
            simulated handoffs/s, scheme-handoffs/s (handoffs x schemes), sessions/s, \
            and the 1-minute load average read before the run. speedup_jobs2 is \
            best jobs-1 wall time over best jobs-2 wall time; cpu_ratio_jobs2 is the \
            CPU time of jobs 2 over jobs 1 (1.00 = no parallel overhead: the wall \
            speedup then reaches 2 when nothing else runs on the two cores). The \
            variate fraction times drawing the run's variates alone (residences, \
            directions, air retransmissions, RA delays, probes, session arrivals, \
            durations and flags) against the jobs-1 run; variate_bound_handoffs_per_s \
            is that pass's rate (CPU time) and bound_ratio_jobs1 the jobs-1 run's CPU \
            time over it (the simulator's distance from its random-variate bound; \
            CPU-time figures stay meaningful on a loaded machine, wall ones do not). \
            Build with `swift build -c release` first.

            Examples:
              .build/release/dmm bench-simulation
              .build/release/dmm bench-simulation --samples 8000000 --repeats 5
            """)

    @Option(parsing: .unconditional, help: "Simulated handoffs per run (8192...1000000000000: two replications of 4096 at least).")
    var samples = 4_000_000

    @Option(parsing: .unconditional, help: "Runs per --jobs value (1...100); the best is kept.")
    var repeats = 3

    func validate() throws {
        guard (MonteCarlo.minimumSamples...MonteCarlo.maximumSamples).contains(samples) else {
            throw ValidationError(MonteCarloError.samples(samples).description)
        }
        guard (1...100).contains(repeats) else { throw ValidationError("--repeats \(repeats) is out of range; allowed: 1...100") }
    }

    /// CPU time of the whole process (all threads), s.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The 1-minute load average (/proc/loadavg), or "-" where there is none.
    static func load() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "-"
    }

    @Flag(help: "Run even when the estimated time is beyond the cost limit (10 minutes of CPU).")
    var force = false

    func run() throws {
        // Each repeat runs --jobs 1 and 2 over all schemes, plus one variate pass.
        let s0 = try ScenarioLibrary.load("default")
        let (one, _) = try CostGuard.monteCarloSeconds(s0, samples: samples, schemes: 11)
        try CostGuard.check(
            seconds: one * Double(2 * repeats + 1), what: "dmm bench-simulation (\(samples) handoffs x \(2 * repeats) runs)",
            lower: "lower --samples or --repeats", force: force)
        let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory())
        let cards = SchemeCatalog.canonicalOrder.compactMap { catalog.card(id: $0) }
        let s = try ScenarioLibrary.load("default")
        let n = Double(samples), schemes = Double(cards.count)
        let sessionsPerHandoff = s.traffic.sessionRate * s.mobility.residence.mean
        try Self.line("jobs,load_1min,wall_s,cpu_s,handoffs_per_s,scheme_handoffs_per_s,sessions_per_s,handoffs_per_cpu_s")
        var best: [Int: (wall: Double, cpu: Double)] = [:]
        for _ in 0..<repeats {
            for jobs in [1, 2] {
                let load = Self.load()
                let c0 = Self.cpuSeconds(), t0 = DispatchTime.now().uptimeNanoseconds
                _ = try MonteCarlo.evaluate(scenario: s, schemes: cards, samples: samples, seed: 1, jobs: jobs)
                let wall = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9, cpu = Self.cpuSeconds() - c0
                if wall < best[jobs]?.wall ?? .infinity { best[jobs] = (wall, cpu) }
                try Self.line("\(jobs),\(load),\(String(format: "%.3f,%.3f", wall, cpu)),\(Int(n / wall)),\(Int(n * schemes / wall)),\(Int(n * sessionsPerHandoff / wall)),\(Int(n / cpu))")
            }
        }
        let v0 = Self.cpuSeconds()
        let (variateS, checksum) = Self.variateSeconds(s, handoffs: samples, sessionsPerHandoff: sessionsPerHandoff)
        let variateCPU = Self.cpuSeconds() - v0
        try Self.line("speedup_jobs2,\(String(format: "%.2f", best[1]!.wall / best[2]!.wall))")
        try Self.line("cpu_ratio_jobs2,\(String(format: "%.2f", best[2]!.cpu / best[1]!.cpu))")
        try Self.line("variate_time_fraction_jobs1,\(String(format: "%.2f", variateS / best[1]!.wall)) (checksum \(checksum > 0 ? 1 : 0))")
        try Self.line("variate_bound_handoffs_per_s,\(Int(n / variateCPU))")
        try Self.line("bound_ratio_jobs1,\(String(format: "%.2f", best[1]!.cpu / variateCPU))")
    }

    /// Seconds to draw, on one thread, the variates a run of `handoffs` draws: per
    /// handoff a residence, a direction, 6 air-retransmission counts (a
    /// uniform each, and a log when the first attempt fails), an RA
    /// delay, a probe's exponential and phase; per session an arrival, a duration
    /// and two flags.
    /// Also returns the draws' sum, printed so that they cannot be optimised away.
    static func variateSeconds(_ s: Scenario, handoffs: Int, sessionsPerHandoff: Double) -> (Double, Double) {
        let stream = RandomStream(seed: 1)
        let loss = s.links.wireless.loss
        let t0 = DispatchTime.now().uptimeNanoseconds
        var sink = 0.0
        for _ in 0..<handoffs {
            sink += s.mobility.residence.sample(stream) + Double(stream.uniformInt(4))
            // The simulator takes a log only for a failed first attempt (u ≤ q, `Trajectory.airDraw`).
            for _ in 0..<6 { let u = stream.uniformPositive(); sink += u <= loss ? log(u) : u }
            sink += stream.uniform() + stream.exponential(mean: 60) + stream.uniform()
        }
        for _ in 0..<Int(Double(handoffs) * sessionsPerHandoff) {
            sink += stream.exponential(mean: 300) + s.traffic.sessionDuration.sample(stream) + stream.uniform() + stream.uniform()
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9, sink)
    }

    /// One line of output on stdout; a failed write (a full disk, a closed
    /// pipe) throws `OutputFile.IOError`: exit 1 naming standard output.
    static func line(_ text: String) throws { try StandardStream.write(text + "\n") }
}
