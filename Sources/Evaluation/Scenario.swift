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

    public struct Wireless: Sendable, Equatable {
        public var bandwidthBps: Double
        public var latencyMs: Double
        /// Probability that one transmission attempt fails (q of docs/MODELS.md 6.1).
        public var loss: Double
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
        /// The DAD wait a handoff sees, ms: `dadMs`, or 0 when optimistic.
        public var dadDelayMs: Double { dad == .optimistic ? 0 : dadMs }
    }

    public struct Messages: Sendable, Equatable {
        /// Size in bytes of every signaling message of the card vocabulary.
        public var sizes: [MessageSizeKey: Double]
        public var tunnelHeaderBytes: Double
        /// Per-byte-hop weights (docs/MODELS.md 5.1).
        public var wirelessWeight: Double
        public var wiredWeight: Double
        /// Whether a handoff counts the previous attachment point's de-registration
        /// (card messages marked `deregistration`: PMIPv6's previous-MAG PBU/PBA,
        /// RFC 5213 section 6.9.1.4; docs/MODELS.md 5.4).
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
