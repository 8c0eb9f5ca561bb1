/// Packet-averaged downlink path figures (closed form, analytic-models.md 5.5).
/// Every scheme's path closed form is exact in the mean under the scenario's
/// assumptions (each model's doc comment says which), so `exactness` is `.exact`
/// unless a model says otherwise.
public struct DataPath: Sendable, Equatable {
    /// Hops on the used path over hops on the shortest CN-MN path, averaged over packets.
    public var stretch: Double
    /// Fraction of packets that travel in a tunnel.
    public var tunnelledFraction: Double
    /// Mean hops a packet travels inside a tunnel (0 for untunnelled packets).
    public var tunnelHops: Double
    /// Whether the three figures are exact.
    public var exactness: Exactness = .exact
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
