import Testing
@testable import Stochastics

@Suite("ConfidenceInterval")
struct ConfidenceIntervalTests {
    /// Two-sided 95 % Student t quantiles t_{0.975,ν} from standard tables
    /// (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2), to the digits printed there.
    @Test("t quantiles match the table", arguments: [
        (1, 12.706), (2, 4.303), (9, 2.262), (10, 2.228), (30, 2.042), (100, 1.984),
    ])
    func tTable(dof: Int, t: Double) {
        #expect(abs(ConfidenceInterval.tQuantile(level: 0.95, degreesOfFreedom: dof) - t) <= 0.0005)
    }

    /// GSL's `gsl_cdf_tdist_Pinv` is accurate to about 1e-10 relative (measured
    /// 2.5e-11 here), far below any CI's own sampling error: tolerance 1e-9.
    @Test("t_{0.975,9} to GSL's precision and the normal limit")
    func precise() {
        // R: qt(0.975, 9) = 2.262157162740992
        #expect(abs(ConfidenceInterval.tQuantile(level: 0.95, degreesOfFreedom: 9) - 2.262157162740992) <= 1e-9)
        // Φ⁻¹(0.975) = 1.959963984540054; t → normal as ν → ∞.
        #expect(abs(ConfidenceInterval.tQuantile(level: 0.95, degreesOfFreedom: 1_000_000) - 1.959963984540054) <= 1e-5)
        // R: qt(0.995, 4) = 4.604094871415897
        #expect(abs(ConfidenceInterval.tQuantile(level: 0.99, degreesOfFreedom: 4) - 4.604094871415897) <= 1e-9)
    }

    @Test("interval from ten values: mean ± t·s/√n, and covers")
    func fromStatistics() {
        let s = RunningStatistics((1...10).map(Double.init))
        let ci = s.confidenceInterval()
        // mean 5.5, s² = 55/6, se = √(55/60).
        let half = 2.262157162740992 * (55.0 / 60).squareRoot()
        #expect(ci.estimate == 5.5 && ci.samples == 10)
        #expect(abs(ci.low - (5.5 - half)) <= 1e-9 && abs(ci.high - (5.5 + half)) <= 1e-9)
        #expect(abs(ci.halfWidth - half) <= 1e-9)
        #expect(ci.covers(5.5 + half * 0.999) && !ci.covers(5.5 + half * 1.001))
    }

    @Test("one observation gives the point itself")
    func single() {
        let ci = RunningStatistics([3]).confidenceInterval()
        #expect(ci.low == 3 && ci.high == 3)
    }
}
