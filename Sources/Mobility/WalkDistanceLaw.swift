import Foundation

/// The full law of D_m, the grid distance after m steps of the symmetric
/// nearest-neighbour walk (docs/MODELS.md 3.2, 3.4), mixed over m: what the
/// per-flow latency law needs (docs/MODELS.md 6.5), where `AnchorDistance` gives
/// only E[D_m] and P(D_m = 0).
///
/// Square grid, exact for every m: rotated by 45° (u = x + y, v = x − y) the walk
/// is a pair of independent ±1 walks U_m, V_m, and the Manhattan distance is
/// |x| + |y| = max(|U_m|, |V_m|), so P(D_m ≤ d) = P(|U_m| ≤ d)², with U_m = 2K − m,
/// K ~ Binomial(m, 1/2); each pmf term is P(|U_m| = d)(F(d) + F(d − 2)), without
/// cancellation. The binomial is summed from its centre outwards until the rest
/// is below 1e-17 of the sum, the terms normalised by it.
/// Hexagonal grid: the exact dynamic programme of `AnchorDistance` for
/// m ≤ `AnchorDistance.hexagonalExactSteps` (J); beyond, D_J's law given D_J ≠ 0
/// scaled by s_m = E[D_m]/(P(D_m ≠ 0) E[D_J | D_J ≠ 0]), each point split linearly
/// between the two integers around it, with mass P(D_m ≠ 0) and P(D_m = 0) as
/// `AnchorDistance.walkSequences` extrapolates them: APPROXIMATION (its mean is
/// the extrapolated E[D_m], so the mixture's mean is `walkSequences`').
public enum WalkDistanceLaw {
    /// Σ_j weights[j] P(D_{j + offset} = d) for d = 0, 1, …, trailing terms below
    /// 1e-300 dropped. Weights below 1e-16 of their total are skipped (their
    /// share of every entry is below that).
    public static func mixture(grid: GridKind, weights: [Double], offset: Int) -> [Double] {
        let total = weights.reduce(0, +)
        guard total > 0 else { return [] }
        var out: [Double] = []
        func add(_ w: Double, _ pmf: [(d: Int, p: Double)]) {
            for (d, p) in pmf {
                if d >= out.count { out += [Double](repeating: 0, count: d - out.count + 1) }
                out[d] += w * p
            }
        }
        // The hexagonal extrapolation's E[D_m] and P(D_m ≠ 0), read once for every m.
        let sequences = grid == .hexagonal && weights.count + offset > AnchorDistance.hexagonalExactSteps + 1
            ? AnchorDistance.walkSequences(grid: .hexagonal, count: weights.count + offset) : nil
        for (j, w) in weights.enumerated() where w > 1e-16 * total {
            let m = j + offset
            switch grid {
            case .square: add(w, squarePMF(steps: m))
            case .hexagonal: add(w, hexagonalPMF(steps: m, sequences: sequences))
            }
        }
        while let last = out.last, last < 1e-300 { out.removeLast() }
        return out
    }

    /// P(D_m = d) on the square grid, the nonzero terms (d ≡ m mod 2).
    public static func squarePMF(steps m: Int) -> [(d: Int, p: Double)] {
        guard m > 0 else { return [(0, 1)] }
        // |U_m| = u for u ≡ m (mod 2); P(|U| = u) = C(m, (m+u)/2)/2^m, doubled for u > 0.
        // The centre term from lgamma carries a relative error of about 1e-16·ln Γ(m) (4e-11
        // at m = 2·10⁴), common to every term: the terms are normalised by their sum.
        let md = Double(m)
        var k = (m + m % 2) / 2  // K at u = m mod 2
        var binom = exp(lgamma(md + 1) - lgamma(Double(k) + 1) - lgamma(md - Double(k) + 1) - md * M_LN2)
        var u = m % 2
        var masses: [(u: Int, p: Double)] = []
        var sum = 0.0
        while true {
            let mass = u == 0 ? binom : 2 * binom
            masses.append((u, mass))
            sum += mass
            // The rest is below mass·√m/18 past 9 standard deviations (ratio ≤ 1 − 18/√m).
            if u >= m || mass < 1e-17 * sum { break }
            // C(m, k+1)/C(m, k) = (m − k)/(k + 1)
            binom *= Double(m - k) / Double(k + 1)
            k += 1
            u += 2
        }
        var cdf = 0.0, previous = 0.0
        var out: [(d: Int, p: Double)] = []
        out.reserveCapacity(masses.count)
        for (u, mass) in masses {
            let q = mass / sum
            cdf = Swift.min(1, cdf + q)
            out.append((u, q * (cdf + previous)))  // F(u)² − F(u − 2)² = P(|U| = u)(F(u) + F(u − 2))
            previous = cdf
        }
        return out
    }

    /// P(D_m = d) on the hexagonal grid (exact to J steps, scaled beyond).
    /// `sequences`: `AnchorDistance.walkSequences(grid: .hexagonal, count: > m)` (read when m > J).
    public static func hexagonalPMF(
        steps m: Int, sequences: (meanDistance: [Double], away: [Double])? = nil
    ) -> [(d: Int, p: Double)] {
        let table = hexagonalTable
        let jmax = AnchorDistance.hexagonalExactSteps
        if m <= jmax {
            return table[m].enumerated().compactMap { $0.element > 0 ? ($0.offset, $0.element) : nil }
        }
        let (mean, away) = sequences.flatMap { $0.away.count > m ? $0 : nil }
            ?? AnchorDistance.walkSequences(grid: .hexagonal, count: m + 1)
        let base = table[jmax]
        let baseAway = 1 - base[0]
        let baseMean = base.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
        let scale = mean[m] / (away[m] * baseMean / baseAway)
        var out = [Double](repeating: 0, count: Int((Double(base.count) * scale).rounded(.up)) + 2)
        out[0] = 1 - away[m]
        for (d, p) in base.enumerated() where d > 0 && p > 0 {
            let x = Double(d) * scale
            let lo = Int(x.rounded(.down))
            let f = x - Double(lo)
            let q = p / baseAway * away[m]
            out[lo] += q * (1 - f)
            out[lo + 1] += q * f
        }
        return out.enumerated().compactMap { $0.element > 0 ? ($0.offset, $0.element) : nil }
    }

    /// P(D_m = d) for m = 0...J on the hexagonal grid, by the walk's exact law (axial coordinates).
    static let hexagonalTable: [[Double]] = {
        let jmax = AnchorDistance.hexagonalExactSteps
        var out: [[Double]] = [[1]]
        AnchorDistance.walkHexagonal { j, lo, hi, at in
            var law = [Double](repeating: 0, count: j + 1)
            for q in lo...hi {
                for r in lo...hi {
                    let v = at(q, r)
                    if v > 0 { law[GridKind.hexagonal.distance(q - jmax, r - jmax)] += v }
                }
            }
            out.append(law)
        }
        return out
    }()
}
