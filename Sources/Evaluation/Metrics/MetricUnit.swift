/// The unit of a metric: `rawValue` is the machine spelling of the tidy
/// `unit` column and of column names; `label` the human one for tables and plots.
public enum MetricUnit: String, CaseIterable, Sendable {
    case byteHopsPerS = "byte_hops_per_s"
    case msgsPerS = "msgs_per_s"
    case ms
    case ratio
    case byteHopsPerPacket = "byte_hops_per_packet"
    case sessions
    case mns
    case s
    case sessionSecondsPerMNYear = "session_s_per_mn_year"
    case packets
    /// Weighted binding-cache operations per second (docs/MODELS.md 5.7).
    case processingUnitsPerS = "proc_units_per_s"
    /// Binding-cache entries held (docs/MODELS.md 5.8).
    case bindings

    public var label: String {
        switch self {
        case .byteHopsPerS: return "byte-hops/s"
        case .msgsPerS: return "msgs/s"
        case .ms: return "ms"
        case .ratio: return "ratio"
        case .byteHopsPerPacket: return "byte-hops/packet"
        case .sessions: return "sessions"
        case .mns: return "MNs"
        case .s: return "s"
        case .sessionSecondsPerMNYear: return "session-s/MN-year"
        case .packets: return "packets"
        case .processingUnitsPerS: return "units/s"
        case .bindings: return "bindings"
        }
    }
}
