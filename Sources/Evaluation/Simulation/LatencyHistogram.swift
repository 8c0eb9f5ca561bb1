import Foundation
import Stochastics

/// Fixed-bin histogram of handoff latencies (ms) with integer weights: memory
/// does not grow with the number of samples, and integer counts add exactly,
/// so per-thread histograms merge to the same totals in any order.
///
/// Bins: 0.01 ms wide up to 2621.44 ms (2^18 bins), then 1 % wide (log scale)
/// up to ~1.3e6 ms; a quantile is read at its bin's centre, so its
/// discretisation error is at most 0.005 ms below 2.6 s (0.5 % above).
struct LatencyHistogram: Sendable {
    static let width = 0.01
    static let linearBins = 1 << 18
    static let logBins = 1024
    static let linearTop = width * Double(linearBins)
    static let logStep = log(1.01)

    private(set) var counts: [UInt64]
    private(set) var total: UInt64 = 0

    init() { counts = [UInt64](repeating: 0, count: Self.linearBins + Self.logBins) }

    @inline(__always) static func bin(_ ms: Double) -> Int {
        if ms < linearTop { return Swift.max(0, Int(ms / width)) }
        return linearBins + Swift.min(logBins - 1, Int(log(ms / linearTop) / logStep))
    }

    static func centre(_ bin: Int) -> Double {
        if bin < linearBins { return (Double(bin) + 0.5) * width }
        let k = Double(bin - linearBins)
        return linearTop * exp((k + 0.5) * logStep)
    }

    @inline(__always) mutating func add(_ ms: Double, weight: UInt64 = 1) {
        counts[Self.bin(ms)] &+= weight
        total &+= weight
    }

    mutating func merge(_ o: LatencyHistogram) {
        for i in counts.indices { counts[i] &+= o.counts[i] }
        total &+= o.total
    }

    /// The smallest bin centre whose cumulative weight reaches rank (1-based).
    func value(atRank rank: Double) -> Double {
        var cum = 0.0
        let target = Swift.max(1, rank)
        for (i, c) in counts.enumerated() where c > 0 {
            cum += Double(c)
            if cum >= target { return Self.centre(i) }
        }
        return Self.centre(counts.lastIndex { $0 > 0 } ?? 0)
    }

    /// The p-quantile with a distribution-free 95 % interval from order
    /// statistics: ranks n p ± 1.96 √(n p (1 − p)). ASSUMPTION: the weighted
    /// observations are treated as n independent ones; sessions crossing the
    /// same handoff share its draws, so the interval is somewhat optimistic.
    func quantile(_ p: Double) -> ConfidenceInterval? {
        guard total > 0 else { return nil }
        let n = Double(total)
        let half = 1.959963984540054 * (n * p * (1 - p)).squareRoot()
        let q = value(atRank: (n * p).rounded(.up))
        let lo = value(atRank: (n * p - half).rounded(.down))
        let hi = value(atRank: Swift.min(n, (n * p + half).rounded(.up)))
        return ConfidenceInterval(estimate: q, low: Swift.min(lo, q), high: Swift.max(hi, q), samples: Int(total))
    }
}
