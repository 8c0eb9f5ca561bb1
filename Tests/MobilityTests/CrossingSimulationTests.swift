import Foundation
import Testing
@testable import Mobility
import Stochastics

@Suite("Crossing Monte Carlo against the closed forms")
struct CrossingSimulationTests {
    /// Residence and session laws with CV² from 0.25 to about 10; each pair's
    /// Monte Carlo interval (widened to 4 standard errors) covers the exact value.
    @Test(arguments: [
        ("gamma:shape=4,mean=1", "exponential:mean=2"),
        ("gamma:shape=0.25,mean=1", "exponential:mean=0.5"),
        ("hyperexponential:p=0.9/0.1,mean=0.5/5.5", "exponential:mean=1"),
        ("lognormal:sigma=1.5,mean=1", "exponential:mean=3"),
        ("exponential:mean=1", "gamma:shape=4,mean=2"),
        ("gamma:shape=0.25,mean=1", "hyperexponential:p=0.95/0.05,mean=0.2/16.2"),
        ("gamma:shape=3,mean=1", "lognormal:sigma=1.2,mean=1.5"),
        ("gamma:shape=0.5,mean=1", "gamma:shape=0.2,mean=2"),
    ])
    func monteCarloCoversClosedForm(residence: String, session: String) throws {
        let r = try ProbabilityLaw.parse(residence), s = try ProbabilityLaw.parse(session)
        let exact = try CrossingDistribution(residence: r, session: s).probabilities(upTo: 6)
        let mc = CrossingSimulation(residence: r, session: s, kmax: 6).run(samples: 100_000, seed: 7, jobs: 2)
        for k in 0...6 {
            let ci = mc.probabilities[k]
            let se = ci.halfWidth / 1.96
            #expect(abs(ci.estimate - exact[k]) <= 4 * se + 1e-12, "k=\(k): \(ci) vs \(exact[k])")
        }
        let m = mc.meanCrossings
        #expect(abs(m.estimate - s.mean / r.mean) <= 4 * m.halfWidth / 1.96, "mean \(m)")
    }

    @Test func resultDoesNotDependOnJobs() throws {
        let sim = CrossingSimulation(residence: try .gamma(shape: 2, mean: 60), session: try .exponential(mean: 120), kmax: 5)
        let a = sim.run(samples: 100_003, seed: 11, jobs: 1)
        let b = sim.run(samples: 100_003, seed: 11, jobs: 3)
        #expect(a.probabilities == b.probabilities)
        #expect(a.meanCrossings == b.meanCrossings)
    }
}
