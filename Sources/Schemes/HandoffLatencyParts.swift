/// A scheme's handoff critical path as the parts the Monte Carlo draws
/// (docs/MODELS.md 6.1-6.3), the simulation twin of `SchemeModel.handoffLatency`:
///
///   L = fixed + [RS + D_RA + RA if `.client` detection | RA if `.networkRA`]
///       + registration air legs + perAnchorStep·D (per-flow: the session's own anchor
///       at D simulated grid steps; D = 0 needs no update) + on a domain
///       crossing: domainFixed + its air legs.
///
/// Wired legs, L2 and DAD are deterministic and go into `fixedMs`; the air legs
/// are given as attempt times τ = 8s/B_wl + L_wl (`SchemeContext.Links.attemptMs`)
/// that the simulation repeats on frame loss.
public struct HandoffLatencyParts: Sendable {
    /// How the MN learns it moved.
    public enum Detection: Sendable {
        /// RS, the solicited-RA delay and RA (client-based schemes).
        case client
        /// The RA the new MAG/AR sends unsolicited (network-based schemes).
        case networkRA
        /// Nothing of its own: the RA is part of `raRace`.
        case none
    }

    /// Deterministic part of every handoff, ms.
    public var fixedMs: Double
    public var detection: Detection
    /// Attempt times τ (ms) of the registration's request and ack over the air, if the MN registers.
    public var registrationAir: (request: Double, ack: Double)?
    /// Per-flow DMM: extra ms per grid step to the session's own anchor; nil for per-node schemes.
    public var perAnchorStepMs: Double?
    /// Extra deterministic ms on a domain crossing.
    public var domainFixedMs: Double = 0
    /// Air attempt times of the registration a domain crossing adds.
    public var domainRegistrationAir: (request: Double, ack: Double)? = nil
    /// The MN-side branch (`plus` + RA) racing the CN-side branch (`alternative`): max of the two, ms.
    public var raRace: (plus: Double, alternative: Double)? = nil
    /// Fixed part of the latency of sessions started after the handoff (per-flow DMM); detection as
    /// above, and with `raRace` the RA (new sessions wait for the RA, not for the race).
    public var newSessionFixedMs: Double? = nil
    /// Fixed part for an active per-flow session whose anchor is the new serving AR
    /// (the walk came back): no anchor update, and its address is still configured, so
    /// no DAD; nil means the same as `newSessionFixedMs` (client schemes re-run their attach).
    public var atAnchorFixedMs: Double? = nil
    /// A fast handover (FMIPv6, FPMIPv6): when set, the handoff's latency is this
    /// instead of the parts above, predictive with its probability, else reactive.
    public var fastHandover: FastHandover? = nil

    /// The two modes of a fast handover (RFC 5568 section 3, RFC 5949 section 4):
    /// each a deterministic part plus air messages sent one after the other,
    /// given as attempt times τ that the simulation repeats on frame loss.
    public struct FastHandover: Sendable {
        public var predictiveProbability: Double
        public var predictiveFixedMs: Double
        public var predictiveAir: [Double]
        public var reactiveFixedMs: Double
        public var reactiveAir: [Double]
        public init(
            predictiveProbability: Double, predictiveFixedMs: Double, predictiveAir: [Double], reactiveFixedMs: Double,
            reactiveAir: [Double]
        ) {
            self.predictiveProbability = predictiveProbability
            self.predictiveFixedMs = predictiveFixedMs; self.predictiveAir = predictiveAir
            self.reactiveFixedMs = reactiveFixedMs; self.reactiveAir = reactiveAir
        }
    }

    public init(
        fixedMs: Double, detection: Detection, registrationAir: (request: Double, ack: Double)? = nil,
        perAnchorStepMs: Double? = nil
    ) {
        self.fixedMs = fixedMs
        self.detection = detection
        self.registrationAir = registrationAir
        self.perAnchorStepMs = perAnchorStepMs
    }
}
