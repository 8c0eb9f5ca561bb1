/// What a scheme's card cannot hold as data (DESIGN.md 2.4): the data path,
/// the anchors a flow uses, what a failure breaks, and the handoff critical
/// path. Signaling cost is not here: it comes from the card's procedures.
///
/// Every member is a closed form of `SchemeContext`; each model's doc comment
/// says which of its closed forms are exact under the scenario's assumptions
/// and which are approximations.
public protocol SchemeModel: Sendable {
    /// The scheme id of its card, e.g. "pmipv6".
    var id: String { get }

    /// Wired hops between two roles when this scheme places them differently
    /// from `SchemeContext.defaultHops` (e.g. GHAHA's HA is the nearest one); nil keeps the default.
    func hops(_ a: Role, _ b: Role, in c: SchemeContext) -> Double?

    /// MNs among which periodic messages sent by `role` are shared (amortisation of overhead).
    func mnsServed(by role: Role, in c: SchemeContext) -> Double

    /// Mean handoff latency for sessions active across the handoff, ms:
    /// from the L2 break to the first packet on the new path (analytic-models.md 6.3).
    func handoffLatencyMs(_ c: SchemeContext) -> Double

    /// Latency seen by sessions started after the handoff, ms, when it differs
    /// (DMM: new flows use the new local prefix and need no anchor update); else nil.
    func newSessionLatencyMs(_ c: SchemeContext) -> Double?

    /// The downlink data path, packet-averaged (analytic-models.md 5.5).
    func dataPath(_ c: SchemeContext) -> DataPath

    /// The elements whose failure hurts this scheme's MNs (analytic-models.md 7).
    func failureElements(_ c: SchemeContext) -> [FailureElement]

    /// Whether the model reads the session-anchoring quantities of `Motion`
    /// (tunnelled fraction, anchor distance); per-flow DMM schemes do.
    var usesSessionAnchoring: Bool { get }
}

extension SchemeModel {
    public func hops(_ a: Role, _ b: Role, in c: SchemeContext) -> Double? { nil }

    public func mnsServed(by role: Role, in c: SchemeContext) -> Double {
        switch role {
        case .mn: return 1
        case .servingAR, .oldAnchor, .peerAR, .cnAR, .cn: return c.mnsPerAR
        case .map, .lma, .locationServer: return c.mnsPerDomain
        case .ha: return c.mnsPerHA
        case .peerHA: return c.mnsPerHA / Double(max(1, c.hops.globalHACount))
        }
    }

    public func newSessionLatencyMs(_ c: SchemeContext) -> Double? { nil }

    public var usesSessionAnchoring: Bool { false }
}

/// Packet-averaged downlink path figures.
public struct DataPath: Sendable, Equatable {
    /// Hops on the used path over hops on the shortest CN-MN path, averaged over packets.
    public var stretch: Double
    /// Fraction of packets that travel in a tunnel.
    public var tunnelledFraction: Double
    /// Mean hops a packet travels inside a tunnel (0 for untunnelled packets).
    public var tunnelHops: Double
    public init(stretch: Double, tunnelledFraction: Double, tunnelHops: Double) {
        self.stretch = stretch
        self.tunnelledFraction = tunnelledFraction
        self.tunnelHops = tunnelHops
    }

    /// Every packet through one central anchor (MIPv6's HA, PMIPv6's LMA),
    /// tunnelled over the `anchorToAR` hops to the serving AR (analytic-models.md 5.5):
    /// remote CN: h_CN-anchor + h_anchor-AR + 1; local CN (h_loc from the AR) goes
    /// up to the anchor and back down: h_loc + 2 h_anchor-AR + 1.
    public static func viaCentralAnchor(_ c: SchemeContext, cnToAnchor: Double, anchorToAR: Double) -> DataPath {
        mix(
            c, remoteUsed: cnToAnchor + anchorToAR + 1, localUsed: c.hops.localCN + 2 * anchorToAR + 1,
            remoteTunnel: anchorToAR, localTunnel: anchorToAR, tunnelledFraction: 1)
    }

    /// Averages a remote-CN and a local-CN path with the local fraction p:
    /// σ = (1−p) used_r/(h_CN-AR + 1) + p used_l/(h_loc + 1).
    public static func mix(
        _ c: SchemeContext, remoteUsed: Double, localUsed: Double, remoteTunnel: Double, localTunnel: Double,
        tunnelledFraction: Double
    ) -> DataPath {
        let p = c.hops.localCNFraction
        let stretch = (1 - p) * remoteUsed / (c.hops.cnAr + 1) + p * localUsed / (c.hops.localCN + 1)
        return DataPath(
            stretch: stretch, tunnelledFraction: tunnelledFraction,
            tunnelHops: (1 - p) * remoteTunnel + p * localTunnel)
    }
}

/// One kind of element that can fail, as seen by one of its MNs (analytic-models.md 7.3).
public struct FailureElement: Sendable, Equatable {
    /// Metric suffix, e.g. "ha", "lma", "dar".
    public var name: String
    /// Active sessions broken by one failure of one such element (blast radius).
    public var sessionsBroken: Double
    /// MNs that cannot be reached for new incoming sessions while it is down.
    public var mnsUnreachable: Double
    /// MNs that depend on one such element (the per-element share of the population).
    public var mnsServed: Double
    /// Interruption per failure, s: detection + switch-over with redundancy, repair without.
    public var outageS: Double
    /// Mean time between failures of one element, h.
    public var mtbfH: Double
    /// Mean number of such elements a session depends on at a time (1; 1 + tunnelled
    /// fraction for an anchoring AR, which a session needs as anchor and, while
    /// away, another one as serving AR).
    public var exposure: Double = 1
    public init(name: String, sessionsBroken: Double, mnsUnreachable: Double, mnsServed: Double, outageS: Double, mtbfH: Double) {
        self.name = name
        self.sessionsBroken = sessionsBroken
        self.mnsUnreachable = mnsUnreachable
        self.mnsServed = mnsServed
        self.outageS = outageS
        self.mtbfH = mtbfH
    }

    /// The MN's serving AR: its attached MNs' sessions are lost in every scheme (7.3).
    public static func accessRouter(_ c: SchemeContext, name: String = "ar") -> FailureElement {
        FailureElement(
            name: name, sessionsBroken: c.mnsPerAR * c.motion.activeSessions, mnsUnreachable: c.mnsPerAR,
            mnsServed: c.mnsPerAR, outageS: c.failures.arMttrH * 3600, mtbfH: c.failures.arMtbfH)
    }

    /// An AR that also anchors the flows started there (FAMA DAR, DMI temporary HA, DMA MAR):
    /// attached MNs' sessions plus the sessions anchored there whose MN has moved on,
    /// M ρ (1 + tunnelled fraction) (stationary, uniformly loaded ARs).
    public static func anchoringAccessRouter(_ c: SchemeContext, name: String) -> FailureElement {
        var e = accessRouter(c, name: name)
        e.sessionsBroken = c.mnsPerAR * c.motion.activeSessions * (1 + c.motion.tunnelledFraction)
        e.exposure = 1 + c.motion.tunnelledFraction
        return e
    }

    /// A central anchor without redundancy serving `mns` MNs: all their sessions and
    /// reachability, until repaired.
    public static func centralAnchor(_ c: SchemeContext, name: String, mns: Double) -> FailureElement {
        FailureElement(
            name: name, sessionsBroken: mns * c.motion.activeSessions, mnsUnreachable: mns, mnsServed: mns,
            outageS: c.failures.anchorMttrH * 3600, mtbfH: c.failures.anchorMtbfH)
    }
}
