import Foundation
import Testing
@testable import Mobility
import Stochastics

@Suite("Crossing distribution (docs/MODELS.md 2.3, 2.5)")
struct CrossingDistributionTests {
    /// V1 of §2.3: η = 1, gamma residence of shape k, exponential sessions of rate μ.
    @Test(arguments: [
        (0.5, 0.25, [0.519671, 0.115358, 0.087653, 0.066602]),
        (0.5, 4.0, [0.248590, 0.282308, 0.176244, 0.110028]),
        (1.0, 0.25, [0.668740, 0.109733, 0.073383, 0.049074]),
        (1.0, 4.0, [0.4096, 0.348572, 0.142775, 0.058481]),
        (2.0, 0.25, [0.788675, 0.089316, 0.051567, 0.029772]),
        (2.0, 4.0, [0.598765, 0.321978, 0.063601, 0.012563]),
    ])
    func reproducesTableV1(mu: Double, shape: Double, alpha: [Double]) throws {
        let d = CrossingDistribution(residence: try .gamma(shape: shape, mean: 1), session: try .exponential(mean: 1 / mu))
        #expect(d.route == .laplace)
        let p = try d.probabilities(upTo: 3)
        for k in 0...3 { #expect(abs(p[k] - alpha[k]) < 1e-6, "k=\(k)") }
        #expect(abs(d.mean - 1 / mu) < 1e-15)
    }

    @Test(arguments: [0.3, 1.0, 4.0])
    func exponentialResidenceGivesGeometric(ratio: Double) throws {
        // η = 1, μ = ratio: P(K = k) = (μ/(η+μ)) (η/(η+μ))^k.
        let d = CrossingDistribution(residence: try .exponential(mean: 1), session: try .exponential(mean: 1 / ratio))
        let q = 1 / (1 + ratio)
        for k in 0...12 {
            #expect(abs(try d.probability(k) - (1 - q) * pow(q, Double(k))) < 1e-14)
        }
    }

    @Test func erlangTwoSessionsWithExponentialResidence() throws {
        // Residence mean 1, Erlang-2 session whose stages have mean 1 (session mean 2):
        // P(K = k) = (k+1)/2^(k+2).
        let d = CrossingDistribution(residence: try .exponential(mean: 1), session: try .gamma(shape: 2, mean: 2))
        #expect(d.route == .erlangSeries)
        for k in 0...15 {
            #expect(abs(try d.probability(k) - Double(k + 1) / pow(2, Double(k + 2))) < 1e-13, "k=\(k)")
        }
    }

    /// Series route (Erlang-mixture sessions) against the nested-quadrature
    /// route (gamma residence), two independent computations of §2.5.
    @Test(arguments: [
        ("gamma:shape=0.25,mean=1", "gamma:shape=3,mean=2"),
        ("gamma:shape=4,mean=1", "gamma:shape=2,mean=0.7"),
        ("exponential:mean=1", "hyperexponential:p=0.9/0.1,mean=0.5/5.5"),
        ("gamma:shape=2,mean=60", "hypererlang:p=0.5/0.5,shape=2/3,mean=30/300"),
    ])
    func seriesAgreesWithQuadrature(residence: String, session: String) throws {
        let d = CrossingDistribution(residence: try .parse(residence), session: try .parse(session))
        #expect(d.route == .erlangSeries)
        let series = try d.tails(upTo: 6, route: .erlangSeries)
        let quadrature = try d.tails(upTo: 6, route: .quadrature)
        for k in 0...6 { #expect(abs(series[k] - quadrature[k]) < 1e-8, "k=\(k): \(series[k]) vs \(quadrature[k])") }
    }

    /// The Laplace route (Fang/Lin) against the series route with one stage,
    /// for residence laws whose f* needs quadrature.
    @Test(arguments: ["weibull:shape=0.5,mean=1", "lognormal:sigma=1,mean=1", "uniform:min=0,max=2"])
    func laplaceAgreesWithTiltedSeries(residence: String) throws {
        let d = CrossingDistribution(residence: try .parse(residence), session: try .exponential(mean: 1.5))
        let a = try d.tails(upTo: 5, route: .laplace)
        let b = try d.tails(upTo: 5, route: .erlangSeries)
        for k in 0...5 { #expect(abs(a[k] - b[k]) < 1e-8, "k=\(k)") }
    }

    /// Σ k P(K = k) = E[T]/E[X] (§2.5), for a lognormal session (quadrature route).
    @Test func lognormalSessionMeanMatchesRate() throws {
        let d = CrossingDistribution(residence: try .gamma(shape: 2, mean: 1), session: try .lognormal(sigma: 0.5, mean: 0.8))
        #expect(d.route == .quadrature)
        let tails = try d.tails(upTo: 14)
        let mean = tails.dropFirst().reduce(0, +)  // E[K] = Σ_{k≥1} P(K ≥ k); tail beyond 14 is negligible here
        #expect(abs(mean - d.mean) < 1e-6, "\(mean) vs \(d.mean)")
    }

    /// Many crossings per session: the quadrature must still find S_k's mass far from 0
    /// (a regression: QAGIU alone returned ~0 for k ≥ 26). Σ_{k≥1} P(K ≥ k) = E[T]/E[X].
    @Test func quadratureRouteWithManyCrossings() throws {
        let d = CrossingDistribution(residence: try .gamma(shape: 2, mean: 1), session: try .lognormal(sigma: 0.3, mean: 8))
        let tails = try d.tails(upTo: 30)
        #expect(tails[30] < 1e-4)
        for k in 1...30 { #expect(tails[k] <= tails[k - 1]) }
        // The omitted terms Σ_{k>30} P(K ≥ k) decay faster than geometrically from P(K ≥ 30).
        let missing = d.mean - tails.dropFirst().reduce(0, +)
        #expect(missing > 0 && missing < 5 * tails[30], "missing \(missing), P(K >= 30) = \(tails[30])")
    }

    /// Every pair has a route; a route forced on a pair it does not fit is a typed error.
    @Test func forcedRouteOnAnotherPairThrows() throws {
        let d = CrossingDistribution(residence: try .weibull(shape: 2, mean: 1), session: try .lognormal(sigma: 1, mean: 1))
        #expect(d.route == .inversion)
        #expect(throws: CrossingError.self) { try d.tails(upTo: 2, route: .erlangSeries) }
        #expect(throws: CrossingError.self) { try d.tails(upTo: 2, route: .deterministicResidence) }
        #expect(d.mean == 1)
    }

    /// Exponential residence (mean m) and session (mean 120 s): by memorylessness
    /// P(K = k) = a^k (1 − a), a = 120/(120 + m). With m = 1e−9 s, P(K = 0) is
    /// 8.3e−12; the difference of tails 1 − r* used to print 0 here, and 1 at m = 1e−15.
    @Test(arguments: [1e-3, 1e-9, 1e-15])
    func tinyResidenceKeepsItsDigits(m: Double) throws {
        let d = CrossingDistribution(residence: try .exponential(mean: m), session: try .exponential(mean: 120))
        let a = 120 / (120 + m), p = try d.probabilities(upTo: 3)
        for k in 1...3 {
            let exact = pow(a, Double(k)) * (m / (120 + m))
            #expect(abs(p[k] - exact) <= 1e-9 * exact, "k=\(k): \(p[k]) vs \(exact)")
        }
        // P(K = 0) = 1 − r* keeps an absolute error of a rounding of 1.
        #expect(abs(p[0] - m / (120 + m)) <= 1e-15)
        #expect(try d.probability(2) == p[2])
    }
}
