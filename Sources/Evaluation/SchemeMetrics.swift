import Foundation
import Schemes
import Stochastics

/// The closed-form metrics of one scheme under one context (docs/MODELS.md 5-7).
///
/// Failure figures (docs/MODELS.md 7.3): blast radius = sessions broken by
/// the failure of the scheme's most critical single element (max over element
/// kinds); unreachable and outage are that element's; the probability that a
/// session meets a failure is 1 − G*(Λ) with Λ = Σ exposure/MTBF over the
/// element kinds whose failure breaks sessions (exact for Poisson failures and
/// a session that depends on one element of each kind; a per-flow DMM session
/// depends on its anchor and, while away, on the serving AR too: exposure
/// 1 + tunnelled fraction, exact to first order in Λ only); disruption =
/// Σ_kinds (failures per year) × (sessions broken per MN served) × outage.
public enum SchemeMetrics {
    /// `unitVariances` and `metrics` as in `ClosedForm.evaluate`: a metric not kept is
    /// neither computed nor checked, and what only it reads is not built.
    public static func evaluate(
        scheme: String, model: any SchemeModel, procedures: SignalingProcedures, context c: SchemeContext,
        scenario s: Scenario, sessionLaplaceComplement: (Double) throws -> Double, unitVariances: Bool = false,
        metrics: Set<String>? = nil
    ) throws -> [MetricEstimate] {
        var out: [MetricEstimate] = []
        try evaluate(
            scheme: scheme, model: model, procedures: procedures, context: c, scenario: s,
            sessionLaplaceComplement: sessionLaplaceComplement, unitVariances: unitVariances, metrics: metrics, into: &out)
        return out
    }

    /// `evaluate` appending to `out`: a sweep point's rows for every scheme in one
    /// array, without copying each scheme's rows (three strings each) into it.
    public static func evaluate(
        scheme: String, model: any SchemeModel, procedures: SignalingProcedures, context c: SchemeContext,
        scenario s: Scenario, sessionLaplaceComplement: (Double) throws -> Double,
        unitVariances: Bool = false, metrics: Set<String>? = nil, into out: inout [MetricEstimate]
    ) throws {
        try evaluate(
            scheme: scheme, model: model, procedures: procedures, context: c, scenario: s,
            sessionLaplaceComplement: sessionLaplaceComplement, unitVariances: unitVariances, metrics: metrics,
            kept: metrics.map(Kept.init), into: &out)
    }

    /// What a `--metrics` selection keeps, looked up once per evaluation, not once per
    /// scheme and metric (a String hash or a parse each, a fiftieth of a sweep point).
    struct Kept: Sendable {
        /// Whether each of `schemeLevel` is among the metrics.
        let level: [Bool]
        /// Whether any of them is a per-element id (`isPerElementID`).
        let anyPerElement: Bool

        init(_ metrics: Set<String>) {
            level = SchemeMetrics.schemeLevel.map { metrics.contains($0.id) }
            anyPerElement = metrics.contains(where: SchemeMetrics.isPerElementID)
        }
    }

