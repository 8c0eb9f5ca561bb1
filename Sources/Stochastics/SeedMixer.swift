/// Derives the seed of stream `index` of a run from the run's seed.
///
/// The mixing function is SplitMix64's finaliser (Steele, Lea & Flood,
/// "Fast splittable pseudorandom number generators", OOPSLA 2014) applied to
/// `seed` and `index` in turn. It is fixed forever: changing it changes every
/// published number, so it is pinned by a test. Work split into streams by
/// index gives the same numbers whatever the number of threads.
public enum SeedMixer {
    /// SplitMix64 finaliser: a bijection on 64-bit words with good avalanche.
    @inlinable
    public static func finalize(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed of child stream `index` of a run seeded with `seed`.
    @inlinable
    public static func mix(seed: UInt64, index: UInt64) -> UInt64 {
        finalize(finalize(seed) ^ finalize(index &+ 0x632B_E59B_D9B4_E019))
    }

    /// Mixes a sequence of words (e.g. a sweep point's coordinates) into one seed.
    public static func mix(seed: UInt64, path: [UInt64]) -> UInt64 {
        path.reduce(finalize(seed)) { mix(seed: $0, index: $1) }
    }
}
