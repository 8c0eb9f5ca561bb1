import Foundation
import Stochastics

/// The law of S_j = X_1 + … + X_j (i.i.d. full residences) on a fixed grid of ages y,
/// for the residence counts j that `AnchorResidences` visits, by numerical Laplace
/// inversion (`RenewalInversion.sumLaw`, docs/MODELS.md 3.3): at every node y_k,
/// F_j(y_k) = P(S_j ≤ y_k) and I_j(y_k) = ∫₀^{y_k} F_j = E[(y_k − S_j)⁺] (seconds).
///
/// Why a grid: the per-residence expectations E[g(u + S_j)] of a piecewise-linear g
/// (the ψ table) need, for every shift u, the law at the nodes shifted by u; the law
/// is inverted once per call at the table's own nodes and I_j is read between nodes
/// by cubic Hermite interpolation with its derivative F_j (I_j is C¹, its error
/// O(h⁴ max|f_j′|) on a cell of width h), so many shifts share one inversion.
/// Columns (one j at every node) are computed lazily in batches along the visit
/// order 2, 3, …, 64, then every (j/64)-th, and cached.
///
/// Residences past `countLimit` hold, by the Chernoff bound at the grid's end y_max
/// with s₀ = A/(2 y_max), P(S_j ≤ y_max) ≤ e^{s₀ y_max} f*(s₀)^j, summed over j ≥ that
/// limit below 1e-12: every later residence's term is below that (ψ and the tail are 0
/// past y_max).
final class ResidenceSumGrid {
    let residence: ProbabilityLaw
    /// The ages y_k (seconds), ascending, y_0 = 0.
    let nodes: [Double]
    /// The first j past which Σ_{j' ≥ j} P(S_{j'} ≤ y_max) ≤ 1e-12 (Chernoff).
    let countLimit: Int
    private let inversion: RenewalInversion
    private var contours: [RenewalInversion.SumContour?]
    private var columns: [Int: (cdf: [Double], integral: [Double])] = [:]
    /// The last column computed (the clamp keeps F_j and I_j non-increasing in j).
    private var lastColumn: (j: Int, cdf: [Double], integral: [Double])?

    init(residence: ProbabilityLaw, nodes: [Double]) throws {
        self.residence = residence
        self.nodes = nodes
        let inversion = Self.inversion(residence)
        self.inversion = inversion
        contours = try ContourCache.shared.contours(inversion, nodes: nodes)
        // Chernoff at the grid's end: s₀ real, f*(s₀) = 1 − complement (the contour's first point).
        let end = nodes.last ?? 0
        var limit = Int.max
        if end > 0 {
            let s0 = RenewalInversion.a / (2 * end)
            let f0 = 1 - (try residence.laplaceComplements(real: s0, step: 0, count: 1))[0].re
            if f0 > 0, f0 < 1 {
                // e^{A/2} f0^j / (1 − f0) ≤ 1e-12.
                let j = (RenewalInversion.a / 2 - log(1 - f0) - log(1e-12)) / -log(f0)
                limit = Int(Swift.min(1e9, Swift.max(2, j.rounded(.up))))
            } else if f0 <= 0 {
                limit = 2
            }
        }
        countLimit = limit
    }

    /// The inversion for sums: n = 30 terms of the Euler sum (120 for the uniform law, as
    /// `RenewalInversion`), not 15: far past E[S_j] (y = 2000 s for S_10 of 60 s gamma
    /// residences) F_j's transform still turns fast and 15 terms err by 8e-7 on F_j,
    /// 30 by 1e-8, the discretisation term (measured, `AnchorResidencesTests`).
    static func inversion(_ residence: ProbabilityLaw) -> RenewalInversion {
        if case .uniform = residence.form { return RenewalInversion(residence: residence) }
        return RenewalInversion(residence: residence, terms: 30)
    }

    /// The visit order of `AnchorResidences.values`: every j up to 64, then every (j/64)-th.
    static func next(after j: Int) -> Int { j + (j < 64 ? 1 : j / 64) }

