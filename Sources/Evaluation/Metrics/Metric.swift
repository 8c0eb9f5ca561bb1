import Schemes

/// The metric catalogue (docs/MODELS.md 5-7): every metric dmmkit reports, defined
/// once with its id, unit, human label, description, family and direction of
/// "better". The closed form (`SchemeMetrics`), the Monte Carlo (`MetricSpec`),
/// the renderers (`MetricTables`) and validation all go through it.
///
/// The declaration order is the order of the wide tables and of the tidy rows.
/// Adding a case makes the compiler list every switch that must handle it
/// (they are exhaustive, without `default:`); see docs/ARCHITECTURE.md.
/// Per-element failure figures are a `MetricKey`: one of the `perElement`
/// metrics and an `ElementKind`.
public enum Metric: String, CaseIndexHashable, Sendable {
    case signalingCost = "signaling_cost"
    case signalingCostHandoff = "signaling_cost.handoff"
    case signalingCostRefresh = "signaling_cost.refresh"
    case signalingCostSessionSetup = "signaling_cost.session_setup"
    case signalingCostOverhead = "signaling_cost.overhead"
    case signalingRate = "signaling_rate"
    case handoffLatency = "handoff_latency"
    case handoffLatencyNewSession = "handoff_latency_new_session"
    case handoffLatencyP50 = "handoff_latency_p50"
    case handoffLatencyP95 = "handoff_latency_p95"
    case handoffLatencyP99 = "handoff_latency_p99"
    case pathStretch = "path_stretch"
    case tunnelledFraction = "tunnelled_fraction"
    case tunnelOverhead = "tunnel_overhead"
    case blastRadius = "blast_radius"
    case unreachable
    case outage
    case failureProbability = "failure_probability"
    case disruption
    case handoverFailureProbability = "handover_failure_probability"
    case packetLoss = "packet_loss"
    case packetLossBuffered = "packet_loss_buffered"
    case packetDeliveryCost = "packet_delivery_cost"
    case processingCost = "processing_cost"
    case anchorBindings = "anchor_bindings"
    case anchorSignalingRate = "anchor_signaling_rate"

    /// The machine id (tidy `metric` column, sweep CSV).
    public var id: String { rawValue }

    public var unit: MetricUnit {
        switch self {
        case .signalingCost, .signalingCostHandoff, .signalingCostRefresh, .signalingCostSessionSetup,
            .signalingCostOverhead:
            return .byteHopsPerS
        case .signalingRate: return .msgsPerS
        case .handoffLatency, .handoffLatencyNewSession, .handoffLatencyP50, .handoffLatencyP95, .handoffLatencyP99:
            return .ms
        case .pathStretch, .tunnelledFraction, .failureProbability: return .ratio
        case .tunnelOverhead: return .byteHopsPerPacket
        case .blastRadius: return .sessions
        case .unreachable: return .mns
        case .outage: return .s
        case .disruption: return .sessionSecondsPerMNYear
        case .handoverFailureProbability: return .ratio
        case .packetLoss, .packetLossBuffered: return .packets
        case .packetDeliveryCost: return .byteHopsPerS
        case .processingCost: return .processingUnitsPerS
        case .anchorBindings: return .bindings
        case .anchorSignalingRate: return .msgsPerS
        }
    }

    public var family: MetricFamily {
        switch self {
        case .signalingCost, .signalingCostHandoff, .signalingCostRefresh, .signalingCostSessionSetup,
            .signalingCostOverhead, .signalingRate, .processingCost, .anchorBindings, .anchorSignalingRate:
            return .signaling
        case .handoffLatency, .handoffLatencyNewSession, .handoffLatencyP50, .handoffLatencyP95, .handoffLatencyP99:
            return .latency
        case .handoverFailureProbability, .packetLoss, .packetLossBuffered: return .latency
        case .pathStretch, .tunnelledFraction, .tunnelOverhead, .packetDeliveryCost: return .path
        case .blastRadius, .unreachable, .outage, .failureProbability, .disruption: return .failure
        }
    }

    /// Every metric is a cost: less is better.
    public var better: MetricDirection {
        switch self {
        case .signalingCost, .signalingCostHandoff, .signalingCostRefresh, .signalingCostSessionSetup,
            .signalingCostOverhead, .signalingRate, .handoffLatency, .handoffLatencyNewSession, .handoffLatencyP50,
            .handoffLatencyP95, .handoffLatencyP99, .pathStretch, .tunnelledFraction, .tunnelOverhead, .blastRadius,
            .unreachable, .outage, .failureProbability, .disruption, .handoverFailureProbability, .packetLoss, .packetLossBuffered, .packetDeliveryCost,
            .processingCost, .anchorBindings, .anchorSignalingRate:
            return .lowerIsBetter
        }
    }

