/// Packet-averaged downlink path figures (closed form, docs/MODELS.md 5.5).
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
    /// Mean hops on the used downlink path, the air hop included (packet delivery cost, 5.6).
    public var usedHops: Double
    /// Whether the figures are exact.
    public var exactness: Exactness = .exact
    public init(stretch: Double, tunnelledFraction: Double, tunnelHops: Double, usedHops: Double) {
        self.stretch = stretch
        self.tunnelledFraction = tunnelledFraction
        self.tunnelHops = tunnelHops
        self.usedHops = usedHops
    }

    /// Every packet through one central anchor (MIPv6's HA, PMIPv6's LMA),
    /// tunnelled over the `anchorToAR` hops to the serving AR (docs/MODELS.md 5.5):
    /// remote CN: h_CN-anchor + h_anchor-AR + 1; local CN (h_loc from the AR) goes
    /// up to the anchor and back down: h_loc + 2 h_anchor-AR + 1.
    public static func viaCentralAnchor(_ c: SchemeContext, cnToAnchor: Double, anchorToAR: Double) -> DataPath {
        mix(
            c, remoteUsed: cnToAnchor + anchorToAR + 1, localUsed: c.hops.localCN + 2 * anchorToAR + 1,
            remoteTunnel: anchorToAR, localTunnel: anchorToAR, tunnelledFraction: 1)
    }

    /// The shortest CN-MN path stretch divides by, hops: min(stated, used).
    /// The topology's hop counts are distances, so the used path (a CN-MN path)
    /// bounds the shortest one; where the stated h_CN-AR + 1 is longer (hop
    /// counts that violate the triangle inequality, e.g. the default's
    /// h_CN-HAnear + h_AR-HAnear = 6 < h_CN-AR = 8 when the CN's nearest HA is
    /// the MN's), the used path is the shortest known and its stretch is 1.
    /// Ours (issue 11): keeps stretch ≥ 1 by definition instead of refusing such
    /// topologies, which the presets' nearest-HA distances would be.
    public static func shortest(stated: Double, used: Double) -> Double { min(stated, used) }

    /// Averages a remote-CN and a local-CN path with the local fraction p:
    /// σ = (1−p) used_r/s_r + p used_l/s_l, s = `shortest(stated:used:)` with
    /// stated h_CN-AR + 1 (remote) and h_loc + 1 (local).
    public static func mix(
        _ c: SchemeContext, remoteUsed: Double, localUsed: Double, remoteTunnel: Double, localTunnel: Double,
        tunnelledFraction: Double
    ) -> DataPath {
        let p = c.hops.localCNFraction
        let remote = remoteUsed / shortest(stated: c.hops.cnAr + 1, used: remoteUsed)
        let stretch = (1 - p) * remote + p * localUsed / shortest(stated: c.hops.localCN + 1, used: localUsed)
        return DataPath(
            stretch: stretch, tunnelledFraction: tunnelledFraction,
            tunnelHops: (1 - p) * remoteTunnel + p * localTunnel, usedHops: (1 - p) * remoteUsed + p * localUsed)
    }
}
