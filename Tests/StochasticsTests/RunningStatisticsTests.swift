import Testing
@testable import Stochastics

@Suite("RunningStatistics")
struct RunningStatisticsTests {
    static let values: [Double] = {
        let stream = RandomStream(seed: 11)
        return (0..<10_001).map { _ in 1e6 + stream.exponential(mean: 3) }  // large offset: tests stability
    }()

    /// Two-pass textbook mean and unbiased variance.
    static func twoPass(_ xs: [Double]) -> (Double, Double) {
        let m = xs.reduce(0, +) / Double(xs.count)
        return (m, xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1))
    }

    @Test("single pass agrees with the two-pass formulas")
    func singlePass() {
        let s = RunningStatistics(Self.values)
        let (m, v) = Self.twoPass(Self.values)
        #expect(s.count == Self.values.count)
        #expect(abs(s.mean - m) <= 1e-12 * m)
        #expect(abs(s.variance - v) <= 1e-8 * v)
        #expect(abs(s.standardError - (v / Double(s.count)).squareRoot()) <= 1e-8 * s.standardError)
    }

    @Test("merging chunks equals one pass", arguments: [1, 2, 3, 7, 64])
    func merge(chunks: Int) {
        let single = RunningStatistics(Self.values)
        let size = (Self.values.count + chunks - 1) / chunks
        var merged = RunningStatistics()
        for start in stride(from: 0, to: Self.values.count, by: size) {
            merged.merge(RunningStatistics(Self.values[start..<Swift.min(start + size, Self.values.count)]))
        }
        #expect(merged.count == single.count)
        #expect(abs(merged.mean - single.mean) <= 1e-12 * single.mean)
        #expect(abs(merged.variance - single.variance) <= 1e-8 * single.variance)
    }

    @Test("merging with an empty accumulator is the identity")
    func mergeEmpty() {
        let s = RunningStatistics([1, 2, 4])
        var a = s
        a.merge(RunningStatistics())
        var b = RunningStatistics()
        b.merge(s)
        #expect(a == s && b == s)
        #expect(s.mean == 7.0 / 3 && abs(s.variance - 7.0 / 3) <= 1e-15)
    }
}
