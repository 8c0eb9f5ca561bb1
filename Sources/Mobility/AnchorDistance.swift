import Foundation
import Synchronization

/// The law of D_j, the grid distance between an AR and where a symmetric
/// nearest-neighbour random walk started there is after j steps
/// (docs/MODELS.md §3.2): its mean E[D_j] and P(D_j = 0), the probability
/// that the walk is back at its start.
///
/// Square grid, exact for every j:
/// - E[D_j] = 2j·C(2j, j)/4^j;
/// - P(D_j = 0) = (C(j, j/2)/2^j)² for even j, 0 for odd j (the walk rotated by
///   45° is a pair of independent ±1 walks, each back at 0 w.p. C(j, j/2)/2^j).
/// Hexagonal grid (axial coordinates, distance (|q|+|r|+|q+r|)/2): exact
/// dynamic programming over the walk's law, for j ≤ `hexagonalExactSteps`.
public enum AnchorDistance {
    /// Largest j for which the hexagonal values are exact (the DP costs O(j³)).
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
            return Array(hexagonalTable.mean.prefix(count))
        }
    }

    /// P(D_j = 0) for j = 0...count−1 (for the hexagonal grid, count ≤ hexagonalExactSteps + 1).
    public static func originProbabilities(grid: GridKind, count: Int) -> [Double] {
        switch grid {
        case .square:
            var out = [Double]()
            var c = 1.0  // C(2n, n)/4^n, n = j/2
            for j in 0..<count {
                if j % 2 == 1 { out.append(0); continue }
                let n = j / 2
                if n > 0 { c *= Double(2 * n - 1) / Double(2 * n) }
                out.append(c * c)
            }
            return out
        case .hexagonal:
            return Array(hexagonalTable.origin.prefix(count))
        }
    }

    /// E[D_j] and P(D_j ≠ 0) for j = 0..<count, any count. Exact on the square
    /// grid; on the hexagonal grid beyond J = `hexagonalExactSteps` extrapolated by
    /// the walk's diffusive scaling, E[D_j] ≈ E[D_J]·√(j/J) and
    /// P(D_j = 0) ≈ P(D_J = 0)·J/j (local limit theorem), which is not exact.
    /// Memoised: every entry depends on j and the grid only (the hexagonal extrapolation
    /// starts at the fixed J once count > J + 1), so a longer computed pair serves any
    /// shorter request as its prefix; closed-form sweeps ask for the same sequences at every point.
    public static func walkSequences(grid: GridKind, count: Int) -> (meanDistance: [Double], away: [Double]) {
        let cached = sequenceMemo.withLock { $0[grid] }
        if let cached, cached.meanDistance.count >= count {
            return (Array(cached.meanDistance.prefix(count)), Array(cached.away.prefix(count)))
        }
        let fresh = computeWalkSequences(grid: grid, count: count)
        sequenceMemo.withLock { memo in
            if (memo[grid]?.meanDistance.count ?? 0) < count { memo[grid] = fresh }
        }
        return fresh
    }

    private static let sequenceMemo = Mutex<[GridKind: (meanDistance: [Double], away: [Double])]>([:])

    /// `walkSequences` without the memo.
    static func computeWalkSequences(grid: GridKind, count: Int) -> (meanDistance: [Double], away: [Double]) {
        let exact = grid == .square ? count : Swift.min(count, hexagonalExactSteps + 1)
        var mean = meanDistances(grid: grid, count: exact)
        var origin = originProbabilities(grid: grid, count: exact)
        if exact < count {
            let last = exact - 1, d = mean[last], z = origin[last]
            mean.reserveCapacity(count)
            origin.reserveCapacity(count)
            for j in exact..<count {
                mean.append(d * (Double(j) / Double(last)).squareRoot())
                origin.append(z * Double(last) / Double(j))
            }
        }
        return (mean, origin.map { 1 - $0 })
    }

    static let hexagonalTable: (mean: [Double], origin: [Double]) = {
        var mean = [0.0], origin = [1.0]
        walkHexagonal { _, lo, hi, at in
            var e = 0.0
            for q in lo...hi { for r in lo...hi { e += at(q, r) * Double(GridKind.hexagonal.distance(q - hexagonalExactSteps, r - hexagonalExactSteps)) } }
            mean.append(e)
            origin.append(at(hexagonalExactSteps, hexagonalExactSteps))
        }
        return (mean, origin)
    }()

    /// The walk's exact law on the hexagonal grid (axial coordinates, 6 neighbours), step by
    /// step for j = 1…`hexagonalExactSteps`: `body(j, lo, hi, p)` with p(q, r) the probability
    /// of cell (q, r) after j steps, the start at (J, J) (J = hexagonalExactSteps), nonzero only
    /// for q, r in lo…hi. The one dynamic programme behind `hexagonalTable` and
    /// `WalkDistanceLaw`'s law of D_j.
    static func walkHexagonal(_ body: (_ j: Int, _ lo: Int, _ hi: Int, _ p: (Int, Int) -> Double) -> Void) {
        let jmax = hexagonalExactSteps
        let w = 2 * jmax + 1
        var p = [Double](repeating: 0, count: w * w), next = p
        p[jmax * w + jmax] = 1
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
            p.withUnsafeBufferPointer { grid in body(j, lo, hi) { q, r in grid[q * w + r] } }
        }
    }
}