    /// Where the metric's values lie (`MetricSupport`). Path stretch is ≥ 1 only
    /// for topologies that satisfy the triangle inequality, so it gets [0, ∞) too.
    public var support: MetricSupport {
        switch self {
        case .tunnelledFraction, .failureProbability, .handoverFailureProbability: return .unitInterval
        case .signalingCost, .signalingCostHandoff, .signalingCostRefresh, .signalingCostSessionSetup,
            .signalingCostOverhead, .signalingRate, .handoffLatency, .handoffLatencyNewSession, .handoffLatencyP50,
            .handoffLatencyP95, .handoffLatencyP99, .pathStretch, .tunnelOverhead, .blastRadius, .unreachable,
            .outage, .disruption, .packetLoss, .packetLossBuffered, .packetDeliveryCost, .processingCost, .anchorBindings, .anchorSignalingRate:
            return .nonNegative
        }
    }

    /// Whether the Monte Carlo estimate is a proportion of events (per handoff and
    /// session): its interval is then the Wilson score interval and its comparison
    /// with a closed form an exact binomial tail (`ClosedFormComparison`), because
    /// such events can be too rare for a replication variance (docs/MODELS.md 9).
    /// Fractions of time (tunnelled fraction) and means of probabilities (failure
    /// probability, computed from each session's hazard) are not event counts.
    public var isEventProportion: Bool {
        switch self {
        case .handoverFailureProbability: return true
        case .signalingCost, .signalingCostHandoff, .signalingCostRefresh, .signalingCostSessionSetup,
            .signalingCostOverhead, .signalingRate, .handoffLatency, .handoffLatencyNewSession, .handoffLatencyP50,
            .handoffLatencyP95, .handoffLatencyP99, .pathStretch, .tunnelledFraction, .tunnelOverhead, .blastRadius,
            .unreachable, .outage, .disruption, .packetLoss, .packetLossBuffered, .packetDeliveryCost,
            .failureProbability, .processingCost, .anchorBindings, .anchorSignalingRate:
            return false
        }
    }

    /// Human name without unit.
    public var name: String {
        switch self {
        case .signalingCost: return "Signaling cost"
        case .signalingCostHandoff: return "Signaling cost, handoffs"
        case .signalingCostRefresh: return "Signaling cost, refreshes"
        case .signalingCostSessionSetup: return "Signaling cost, session setup"
        case .signalingCostOverhead: return "Signaling cost, overhead"
        case .signalingRate: return "Signaling rate"
        case .handoffLatency: return "Handoff latency"
        case .handoffLatencyNewSession: return "Handoff latency, new sessions"
        case .handoffLatencyP50: return "Handoff latency p50"
        case .handoffLatencyP95: return "Handoff latency p95"
        case .handoffLatencyP99: return "Handoff latency p99"
        case .pathStretch: return "Path stretch"
        case .tunnelledFraction: return "Tunnelled fraction"
        case .tunnelOverhead: return "Tunnel overhead"
        case .blastRadius: return "Blast radius"
        case .unreachable: return "Unreachable MNs"
        case .outage: return "Outage"
        case .failureProbability: return "Failure probability"
        case .disruption: return "Disruption"
        case .handoverFailureProbability: return "Handover failure probability"
        case .packetLoss: return "Handoff packet loss"
        case .packetLossBuffered: return "Handoff packet loss, buffered"
        case .packetDeliveryCost: return "Packet delivery cost"
        case .processingCost: return "Processing cost"
        case .anchorBindings: return "Bindings at the busiest anchor"
        case .anchorSignalingRate: return "Signaling at the busiest anchor"
        }
    }

    /// Human label with unit for tables and plots, e.g. "Signaling cost (byte-hops/s)".
    public var label: String { "\(name) (\(unit.label))" }

