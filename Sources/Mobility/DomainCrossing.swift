import Foundation
import Stochastics

/// The fraction of AR crossings that also cross a domain boundary (HMIPv6 MAP
/// domain, PMIPv6 LMA domain, DMM anchor region), docs/MODELS.md §2.6.
///
/// Assumptions: domains tile the plane; the MN does a stationary symmetric
/// nearest-neighbour random walk on the AR grid (4 neighbours on the square
/// grid, 6 on the hexagonal grid), so its position within its domain is
/// uniform. Then p_d = (outward boundary edges)/(neighbours × ARs in the domain):
/// - square domain of m × m ARs: p_d = 4m/(4m²) = 1/m;
/// - hexagonal domain of n rings around a centre AR (N = 3n² + 3n + 1 ARs;
///   n = 0 is a single AR): p_d = (12n + 6)/(6N) = (2n + 1)/(3n² + 3n + 1).
/// Fluid flow gives the same values. The domain-crossing rate is p_d·η, exact in the mean.
public enum DomainCrossing {
    /// Allowed domain sizes: m in 1...1_000_000 ARs a side (square), n in
    /// 0...1_000_000 rings (hexagonal); the bound keeps the AR count within Int.
    public static func allowedSizes(grid: GridKind) -> ClosedRange<Int> {
        grid == .square ? 1...1_000_000 : 0...1_000_000
    }

    /// p_d for a domain of `domainSize`; throws `DomainSizeError` (an
    /// `InvalidInput`) outside `allowedSizes(grid:)`.
    public static func fraction(grid: GridKind, domainSize: Int) throws(DomainSizeError) -> Double {
        try check(grid: grid, domainSize: domainSize)
        switch grid {
        case .square:
            return 1 / Double(domainSize)
        case .hexagonal:
            let n = Double(domainSize)
            return (2 * n + 1) / (3 * n * n + 3 * n + 1)
        }
    }

    /// ARs in a domain: m² (square), 3n² + 3n + 1 (hexagonal); throws like `fraction`.
    public static func arCount(grid: GridKind, domainSize: Int) throws(DomainSizeError) -> Int {
        try check(grid: grid, domainSize: domainSize)
        switch grid {
        case .square: return domainSize * domainSize
        case .hexagonal: return 3 * domainSize * domainSize + 3 * domainSize + 1
        }
    }

    static func check(grid: GridKind, domainSize: Int) throws(DomainSizeError) {
        guard allowedSizes(grid: grid).contains(domainSize) else { throw DomainSizeError(grid: grid, domainSize: domainSize) }
    }

    /// The domain holding cell (x, y), as the integer coordinates of its
    /// translation: square domains are [m·i, m·i + m) × [m·j, m·j + m);
    /// hexagonal n-ring domains are centred on the lattice u·(2n+1, −n) + v·(n, n+1)
    /// (axial coordinates; both vectors have hexagonal length 2n + 1 and the
    /// lattice's cell has 3n² + 3n + 1 ARs, so the domains tile the plane).
    public static func domain(of x: Int, _ y: Int, grid: GridKind, domainSize m: Int) -> (Int, Int) {
        switch grid {
        case .square:
            return (Int((Double(x) / Double(m)).rounded(.down)), Int((Double(y) / Double(m)).rounded(.down)))
        case .hexagonal:
            let n = m, det = Double(3 * n * n + 3 * n + 1)
            let u = (Double(n + 1) * Double(x) - Double(n) * Double(y)) / det
            let v = (Double(n) * Double(x) + Double(2 * n + 1) * Double(y)) / det
            let u0 = Int(u.rounded(.down)), v0 = Int(v.rounded(.down))
            for du in -1...2 {
                for dv in -1...2 {
                    let cu = u0 + du, cv = v0 + dv
                    let cx = cu * (2 * n + 1) + cv * n, cy = -cu * n + cv * (n + 1)
                    if GridKind.hexagonal.distance(x - cx, y - cy) <= n { return (cu, cv) }
                }
            }
            preconditionFailure("hexagonal domain lookup failed for (\(x), \(y)), n = \(n)")
        }
    }

    /// A cell drawn uniformly from the ARs of the domain at the origin (the
    /// cells of `cells(grid:domainSize:)`), without listing them: the square
    /// domain's side coordinates are independent uniforms; the hexagonal
    /// domain is sampled by rejection from its bounding rhombus (acceptance
    /// (3n² + 3n + 1)/(2n + 1)² ≥ 3/4). Domains tile the plane by translation,
    /// so this is also uniform over the AR within whatever domain: the
    /// stationary position of the symmetric walk seen modulo the tiling, the
    /// start that makes domain crossings stationary from the first handoff.
    public static func uniformCell(grid: GridKind, domainSize m: Int, stream: RandomStream) -> (Int, Int) {
        switch grid {
        case .square:
            return (stream.uniformInt(m), stream.uniformInt(m))
        case .hexagonal:
            while true {
                let q = stream.uniformInt(2 * m + 1) - m, r = stream.uniformInt(2 * m + 1) - m
                if GridKind.hexagonal.distance(q, r) <= m { return (q, r) }
            }
        }
    }

    /// The ARs of the domain at the origin, in grid coordinates.
    public static func cells(grid: GridKind, domainSize m: Int) -> [(Int, Int)] {
        switch grid {
        case .square:
            return (0..<m).flatMap { x in (0..<m).map { (x, $0) } }
        case .hexagonal:
            return (-m...m).flatMap { q in (-m...m).compactMap { r in GridKind.hexagonal.distance(q, r) <= m ? (q, r) : nil } }
        }
    }
}

/// A domain size outside `DomainCrossing.allowedSizes(grid:)`.
public struct DomainSizeError: InvalidInput, Equatable, Sendable {
    public let grid: GridKind
    public let domainSize: Int

    public var description: String {
        let allowed = DomainCrossing.allowedSizes(grid: grid)
        let unit = grid == .square ? "ARs a side" : "rings around the centre AR"
        return "domain size \(domainSize) is out of range for the \(grid.rawValue) grid; allowed: \(allowed.lowerBound)...\(allowed.upperBound) \(unit)"
    }
}
