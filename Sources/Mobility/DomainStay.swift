import Foundation

/// The law of K, the residences an MN spends in a mobility domain from entering it
/// to leaving it (docs/MODELS.md 5.1): the symmetric nearest-neighbour walk on the AR
/// grid enters the domain through an inward boundary edge chosen uniformly (the
/// stationary entry: a cell is entered with probability proportional to its outward
/// edges) and makes one step per residence; K counts the residences until a step
/// leaves the domain. Kac's formula gives E[K] = 1/p_d (`DomainCrossing.fraction`).
///
/// Computed by iterating the killed walk's transition on the domain's cells:
/// P(K > k) is the mass still inside after k steps. The iteration stops when the
/// two-step ratio P(K > k + 1)/P(K > k − 1) is stable to 1e-12 over both parities
/// (the square grid's walk is bipartite, so its slowest modes come as ±λ) or
/// P(K > k) < 1e-18; past that the tail is geometric in two steps (the slowest
/// mode, λ² per two steps): exact to about 1e-12 relative.
/// Cost: cells × 6 × steps, about 3·10⁷ for a hexagonal domain of 40 rings.
public struct DomainStay: Sendable {
    /// P(K > k), k = 0 ... (the table; `survival(_:)` extends it).
    public let table: [Double]
    /// P(K > k + 2)/P(K > k) past the table.
    public let twoStepRatio: Double

    /// Domains up to these sizes are iterated (the validation campaign's ranges:
    /// hexagonal to 40 rings, 4921 ARs); the square grid's exponential-residence case
    /// has a closed form at any size (`DomainRefresh`), its other laws up to side 30.
    public static func iterates(grid: GridKind, domainSize m: Int) -> Bool {
        grid == .hexagonal ? m <= 40 : m <= 30
    }

    public init(grid: GridKind, domainSize m: Int) throws(DomainSizeError) {
        let cells = try Self.cells(grid: grid, domainSize: m)
        let count = cells.count
        var index: [Int: Int] = [:]
        let key = { (x: Int, y: Int) in (x + 2 * m + 4) * (8 * m + 16) + (y + 2 * m + 4) }
        for (i, c) in cells.enumerated() { index[key(c.0, c.1)] = i }
        let steps = grid.steps, z = steps.count
        var neighbours = [Int](repeating: -1, count: count * z)
        var entry = [Double](repeating: 0, count: count)
        for (i, c) in cells.enumerated() {
            for (s, d) in steps.enumerated() {
                if let j = index[key(c.0 + d.0, c.1 + d.1)] { neighbours[i * z + s] = j } else { entry[i] += 1 }
            }
        }
        let edges = entry.reduce(0, +)
        var mass = entry.map { $0 / edges }
        var next = [Double](repeating: 0, count: count)
        var table: [Double] = [1]
        let share = 1 / Double(z)
        var stable = 0
        var ratio = 0.0
        let cap = 2_000_000
        while table.count < cap {
            var inside = 0.0
            for i in 0..<count { next[i] = 0 }
            mass.withUnsafeBufferPointer { mass in
                next.withUnsafeMutableBufferPointer { next in
                    neighbours.withUnsafeBufferPointer { nb in
                        for i in 0..<count where mass[i] != 0 {
                            let w = mass[i] * share
                            for s in 0..<z {
                                let j = nb[i * z + s]
                                if j >= 0 { next[j] += w }
                            }
                        }
                    }
                }
            }
            swap(&mass, &next)
            for i in 0..<count { inside += mass[i] }
            table.append(inside)
            let k = table.count - 1
            if inside < 1e-18 { ratio = 0; break }
            if k >= 3 {
                let r = table[k] / table[k - 2], previous = table[k - 1] / table[k - 3]
                stable = abs(r - previous) <= 1e-12 * r ? stable + 1 : 0
                ratio = r
                if stable >= 4 { break }
            }
        }
        self.table = table
        self.twoStepRatio = ratio
    }

    /// P(K > k): the table, then the two-step geometric tail.
    public func survival(_ k: Int) -> Double {
        if k < table.count { return table[k] }
        let last = table.count - 1
        let d = k - last
        let base = d % 2 == 0 ? last : last - 1
        let steps = d % 2 == 0 ? d / 2 : (d + 1) / 2
        return table[base] * pow(twoStepRatio, Double(steps))
    }

    /// Σ_{j ≥ k} P(K > j) for k past the table (both parities' geometric sums).
    public func survivalSum(from k: Int) -> Double {
        twoStepRatio < 1 ? (survival(k) + survival(k + 1)) / (1 - twoStepRatio) : .infinity
    }

    /// The domain's cells (that of `DomainCrossing.cells`).
    static func cells(grid: GridKind, domainSize m: Int) throws(DomainSizeError) -> [(Int, Int)] {
        try DomainCrossing.check(grid: grid, domainSize: m)
        return DomainCrossing.cells(grid: grid, domainSize: m)
    }
}