    /// One line saying what is measured, per MN unless named otherwise.
    public var summary: String {
        switch self {
        case .signalingCost: return "All signaling, byte-hops per second per MN (handoff + refresh + session setup + overhead)."
        case .signalingCostHandoff: return "Signaling of handoffs and domain handoffs, byte-hops per second per MN."
        case .signalingCostRefresh: return "Signaling of binding refreshes, byte-hops per second per MN."
        case .signalingCostSessionSetup: return "Signaling at session start (location queries), byte-hops per second per MN."
        case .signalingCostOverhead: return "Periodic and failure-recovery signaling amortised over the MNs that share it."
        case .signalingRate: return "All signaling messages per second per MN."
        case .handoffLatency: return "L2 break to the first packet on the new path, for sessions active across the handoff."
        case .handoffLatencyNewSession: return "Handoff latency seen by sessions started after the handoff (DMM: no anchor update)."
        case .handoffLatencyP50: return "Median handoff latency of active sessions (Monte Carlo)."
        case .handoffLatencyP95: return "95th percentile of the handoff latency of active sessions (Monte Carlo)."
        case .handoffLatencyP99: return "99th percentile of the handoff latency of active sessions (Monte Carlo)."
        case .pathStretch: return "Packet-averaged hops on the used downlink path over hops on the shortest CN-MN path."
        case .tunnelledFraction: return "Fraction of downlink packets that travel in a tunnel."
        case .tunnelOverhead: return "Tunnel header bytes times tunnelled hops, per packet."
        case .blastRadius: return "Sessions broken by one failure of the most critical element (or of the named element)."
        case .unreachable: return "MNs unreachable for new incoming sessions while that element is down."
        case .outage: return "Interruption per failure of that element: detection and switch-over, or repair."
        case .failureProbability: return "Probability that a session meets a failure of an element it depends on."
        case .disruption: return "Expected disrupted session-seconds per MN and year, summed over element kinds."
        case .handoverFailureProbability:
            return "Probability that a handoff of an active session is not complete before the MN leaves the new AR."
        case .packetLoss: return "Packets of a session active across a handoff lost in its interruption, without buffering."
        case .packetLossBuffered:
            return "Packets lost per active session and handoff with traffic.buffer_packets buffered at the anchor or new AR."
        case .packetDeliveryCost: return "Downlink data byte-hops per second per MN, tunnel headers included."
        case .processingCost:
            return "Binding-cache lookups per data packet at each mobility entity on the path and updates per signaling message received, weighted, per second per MN."
        case .anchorBindings:
            return "Bindings held at the busiest anchor for its population (mean per anchor of the kind serving the most MNs)."
        case .anchorSignalingRate: return "Signaling messages per second received by the busiest anchor from its population."
        }
    }

    /// The metrics that also exist per failing element kind (`MetricKey.element`).
    public var isPerElement: Bool {
        switch self {
        case .blastRadius, .unreachable, .outage: return true
        case .signalingCost, .signalingCostHandoff, .signalingCostRefresh, .signalingCostSessionSetup,
            .signalingCostOverhead, .signalingRate, .handoffLatency, .handoffLatencyNewSession, .handoffLatencyP50,
            .handoffLatencyP95, .handoffLatencyP99, .pathStretch, .tunnelledFraction, .tunnelOverhead,
            .failureProbability, .disruption, .handoverFailureProbability, .packetLoss, .packetLossBuffered, .packetDeliveryCost,
            .processingCost, .anchorBindings, .anchorSignalingRate:
            return false
        }
    }

    /// The headline metrics `dmm table --extended` appends.
    public var isHeadline: Bool {
        switch self {
        case .signalingCost, .signalingRate, .handoffLatency, .pathStretch, .tunnelledFraction, .blastRadius, .outage,
            .disruption:
            return true
        case .signalingCostHandoff, .signalingCostRefresh, .signalingCostSessionSetup, .signalingCostOverhead,
            .handoffLatencyNewSession, .handoffLatencyP50, .handoffLatencyP95, .handoffLatencyP99, .tunnelOverhead,
            .unreachable, .failureProbability, .handoverFailureProbability, .packetLoss, .packetLossBuffered, .packetDeliveryCost,
            .processingCost, .anchorBindings, .anchorSignalingRate:
            return false
        }
    }

    /// The quantile of the handoff-latency distribution a percentile metric reports
    /// (Monte Carlo only: no closed form); nil for the others.
    public var latencyQuantile: Double? {
        switch self {
        case .handoffLatencyP50: return 0.5
        case .handoffLatencyP95: return 0.95
        case .handoffLatencyP99: return 0.99
        case .signalingCost, .signalingCostHandoff, .signalingCostRefresh, .signalingCostSessionSetup,
            .signalingCostOverhead, .signalingRate, .handoffLatency, .handoffLatencyNewSession, .pathStretch,
            .tunnelledFraction, .tunnelOverhead, .blastRadius, .unreachable, .outage, .failureProbability, .disruption,
            .handoverFailureProbability, .packetLoss, .packetLossBuffered, .packetDeliveryCost, .processingCost, .anchorBindings, .anchorSignalingRate:
            return nil
        }
    }

    /// The metrics of the wide tables (every scheme-level metric), in order.
    public static let wide: [Metric] = allCases
    /// The headline metrics, in order.
    public static let headline: [Metric] = allCases.filter(\.isHeadline)
    /// The metrics that also exist per element kind, in order.
    public static let perElement: [Metric] = allCases.filter(\.isPerElement)
    /// The handoff-latency percentiles, in order.
    public static let latencyQuantiles: [Metric] = allCases.filter { $0.latencyQuantile != nil }
}
