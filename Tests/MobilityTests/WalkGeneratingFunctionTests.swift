import Foundation
import Stochastics
import Testing

@testable import Mobility

/// `WalkGeneratingFunction` against the series it sums: Σ_{j≥1} Δg_j z^{j−1} term by term
/// with the sequences of `AnchorDistance.walkSequences` (exact on the square grid,
/// extrapolated past 160 steps on the hexagonal one), up to where |z|^N < 1e-18.
@Suite struct WalkGeneratingFunctionTests {
    static func series(_ grid: GridKind, _ z: Complex) -> (away: Complex, distance: Complex) {
        let r = z.magnitude
        let n = Int((log(1e-18 * (1 - r)) / log(r)).rounded(.up)) + 2
        let (distance, away) = AnchorDistance.walkSequences(grid: grid, count: n + 1)
        var a = Complex(0), d = Complex(0), power = Complex(1)
        for j in 1...n {
            a = a + (away[j] - away[j - 1]) * power
            d = d + (distance[j] - distance[j - 1]) * power
            power = power * z
        }
        return (a, d)
    }

    static let points: [(Double, Double)] = [
        (0.5, 0), (0.7, 2.5), (0.79, 0.1), (0.8, 0), (0.9, 0.5), (0.95, 3.1), (0.99, 0.02), (0.999, 0), (0.9995, 1.0), (0.99, -2),
    ]

    @Test(arguments: GridKind.allCases)
    func closedFormsMatchTheTermByTermSeries(grid: GridKind) throws {
        let phi = try WalkGeneratingFunction(grid: grid)
        for (r, theta) in Self.points {
            let z = Complex(r * cos(theta), r * sin(theta))
            let got = phi.values(z, complement: Complex(1) - z)
            let want = Self.series(grid, z)
            for (g, w, name) in [(got.away, want.away, "away"), (got.distance, want.distance, "distance")] {
                let error = (g - w).magnitude
                #expect(error <= 1e-11 * Swift.max(1, w.magnitude), "\(grid) \(name) at |z| = \(r), arg \(theta): \(g) vs \(w)")
            }
        }
    }

    @Test func squareDistanceIsOneOverRootOfOneMinusZ() throws {
        // Σ_j E[D_j] z^j = z(1 − z)^{−3/2}: at z = 1/2, Φ = √2 (a value by hand).
        let phi = try WalkGeneratingFunction(grid: .square)
        let v = phi.values(Complex(0.9), complement: Complex(0.1))
        #expect(abs(v.distance.re - 1 / 0.1.squareRoot()) < 1e-13 && abs(v.distance.im) < 1e-15)
    }

    @Test func polylogarithmOfOrderMinusOneHalf() throws {
        let c = try WalkGeneratingFunction.polylogCoefficients()
        // ζ(−1/2) = −0.2078862249773545660 (the k = 0 coefficient).
        #expect(abs(c[0] + 0.2078862249773545660) < 1e-15)
        for (r, theta) in [(0.8, 0.0), (0.95, 1.0), (0.999, 0.01), (0.9, 3.0)] {
            let z = Complex(r * cos(theta), r * sin(theta))
            var direct = Complex(0), power = z
            var j = 1
            while power.magnitude * Double(j).squareRoot() > 1e-20 {
                direct = direct + Double(j).squareRoot() * power
                power = power * z
                j += 1
            }
            let got = WalkGeneratingFunction.polylogMinusHalf(Complex.log(z), c)
            #expect((got - direct).magnitude <= 1e-12 * direct.magnitude, "Li(-1/2) at \(r), \(theta): \(got) vs \(direct)")
        }
    }

    @Test func agmGivesTheEllipticIntegral() {
        // K(k) = π/(2 AGM(1, √(1 − k²))); K(1/√2) = Γ(1/4)²/(4√π) = 1.8540746773013719.
        let k = 1 / 2.0.squareRoot()
        let agm = WalkGeneratingFunction.agm(Complex(1), Complex((1 - k * k).squareRoot()))
        #expect(abs(Double.pi / (2 * agm.re) - 1.8540746773013719) < 1e-14 && agm.im == 0)
    }
}