    /// `evaluate(into:)` with `Kept(metrics)` computed by the caller (nil: every
    /// metric), shared by the schemes of one scenario.
    static func evaluate(
        scheme: String, model: any SchemeModel, procedures: SignalingProcedures, context c: SchemeContext,
        scenario s: Scenario, sessionLaplaceComplement: (Double) throws -> Double,
        unitVariances: Bool, metrics: Set<String>?, kept: Kept?, into out: inout [MetricEstimate]
    ) throws {
        func add(_ spelled: Spelled, _ value: Double, unitVariance: Double? = nil) throws {
            guard value.isFinite, value >= 0 else {
                throw EvaluationError(quantity: spelled.id, scheme: scheme, value: value, family: spelled.key.metric.family)
            }
            var row = MetricEstimate(
                scheme: scheme, metric: spelled.id, unit: spelled.unit, method: .closedForm, estimate: value)
            if let v = unitVariance, v.isFinite { row.unitVariance = Swift.max(0, v) }
            out.append(row)
        }
        // Lazy: built on the first kept metric that reads them (`metrics`).
        lazy var cost = SignalingCost(
            procedures: procedures, model: model, context: c, periods: .init(s),
            wirelessWeight: s.messages.wirelessWeight, wiredWeight: s.messages.wiredWeight)
        lazy var path = model.dataPath(c)
        // Lazy: a selection of metrics without failure figures (`dmm sweep --metrics`) never builds them.
        lazy var elements = model.failureElements(c)
        lazy var worst = elements.max {
            ($0.sessionsBroken, $0.mnsUnreachable) < ($1.sessionsBroken, $1.mnsUnreachable)
        }
        // The latency law of an active session's handoff (docs/MODELS.md 6.5), built once.
        lazy var latencyLaw = HandoffLatencyLaw(
            parts: model.latencyParts(c), context: c, tauRS: c.links.attemptMs(c.size(.rs)),
            tauRA: c.links.attemptMs(c.size(.ra)), dad: DADShare(model: model, context: c))
        let traffic = s.traffic
        lazy var anchor = BusiestAnchor.of(elements: elements, procedures: procedures, context: c)
        lazy var lossSquares = unitVariances
            ? latencyLaw.lossSecondMoments(ratePps: traffic.packetRatePps, buffers: [0, traffic.bufferPackets]) : nil
        for (index, spelled) in Self.schemeLevel.enumerated() {
            if let kept, !kept.level[index] { continue }
            let metric = spelled.key.metric
            let value: Double?
            // The variance of one (handoff, session) unit under the model, for the comparison
            // with a Monte Carlo that saw few events (docs/MODELS.md 9): p(1 − p) for the
            // failure indicator, E[Y²] − E[Y]² for the packets lost.
            var unitVariance: Double? = nil
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
            // P(L > X): the residence in the new AR is a full residence X (a handoff is a renewal
            // epoch), independent of L (docs/MODELS.md 6.5). Per-flow DMM: as exact as its mean latency (the mixture over the anchor distances).
            case .handoverFailureProbability:
                let p = try latencyLaw.exceedanceProbability(residence: try s.effectiveResidence())
                value = p
                if unitVariances { unitVariance = p * (1 - p) }
            // λ_p E[L] and E[(λ_p L − B)⁺] per active session and handoff (6.5); same exactness.
            case .packetLoss:
                let m = latencyLaw.meanLoss(ratePps: traffic.packetRatePps, bufferPackets: 0)
                value = m
                unitVariance = lossSquares.map { $0[0] - m * m }
            case .packetLossBuffered:
                let m = latencyLaw.meanLoss(ratePps: traffic.packetRatePps, bufferPackets: traffic.bufferPackets)
                value = m
                unitVariance = lossSquares.map { $0[1] - m * m }
            // ρ λ_p [s_p (w_wl + w_wd (used − 1)) + s_tun w_wd tunnel hops], byte-hops/s (5.6): exact as the path.
            case .packetDeliveryCost:
                let m = s.messages
                let perPacket = traffic.packetSizeBytes * (m.wirelessWeight + m.wiredWeight * (path.usedHops - 1))
                    + m.tunnelHeaderBytes * m.wiredWeight * path.tunnelHops
                value = c.motion.activeSessions * traffic.packetRatePps * perPacket
            // w_l ρ λ_p Σ_e exposure_e + w_u Σ_events rate Σ n(m) over binding-updating messages (5.7).
            case .processingCost:
                let entities = elements.filter { Self.looksUpBindings($0.kind, $0.dependency) }
                let lookupsPerPacket = entities.reduce(0) { $0 + $1.exposure }
                let updates = SignalingCost.bindingUpdatesPerS(
                    procedures: procedures, model: model, context: c, periods: .init(s))
                value = s.messages.bindingLookupWeight * c.motion.activeSessions * traffic.packetRatePps
                    * lookupsPerPacket + s.messages.bindingUpdateWeight * updates
            // The busiest anchor's bindings and received messages per second for its MNs (5.8).
            case .anchorBindings: value = anchor?.bindings(c)
            case .anchorSignalingRate:
                value = anchor.map { a in
                    a.mnsServed * SignalingCost.messagesPerS(
                        procedures: procedures, model: model, context: c, periods: .init(s), where: a.receives)
                }
            }
            if let value { try add(spelled, value, unitVariance: unitVariance) }
        }
        if let kept, !kept.anyPerElement { return }
        for e in elements {
            for spelled in Self.perElement(e.kind) {
                if let metrics, !metrics.contains(spelled.id) { continue }
                try add(spelled, elementValue(spelled.key.metric, e))
            }
        }
    }

    /// Whether `id` names a per-element figure ("outage.ha": a catalogue id, a dot, an element).
    static func isPerElementID(_ id: String) -> Bool { MetricKey(id: id)?.element != nil }

    /// A key with its id and unit spelled once: this runs for every row of every
    /// scenario of a sweep (10^5 points/s), so the catalogue's strings are built once.
    struct Spelled: Sendable {
        let key: MetricKey
        let id: String
        let unit: String
        init(_ key: MetricKey) { self.key = key; id = key.id; unit = key.unit.rawValue }
    }

    /// Every scheme-level metric in catalogue order.
    static let schemeLevel = Metric.wide.map { Spelled(MetricKey($0)) }
    /// The per-element metrics of each element kind, in catalogue order (a switch,
    /// not a dictionary: a raw-valued enum hashes its String).
    static func perElement(_ kind: ElementKind) -> [Spelled] {
        switch kind {
        case .ha: return Spelling.ha
        case .map: return Spelling.map
        case .lma: return Spelling.lma
        case .ar: return Spelling.ar
        case .mag: return Spelling.mag
        case .dar: return Spelling.dar
        case .mar: return Spelling.mar
        case .temporaryHA: return Spelling.temporaryHA
        case .locationServer: return Spelling.locationServer
        }
    }

    private enum Spelling {
        static func of(_ kind: ElementKind) -> [Spelled] { Metric.perElement.map { Spelled(MetricKey($0, element: kind)) } }
        static let ha = of(.ha), map = of(.map), lma = of(.lma), ar = of(.ar), mag = of(.mag), dar = of(.dar)
        static let mar = of(.mar), temporaryHA = of(.temporaryHA), locationServer = of(.locationServer)
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
            .failureProbability, .disruption, .handoverFailureProbability, .packetLoss, .packetLossBuffered,
            .packetDeliveryCost, .processingCost, .anchorBindings, .anchorSignalingRate:
            return 0
        }
    }

    /// Whether an element a session depends on looks up a binding for each of its data
    /// packets (docs/MODELS.md 5.7): every mobility element on the data path (HA, MAP, LMA,
    /// MAG, DAR, MAR, temporary HA) that ongoing sessions depend on; not a plain AR (MIPv6,
    /// HMIPv6: no binding state) and not a control-plane element no session's packets
    /// cross (a location server, `FailureDependency.none`). Ours: read from the model's
    /// failure elements, so no scheme is named.
    static func looksUpBindings(_ kind: ElementKind, _ dependency: FailureDependency) -> Bool {
        switch dependency {
        case .none: return false
        case .serving, .servingOrAnchor, .all: break
        }
        switch kind {
        case .ar, .locationServer: return false
        case .ha, .map, .lma, .mag, .dar, .mar, .temporaryHA: return true
        }
    }
}

