import Mobility
import Schemes
import Stochastics

/// Every number a metric depends on (docs/ARCHITECTURE.md), grouped as the YAML file
/// and the `--set` paths are: mobility, traffic, topology, links, messages,
/// timers, failure, population.
///
/// Units are in the names (s, ms, h, bps, hops, bytes). `Scenario.default`
/// is the reference parameter set; each default's source is in
/// `ScenarioParameter.all` (and as a comment in Models/scenarios/default.yaml,
/// which a test keeps identical to these values).
public struct Scenario: Sendable, Equatable {
    /// Where the AR crossing rate comes from (`mobility.crossing_model`).
    public enum CrossingModel: String, CaseIterable, Sendable, Codable {
        /// The residence law's mean: η = 1/E[X].
        case residence
        /// Speed and cell size (docs/MODELS.md 2.7): η = vL/(πS); the
        /// residence law's shape is kept and its mean rescaled to 1/η.
        case fluidFlow = "fluid_flow"
    }

    /// Duplicate address detection on a new AR (`links.dad`).
    public enum DADMode: String, CaseIterable, Sendable, Codable {
        /// RFC 4862 section 5.1: wait `links.dad_ms` before using the address.
        case standard
        /// RFC 4429: use the address at once, no DAD wait.
        case optimistic
    }

    public struct Mobility: Sendable, Equatable {
        /// Residence-time law at one AR, seconds (docs/MODELS.md 2.2).
        public var residence: ProbabilityLaw
        public var crossingModel: CrossingModel
        public var speedMps: Double
        public var cellSizeM: Double
        /// Fluid-flow cell shape; `cellSizeM` is its radius (circle) or side.
        public var cellShape: FluidFlow.CellShape
        public var grid: GridKind
        /// Size of a MAP / LMA / anchor domain: side m of an m×m square domain, or rings n
        /// of a hexagonal domain of 3n²+3n+1 ARs (docs/MODELS.md 2.6).
        public var domainSize: Int
    }

    public struct Traffic: Sendable, Equatable {
        /// Session arrivals per MN per second (Poisson).
        public var sessionRate: Double
        /// Session-duration law, seconds.
        public var sessionDuration: ProbabilityLaw
        /// Probability that a correspondent is local to the MN's access region.
        public var localCNFraction: Double
        /// Hops from a local CN to any AR of the region.
        public var localCNHops: Double
        /// Downlink data packets per second of one active session (constant bit rate).
        public var packetRatePps: Double = 50
        /// Size of one data packet in bytes, IPv6 header included (tunnel headers come on top).
        public var packetSizeBytes: Double = 220
        /// Packets of one session the anchor or the new AR buffers during a handoff (0: no buffering).
        public var bufferPackets: Double = 0
    }

    public struct Topology: Sendable, Equatable {
        public var arArHops: Double
        public var arMapHops: Double
        public var arHaHops: Double
        public var mapHaHops: Double
        public var magLmaHops: Double
        public var lmaLmaHops: Double
        public var arLocationServerHops: Double
        public var arPeerArHops: Double
        public var cnHaHops: Double
        public var cnLmaHops: Double
        public var cnArHops: Double
        public var haHaHops: Double
        public var arNearestHaHops: Double
        public var cnNearestHaHops: Double
        public var globalHACount: Int
    }

    /// The air link's medium access (`links.wireless.mac`, docs/MODELS.md 6.1.1).
    public enum WirelessMAC: String, CaseIterable, Sendable, Codable {
        /// Size/bandwidth + latency per attempt, no channel access (docs/MODELS.md 6.1).
        case none
        /// IEEE 802.11 DCF: DIFS, backoff, PLCP, MAC header at the data rate (`IEEE80211`).
        case ieee80211
    }

    /// How an 802.11 frame's first attempt gets the medium (`links.wireless.ieee80211.access`).
    public enum ChannelAccess: String, CaseIterable, Sendable, Codable {
        /// DIFS + a uniform backoff in [0, CWmin] slots before every attempt.
        case backoff
        /// The medium has been idle longer than DIFS + CWmin slots: the first attempt goes at once
        /// (IEEE 802.11-2016 10.3.4.2); retries pay DIFS + backoff.
        case immediate
    }

    /// How the PHY turns a frame into air time (`links.wireless.ieee80211.phy`).
    public enum PHYKind: String, CaseIterable, Sendable, Codable {
        /// DSSS/HR-DSSS (IEEE 802.11-2016 clauses 15-16): PLCP + 8·bytes/rate, no rounding.
        case dsss
        /// OFDM (clause 17) and ERP-OFDM (clause 18): the PSDU plus 16 SERVICE and 6 tail bits
        /// in whole 4 µs symbols (TXTIME, 17.4.3).
        case ofdm
    }

    /// IEEE 802.11 DCF timing (`links.wireless.ieee80211.*`), µs, bytes and bit/s; defaults
    /// are the 802.11b DSSS/HR-DSSS PHY (IEEE 802.11-2016 clauses 15 and 16).
    public struct IEEE80211: Sendable, Equatable {
        public var slotUs: Double = 20
        public var sifsUs: Double = 10
        public var difsUs: Double = 50
        public var cwMin: Int = 31
        public var preambleUs: Double = 144
        public var plcpHeaderUs: Double = 48
        /// MAC header (24) + FCS (4).
        public var macHeaderBytes: Double = 28
        /// LLC/SNAP encapsulation of IP (RFC 1042).
        public var llcBytes: Double = 8
        public var ackBytes: Double = 14
        public var dataRateBps: Double = 11_000_000
        public var basicRateBps: Double = 2_000_000
        public var access: ChannelAccess = .backoff
        public var phy: PHYKind = .dsss

