import Foundation

/// E[D_j], the mean grid distance between an AR and where a symmetric
/// nearest-neighbour random walk started there is after j steps
/// (analytic-models.md §3.2).
///
/// Square grid: E[D_j] = 2j·C(2j, j)/4^j exactly, for every j.
/// Hexagonal grid (axial coordinates, distance (|q|+|r|+|q+r|)/2): exact
/// dynamic programming over the walk's law, for j ≤ `hexagonalExactSteps`.
public enum AnchorDistance {
    /// Largest j for which the hexagonal value is exact (the DP costs O(j³)).
    public static let hexagonalExactSteps = 160

    /// E[D_j] for j = 0...count−1 (for the hexagonal grid, count ≤ hexagonalExactSteps + 1).
    public static func meanDistances(grid: GridKind, count: Int) -> [Double] {
        switch grid {
        case .square:
            var out = [Double]()
            var c = 1.0  // C(2j, j)/4^j
            for j in 0..<count {
                if j > 0 { c *= Double(2 * j - 1) / Double(2 * j) }
                out.append(2 * Double(j) * c)
            }
            return out
        case .hexagonal:
            return Array(hexagonalTable.prefix(count))
        }
    }

    static let hexagonalTable: [Double] = {
        let jmax = hexagonalExactSteps
        let w = 2 * jmax + 1
        var p = [Double](repeating: 0, count: w * w), next = p
        p[jmax * w + jmax] = 1
        var out = [0.0]
        let moves = GridKind.hexagonal.steps
        for j in 1...jmax {
            let lo = jmax - j, hi = jmax + j
            for q in lo...hi { for r in lo...hi { next[q * w + r] = 0 } }
            for q in (lo + 1)...(hi - 1) {
                for r in (lo + 1)...(hi - 1) {
                    let v = p[q * w + r]
                    if v == 0 { continue }
                    let share = v / 6
                    for m in moves { next[(q + m.0) * w + (r + m.1)] += share }
                }
            }
            swap(&p, &next)
            var e = 0.0
            for q in lo...hi { for r in lo...hi { e += p[q * w + r] * Double(GridKind.hexagonal.distance(q - jmax, r - jmax)) } }
            out.append(e)
        }
        return out
    }()
}
