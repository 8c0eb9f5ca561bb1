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
        }
    }
}
