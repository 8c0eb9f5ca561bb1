/// Which way a metric is better, for rankings and plots.
public enum MetricDirection: String, Sendable {
    case lowerIsBetter = "lower"
    case higherIsBetter = "higher"
}
