import Foundation
import Testing
@testable import Mobility
@testable import Stochastics

/// The domain-stay law K and HMIPv6's HA-binding refresh rate built on it
/// (docs/MODELS.md 5.1, `DomainStay`, `DomainRefresh.StaySums`).
@Suite struct DomainStayTests {
    /// Kac's formula: E[K] = Σ_k P(K > k) = 1/p_d for the stationary entry, on both grids.
    @Test(arguments: [(GridKind.hexagonal, 1), (.hexagonal, 3), (.hexagonal, 7), (.square, 2), (.square, 5), (.square, 12)])
    func meanStayIsKac(grid: GridKind, size: Int) throws {
        let stay = try DomainStay(grid: grid, domainSize: size)
        let n = stay.table.count
        let mean = stay.table.reduce(0, +) + stay.survivalSum(from: n)
        let kac = 1 / (try DomainCrossing.fraction(grid: grid, domainSize: size))
        #expect(abs(mean - kac) <= 1e-10 * kac, "E[K] \(mean) vs 1/p_d \(kac)")
    }

    /// Square domains, exponential residence: the K-law route (gamma sums of K
    /// residences) against the spectral closed form (eigenvalues of the killed walk in
    /// continuous time), two independent routes, within 1e-9.
    @Test(arguments: [(3, 420.0), (5, 30.0), (8, 4000.0), (4, 7.0)])
    func squareExponentialMatchesTheSpectralForm(side: Int, lifetime: Double) throws {
        let eta = 1.0 / 60
        let stay = try DomainStay(grid: .square, domainSize: side)
        let sums = try #require(DomainRefresh.StaySums(try .exponential(mean: 60)))
        let route = try sums.refreshesPerStay(stay, lifetime: lifetime)
        let spectral = DomainRefresh.spectralSum(side: side, etaT: eta * lifetime)
        #expect(abs(route - spectral) <= 1e-9 * spectral, "K-law route \(route) vs spectral \(spectral)")
    }

    /// Hexagonal domains against a direct simulation of domain stays: entry cell with
    /// probability proportional to its outward edges, a uniform neighbour per step,
    /// D the sum of the residences until a step leaves, ⌊D/T⌋ refreshes (strictly
    /// before D). Within 4 standard errors (fixed seed); gamma and deterministic
    /// residence are exact routes, lognormal the two-moment fit (within 4 SE + 1 %).
    @Test(arguments: [("exponential:mean=60", 3, 100.0, true), ("gamma:shape=0.4,mean=60", 2, 45.0, true),
                      ("deterministic:value=60", 4, 420.0, true), ("gamma:shape=3,mean=20", 6, 300.0, true),
                      ("lognormal:sigma=1,mean=60", 3, 200.0, false)])
    func hexagonalMatchesADirectSimulation(law spec: String, rings: Int, lifetime: Double, exact: Bool) throws {
        let law = try ProbabilityLaw.parse(spec)
        let r = try DomainRefresh.rate(residence: law, grid: .hexagonal, domainSize: rings, lifetime: lifetime)
        #expect(r.exact == exact)
        let pdEta = (try DomainCrossing.fraction(grid: .hexagonal, domainSize: rings)) / law.mean
        let closed = r.rate / pdEta
        let cells = DomainCrossing.cells(grid: .hexagonal, domainSize: rings)
        let inside = Set(cells.map { $0.0 * 10_000 + $0.1 })
        let steps = GridKind.hexagonal.steps
        var entries: [(Int, Int)] = []
        for c in cells { for d in steps where !inside.contains((c.0 + d.0) * 10_000 + c.1 + d.1) { entries.append(c) } }
        let stream = RandomStream(seed: 20261201)
        var stats = RunningStatistics()
        for _ in 0..<200_000 {
            var c = entries[stream.uniformInt(entries.count)], d = 0.0
            while true {
                d += law.sample(stream)
                let m = steps[stream.uniformInt(6)]
                c = (c.0 + m.0, c.1 + m.1)
                if !inside.contains(c.0 * 10_000 + c.1) { break }
            }
            stats.add(Swift.max(0, (d / lifetime * (1 - 1e-12)).rounded(.up) - 1))
        }
        let se = stats.standardDeviation / Double(stats.count).squareRoot()
        let tolerance = 4 * se + (exact ? 0 : 0.01 * stats.mean)
        #expect(abs(closed - stats.mean) <= tolerance, "\(spec): closed form \(closed) vs simulation \(stats.mean) ± \(se)")
    }
}
