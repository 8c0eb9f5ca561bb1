import Schemes

/// A scheme's handoff latency parts (`SchemeModel.latencyParts`) in the form the
/// trajectory's inner loop reads (flags instead of an enum, optionals resolved
/// once per run).
///
/// Random parts: D_RA ~ Uniform(0, 2·ra_delay_ms) (RFC 4861 6.2.6 draws the
/// solicited-RA delay uniformly; mean ra_delay_ms as the closed form uses); each
/// air message takes τ(1 + 2F) with F ~ Geometric failures of probability q (a
/// failed attempt costs attempt + timeout, so E = τ(1+q)/(1−q) = T_wl, 6.1).
/// DAD, L2 and wired legs are deterministic, as in the closed forms.
struct LatencyRecipe: Sendable {
    let fixedMs: Double
    let clientDetection: Bool
    let networkRA: Bool
    let regTau: (req: Double, ack: Double)?
    let perFlow: Bool
    let perStepMs: Double
    let domainFixedMs: Double
    let domainTau: (req: Double, ack: Double)?
    let raRace: (plus: Double, alternative: Double)?
    let newSessionFixedMs: Double?
    /// An active per-flow session back at its anchor AR (`HandoffLatencyParts.atAnchorFixedMs`).
    let atAnchorFixedMs: Double
    /// A fast handover's two modes (`HandoffLatencyParts.fastHandover`); drawn from the
    /// trajectory's own mode stream so that schemes without it see the same draws as before.
    let fast: HandoffLatencyParts.FastHandover?

    init(_ p: HandoffLatencyParts) {
        fixedMs = p.fixedMs
        switch p.detection {
        case .client: clientDetection = true; networkRA = false
        case .networkRA: clientDetection = false; networkRA = true
        case .none: clientDetection = false; networkRA = false
        }
        regTau = p.registrationAir.map { (req: $0.request, ack: $0.ack) }
        perFlow = p.perAnchorStepMs != nil
        perStepMs = p.perAnchorStepMs ?? 0
        domainFixedMs = p.domainFixedMs
        domainTau = p.domainRegistrationAir.map { (req: $0.request, ack: $0.ack) }
        raRace = p.raRace
        newSessionFixedMs = p.newSessionFixedMs
        atAnchorFixedMs = p.atAnchorFixedMs ?? p.newSessionFixedMs ?? 0
        fast = p.fastHandover
    }
}
