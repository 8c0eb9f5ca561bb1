import Schemes

/// One reported quantity: a catalogue metric, or a per-element failure metric
/// for one element kind ("blast_radius.ha"). Its `id` and `columnName` are the
/// output format; they are spelled here and nowhere else.
public struct MetricKey: Sendable, Hashable {
    public var metric: Metric
    /// The failing element kind, for a `Metric.isPerElement` metric; nil for the scheme-level figure.
    public var element: ElementKind?

    public init(_ metric: Metric, element: ElementKind? = nil) {
        precondition(element == nil || metric.isPerElement, "\(metric) has no per-element figures")
        self.metric = metric
        self.element = element
    }

    /// "handoff_latency", "blast_radius.ha".
    public var id: String { element.map { "\(metric.rawValue).\($0.rawValue)" } ?? metric.rawValue }

    public var unit: MetricUnit { metric.unit }

    /// The wide tables' column header today: id and unit, e.g. "handoff_latency_ms".
    public var columnName: String { "\(id)_\(unit.rawValue)" }

    /// Human label with unit, e.g. "Outage, HA (s)".
    public var label: String {
        guard let element else { return metric.label }
        return "\(metric.name), \(element.rawValue.uppercased()) (\(unit.label))"
    }

    /// Reads an id back ("outage.map"); nil when no metric has that id.
    public init?(id: String) {
        if let m = Metric(rawValue: id) {
            self.init(m)
            return
        }
        guard let dot = id.lastIndex(of: "."), let m = Metric(rawValue: String(id[..<dot])), m.isPerElement,
            let e = ElementKind(rawValue: String(id[id.index(after: dot)...]))
        else { return nil }
        self.init(m, element: e)
    }

    /// "blast_radius.<element>, unreachable.<element>, outage.<element>": the per-element ids in words.
    public static var perElementPattern: String {
        Metric.perElement.map { "\($0.rawValue).<element>" }.joined(separator: ", ")
    }
}
