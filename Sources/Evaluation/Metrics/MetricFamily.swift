/// The seed's four families of metrics (DESIGN.md 2.5).
public enum MetricFamily: String, CaseIterable, Sendable {
    case signaling, latency, path, failure
}
