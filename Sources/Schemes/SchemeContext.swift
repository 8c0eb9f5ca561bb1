/// The numbers a scheme model reads: hop distances, link timing, mobility and
/// session quantities, failure and population figures. Plain values, so the
/// Schemes target needs no scenario file and tests can build one by hand;
/// Evaluation fills it from a `Scenario` and the Mobility closed forms.
public struct SchemeContext: Sendable, Equatable {
    /// Hop distances (docs/MODELS.md 5.3). `ar*` are from the serving AR.
    public struct Hops: Sendable, Equatable {
        public var arAr, arMap, arHa, mapHa, magLma, lmaLma, arLocationServer, arPeerAr: Double
        public var cnHa, cnLma, cnAr, haHa, arNearestHa, cnNearestHa: Double
        /// Hops from a local CN to any AR of the region, and the probability a CN is local.
        public var localCN: Double
        public var localCNFraction: Double
        public var globalHACount: Int
        public init(
            arAr: Double, arMap: Double, arHa: Double, mapHa: Double, magLma: Double, lmaLma: Double,
            arLocationServer: Double, arPeerAr: Double, cnHa: Double, cnLma: Double, cnAr: Double, haHa: Double,
            arNearestHa: Double, cnNearestHa: Double, localCN: Double, localCNFraction: Double, globalHACount: Int
        ) {
            self.arAr = arAr; self.arMap = arMap; self.arHa = arHa; self.mapHa = mapHa; self.magLma = magLma
            self.lmaLma = lmaLma; self.arLocationServer = arLocationServer; self.arPeerAr = arPeerAr
            self.cnHa = cnHa; self.cnLma = cnLma; self.cnAr = cnAr; self.haHa = haHa
            self.arNearestHa = arNearestHa; self.cnNearestHa = cnNearestHa
            self.localCN = localCN; self.localCNFraction = localCNFraction; self.globalHACount = globalHACount
        }
    }

    /// Mobility and session quantities (docs/MODELS.md 2-3), per MN.
    public struct Motion: Sendable, Equatable {
        /// AR crossing rate η, 1/s.
        public var crossingRate: Double
        /// Fraction of AR crossings that also leave the domain, p_d (2.6).
        public var domainCrossingFraction: Double
        /// ARs in one domain (m² square, 3n²+3n+1 hexagonal).
        public var domainARs: Double
        /// Session arrival rate λ_s, 1/s, and mean active sessions ρ = λ_s E[T].
        public var sessionRate: Double
        public var activeSessions: Double
        /// E[N_a]: earlier anchors with ≥ 1 active session at a handoff (3.3).
        public var anchorsInUse: Double
        /// Fraction of session time (packets) away from the session's first AR (3.1-3.2):
        /// Σ_j α(j) P(D_j ≠ 0), α(j) the share of session time after j handoffs and D_j
        /// the grid distance after j walk steps (the walk can come back to the first AR).
        public var tunnelledFraction: Double
        /// Packet-averaged anchor-to-serving-AR distance in grid steps, Σ α(j) E[D_j] (3.2).
        public var meanAnchorDistance: Double
        /// Binding refreshes per second per MN (docs/MODELS.md 4), 0 when refresh is off.
        public var refreshRate: Double
        /// Old anchors with ≥ 1 active session at a binding refresh, per refresh
        /// (`SessionAnchoring.anchorsInUseAtRefresh`): fewer than at a handoff, since
        /// refreshes come a lifetime or more after it and old sessions end meanwhile.
        public var anchorsInUseAtRefresh: Double
        /// Refreshes per second of a binding only domain handoffs update
        /// (`DomainRefresh.rate`), 0 when refresh is off.
        public var domainRefreshRate: Double
        /// Mean time from a random instant to the MN's next binding update, s: BUs at
        /// every AR crossing and, with refresh, a lifetime after the last BU (renewal
        /// reward, exact; Mobility's `BindingUpdateWait`). SAIL's outage reads it.
        public var nextUpdateWaitS: Double
        /// `nextUpdateWaitS` nil stands for 1/η, its value for exponential residence
        /// without refresh (hand-built contexts); `init(closedFormFor:)` computes it.
        /// Old anchors a per-flow DMM handoff signals (distinct ARs other than the
        /// serving one with ≥ 1 live session, `AnchorResidences.Values.oldAnchors`, 3.4)
        /// and their mean grid distance from the serving AR. nil: `anchorsInUse` at
        /// `oldAnchorSteps` (hand-built contexts).
        public var oldAnchorsAtHandoff: OldAnchors?
        /// The same at binding refreshes (nil: `anchorsInUseAtRefresh` at `oldAnchorSteps`).
        public var oldAnchorsAtRefresh: OldAnchors?
        /// The live sessions at a handoff (per-flow latency, 6.3): the fraction anchored at
        /// the new serving AR (no anchor update) and the mean grid distance of the others
        /// (`AnchorResidences.Values.sessionWalk`). nil: none at the anchor, the others at
        /// `oldAnchorSteps` (hand-built contexts).
        public var sessionsAtHandoff: SessionsAtHandoff?
        /// Distinct ARs anchoring ≥ 1 live session of the MN at a random instant, the
        /// serving AR included (`LiveAnchorARs`, docs/MODELS.md 3.5): a per-flow anchor's
        /// bindings per MN (5.8). nil: `anchorsInUse` (hand-built contexts).
        public var liveAnchorARs: Double?

