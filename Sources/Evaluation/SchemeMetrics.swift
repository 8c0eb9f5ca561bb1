import Foundation
import Schemes
import Stochastics

/// The closed-form metrics of one scheme under one context (DESIGN.md 2.5).
///
/// Failure figures (analytic-models.md 7.3): blast radius = sessions broken by
/// the failure of the scheme's most critical single element (max over element
/// kinds); unreachable and outage are that element's; the probability that a
/// session meets a failure is 1 − G*(Λ) with Λ = Σ exposure/MTBF over the
/// element kinds whose failure breaks sessions (exact for Poisson failures and
/// a session that depends on one element of each kind; a per-flow DMM session
/// depends on its anchor and, while away, on the serving AR too: exposure
/// 1 + tunnelled fraction, exact to first order in Λ only); disruption =
/// Σ_kinds (failures per year) × (sessions broken per MN served) × outage.
public enum SchemeMetrics {
    /// Hours per year in failure rates.
    public static let hoursPerYear = 8760.0

    public static func evaluate(
        scheme: String, model: any SchemeModel, procedures: SignalingProcedures, context c: SchemeContext,
        scenario s: Scenario, sessionLaplaceComplement: (Double) throws -> Double
    ) throws -> [MetricEstimate] {
        var out: [MetricEstimate] = []
        func add(_ metric: String, _ unit: String, _ value: Double) throws {
            guard value.isFinite, value >= 0 else {
                throw EvaluationError(quantity: metric, scheme: scheme, value: value)
            }
            out.append(MetricEstimate(scheme: scheme, metric: metric, unit: unit, method: .closedForm, estimate: value))
        }
        let cost = SignalingCost(
            procedures: procedures, model: model, context: c, periods: .init(s),
            wirelessWeight: s.messages.wirelessWeight, wiredWeight: s.messages.wiredWeight)
        try add("signaling_cost", "byte_hops_per_s", cost.totalByteHopsPerS)
        try add("signaling_cost.handoff", "byte_hops_per_s", cost.handoff.byteHopsPerS)
        try add("signaling_cost.refresh", "byte_hops_per_s", cost.refresh.byteHopsPerS)
        try add("signaling_cost.session_setup", "byte_hops_per_s", cost.sessionSetup.byteHopsPerS)
        try add("signaling_cost.overhead", "byte_hops_per_s", cost.overhead.byteHopsPerS)
        try add("signaling_rate", "msgs_per_s", cost.totalMsgsPerS)

        try add("handoff_latency", "ms", model.handoffLatencyMs(c))
        if let fresh = model.newSessionLatencyMs(c) { try add("handoff_latency_new_session", "ms", fresh) }

        let path = model.dataPath(c)
        try add("path_stretch", "ratio", path.stretch)
        try add("tunnelled_fraction", "ratio", path.tunnelledFraction)
        try add("tunnel_overhead", "byte_hops_per_packet", s.messages.tunnelHeaderBytes * path.tunnelHops)

        let elements = model.failureElements(c)
        if let worst = elements.max(by: {
            ($0.sessionsBroken, $0.mnsUnreachable) < ($1.sessionsBroken, $1.mnsUnreachable)
        }) {
            try add("blast_radius", "sessions", worst.sessionsBroken)
            try add("unreachable", "mns", worst.mnsUnreachable)
            try add("outage", "s", worst.outageS)
        }
        let lambda = elements.filter { $0.sessionsBroken > 0 }.reduce(0) { $0 + $1.exposure / ($1.mtbfH * 3600) }
        try add("failure_probability", "ratio", lambda > 0 ? try sessionLaplaceComplement(lambda) : 0)
        let disruption = elements.reduce(0.0) {
            $0 + hoursPerYear / $1.mtbfH * ($1.sessionsBroken / $1.mnsServed) * $1.outageS
        }
        try add("disruption", "session_s_per_mn_year", disruption)
        for e in elements {
            try add("blast_radius.\(e.name)", "sessions", e.sessionsBroken)
            try add("unreachable.\(e.name)", "mns", e.mnsUnreachable)
            try add("outage.\(e.name)", "s", e.outageS)
        }
        return out
    }
}

/// A closed form that produced no usable number (exit 1): which quantity, for which scheme.
public struct EvaluationError: Error, CustomStringConvertible, Sendable {
    public let quantity: String
    public let scheme: String
    public let value: Double
    public var description: String {
        "closed form of \(quantity) for \(scheme) gave \(value) (not a finite non-negative number); it is computed from \(Self.inputs(of: quantity)); check those values"
    }

    /// The scenario groups a metric's closed form reads, by metric family.
    static func inputs(of quantity: String) -> String {
        if quantity.hasPrefix("signaling") {
            return "topology.* hop distances, messages.* sizes and weights, mobility.residence, traffic.session_rate and timers.*"
        }
        if quantity.hasPrefix("handoff_latency") { return "links.*, topology.* hop distances and mobility.residence" }
        if quantity.hasPrefix("path_stretch") || quantity.hasPrefix("tunnel") {
            return "topology.* hop distances, traffic.local_cn_fraction and mobility.*"
        }
        return "failure.*, population.*, traffic.* and mobility.residence"
    }
}
