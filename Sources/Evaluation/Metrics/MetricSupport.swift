/// The set of values a metric can take (DESIGN.md 2.6: Monte Carlo intervals
/// respect the support of the quantity; `RatioStatistics` truncates to it).
public enum MetricSupport: Sendable, Equatable {
    /// [0, ∞): costs, rates, latencies, overheads, counts, outages, disruption.
    case nonNegative
    /// [0, 1]: probabilities and fractions.
    case unitInterval

    public var lower: Double { 0 }
    public var upper: Double {
        switch self {
        case .nonNegative: return .infinity
        case .unitInterval: return 1
        }
    }
}
