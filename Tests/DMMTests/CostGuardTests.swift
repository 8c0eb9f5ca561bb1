import Foundation
import Testing

/// Work that would run for hours is refused before it starts, with the
/// estimate and a way to lower it; --force runs it anyway.
@Suite("Cost guards: estimate before work, refuse beyond the limit")
struct CostGuardTests {
    @Test func monteCarloOfAMillisecondResidenceIsRefused() throws {
        let r = try CLI.run(["evaluate", "--method", "monte-carlo", "--set", "mobility.residence.mean=1e-3"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: the Monte Carlo would take about 93 min of CPU (16000000 handoffs x 1.12e+03 times the default scenario's work per handoff, 15 schemes; limit 10 min); lower --samples (e.g. --samples 1717220), choose fewer --schemes or a longer residence, or give --force\n")
    }

    @Test func theAdvertisedMaximumOfSamplesIsRefused() throws {
        let r = try CLI.run(["evaluate", "--method", "monte-carlo", "--samples", "1000000000000"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: the Monte Carlo would take about 3.6 days of CPU (1000000000000 handoffs x 1 times"))
    }

    @Test func evaluateBenchOfATrillionIsRefused() throws {
        let r = try CLI.run(["evaluate", "--bench", "1000000000000", "--schemes", "mipv6"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: --bench 1000000000000 (1000000000000 scenario-scheme evaluations) would take about 289.4 days of CPU (limit 10 min); lower --bench (e.g. --bench 24000000), or give --force\n")
    }

    @Test func aHugeSweepIsRefusedBeforeAnyFile() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-cost-\(UUID().uuidString).csv").path
        let r = try CLI.run(["sweep", "--vary", "mobility.residence.mean=10:600:10000:log", "--vary", "traffic.session_rate=0.001:0.1:10000:log", "--output", out])
        #expect(r.status == 2)
        #expect(r.stderr == "error: this sweep (100000000 points x 15 schemes) would take about 10.4 h of CPU (limit 10 min); use fewer --vary values, a --shard K/N per machine, fewer --schemes, or give --force\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func benchCommandsAreGuarded() throws {
        let b = try CLI.run(["bench", "--samples", "1000000000"])
        #expect(b.status == 2)
        #expect(b.stderr == "error: dmm bench (2.52e+11 variates) would take about 3.5 h of CPU (limit 10 min); lower --samples, --repeats, --generators or --law, or give --force\n")
        let s = try CLI.run(["bench-simulation", "--samples", "1000000000000"])
        #expect(s.status == 2)
        #expect(s.stderr.hasPrefix("error: dmm bench-simulation (1000000000000 handoffs x 6 runs) would take about 20.3 days of CPU"))
    }
}