        public struct OldAnchors: Sendable, Equatable {
            public var anchors: Double
            /// Mean grid steps from the serving AR to one of them (≥ 1).
            public var stepsPerAnchor: Double
            public init(anchors: Double, stepsPerAnchor: Double) { self.anchors = anchors; self.stepsPerAnchor = stepsPerAnchor }
        }

        public struct SessionsAtHandoff: Sendable, Equatable {
            public var atAnchorFraction: Double
            /// Mean grid steps from the serving AR to the anchor of a session not at its anchor (≥ 1).
            public var awaySteps: Double
            /// The law of the grid distance D of a session not at its anchor: awayLaw[d] =
            /// P(D = d | D ≠ 0), d ≥ 1 (awayLaw[0] = 0), its mean `awaySteps`
            /// (`AnchorResidences.sessionWalk`). Empty: every such session at `awaySteps`.
            /// The per-flow latency law mixes over it (docs/MODELS.md 6.5).
            public var awayLaw: [Double]
            public init(atAnchorFraction: Double, awaySteps: Double, awayLaw: [Double] = []) {
                self.atAnchorFraction = atAnchorFraction; self.awaySteps = awaySteps; self.awayLaw = awayLaw
            }
        }

        public init(
            crossingRate: Double, domainCrossingFraction: Double, domainARs: Double, sessionRate: Double,
            activeSessions: Double, anchorsInUse: Double, tunnelledFraction: Double, meanAnchorDistance: Double,
            refreshRate: Double, anchorsInUseAtRefresh: Double = 0, domainRefreshRate: Double = 0,
            nextUpdateWaitS: Double? = nil
        ) {
            self.anchorsInUseAtRefresh = anchorsInUseAtRefresh
            self.domainRefreshRate = domainRefreshRate
            self.nextUpdateWaitS = nextUpdateWaitS ?? 1 / crossingRate
            self.crossingRate = crossingRate; self.domainCrossingFraction = domainCrossingFraction
            self.domainARs = domainARs; self.sessionRate = sessionRate; self.activeSessions = activeSessions
            self.anchorsInUse = anchorsInUse; self.tunnelledFraction = tunnelledFraction
            self.meanAnchorDistance = meanAnchorDistance; self.refreshRate = refreshRate
        }

        /// Grid steps from the serving AR to an old anchor still carrying a session
        /// at a handoff. First-order approximation: the mean distance while away
        /// from the anchor, E_pkt[D | D ≠ 0] = E_pkt[D] / P_pkt(D ≠ 0), at least one step (a handoff has
        /// just moved the MN one step). The Monte Carlo measures the exact value.
        public var oldAnchorSteps: Double {
            tunnelledFraction > 0 ? max(1, meanAnchorDistance / tunnelledFraction) : 1
        }
    }

