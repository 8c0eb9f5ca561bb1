import Foundation
import Testing
@testable import Mobility
import Stochastics

@Suite("Domain crossings (2.6) and fluid flow (2.7)")
struct DomainAndFluidFlowTests {
    /// V5 of §2.6, and an exact count of boundary edges of the tiling built by
    /// `DomainCrossing.domain(of:)` (independent of the formula).
    static let domains: [(GridKind, Int)] = [(.square, 1), (.square, 2), (.square, 3), (.square, 5), (.hexagonal, 0), (.hexagonal, 1), (.hexagonal, 2), (.hexagonal, 3)]
    static let simulated: [(GridKind, Int)] = [(.square, 3), (.hexagonal, 1), (.hexagonal, 2)]

    @Test(arguments: domains)
    func fractionMatchesBoundaryEdgesOfTheTiling(grid: GridKind, size: Int) throws {
        let cells = DomainCrossing.cells(grid: grid, domainSize: size)
        #expect(try cells.count == DomainCrossing.arCount(grid: grid, domainSize: size))
        var outward = 0
        for (x, y) in cells {
            #expect(DomainCrossing.domain(of: x, y, grid: grid, domainSize: size) == (0, 0))
            for s in grid.steps where DomainCrossing.domain(of: x + s.0, y + s.1, grid: grid, domainSize: size) != (0, 0) {
                outward += 1
            }
        }
        let counted = Double(outward) / Double(grid.neighbourCount * cells.count)
        #expect(try abs(counted - DomainCrossing.fraction(grid: grid, domainSize: size)) < 1e-15)
    }

    @Test func tableV5Values() throws {
        let expected: [(GridKind, Int, Double)] = [(.square, 2, 0.5), (.square, 3, 1.0 / 3), (.square, 5, 0.2),
                                                  (.hexagonal, 1, 0.428571), (.hexagonal, 2, 0.263158), (.hexagonal, 3, 0.189189)]
        for (g, n, p) in expected { #expect(try abs(DomainCrossing.fraction(grid: g, domainSize: n) - p) < 1e-6) }
    }

    @Test(arguments: simulated)
    func randomWalkMonteCarloCoversFraction(grid: GridKind, size: Int) throws {
        let ci = DomainCrossingSimulation(grid: grid, domainSize: size).run(steps: 400_000, seed: 3, jobs: 2)
        let exact = try DomainCrossing.fraction(grid: grid, domainSize: size)
        #expect(abs(ci.estimate - exact) <= 2 * ci.halfWidth, "\(ci) vs \(exact)")
    }

    /// Sizes outside the allowed range throw a typed input error naming the size and the range.
    @Test(arguments: [(GridKind.square, 0), (.square, -3), (.hexagonal, -1), (.square, 1_000_001), (.hexagonal, Int.max)])
    func outOfRangeDomainSizeThrows(grid: GridKind, size: Int) {
        #expect(throws: DomainSizeError(grid: grid, domainSize: size)) { try DomainCrossing.fraction(grid: grid, domainSize: size) }
        #expect(throws: DomainSizeError(grid: grid, domainSize: size)) { try DomainCrossing.arCount(grid: grid, domainSize: size) }
        let message = DomainSizeError(grid: grid, domainSize: size).description
        #expect(message.contains("\(size)") && message.contains(grid.rawValue) && message.contains("allowed: \(grid == .square ? 1 : 0)...1000000"))
        #expect(DomainSizeError(grid: grid, domainSize: size) as Any is InvalidInput)
    }

    /// V7 of §2.7 (v = 10 m/s, size 500 m).
    @Test func tableV7Values() {
        #expect(abs(FluidFlow.crossingRate(speed: 10, cellSize: 500, shape: .circle) - 0.0127324) < 1e-7)
        #expect(abs(FluidFlow.crossingRate(speed: 10, cellSize: 500, shape: .square) - 0.0254648) < 1e-7)
        #expect(abs(FluidFlow.crossingRate(speed: 10, cellSize: 500, shape: .hexagon) - 0.0147021) < 1e-7)
        #expect(abs(FluidFlow.meanResidence(speed: 10, cellSize: 500, shape: .hexagon) - 68.017) < 1e-3)
    }

    /// Geometric Monte Carlo on the square grid: straight segments of length L
    /// from uniform points in uniform directions cross grid lines
    /// |Δ⌊x/a⌋| + |Δ⌊y/a⌋| times; crossings per metre estimate η/v.
    @Test func squareGridRateMatchesGeometricMonteCarlo() {
        let stream = RandomStream(seed: 5)
        let a = 500.0, length = 2000.0
        var stats = RunningStatistics()
        for _ in 0..<200_000 {
            let x0 = a * stream.uniform(), y0 = a * stream.uniform(), th = 2 * Double.pi * stream.uniform()
            let x1 = x0 + length * cos(th), y1 = y0 + length * sin(th)
            let c = abs((x1 / a).rounded(.down) - (x0 / a).rounded(.down)) + abs((y1 / a).rounded(.down) - (y0 / a).rounded(.down))
            stats.add(c / length)
        }
        let ci = stats.confidenceInterval()
        let exact = FluidFlow.crossingRate(speed: 1, cellSize: a, shape: .square)
        #expect(abs(ci.estimate - exact) <= 2 * ci.halfWidth, "\(ci) vs \(exact)")
    }
}
