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
    public static func evaluate(
        scheme: String, model: any SchemeModel, procedures: SignalingProcedures, context c: SchemeContext,
        scenario s: Scenario, sessionLaplaceComplement: (Double) throws -> Double
    ) throws -> [MetricEstimate] {
        var out: [MetricEstimate] = []
        func add(_ key: MetricKey, _ value: Double) throws {
            guard value.isFinite, value >= 0 else {
                throw EvaluationError(quantity: key.id, scheme: scheme, value: value)
            }
            out.append(MetricEstimate(scheme: scheme, key: key, method: .closedForm, estimate: value))
        }
        let cost = SignalingCost(
            procedures: procedures, model: model, context: c, periods: .init(s),
            wirelessWeight: s.messages.wirelessWeight, wiredWeight: s.messages.wiredWeight)
        let path = model.dataPath(c)
        let elements = model.failureElements(c)
        let worst = elements.max {
            ($0.sessionsBroken, $0.mnsUnreachable) < ($1.sessionsBroken, $1.mnsUnreachable)
        }
        // `Metric.wide` is `allCases` stored once (the synthesized `allCases` builds an array per call).
        for metric in Metric.wide {
            let value: Double?
            switch metric {
            case .signalingCost: value = cost.totalByteHopsPerS
            case .signalingCostHandoff: value = cost.handoff.byteHopsPerS
            case .signalingCostRefresh: value = cost.refresh.byteHopsPerS
            case .signalingCostSessionSetup: value = cost.sessionSetup.byteHopsPerS
            case .signalingCostOverhead: value = cost.overhead.byteHopsPerS
            case .signalingRate: value = cost.totalMsgsPerS
            case .handoffLatency: value = model.handoffLatency(c).value
            case .handoffLatencyNewSession: value = model.newSessionLatency(c)?.value
            case .handoffLatencyP50, .handoffLatencyP95, .handoffLatencyP99: value = nil  // Monte Carlo only
            case .pathStretch: value = path.stretch
            case .tunnelledFraction: value = path.tunnelledFraction
            case .tunnelOverhead: value = s.messages.tunnelHeaderBytes * path.tunnelHops
            case .blastRadius, .unreachable, .outage: value = worst.map { elementValue(metric, $0) }
            case .failureProbability:
                let lambda = elements.filter { $0.sessionsBroken > 0 }.reduce(0) {
                    $0 + $1.exposure / ($1.mtbfH * TimeConstants.secondsPerHour)
                }
                value = lambda > 0 ? try sessionLaplaceComplement(lambda) : 0
            case .disruption:
                value = elements.reduce(0.0) {
                    $0 + TimeConstants.hoursPerYear / $1.mtbfH * ($1.sessionsBroken / $1.mnsServed) * $1.outageS
                }
            }
            if let value { try add(MetricKey(metric), value) }
        }
        for e in elements {
            for metric in Metric.perElement { try add(MetricKey(metric, element: e.kind), elementValue(metric, e)) }
        }
        return out
    }

    /// A per-element failure metric of one element (0 for metrics that have no per-element figure).
    static func elementValue(_ metric: Metric, _ e: FailureElement) -> Double {
        switch metric {
        case .blastRadius: return e.sessionsBroken
        case .unreachable: return e.mnsUnreachable
        case .outage: return e.outageS
        case .signalingCost, .signalingCostHandoff, .signalingCostRefresh, .signalingCostSessionSetup,
            .signalingCostOverhead, .signalingRate, .handoffLatency, .handoffLatencyNewSession, .handoffLatencyP50,
            .handoffLatencyP95, .handoffLatencyP99, .pathStretch, .tunnelledFraction, .tunnelOverhead,
            .failureProbability, .disruption:
            return 0
        }
    }
}

/// A closed form that produced no usable number (exit 1): which quantity, for which scheme.
public struct EvaluationError: Error, CustomStringConvertible, Sendable {
    public let quantity: String
    public let scheme: String
    public let value: Double
    public var description: String {
        "closed form of \(quantity) for \(scheme) gave \(value) (not a finite non-negative number); check the scenario's parameters"
    }
}