    /// Link delays (docs/MODELS.md 6.1-6.2); all times in ms, sizes in bytes.
    public struct Links: Sendable, Equatable {
        public var wirelessBps, wirelessLatencyMs, wirelessLoss: Double
        public var wiredBps, wiredLatencyMsPerHop, queueingMsPerHop: Double
        public var l2HandoffMs, raDelayMs, dadMs: Double
        /// Probability that a fast handover (FMIPv6, FPMIPv6) is predictive rather than reactive.
        public var predictiveHandoffFraction: Double = 0.3
        /// The 802.11 DCF channel access of the air link (docs/MODELS.md 6.1.1); nil: the plain
        /// size/bandwidth + latency link (`links.wireless.mac: none`).
        public var mac: IEEE80211Timing? = nil
        /// Width of the RFC 4862 section 5.4.2 random delay before the first DAD probe, ms
        /// (uniform on [0, w]); 0 when off. `dadMs` already holds its mean w/2.
        public var dadRandomWidthMs: Double = 0
        public init(
            wirelessBps: Double, wirelessLatencyMs: Double, wirelessLoss: Double, wiredBps: Double,
            wiredLatencyMsPerHop: Double, queueingMsPerHop: Double, l2HandoffMs: Double, raDelayMs: Double, dadMs: Double
        ) {
            self.wirelessBps = wirelessBps; self.wirelessLatencyMs = wirelessLatencyMs; self.wirelessLoss = wirelessLoss
            self.wiredBps = wiredBps; self.wiredLatencyMsPerHop = wiredLatencyMsPerHop
            self.queueingMsPerHop = queueingMsPerHop; self.l2HandoffMs = l2HandoffMs; self.raDelayMs = raDelayMs
            self.dadMs = dadMs
        }

        /// Mean time of one air attempt τ(s), ms (T_wl without retransmissions, 6.1):
        /// 8s/B_wl + L_wl, or with the 802.11 MAC L_wl + `IEEE80211Timing.attemptMs(s)`
        /// (access with its mean backoff, PLCP, MAC frame at the data rate; 6.1.1).
        public func attemptMs(_ bytes: Double) -> Double {
            if let m = mac { return wirelessLatencyMs + m.attemptMs(bytes) }
            return 8 * bytes / wirelessBps * 1000 + wirelessLatencyMs
        }

        /// Mean air time with retransmissions, ms: T_wl(s) = ((1+q)/(1−q)) (8s/B_wl + L_wl);
        /// with the 802.11 MAC τ + (q/(1−q))(τ + r) with r the retry's extra cost (6.1.1).
        public func wireless(_ bytes: Double) -> Double {
            if let m = mac {
                let tau = attemptMs(bytes)
                return tau + wirelessLoss / (1 - wirelessLoss) * (tau + m.retryExtraMs)
            }
            return (1 + wirelessLoss) / (1 - wirelessLoss) * (8 * bytes / wirelessBps * 1000 + wirelessLatencyMs)
        }

        /// T_wd(s, h) = h (8s/B_wd + L_wd + B_q), ms.
        public func wired(_ bytes: Double, hops: Double) -> Double {
            hops * (8 * bytes / wiredBps * 1000 + wiredLatencyMsPerHop + queueingMsPerHop)
        }

        /// reg(h) = T_wl(req) + T_wd(req, h) + T_wd(ack, h) + T_wl(ack): an MN's registration round trip (6.3).
        public func registration(request: Double, ack: Double, hops: Double) -> Double {
            wireless(request) + wired(request, hops: hops) + wired(ack, hops: hops) + wireless(ack)
        }
    }

