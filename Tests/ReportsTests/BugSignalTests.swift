import Evaluation
import Foundation
import Stochastics
import Testing
@testable import Reports

/// The † bug signal: the Bonferroni threshold, and that a correct model (z-scores
/// of pure chance) shows no † in a table with probability at least 99 %.
@Suite struct BugSignalTests {
    @Test func theThresholdIsTheBonferroniQuantile() {
        let s = BugSignal(comparisons: 200, degreesOfFreedom: 100_000)
        // Normal quantile of 1 - 0.01/400 = 0.999975: 4.0556 (tables), t with 1e5 dof barely above.
        #expect(abs(s.threshold - 4.0556) < 2e-3)
        #expect(BugSignal(comparisons: 200, degreesOfFreedom: 3).threshold > 20)
        #expect(BugSignal(comparisons: 1, degreesOfFreedom: 100_000).threshold < 2.6)
    }

    @Test func aCorrectModelShowsNoDaggerInAtLeast99PercentOfTables() {
        // 2000 tables of 200 exact comparisons whose estimates are exact value + se·N(0, 1)
        // (Student-t with 255 dof would be the simulator's; normal draws are the limit).
        let stream = RandomStream(seed: 77)
        let signal = BugSignal(comparisons: 200, degreesOfFreedom: 255)
        var flaggedTables = 0
        for _ in 0..<2000 {
            var any = false
            for _ in 0..<200 {
                let mc = MetricEstimate(scheme: "s", metric: "m", unit: "u", method: .monteCarlo, estimate: 10 + 0.1 * stream.normal(),
                                        ciLow: 9, ciHigh: 11, samples: 256, standardError: 0.1)
                if signal.flags(10, against: mc) { any = true }
            }
            if any { flaggedTables += 1 }
        }
        // At most 1 % expected; 2000 tables: binomial σ ≈ 0.22 %, so allow 1.7 %.
        #expect(Double(flaggedTables) / 2000 <= 0.017, "\(flaggedTables) of 2000 tables flagged")
    }

    @Test func aWrongExactFormIsFlaggedAndApproximationsKeepTheirMark() {
        let cf = MetricEstimate(scheme: "a", metric: "signaling_cost", unit: "byte_hops_per_s", method: .closedForm, estimate: 12)
        let mc = MetricEstimate(scheme: "a", metric: "signaling_cost", unit: "byte_hops_per_s", method: .monteCarlo, estimate: 10,
                                ciLow: 9.8, ciHigh: 10.2, samples: 256, standardError: 0.1)
        let signal = BugSignal(rows: [cf, mc], metrics: [MetricKey(.signalingCost)]) { _, _ in false }
        #expect(signal.comparisons == 1 && signal.degreesOfFreedom == 255)
        #expect(MetricTables.cellText([cf, mc], approximate: false, signal: signal).1 == [MetricTables.exactMark])
        #expect(MetricTables.cellText([cf, mc], approximate: true, signal: signal).1 == [MetricTables.approximationMark])
        // 3 SE off with one comparison: beyond t(0.995, 255) ≈ 2.6, flagged; with 200 comparisons it is not.
        let near = MetricEstimate(scheme: "a", metric: "signaling_cost", unit: "byte_hops_per_s", method: .monteCarlo, estimate: 11.7,
                                  ciLow: 11.5, ciHigh: 11.9, samples: 256, standardError: 0.1)
        #expect(signal.flags(12, against: near))
        #expect(!BugSignal(comparisons: 200, degreesOfFreedom: 255).flags(12, against: near))
    }

    /// An interval that is not valid (infinite Monte Carlo variance, docs/MODELS.md 9.4) is
    /// marked § with its reason in the footnote, and a closed form 20 "standard errors" from
    /// it is not marked †, nor counted among the comparisons.
    @Test func anInvalidIntervalIsMarkedAndNeverTested() {
        let cf = MetricEstimate(scheme: "sail", metric: "outage", unit: "s", method: .closedForm, estimate: 469.6)
        var mc = MetricEstimate(scheme: "sail", metric: "outage", unit: "s", method: .monteCarlo, estimate: 430,
                                ciLow: 426, ciHigh: 434, samples: 256, standardError: 2)
        let valid = BugSignal(rows: [cf, mc], metrics: [MetricKey(.outage)]) { _, _ in false }
        #expect(valid.comparisons == 1 && valid.flags(cf, against: mc))
        mc.intervalCaveat = "Monte Carlo variance infinite: Pareto residence shape 2.42 <= 4 for a quantity in E[X^2]"
        let signal = BugSignal(rows: [cf, mc], metrics: [MetricKey(.outage)]) { _, _ in false }
        #expect(!signal.flags(cf, against: mc))
        let (text, marks) = MetricTables.cellText([cf, mc], approximate: false, signal: signal)
        #expect(marks == [MetricTables.invalidIntervalMark] && text.hasSuffix("\u{00A7})"), "\(text)")
        let table = MetricTables.wide([cf, mc], metrics: [MetricKey(.outage)])
        #expect(table.footnotes.contains { $0.hasPrefix("\u{00A7}") && $0.contains("shape 2.42 <= 4") }, "\(table.footnotes)")
        // LaTeX: the cell's § as \S{} and its note as the tablenotes item \item[\S] (pdflatex
        // with T1 fonts; the transliteration gave "S." in both before).
        let latex = LaTeXRenderer.render(table)
        #expect(latex.contains("\\S{})") && latex.contains("\\item[\\S] Monte Carlo interval not valid"), "\(latex)")
    }
}
