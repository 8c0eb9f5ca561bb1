/// The words a scheme card's signaling procedures are written in.
///
/// Cards are data (Models/schemes/*.yaml); these enums fix the vocabulary so
/// a card can be validated when it loads and so Evaluation can turn every
/// message into hops (from the scenario's topology) and bytes (from the
/// scenario's message sizes) without per-scheme code.

/// When a procedure runs (docs/ARCHITECTURE.md).
public enum ProcedureEvent: String, CaseIndexHashable, Sendable, Codable {
    /// First attachment of the MN to the network.
    case attach
    /// Every AR (MAG, DAR, MAR) crossing.
    case handoff
    /// Extra messages when the crossing also leaves a domain (MAP, LMA or anchor region).
    case domainHandoff = "domain_handoff"
    /// Every new session (location queries, anchor selection).
    case sessionStart = "session_start"
    /// Every binding-lifetime refresh; the clock restarts at every handoff.
    case refresh
    /// Every binding-lifetime refresh of a binding that only domain handoffs update
    /// (HMIPv6's HA binding: local BUs reach only the MAP, RFC 5380 section 8); the
    /// clock restarts at domain handoffs only. Optional on a card (none by default).
    case domainRefresh = "domain_refresh"
    /// Periodic control traffic not tied to the MN's movement (HA hello,
    /// heartbeat, binding synchronisation), amortised over the MNs an anchor serves.
    case periodic
    /// Recovery after an anchor failure.
    case failureRecovery = "failure_recovery"
}

/// Who sends or receives a message. Evaluation maps each pair of roles to a
/// hop count through the scenario's topology.
public enum Role: String, CaseIndexHashable, Sendable, Codable {
    /// The mobile node (one wireless hop from its serving AR).
    case mn
    /// The AR / MAG / DAR / MAR now serving the MN.
    case servingAR = "serving_ar"
    /// An earlier AR (DAR, MAR, temporary HA) that still anchors a live session.
    case oldAnchor = "old_anchor"
    /// The HMIPv6 Mobility Anchor Point of the MN's domain.
    case map
    /// The home agent (or permanent HA, or the primary HA of a global set).
    case ha
    /// The PMIPv6 LMA of the MN's domain (or H-LMA in DLMA).
    case lma
    /// A location server or mobility database (S-PMIP's LMA as locator, RFC 8885's CMD).
    case locationServer = "location_server"
    /// Another HA of a global HA set (GHAHA, SAIL).
    case peerHA = "peer_ha"
    /// Another AR / MAG of the MN's domain (multicast queries in SD-PMIP).
    case peerAR = "peer_ar"
    /// A correspondent node.
    case cn
    /// The AR / MAG serving a correspondent node.
    case cnAR = "cn_ar"
}

/// How many times a message is sent per occurrence of its event.
public enum RepeatRule: String, CaseIndexHashable, Sendable, Codable {
    case once
    /// Once per earlier anchor that still carries an active session (DMM schemes).
    case perActiveOldAnchor = "per_active_old_anchor"
    /// Once per other HA of the global set: N_HA − 1 times.
    case perPeerHA = "per_peer_ha"
    /// Once per other MAG/AR of the domain.
    case perMAGInDomain = "per_mag_in_domain"
    /// Once per active correspondent (per active session).
    case perCN = "per_cn"
    /// Once per active correspondent and, for each, once per other MAG/AR of
    /// the domain: a multicast re-query by every CN's MAG (SD-PMIP).
    case perCNPerMAGInDomain = "per_cn_per_mag_in_domain"
    /// Only in a predictive fast handover (FMIPv6, RFC 5568 section 3.1): with
    /// probability `links.predictive_handoff_fraction` per handoff.
    case predictive
    /// Only in a reactive fast handover (RFC 5568 section 3.2): with the complementary probability.
    case reactive
}

/// Size keys: every message names one, and the scenario gives each its size in
/// bytes (defaults from RFC layouts, docs/MODELS.md §5.2).
public enum MessageSizeKey: String, CaseIndexHashable, Sendable, Codable {
    case rs, ra
    case nsDAD = "ns_dad"
    case bu, ba
    /// HMIPv6 local binding update / acknowledgement (MN ↔ MAP).
    case lbu, lba
    case hoti, coti, hot, cot
    case pbu, pba
    /// Proxy binding query and its answer (S-PMIP, SD-PMIP, RFC 8885 locator).
    case pbq, pqa
    /// Binding synchronisation between HAs of a global set (GHAHA, HARP).
    case bindingSync = "binding_sync"
    /// HARP HA-Hello.
    case haHello = "ha_hello"
    /// PMIPv6 heartbeat request or response (RFC 5847).
    case heartbeat
    /// One-hop DHT lookup or update (SAIL).
    case dhtUpdate = "dht_update"
    /// Location update to a location server (DLMA, S-PMIP, RFC 8885 CMD).
    case locationUpdate = "location_update"
    /// FMIPv6 (RFC 5568 section 6): router solicitation for proxy advertisement and
    /// its answer, fast binding update and acknowledgement, handover initiate and
    /// acknowledge (PAR ↔ NAR), unsolicited neighbour advertisement. `fbu` is the FBU
    /// sent from the previous link (it carries the NCoA in an alternate care-of address
    /// option); `fbu_reactive` the one sent from the new link, whose source is the NCoA
    /// and which needs no such option (field layouts: docs/MODELS.md 5.2.1).
    case rtSolPr = "rtsolpr", prRtAdv = "prrtadv", fbu, fbuReactive = "fbu_reactive", fback, hi, hack, una
    /// FPMIPv6 (RFC 5949 section 6): HI and HAck between the MAGs with the PMIPv6 mobility options.
    case pmipHI = "pmip_hi", pmipHAck = "pmip_hack"
}
