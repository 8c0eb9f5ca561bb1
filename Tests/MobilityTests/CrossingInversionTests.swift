import Foundation
import Stochastics
import Testing

@testable import Mobility

/// The Laplace-inversion route of the crossing law (every pair without another
/// exact route) against independent references: Fang/Lin for exponential
/// sessions, the Erlang-mixture series, the gamma closed form, and the Monte
/// Carlo where nothing else applies. Target: 1e-6 absolute on P(K = k).
@Suite("Crossing law by Laplace inversion")
struct CrossingInversionTests {
    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { Swift.max($0, abs($1.0 - $1.1)) }
    }

    /// P(K = k) from tails, k = 0..<kmax.
    static func probabilities(_ tails: [Double]) -> [Double] {
        (0..<(tails.count - 1)).map { tails[$0] - tails[$0 + 1] }
    }

    /// Forced inversion against the pair's own exact route (Fang/Lin, Erlang series, gamma closed form).
    @Test(arguments: [
        ("weibull:shape=2,mean=60", "exponential:mean=300"),
        ("weibull:shape=0.5,mean=20", "exponential:mean=100"),
        ("lognormal:sigma=1.2,mean=30", "exponential:mean=200"),
        ("pareto:shape=2.5,mean=60", "exponential:mean=300"),
        ("uniform:min=10,max=50", "exponential:mean=120"),
        ("uniform:min=0,max=100", "gamma:shape=3,mean=200"),
        ("lognormal:sigma=0.5,mean=100", "hyperexponential:p=0.4/0.6,mean=30/500"),
        ("gamma:shape=0.5,mean=60", "lognormal:sigma=1,mean=300"),
        ("gamma:shape=3,mean=40", "weibull:shape=1.5,mean=200"),
        ("exponential:mean=5", "pareto:shape=3,mean=60"),
    ])
    func inversionMatchesTheExactRoute(residence: String, session: String) throws {
        let d = CrossingDistribution(residence: try .parse(residence), session: try .parse(session))
        #expect(d.route != .inversion)
        let kmax = 12
        let exact = Self.probabilities(try d.tails(upTo: kmax))
        let inverted = Self.probabilities(try d.tails(upTo: kmax, route: .inversion))
        #expect(Self.maxDifference(exact, inverted) <= 1e-6, "\(residence) x \(session): \(exact) vs \(inverted)")
    }

    /// Time-averaged law (T replaced by its stationary residual) against the Erlang series of the residual.
    @Test func timeAverageMatchesTheErlangSeries() throws {
        let d = CrossingDistribution(residence: try .parse("weibull:shape=1.5,mean=30"),
                                     session: try .parse("gamma:shape=2,mean=120"), timeAverage: true)
        #expect(d.route == .erlangSeries)
        let exact = Self.probabilities(try d.tails(upTo: 10))
        let inverted = Self.probabilities(try d.tails(upTo: 10, route: .inversion))
        #expect(Self.maxDifference(exact, inverted) <= 1e-6, "\(exact) vs \(inverted)")
    }

    /// Deterministic residence in closed form against the deterministic-residence
    /// limit of Fang/Lin (exponential session) and against quadrature of its definition.
    @Test func deterministicResidenceClosedForm() throws {
        let v = 40.0
        let exponential = CrossingDistribution(residence: try .deterministic(value: v), session: try .exponential(mean: 150))
        let closed = try exponential.tails(upTo: 8, route: .deterministicResidence)
        #expect(Self.maxDifference(closed, try exponential.tails(upTo: 8)) <= 1e-12)
        let uniformSession = try ProbabilityLaw.uniform(min: 20, max: 200)
        let d = CrossingDistribution(residence: try .deterministic(value: v), session: uniformSession)
        #expect(d.route == .deterministicResidence)
        let tails = try d.tails(upTo: 6)
        for k in 1...6 {
            // P(K ≥ k) = P((k − 1 + U)v ≤ T), U uniform: E over U of P(T ≥ (k − 1 + u)v).
            let direct = try Quadrature.integrate(over: .finite(0, 1)) { u in uniformSession.ccdf((Double(k - 1) + u) * v) }.value
            #expect(abs(tails[k] - direct) <= 1e-12, "k = \(k)")
        }
    }

    /// Pairs with no other exact route, against the crossing Monte Carlo (fixed seed,
    /// 4 standard errors: the closed form is exact, so only sampling noise separates them).
    @Test(arguments: [
        ("weibull:shape=2,mean=60", "lognormal:sigma=1,mean=300"),
        ("lognormal:sigma=1.5,mean=30", "weibull:shape=0.7,mean=200"),
        ("pareto:shape=3,mean=20", "uniform:min=10,max=400"),
        ("uniform:min=10,max=50", "pareto:shape=2.5,mean=300"),
    ])
    func inversionAgreesWithTheMonteCarlo(residence: String, session: String) throws {
        let r = try ProbabilityLaw.parse(residence), s = try ProbabilityLaw.parse(session)
        let d = CrossingDistribution(residence: r, session: s)
        #expect(d.route == .inversion)
        let kmax = 6
        let p = try d.probabilities(upTo: kmax)
        let estimates = CrossingSimulation(residence: r, session: s, kmax: kmax).run(samples: 400_000, seed: 11, jobs: 2)
        for k in 0...kmax {
            let ci = estimates.probabilities[k]
            #expect(abs(ci.estimate - p[k]) <= 4 * ci.halfWidth / 1.96 + 1e-9, "\(residence) x \(session), k = \(k): \(p[k]) vs \(ci)")
        }
    }
}
