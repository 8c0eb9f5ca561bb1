import Stochastics
import Testing
@testable import Evaluation

/// Refresh rate η Σ_{n≥1} F^c(n T) (analytic-models.md 4) against sums done by hand.
@Suite struct BindingRefreshTests {
    /// Uniform residence on [0, 2M]: F^c(t) = 1 − t/(2M), so with N = ⌊2M/T⌋
    /// the sum is N − T N(N + 1)/(4M) exactly. T = 1e-5 s, M = 60 s gives
    /// N = 12,000,000 terms: past the 10^6-term loop, so the integral tail is used.
    @Test func longSeriesUsesTheIntegralTail() throws {
        let m = 60.0, t = 1e-5
        let law = try ProbabilityLaw.uniform(min: 0, max: 2 * m)
        let n = (2 * m / t).rounded(.down)
        let exact = (n - t * n * (n + 1) / (4 * m)) / m
        let rate = try BindingRefresh.rate(residence: law, lifetime: t)
        #expect(abs(rate - exact) <= 1e-9 * exact, "\(rate) vs \(exact)")
    }

    /// Exponential residence: e^{−T/m}/(1 − e^{−T/m}) per residence, kept to full
    /// precision for T ≪ m (a naive 1 − e^{−x} loses all digits at x = 1e-12).
    @Test func exponentialWithATinyLifetime() throws {
        let m = 60.0, t = 60e-12
        let rate = try BindingRefresh.rate(residence: try .exponential(mean: m), lifetime: t)
        // x = T/m = 1e-12: e^{-x}/(1 − e^{-x}) = 1/x − 1/2 + x/12 − ...
        let x = 1e-12
        #expect(abs(rate - (1 / x - 0.5) / m) <= 1e-12 * rate)
    }
}
