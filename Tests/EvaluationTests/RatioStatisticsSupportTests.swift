import Foundation
import Stochastics
import Testing
@testable import Evaluation

/// Monte Carlo intervals respect the metric's support (issue 11 item 9) and keep
/// their coverage: repeated seeded runs of small cases with a known mean.
@Suite struct RatioStatisticsSupportTests {
    /// Binomial tolerance of an observed coverage over `runs` runs at nominal 95 %: 3.5 σ.
    static func coverageBand(runs: Int) -> ClosedRange<Double> {
        let sigma = (0.95 * 0.05 / Double(runs)).squareRoot()
        return (0.95 - 3.5 * sigma)...(0.95 + 3.5 * sigma)
    }

    /// Poisson counts per replication (rate `mean` per unit time, unit windows):
    /// the ratio estimator of a rate, as the simulator's signaling rows are.
    static func poissonRuns(mean: Double, replications: Int, runs: Int, seed: UInt64)
        -> (covered: Int, coveredUntruncated: Int, negativeUntruncated: Int, lows: [Double])
    {
        var covered = 0, coveredRaw = 0, negative = 0
        var lows: [Double] = []
        for run in 0..<runs {
            let stream = RandomStream(seed: seed).child(run)
            var stats = RatioStatistics()
            for _ in 0..<replications { stats.add(Double(stream.poisson(mean: mean)), 1) }
            guard let ci = stats.interval(support: .nonNegative), let se = stats.standardError else { continue }
            let r = ci.estimate
            let half = ConfidenceInterval.tQuantile(level: 0.95, degreesOfFreedom: replications - 1) * se
            if r - half < 0 { negative += 1 }
            if abs(r - mean) <= half { coveredRaw += 1 }
            if ci.covers(mean) { covered += 1 }
            lows.append(ci.low)
        }
        return (covered, coveredRaw, negative, lows)
    }

    @Test func aRateIntervalHasItsNominalCoverage() {
        // 16 replications of Poisson(2): 32 events expected per run.
        let runs = 400
        let r = Self.poissonRuns(mean: 2, replications: 16, runs: runs, seed: 11)
        let coverage = Double(r.covered) / Double(runs)
        #expect(Self.coverageBand(runs: runs).contains(coverage), "coverage \(coverage)")
    }

    @Test func aRareRateNeverGetsANegativeLowerBoundAndLosesNoCoverage() {
        // 8 replications of Poisson(0.3): the Student-t interval often crosses 0.
        let r = Self.poissonRuns(mean: 0.3, replications: 8, runs: 200, seed: 5)
        #expect(r.negativeUntruncated > 20)
        #expect(r.lows.allSatisfy { $0 >= 0 })
        // The true rate is in the support, so truncation keeps every covering interval.
        #expect(r.covered == r.coveredUntruncated)
    }

    @Test func aProbabilityIntervalStaysInTheUnitIntervalWithItsCoverage() {
        // Replications of 25 Bernoulli(p) trials: the fraction estimator of the
        // failure probability and tunnelled fraction rows.
        for (p, replications) in [(0.7, 16), (0.97, 8)] {
            let runs = 300
            var covered = 0, coveredRaw = 0, aboveOne = 0
            for run in 0..<runs {
                let stream = RandomStream(seed: 23).child(run)
                var stats = RatioStatistics()
                for _ in 0..<replications {
                    var hits = 0
                    for _ in 0..<25 where stream.bernoulli(p) { hits += 1 }
                    stats.add(Double(hits), 25)
                }
                let ci = stats.interval(support: .unitInterval)!
                let half = ConfidenceInterval.tQuantile(level: 0.95, degreesOfFreedom: replications - 1) * stats.standardError!
                if ci.estimate + half > 1 { aboveOne += 1 }
                if abs(ci.estimate - p) <= half { coveredRaw += 1 }
                if ci.covers(p) { covered += 1 }
                #expect(ci.low >= 0 && ci.high <= 1 && ci.low <= ci.high)
            }
            #expect(covered == coveredRaw)
            if p == 0.7 {
                let coverage = Double(covered) / Double(runs)
                #expect(Self.coverageBand(runs: runs).contains(coverage), "p \(p): coverage \(coverage)")
            } else {
                #expect(aboveOne > 30, "p \(p): the untruncated interval passes 1 in \(aboveOne) runs")
            }
        }
    }

    @Test func supportsOfTheMetrics() {
        // Spelled as users read them in the tidy output, looked up in the catalogue.
        func support(_ id: String) -> MetricSupport? { MetricKey(id: id)?.metric.support }
        #expect(support("failure_probability") == .unitInterval)
        #expect(support("tunnelled_fraction") == .unitInterval)
        #expect(support("path_stretch") == .nonNegative)
        #expect(support("signaling_cost.refresh") == .nonNegative)
        #expect(support("outage.ha") == .nonNegative)
    }

    /// The simulator end to end: 200 seeded runs of MIPv6's handoff signaling,
    /// whose closed form η × (BU + BA byte-hops) is exact, at 4 replications each.
    @Test func monteCarloRowsCoverAKnownMeanAtTheNominalRate() throws {
        let s = MonteCarloFixtures.scenario
        let card = MonteCarloFixtures.card("mipv6")
        let exact = try #require(MonteCarloFixtures.find(try ClosedForm.evaluate(scenario: s, schemes: [card]), "mipv6", "signaling_cost.handoff")).estimate
        let runs = 200
        var covered = 0
        for seed in 0..<runs {
            let rows = try MonteCarlo.evaluate(scenario: s, schemes: [card], samples: 16384, seed: UInt64(1000 + seed), jobs: 1)
            let row = try #require(MonteCarloFixtures.find(rows, "mipv6", "signaling_cost.handoff"))
            #expect(row.ciLow! >= 0)
            if row.ciLow! <= exact && exact <= row.ciHigh! { covered += 1 }
        }
        let coverage = Double(covered) / Double(runs)
        #expect(Self.coverageBand(runs: runs).contains(coverage), "coverage \(coverage)")
    }
}
