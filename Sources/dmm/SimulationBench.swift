import ArgumentParser
import Dispatch
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
            Runs the default scenario over all schemes. Build with `swift build -c release` first.
            Examples:
              dmm bench-simulation
              dmm bench-simulation --samples 4000000
            """)

    @Option(help: "Simulated handoffs per run (>= 1).")
    var samples = 2_000_000

    func run() throws {
        guard samples >= 1 else { throw ValidationError("--samples must be >= 1") }
        let dir = try ModelsLocator.schemesDirectory()
        let catalog = try SchemeCatalog.load(directory: dir)
        let cards = SchemeCatalog.canonicalOrder.compactMap { catalog.card(id: $0) }
        let s = try ScenarioLibrary.load("default")
        var seconds: [Int: Double] = [:]
        for jobs in [1, 2] {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try MonteCarlo.evaluate(scenario: s, schemes: cards, samples: samples, seed: 1, jobs: jobs)
            seconds[jobs] = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        }
        let sessionsPerHandoff = s.traffic.sessionRate * s.mobility.residence.mean
        // Variates per handoff on the trajectory: residence, direction, 6 latency draws
        // (RA, RS, req, ack, req2, ack2 retransmissions; RA delay when random), a probe's
        // exponential + phase; per session: arrival, duration, local and HA flags.
        let stream = RandomStream(seed: 1)
        let draws = samples
        let t0 = DispatchTime.now().uptimeNanoseconds
        var sink = 0.0
        for _ in 0..<draws {
            sink += s.mobility.residence.sample(stream) + Double(stream.uniformInt(4))
            for _ in 0..<6 { sink += log(stream.uniformPositive()) }
            sink += stream.exponential(mean: 60) + stream.uniform()
        }
        for _ in 0..<Int(Double(draws) * sessionsPerHandoff) {
            sink += stream.exponential(mean: 300) + s.traffic.sessionDuration.sample(stream) + stream.uniform() + stream.uniform()
        }
        let variateS = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let n = Double(samples), schemes = Double(cards.count)
        print("jobs,seconds,handoffs_per_s,scheme_handoffs_per_s,sessions_per_s")
        for jobs in [1, 2] {
            let t = seconds[jobs]!
            print("\(jobs),\(String(format: "%.3f", t)),\(Int(n / t)),\(Int(n * schemes / t)),\(Int(n * sessionsPerHandoff / t))")
        }
        print("speedup_jobs2,\(String(format: "%.2f", seconds[1]! / seconds[2]!))")
        print("variate_time_fraction_jobs1,\(String(format: "%.2f", variateS / seconds[1]!)) (checksum \(sink > 0 ? 1 : 0))")
    }
}