/// A closed form that produced no usable number (exit 1): which quantity, for which scheme.
public struct EvaluationError: Error, CustomStringConvertible, Sendable {
    public let quantity: String
    public let scheme: String
    public let value: Double
    /// The catalogue family of the quantity, which says what scenario values it reads.
    public let family: MetricFamily

    public init(quantity: String, scheme: String, value: Double, family: MetricFamily) {
        self.quantity = quantity
        self.scheme = scheme
        self.value = value
        self.family = family
    }

    public var description: String {
        "closed form of \(quantity) for \(scheme) gave \(value) (not a finite non-negative number); it is computed from \(Self.inputs(of: family)); check those values"
    }

    /// The scenario groups a metric family's closed forms read.
    static func inputs(of family: MetricFamily) -> String {
        switch family {
        case .signaling:
            return "topology.* hop distances, messages.* sizes and weights, mobility.residence, traffic.session_rate and timers.*"
        case .latency:
            return "links.*, topology.* hop distances, mobility.residence, traffic.packet_rate_pps and traffic.buffer_packets"
        case .path:
            return "topology.* hop distances, traffic.local_cn_fraction, traffic.packet_rate_pps, traffic.packet_size_bytes and mobility.*"
        case .failure: return "failure.*, population.*, traffic.* and mobility.residence"
        }
    }
}
