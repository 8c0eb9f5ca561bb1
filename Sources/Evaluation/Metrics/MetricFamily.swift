/// The seed's four families of metrics (docs/MODELS.md 5-7).
public enum MetricFamily: String, CaseIterable, Sendable {
    case signaling, latency, path, failure
}
