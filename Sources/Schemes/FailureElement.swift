/// One kind of element that can fail, as seen by one of its MNs (analytic-models.md 7.3):
/// the closed-form figures of one failure and what the simulation needs to
/// reproduce them (which sessions depend on it, how it recovers).
public struct FailureElement: Sendable, Equatable {
    public var kind: ElementKind
    /// Active sessions broken by one failure of one such element (blast radius).
    public var sessionsBroken: Double
    /// MNs that cannot be reached for new incoming sessions while it is down.
    public var mnsUnreachable: Double
    /// MNs that depend on one such element (the per-element share of the population).
    public var mnsServed: Double
    /// Interruption per failure, s: detection + switch-over with redundancy, repair without.
    public var outageS: Double
    /// Whether `outageS` is exact under the scenario's assumptions.
    public var outageExactness: Exactness = .exact
    /// Mean time between failures of one element, h.
    public var mtbfH: Double
    /// Mean number of such elements a session depends on at a time (1; 1 + tunnelled
    /// fraction for an anchoring AR, which a session needs as anchor and, while
    /// away, another one as serving AR).
    public var exposure: Double = 1
    /// Which elements of the kind a session depends on (simulation).
    public var dependency: FailureDependency
    /// How the outage is drawn (simulation).
    public var recovery: FailureRecovery

    public init(
        kind: ElementKind, sessionsBroken: Double, mnsUnreachable: Double, mnsServed: Double, outageS: Double,
        mtbfH: Double, dependency: FailureDependency, recovery: FailureRecovery
    ) {
        self.kind = kind
        self.sessionsBroken = sessionsBroken
        self.mnsUnreachable = mnsUnreachable
        self.mnsServed = mnsServed
        self.outageS = outageS
        self.mtbfH = mtbfH
        self.dependency = dependency
        self.recovery = recovery
    }

    /// The MN's serving AR: its attached MNs' sessions are lost in every scheme (7.3), until repair.
    public static func accessRouter(_ c: SchemeContext, kind: ElementKind = .ar) -> FailureElement {
        FailureElement(
            kind: kind, sessionsBroken: c.mnsPerAR * c.motion.activeSessions, mnsUnreachable: c.mnsPerAR,
            mnsServed: c.mnsPerAR, outageS: c.failures.arMttrH * TimeConstants.secondsPerHour, mtbfH: c.failures.arMtbfH,
            dependency: .serving, recovery: .fixed)
    }

    /// An AR that also anchors the flows started there (FAMA DAR, DMI temporary HA, DMA MAR):
    /// attached MNs' sessions plus the sessions anchored there whose MN has moved on,
    /// M ρ (1 + tunnelled fraction) (stationary, uniformly loaded ARs).
    public static func anchoringAccessRouter(_ c: SchemeContext, kind: ElementKind) -> FailureElement {
        var e = accessRouter(c, kind: kind)
        e.sessionsBroken = c.mnsPerAR * c.motion.activeSessions * (1 + c.motion.tunnelledFraction)
        e.exposure = 1 + c.motion.tunnelledFraction
        e.dependency = .servingOrAnchor
        return e
    }

    /// A central anchor without redundancy serving `mns` MNs: all their sessions and
    /// reachability, until repaired.
    public static func centralAnchor(_ c: SchemeContext, kind: ElementKind, mns: Double) -> FailureElement {
        FailureElement(
            kind: kind, sessionsBroken: mns * c.motion.activeSessions, mnsUnreachable: mns, mnsServed: mns,
            outageS: c.failures.anchorMttrH * TimeConstants.secondsPerHour, mtbfH: c.failures.anchorMtbfH,
            dependency: .all, recovery: .fixed)
    }

    /// This element when its failure breaks no ongoing session (tunnels stay up)
    /// and only makes its MNs unreachable for new incoming sessions.
    public var reachabilityOnly: FailureElement {
        var e = self
        e.sessionsBroken = 0
        e.dependency = .none
        return e
    }
}
