import Schemes

/// A scheme's mean handoff latency split into its parts (docs/MODELS.md 6.3.1), ms:
/// L2 handoff, movement detection (RS, RA delay, RA; or the unsolicited RA of a
/// network-based scheme), DAD (with RFC 4862 5.4.2's mean random delay when on), and
/// signaling: everything else on the critical path (registration round trips, anchor
/// updates, tunnel set-up, fast-handover exchanges). The parts sum to the
/// `handoff_latency` closed form.
///
/// L2 and DAD are read off the model itself: every model is affine in T_L2 and T_DAD,
/// so a part is the latency's drop when that input is set to 0 (exact; its factor of
/// T is snapped to 1e-9 against the subtraction's roundoff). Movement
/// detection is the model's detection (`HandoffLatencyParts.detection`) at its mean:
/// T_wl(RS) + D_RA + T_wl(RA) for client detection, T_wl(RA) for the network's RA, 0
/// when the scheme has none of its own (the S-PMIP race and fast handovers count
/// their RA exchanges as signaling). Signaling is the rest.
public struct LatencyBreakdown: Sendable, Equatable {
    public var scheme: String
    public var l2HandoffMs: Double
    public var movementDetectionMs: Double
    public var dadMs: Double
    public var signalingMs: Double
    /// The `handoff_latency` closed form, the sum of the parts.
    public var totalMs: Double

    /// The breakdown of each card's model under `scenario`, in card order.
    /// Throws what `ClosedForm.evaluate` throws for unusable input.
    public static func evaluate(
        scenario: Scenario, schemes: [SchemeCard], models: [any SchemeModel] = SchemeModels.all
    ) throws -> [LatencyBreakdown] {
        let schemeModels = try schemes.map { try SchemeModels.require($0, in: models) }
        let motion = try MotionCache.shared.motion(
            scenario, sessionAnchoring: ClosedForm.needsSessionAnchoring(cards: schemes, models: schemeModels))
        var c = SchemeContext(scenario: scenario, motion: motion)
        c.assumptions = try SchemeContext.Assumptions(scenario)
        return schemes.indices.map { of(schemes[$0].id, model: schemeModels[$0], context: c) }
    }

    /// The breakdown of one model in context `c`.
    public static func of(_ scheme: String, model: any SchemeModel, context c: SchemeContext) -> LatencyBreakdown {
        let total = model.handoffLatencyMs(c)
        var noL2 = c, noDAD = c
        noL2.links.l2HandoffMs = 0
        noDAD.links.dadMs = 0
        // The part is k·T with k = ΔL/T, an integer or a mixture weight: k is snapped to 1e-9 so
        // that the subtraction's roundoff does not print as 999.9999999999999.
        func part(_ input: Double, _ without: Double) -> Double {
            guard input > 0 else { return 0 }
            return ((total - without) / input * 1e9).rounded() / 1e9 * input
        }
        let l2 = part(c.links.l2HandoffMs, model.handoffLatencyMs(noL2))
        let dad = part(c.links.dadMs, model.handoffLatencyMs(noDAD))
        let md: Double
        switch model.latencyParts(c).detection {
        case .client: md = c.movementDetectionMs
        case .networkRA: md = c.links.wireless(c.size(.ra))
        case .none: md = 0
        }
        return LatencyBreakdown(
            scheme: scheme, l2HandoffMs: l2, movementDetectionMs: md, dadMs: dad, signalingMs: total - l2 - dad - md,
            totalMs: total)
    }
}
