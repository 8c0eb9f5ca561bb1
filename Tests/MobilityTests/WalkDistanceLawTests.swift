import Foundation
@testable import Mobility
import Testing

/// The walk's full law of the grid distance D_m (`WalkDistanceLaw`, docs/MODELS.md 3.4,
/// 6.5) against every walk of a few steps enumerated, and against the mean and
/// P(D_m = 0) of `AnchorDistance` (closed form on the square grid, its own dynamic
/// programme on the hexagonal one) far beyond.
@Suite struct WalkDistanceLawTests {
    /// P(D_m = d) by enumerating all 4^m or 6^m walks.
    static func enumerated(_ grid: GridKind, _ m: Int) -> [Double] {
        var law = [Double](repeating: 0, count: m + 1)
        let moves = grid.steps
        let n = moves.count
        let total = Int(pow(Double(n), Double(m)))
        for code in 0..<total {
            var c = code, x = 0, y = 0
            for _ in 0..<m {
                let s = moves[c % n]
                c /= n
                x += s.0; y += s.1
            }
            law[grid.distance(x, y)] += 1 / Double(total)
        }
        return law
    }

    static func dense(_ pmf: [(d: Int, p: Double)]) -> [Double] {
        var out = [Double](repeating: 0, count: (pmf.map(\.d).max() ?? 0) + 1)
        for (d, p) in pmf { out[d] += p }
        return out
    }

    @Test(arguments: GridKind.allCases)
    func everyShortWalkEnumerated(grid: GridKind) {
        for m in 0...(grid == .square ? 7 : 5) {
            let exact = Self.enumerated(grid, m)
            let law = Self.dense(grid == .square ? WalkDistanceLaw.squarePMF(steps: m) : WalkDistanceLaw.hexagonalPMF(steps: m))
            for d in 0..<max(exact.count, law.count) {
                let a = d < exact.count ? exact[d] : 0, b = d < law.count ? law[d] : 0
                #expect(abs(a - b) <= 1e-12, "\(grid) m=\(m) d=\(d): \(a) vs \(b)")
            }
        }
    }

    /// Mass 1, and the mean and P(D_m = 0) of `AnchorDistance` (exact on both grids up to 160 steps).
    @Test(arguments: GridKind.allCases)
    func meanAndOriginAsAnchorDistance(grid: GridKind) {
        let steps = grid == .square ? [1, 2, 9, 40, 160, 1001, 20000] : [1, 2, 9, 40, 160]
        let mean = AnchorDistance.meanDistances(grid: grid, count: grid == .hexagonal ? 161 : 20001)
        let origin = AnchorDistance.originProbabilities(grid: grid, count: grid == .hexagonal ? 161 : 20001)
        for m in steps {
            let law = Self.dense(grid == .square ? WalkDistanceLaw.squarePMF(steps: m) : WalkDistanceLaw.hexagonalPMF(steps: m))
            let mass = law.reduce(0, +)
            let e = law.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
            #expect(abs(mass - 1) <= 1e-12, "\(grid) m=\(m): mass \(mass)")
            #expect(abs(e - mean[m]) <= 1e-11 * mean[m], "\(grid) m=\(m): mean \(e) vs \(mean[m])")
            #expect(abs(law[0] - origin[m]) <= 1e-14, "\(grid) m=\(m): P(0) \(law[0]) vs \(origin[m])")
        }
    }

    /// Past the hexagonal DP (160 steps) the scaled law keeps the extrapolated mean and P(D = 0)
    /// of `AnchorDistance.walkSequences`, so the per-flow latency law's mean stays the closed form's.
    @Test func hexagonalExtrapolationKeepsTheSequences() {
        let (mean, away) = AnchorDistance.walkSequences(grid: .hexagonal, count: 2001)
        for m in [161, 400, 2000] {
            let law = Self.dense(WalkDistanceLaw.hexagonalPMF(steps: m))
            let e = law.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
            #expect(abs(law.reduce(0, +) - 1) <= 1e-12)
            #expect(abs(e - mean[m]) <= 1e-11 * mean[m], "m=\(m): \(e) vs \(mean[m])")
            #expect(abs(1 - law[0] - away[m]) <= 1e-14)
        }
    }

    /// The mixture is the weighted sum of the laws (offset applied).
    @Test func mixtureIsTheWeightedSum() {
        let w = [0.5, 0.0, 0.25, 1e-20, 0.25]
        let mix = WalkDistanceLaw.mixture(grid: .square, weights: w, offset: 1)
        var sum = [Double](repeating: 0, count: 6)
        for (j, wj) in w.enumerated() {
            for (d, p) in WalkDistanceLaw.squarePMF(steps: j + 1) { sum[d] += wj * p }
        }
        #expect(mix.count == 6)
        for d in 0..<6 { #expect(abs(mix[d] - sum[d]) <= 1e-15, "d=\(d)") }
    }
}
