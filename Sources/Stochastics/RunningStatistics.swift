import CGSL
import Foundation

/// Count, mean and variance of a stream of observations in O(1) memory.
///
/// Welford's update (Welford 1962) for `add`, and Chan, Golub & LeVeque's
/// pairwise combination (1979) for `merge`, so per-thread accumulators can be
/// combined in a fixed order into exactly reproducible totals.
public struct RunningStatistics: Sendable, Equatable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    /// Sum of squared deviations from the mean.
    public private(set) var sumOfSquares: Double = 0

    public init() {}

    public init<S: Sequence>(_ values: S) where S.Element == Double {
        for v in values { add(v) }
    }

    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquares += delta * (x - mean)
    }

    public mutating func merge(_ other: RunningStatistics) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let n = Double(count + other.count)
        let delta = other.mean - mean
        mean += delta * Double(other.count) / n
        sumOfSquares += other.sumOfSquares + delta * delta * Double(count) * Double(other.count) / n
        count += other.count
    }

    /// Unbiased sample variance (n − 1 in the denominator); 0 for fewer than two values.
    public var variance: Double { count > 1 ? sumOfSquares / Double(count - 1) : 0 }

    public var standardDeviation: Double { variance.squareRoot() }

    /// Standard error of the mean, s/√n.
    public var standardError: Double { count > 1 ? (variance / Double(count)).squareRoot() : 0 }

    /// Student-t confidence interval for the mean at `level` (default 95 %).
    public func confidenceInterval(level: Double = 0.95) -> ConfidenceInterval {
        ConfidenceInterval(mean: mean, standardError: standardError, count: count, level: level)
    }
}

/// An estimate with a two-sided Student-t confidence interval.
public struct ConfidenceInterval: Sendable, Equatable, CustomStringConvertible {
    public let estimate: Double
    public let low: Double
    public let high: Double
    /// Number of independent observations (replications or batches) behind it.
    public let samples: Int
    public let level: Double

    public init(estimate: Double, low: Double, high: Double, samples: Int, level: Double = 0.95) {
        self.estimate = estimate
        self.low = low
        self.high = high
        self.samples = samples
        self.level = level
    }

    /// mean ± t_{(1+level)/2, n−1} · se; t from `gsl_cdf_tdist_Pinv`.
    /// With fewer than two observations the interval is the point itself.
    public init(mean: Double, standardError: Double, count: Int, level: Double = 0.95) {
        let half = count > 1 ? Self.tQuantile(level: level, degreesOfFreedom: count - 1) * standardError : 0
        self.init(estimate: mean, low: mean - half, high: mean + half, samples: count, level: level)
    }

    /// The Wilson score interval of a proportion p̂ from n (possibly effective, non-integer)
    /// independent trials: the p with |p̂ − p| ≤ z sqrt(p(1 − p)/n), z the two-sided normal
    /// quantile of `level` (Wilson 1927, JASA 22:209-212). It lies in [0, 1] and has a
    /// non-zero width at 0 or n events ([0, z²/(n + z²)] at 0), where the Wald interval
    /// p̂ ± z sqrt(p̂(1 − p̂)/n) collapses to a point. `samples` is the caller's count.
    public static func wilson(proportion p: Double, trials n: Double, samples: Int, level: Double = 0.95) -> ConfidenceInterval {
        GSL.configure()
        let z = gsl_cdf_ugaussian_Pinv((1 + level) / 2)
        let q = Swift.min(1, Swift.max(0, p))
        guard n > 0, n.isFinite else { return ConfidenceInterval(estimate: p, low: 0, high: 1, samples: samples, level: level) }
        let z2n = z * z / n
        let centre = (q + z2n / 2) / (1 + z2n)
        let half = z / (1 + z2n) * (q * (1 - q) / n + z2n / (4 * n)).squareRoot()
        // At 0 (n) events the bound is 0 (1) exactly, not centre − half after rounding.
        let low = q == 0 ? 0 : Swift.max(0, centre - half), high = q == 1 ? 1 : Swift.min(1, centre + half)
        return ConfidenceInterval(estimate: p, low: low, high: high, samples: samples, level: level)
    }

    /// The two-sided Student-t quantile t_{(1+level)/2, dof}.
    public static func tQuantile(level: Double, degreesOfFreedom dof: Int) -> Double {
        GSL.configure()
        return gsl_cdf_tdist_Pinv((1 + level) / 2, Double(dof))
    }

    /// P(T > x) for Student's t with `dof` degrees of freedom (`gsl_cdf_tdist_Q`).
    public static func tUpperTail(_ x: Double, degreesOfFreedom dof: Int) -> Double {
        GSL.configure()
        return gsl_cdf_tdist_Q(x, Double(dof))
    }

    public var halfWidth: Double { (high - low) / 2 }

    /// Whether `value` lies in [low, high].
    public func covers(_ value: Double) -> Bool { value >= low && value <= high }

    public var description: String { "\(estimate) [\(low), \(high)] (n=\(samples))" }
}
