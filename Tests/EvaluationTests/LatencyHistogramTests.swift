import Foundation
import Testing
@testable import Evaluation

@Suite struct LatencyHistogramTests {
    /// n points at the (i + ½)/n quantiles of an exponential law of mean 800 ms
    /// shifted by 50 ms: the histogram's p-quantile must be within its stated
    /// relative error (2^-9) of the exact law's quantile 50 − 800 ln(1 − p), plus
    /// the gap of one rank between neighbouring points (density bound).
    @Test(arguments: [0.01, 0.5, 0.9, 0.95, 0.99, 0.999])
    func quantilesOfAKnownLawWithinTheStatedRelativeError(_ p: Double) throws {
        let n = 200_000
        func law(_ u: Double) -> Double { 50 - 800 * log1p(-u) }
        var h = LatencyHistogram()
        for i in 0..<n { h.add(law((Double(i) + 0.5) / Double(n))) }
        let q = try #require(h.quantile(p))
        let exact = law(p)
        let rankGap = law(min(0.999999, p + 1 / Double(n))) - exact
        #expect(abs(q.estimate - exact) <= LatencyHistogram.relativeError * exact + rankGap,
                "p\(p): \(q.estimate) vs \(exact)")
        #expect(q.low <= q.estimate && q.estimate <= q.high)
    }

    @Test func binsCoverTheirRangeWithBoundedRelativeError() {
        var x = LatencyHistogram.lowest
        while x < LatencyHistogram.highest {
            let c = LatencyHistogram.centre(LatencyHistogram.bin(x))
            #expect(abs(c - x) <= LatencyHistogram.relativeError * x * (1 + 1e-12), "\(x) -> \(c)")
            x *= 1.0137
        }
        #expect(LatencyHistogram.bin(.nan) == 0 && LatencyHistogram.bin(-1) == 0)
        #expect(LatencyHistogram.bin(1e300) == LatencyHistogram.binCount - 1)
    }
}