    /// Failure rates and repair times, per element kind (docs/MODELS.md 7).
    public struct Failures: Sendable, Equatable {
        public var anchorMtbfH, anchorMttrH, arMtbfH, arMttrH, locationServerMtbfH, locationServerMttrH: Double
        public var haHelloIntervalS: Double
        public var haHelloMisses: Int
        public init(
            anchorMtbfH: Double, anchorMttrH: Double, arMtbfH: Double, arMttrH: Double, locationServerMtbfH: Double,
            locationServerMttrH: Double, haHelloIntervalS: Double, haHelloMisses: Int
        ) {
            self.anchorMtbfH = anchorMtbfH; self.anchorMttrH = anchorMttrH; self.arMtbfH = arMtbfH
            self.arMttrH = arMttrH; self.locationServerMtbfH = locationServerMtbfH
            self.locationServerMttrH = locationServerMttrH; self.haHelloIntervalS = haHelloIntervalS
            self.haHelloMisses = haHelloMisses
        }

        /// HARP-style detection by k missed hellos at period T: mean (k − ½) T, s (7.2).
        public var helloDetectionS: Double { (Double(haHelloMisses) - 0.5) * haHelloIntervalS }
    }

    /// Assumptions about the scenario's laws that decide whether a closed form is
    /// exact (not values a formula reads).
    public struct Assumptions: Sendable, Equatable {
        /// The residence law is exponential (memoryless handoffs).
        public var exponentialResidence: Bool
        /// Bindings are refreshed periodically (`timers.refresh`).
        public var periodicRefresh: Bool
        /// The anchors of the sessions live at a handoff are exact
        /// (`AnchorResidences.isExact`, docs/MODELS.md 3.4).
        public var perFlowAnchorsExact: Bool
        public init(exponentialResidence: Bool, periodicRefresh: Bool, perFlowAnchorsExact: Bool = false) {
            self.exponentialResidence = exponentialResidence
            self.periodicRefresh = periodicRefresh
            self.perFlowAnchorsExact = perFlowAnchorsExact
        }
    }

    public var hops: Hops
    public var motion: Motion
    public var links: Links
    public var failures: Failures
    /// Message sizes in bytes, by size key.
    public var sizes: [MessageSizeKey: Double] { didSet { sizeTable = Self.table(sizes) } }
    /// `sizes` by `MessageSizeKey.caseIndex` (0 where absent): `size(_:)` runs for every
    /// message of every scheme at every sweep point, and a dictionary lookup hashes.
    private var sizeTable: [Double]
    public var mnsPerAR: Double
    public var mnsPerHA: Double
    /// Defaults to the conservative reading (non-exponential, refreshed): Evaluation
    /// sets it from the scenario before it asks a model how exact it is.
    public var assumptions = Assumptions(exponentialResidence: false, periodicRefresh: true)
    /// Whether card messages marked `deregistration` are sent (`messages.deregistration`;
    /// RFC 5213 section 6.9.1.3: the previous MAG SHOULD de-register, so true by default).
    public var countsDeregistration = true

    public init(
        hops: Hops, motion: Motion, links: Links, failures: Failures, sizes: [MessageSizeKey: Double],
        mnsPerAR: Double, mnsPerHA: Double
    ) {
        self.hops = hops; self.motion = motion; self.links = links; self.failures = failures
        self.sizes = sizes; self.mnsPerAR = mnsPerAR; self.mnsPerHA = mnsPerHA
        sizeTable = Self.table(sizes)
    }

    public func size(_ key: MessageSizeKey) -> Double { sizeTable[Int(key.caseIndex)] }

    private static func table(_ sizes: [MessageSizeKey: Double]) -> [Double] {
        MessageSizeKey.allCases.map { sizes[$0] ?? 0 }
    }

    /// MNs in one domain (served by one MAP / LMA / location server).
    public var mnsPerDomain: Double { mnsPerAR * motion.domainARs }

    /// L2 break + RS/RA movement detection (+ the RA delay), ms (6.3 MD).
    public var movementDetectionMs: Double {
        links.wireless(size(.rs)) + links.raDelayMs + links.wireless(size(.ra))
    }

    /// What every client-based scheme pays before its first BU: T_L2 + MD + T_DAD, ms.
    public var clientAttachMs: Double { links.l2HandoffMs + movementDetectionMs + links.dadMs }
}