        /// The timing in the form the scheme models read (ms).
        public var timing: IEEE80211Timing {
            IEEE80211Timing(
                slotMs: slotUs / 1000, sifsMs: sifsUs / 1000, difsMs: difsUs / 1000, cwMin: cwMin,
                plcpMs: (preambleUs + plcpHeaderUs) / 1000, overheadBytes: macHeaderBytes + llcBytes,
                ackBytes: ackBytes, dataRateBps: dataRateBps, basicRateBps: basicRateBps,
                immediateAccess: access == .immediate, ofdmSymbols: phy == .ofdm)
        }
    }

    public struct Wireless: Sendable, Equatable {
        public var bandwidthBps: Double
        public var latencyMs: Double
        /// Probability that one transmission attempt fails (q of docs/MODELS.md 6.1).
        public var loss: Double
        public var mac: WirelessMAC = .none
        public var ieee80211 = IEEE80211()
    }

    public struct Wired: Sendable, Equatable {
        public var bandwidthBps: Double
        public var latencyMsPerHop: Double
        public var queueingMsPerHop: Double
    }

    public struct Links: Sendable, Equatable {
        public var wireless: Wireless
        public var wired: Wired
        public var l2HandoffMs: Double
        public var raDelayMs: Double
        public var dad: DADMode
        public var dadMs: Double
        /// Probability that a fast handover (FMIPv6, FPMIPv6) is predictive (FBU or HI
        /// sent before the link switch), else reactive (sent from the new link).
        public var predictiveHandoffFraction: Double = 0.3
        /// RFC 4862 section 5.4.2: a random delay, uniform in [0, MAX_RTR_SOLICITATION_DELAY],
        /// before the first DAD probe (`links.dad_random_delay`).
        public var dadRandomDelay: Bool = false
        /// MAX_RTR_SOLICITATION_DELAY, ms (RFC 4861 section 10).
        public static let maxRtrSolicitationDelayMs = 1000.0
        /// The fixed DAD wait a handoff sees, ms: `dadMs`, or 0 when optimistic.
        public var dadDelayMs: Double { dad == .optimistic ? 0 : dadMs }
        /// Width of the random delay before the first DAD probe, ms (0: off or optimistic DAD).
        public var dadRandomWidthMs: Double { dad == .optimistic || !dadRandomDelay ? 0 : Self.maxRtrSolicitationDelayMs }
    }

    public struct Messages: Sendable, Equatable {
        /// Size in bytes of every signaling message of the card vocabulary.
        public var sizes: [MessageSizeKey: Double]
        public var tunnelHeaderBytes: Double
        /// Per-byte-hop weights (docs/MODELS.md 5.1).
        public var wirelessWeight: Double
        public var wiredWeight: Double
        /// Processing units per binding-cache lookup (one per data packet at each mobility
        /// entity on its path) and per binding-cache update (one per signaling message a
        /// mobility entity receives): the weights of the processing cost (docs/MODELS.md 5.7).
        public var bindingLookupWeight: Double = 1
        public var bindingUpdateWeight: Double = 1
        /// Whether a handoff counts the previous attachment point's de-registration
        /// (card messages marked `deregistration`: PMIPv6's previous-MAG PBU/PBA,
        /// RFC 5213 section 6.9.1.3; docs/MODELS.md 5.4).
        public var countDeregistration: Bool
    }

    public struct Timers: Sendable, Equatable {
        public var bindingLifetimeS: Double
        /// Whether binding refreshes are counted (docs/MODELS.md 4: keep switchable).
        public var refresh: Bool
        public var haHelloIntervalS: Double
        public var haHelloMisses: Int
        public var heartbeatIntervalS: Double
        public var heartbeatMisses: Int
    }

    public struct Failure: Sendable, Equatable {
        public var anchorMtbfH: Double
        public var anchorMttrH: Double
        public var arMtbfH: Double
        public var arMttrH: Double
        public var locationServerMtbfH: Double
        public var locationServerMttrH: Double
    }

    public struct Population: Sendable, Equatable {
        public var mnsPerAR: Double
        public var mnsPerHA: Double
    }

    /// Observed: the values derived from mobility are recomputed when it changes (`Derived`).
    public var mobility: Mobility { didSet { derivation = Derived.of(mobility) } }
    public var traffic: Traffic
    public var topology: Topology
    public var links: Links
    public var messages: Messages
    public var timers: Timers
    public var failure: Failure
    public var population: Population

    /// `Derived.of(mobility)`, kept in step by `mobility`'s observer: computed
    /// once per change of the inputs, not at every use.
    public private(set) var derivation: Result<Derived, ScenarioError>

    public init(
        mobility: Mobility, traffic: Traffic, topology: Topology, links: Links, messages: Messages, timers: Timers,
        failure: Failure, population: Population
    ) {
        self.mobility = mobility
        self.traffic = traffic
        self.topology = topology
        self.links = links
        self.messages = messages
        self.timers = timers
        self.failure = failure
        self.population = population
        derivation = Derived.of(mobility)
    }

    /// Size in bytes of the message with this key.
    public func size(_ key: MessageSizeKey) -> Double { messages.sizes[key] ?? 0 }
}
