@testable import Evaluation
import Schemes
import Stochastics
import Testing

@Suite struct MonteCarloLatencyAndDeterminismTests {
    /// With loss q = 0 the only random part of a MIPv6 handoff is the RA delay
    /// D_RA ~ Uniform(0, 2·ra_delay_ms), so L = L0 + D_RA with L0 the closed form
    /// at ra_delay 0: its p-quantile is L0 + 2·ra_delay·p exactly. The histogram's
    /// relative error is 2^-9 (`LatencyHistogram`); the tolerance is that plus 4
    /// binomial standard errors of the quantile (2·ra_delay·4√(p(1−p)/n)).
    @Test func percentilesOfUniformRADelayAreLinear() throws {
        var s = MonteCarloFixtures.scenario
        s.links.wireless.loss = 0
        s.links.raDelayMs = 250
        let mc = try MonteCarlo.evaluate(scenario: s, schemes: [MonteCarloFixtures.card("mipv6")], samples: 40_000, seed: 5, jobs: 1)
        var s0 = s
        s0.links.raDelayMs = 0
        let l0 = try #require(MonteCarloFixtures.find(try MonteCarloFixtures.closedForms(s0, scheme: "mipv6"), "mipv6", "handoff_latency")).estimate
        for p in [0.5, 0.95, 0.99] {
            let q = try #require(MonteCarloFixtures.find(mc, "mipv6", "handoff_latency_p\(Int(p * 100))"))
            let n = Double(q.samples!)
            let tolerance = LatencyHistogram.relativeError * (l0 + 500 * p) + 500 * 4 * (p * (1 - p) / n).squareRoot()
            #expect(abs(q.estimate - (l0 + 500 * p)) <= tolerance, "p\(p): \(q.estimate) vs \(l0 + 500 * p)")
            #expect(q.ciLow! <= q.estimate && q.estimate <= q.ciHigh!)
        }
        // The mean is L0 + 250 ms.
        let mean = try #require(MonteCarloFixtures.find(mc, "mipv6", "handoff_latency"))
        #expect(MonteCarloCoverageTests.covers(mean, l0 + 250))
    }

    /// Same seed, same numbers whatever the number of threads (chunk i uses child(i),
    /// merged in index order; histograms are integer counts).
    @Test func identicalForOneAndTwoJobs() throws {
        let s = MonteCarloFixtures.scenario
        let cards = MonteCarloFixtures.cards
        let one = try MonteCarlo.evaluate(scenario: s, schemes: cards, samples: 30_000, seed: 42, jobs: 1)
        let two = try MonteCarlo.evaluate(scenario: s, schemes: cards, samples: 30_000, seed: 42, jobs: 2)
        let three = try MonteCarlo.evaluate(scenario: s, schemes: cards, samples: 30_000, seed: 42, jobs: 3)
        #expect(one == two)
        #expect(one == three)
        let other = try MonteCarlo.evaluate(scenario: s, schemes: cards, samples: 30_000, seed: 43, jobs: 1)
        #expect(one != other)
        #expect(one.allSatisfy { $0.method == .monteCarlo && $0.estimate.isFinite && $0.ciLow! <= ($0.ciHigh ?? $0.ciLow!) })
    }

    @Test func badSamplesAndJobsAreInvalidInput() {
        let s = MonteCarloFixtures.scenario
        #expect(throws: MonteCarloError.self) { try MonteCarlo.evaluate(scenario: s, schemes: MonteCarloFixtures.cards, samples: 0, seed: 1, jobs: 1) }
        // One replication (4096 handoffs) has no interval: two at least.
        #expect(throws: MonteCarloError.self) { try MonteCarlo.evaluate(scenario: s, schemes: MonteCarloFixtures.cards, samples: 8191, seed: 1, jobs: 1) }
        #expect(throws: MonteCarloError.self) { try MonteCarlo.evaluate(scenario: s, schemes: MonteCarloFixtures.cards, samples: 10_000, seed: 1, jobs: 0) }
        let e: any Error = MonteCarloError.jobs(0)
        #expect(e is any InvalidInput)
    }
}
