/// The tiling of access-router (AR) cells (docs/ARCHITECTURE.md, docs/MODELS.md §2.6, §3.2).
///
/// `square`: each AR has 4 neighbours, grid distance = Manhattan distance.
/// `hexagonal`: each AR has 6 neighbours; cells use axial coordinates (q, r),
/// grid distance = (|q| + |r| + |q + r|) / 2.
public enum GridKind: String, CaseIterable, Sendable, Codable {
    case square, hexagonal

    /// Neighbours of a cell.
    public var neighbourCount: Int { self == .square ? 4 : 6 }

    /// Steps to the neighbours, as (dx, dy) on the square grid or axial (dq, dr) on the hexagonal grid.
    public var steps: [(Int, Int)] {
        switch self {
        case .square: return [(1, 0), (-1, 0), (0, 1), (0, -1)]
        case .hexagonal: return [(1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)]
        }
    }

    /// Grid distance (number of AR-to-AR hops) from the origin to (x, y).
    @inlinable
    public func distance(_ x: Int, _ y: Int) -> Int {
        switch self {
        case .square: return abs(x) + abs(y)
        case .hexagonal: return (abs(x) + abs(y) + abs(x + y)) / 2
        }
    }
}
