/// A kind of network element whose failure a scheme's MNs can feel
/// (docs/MODELS.md 7.3). The raw value names the per-element failure
/// metrics (`blast_radius.<kind>`, ...), so it is part of the output format.
public enum ElementKind: String, CaseIndexHashable, Sendable {
    /// A home agent (MIPv6, HMIPv6, DMI's permanent HA, one HA of a global set).
    case ha
    /// HMIPv6's mobility anchor point.
    case map
    /// PMIPv6's / DLMA's local mobility anchor.
    case lma
    /// The serving access router.
    case ar
    /// The serving mobile access gateway (network-based schemes' AR).
    case mag
    /// FAMA's distributed access router (AR + HA).
    case dar
    /// DMA's mobility anchor and access router (and RFC 8885's MAAR, the same role).
    case mar
    /// DMI's temporary HA at the visited AR.
    case temporaryHA = "temporary_ha"
    /// S-PMIP's location server (its LMA, kept for locations only) or RFC 8885's CMD.
    case locationServer = "location_server"
}
