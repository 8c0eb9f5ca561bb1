import Stochastics

/// One point of a sweep grid: where it is and the seed it draws from.
public struct SweepPoint: Sendable, Equatable {
    /// Index in grid order (0-based).
    public var index: Int
    /// Index into each axis's values, in axis order.
    public var coordinates: [Int]
    /// (path, value) for each axis, in axis order.
    public var assignments: [(path: String, value: String)]
    /// `SeedMixer.mix(seed: runSeed, path: coordinates)`: depends only on the
    /// run seed and the point, never on shard, job count or order of work.
    public var seed: UInt64

    public static func == (a: SweepPoint, b: SweepPoint) -> Bool {
        a.index == b.index && a.coordinates == b.coordinates && a.seed == b.seed
            && a.assignments.map(\.path) == b.assignments.map(\.path)
            && a.assignments.map(\.value) == b.assignments.map(\.value)
    }
}

/// The cartesian product of a sweep's axes, in a fixed order: the first
/// `--vary` is the slowest, the last the fastest (like nested loops written
/// in the order given). Point i has coordinates (c1, ..., cm) with
/// i = ((c1 * n2 + c2) * n3 + c3) ...
public struct SweepGrid: Sendable, Equatable {
    public var axes: [SweepAxis]
    public var seed: UInt64

    public static let maximumPoints = 100_000_000

    public init(axes: [SweepAxis], seed: UInt64) throws {
        guard !axes.isEmpty else { throw SweepError("no --vary given; a sweep needs at least one PATH=SPEC") }
        var paths = Set<String>()
        for axis in axes where !paths.insert(axis.path).inserted {
            throw SweepError("--vary \(axis.path) is given twice; vary each path once")
        }
        var total = 1
        for axis in axes {
            let (product, overflow) = total.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= Self.maximumPoints else {
                throw SweepError("the grid has more than \(Self.maximumPoints) points; split it into several sweeps")
            }
            total = product
        }
        self.axes = axes
        self.seed = seed
        self.count = total
    }

    /// Number of points.
    public private(set) var count: Int

    public var paths: [String] { axes.map(\.path) }

    public func coordinates(of index: Int) -> [Int] {
        precondition((0..<count).contains(index))
        var rest = index
        var coordinates = [Int](repeating: 0, count: axes.count)
        for a in axes.indices.reversed() {
            let n = axes[a].values.count
            coordinates[a] = rest % n
            rest /= n
        }
        return coordinates
    }

    public func index(of coordinates: [Int]) -> Int {
        precondition(coordinates.count == axes.count)
        var index = 0
        for (a, c) in coordinates.enumerated() { index = index * axes[a].values.count + c }
        return index
    }

    public func point(_ index: Int) -> SweepPoint {
        let c = coordinates(of: index)
        return SweepPoint(
            index: index, coordinates: c,
            assignments: c.enumerated().map { (axes[$0.offset].path, axes[$0.offset].values[$0.element]) },
            seed: SeedMixer.mix(seed: seed, path: c.map { UInt64($0) }))
    }
}
