/// Which part of a sweep's grid one run computes (`--shard K/N`).
///
/// Rule: point i (0-based, grid order) belongs to shard `i % N + 1`
/// (round-robin). Round-robin rather than contiguous blocks because cost
/// often grows along an axis (longer sessions, more samples): every shard
/// then gets a fair mix of cheap and dear points.
public struct SweepShard: Sendable, Equatable, Codable {
    /// 1-based shard number.
    public var k: Int
    /// Number of shards.
    public var n: Int

    public static let whole = SweepShard(uncheckedK: 1, n: 1)

    init(uncheckedK k: Int, n: Int) {
        self.k = k
        self.n = n
    }

    public init(k: Int, n: Int) throws {
        guard n >= 1 else { throw SweepError("--shard \(k)/\(n): N must be at least 1") }
        guard (1...n).contains(k) else { throw SweepError("--shard \(k)/\(n): K must be in 1...\(n)") }
        self.init(uncheckedK: k, n: n)
    }

    /// Parses "K/N".
    public static func parse(_ text: String) throws -> SweepShard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw SweepError("--shard '\(text)': expected K/N with integers 1 <= K <= N, e.g. 3/8")
        }
        return try SweepShard(k: k, n: n)
    }

    public func contains(_ index: Int) -> Bool { index % n == k - 1 }

    /// The grid indices of this shard, ascending.
    public func indices(in count: Int) -> StrideTo<Int> { stride(from: k - 1, to: count, by: n) }

    public var text: String { "\(k)/\(n)" }
}