    /// (F_j, I_j) at every node.
    func column(_ j: Int) throws -> (cdf: [Double], integral: [Double]) {
        if let c = columns[j] { return c }
        // A batch of up to 32 counts along the visit order from j.
        var counts = [j]
        while counts.count < 32 { counts.append(Self.next(after: counts[counts.count - 1])) }
        var cdf = [[Double]](repeating: [Double](repeating: 0, count: nodes.count), count: counts.count)
        var integral = cdf
        for (k, contour) in contours.enumerated() {
            guard let contour else { continue }
            let law = try inversion.sumLaw(contour, counts: counts)
            for i in 0..<counts.count { cdf[i][k] = law.cdf[i]; integral[i][k] = law.integral[i] }
        }
        // Non-increasing in j across batches too (within a batch `sumLaw` clamps).
        if let last = lastColumn, last.j < j {
            for i in 0..<counts.count {
                for k in 0..<nodes.count {
                    cdf[i][k] = Swift.min(cdf[i][k], last.cdf[k])
                    integral[i][k] = Swift.min(integral[i][k], last.integral[k])
                }
            }
        }
        for i in 0..<counts.count { columns[counts[i]] = (cdf[i], integral[i]) }
        if lastColumn == nil || lastColumn!.j < counts[counts.count - 1] {
            lastColumn = (counts[counts.count - 1], cdf[counts.count - 1], integral[counts.count - 1])
        }
        return (cdf[0], integral[0])
    }

    /// I_j(y) between the nodes: cubic Hermite on the cell holding y, with I_j′ = F_j
    /// (0 at y ≤ 0; y past the last node is not asked for). `hint` is the cell to
    /// start the search from (the caller walks y upward).
    static func integral(
        _ y: Double, nodes: [Double], column: (cdf: [Double], integral: [Double]), hint: inout Int
    ) -> Double {
        if y <= 0 { return 0 }
        let n = nodes.count
        var k = Swift.min(Swift.max(hint, 0), n - 2)
        while k > 0, nodes[k] > y { k -= 1 }
        while k < n - 2, nodes[k + 1] <= y { k += 1 }
        hint = k
        let h = nodes[k + 1] - nodes[k]
        let tau = Swift.min(1, Swift.max(0, (y - nodes[k]) / h))
        if tau == 0 { return column.integral[k] }
        if tau == 1 { return column.integral[k + 1] }
        let t2 = tau * tau, t3 = t2 * tau
        let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + tau, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
        let value = h00 * column.integral[k] + h10 * h * column.cdf[k]
            + h01 * column.integral[k + 1] + h11 * h * column.cdf[k + 1]
        // I_j is non-decreasing with slope ≤ 1: stay within the cell's bounds.
        let lo = column.integral[k], hi = Swift.min(column.integral[k + 1], lo + (y - nodes[k]))
        return Swift.min(Swift.max(value, lo), Swift.max(lo, hi))
    }

    /// F_j(y) between the nodes, linear (only the grid's end term needs it).
    static func cdf(_ y: Double, nodes: [Double], column: (cdf: [Double], integral: [Double])) -> Double {
        if y <= 0 { return 0 }
        guard let last = nodes.last, y < last else { return column.cdf[column.cdf.count - 1] }
        var lo = 0, hi = nodes.count - 1
        while hi - lo > 1 { let mid = (lo + hi) / 2; if nodes[mid] <= y { lo = mid } else { hi = mid } }
        let w = (y - nodes[lo]) / (nodes[hi] - nodes[lo])
        return column.cdf[lo] + w * (column.cdf[hi] - column.cdf[lo])
    }
}

/// The contours of `ResidenceSumGrid` (the transform at every node's Euler points, the
/// cost of the inversion: for a lognormal residence one batched quadrature per node)
/// kept for the last few (residence, nodes): one scenario's closed forms build the same
/// grid for the handoff, the refresh instants and the live-anchor integral (3.3-3.5),
/// three times the same transforms otherwise. Values are those a fresh computation gives.
private final class ContourCache: @unchecked Sendable {
    static let shared = ContourCache()
    private let lock = NSLock()
    private var entries: [(key: ProbabilityLaw, nodes: [Double], terms: Int, contours: [RenewalInversion.SumContour?])] = []

    func contours(_ inversion: RenewalInversion, nodes: [Double]) throws -> [RenewalInversion.SumContour?] {
        let key = inversion.residence
        lock.lock()
        if let hit = entries.first(where: { $0.key == key && $0.terms == inversion.terms && $0.nodes == nodes }) {
            lock.unlock()
            return hit.contours
        }
        lock.unlock()
        let contours = try nodes.map { $0 > 0 ? try inversion.sumContour($0) : nil }
        lock.lock()
        entries.append((key, nodes, inversion.terms, contours))
        if entries.count > 4 { entries.removeFirst() }
        lock.unlock()
        return contours
    }
}
