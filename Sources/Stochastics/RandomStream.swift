import CGSL
import Foundation

/// One GSL random-number generator, explicitly seeded, owned by exactly one task.
///
/// A `gsl_rng` is not thread-safe, so a stream is a class that is never shared:
/// parallel work takes `child(_:)` streams, whose seeds come from
/// `SeedMixer.mix(seed:index:)`. The generator is freed when the stream is released.
public final class RandomStream {
    /// The seed this stream was created with (before GSL's own seeding rule).
    public let seed: UInt64
    /// The GSL generator behind this stream.
    public let kind: GeneratorKind
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>

    /// A stream seeded with `seed`.
    ///
    /// GSL's seeding functions keep only 32 bits of a seed, so among 10^4 child
    /// streams two would coincide with probability about 1 %. For taus2 (the
    /// default) the whole 64-bit seed therefore fills the generator's three
    /// 32-bit state words directly (SplitMix64 outputs, with the lower bounds
    /// and the six warm-up draws of GSL's own `taus_set`), so distinct seeds
    /// give distinct streams. The other generators go through `gsl_rng_set`
    /// with the seed folded to 32 bits by `SeedMixer.finalize`.
    public init(seed: UInt64, kind: GeneratorKind = .default) {
        GSL.configure()
        self.seed = seed
        self.kind = kind
        guard let rng = gsl_rng_alloc(kind.gslType) else {
            // Allocation of a few hundred bytes failed: the process is out of memory.
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        self.rng = rng
        let folded = SeedMixer.finalize(seed)
        var s = UInt((folded ^ (folded >> 32)) & 0xFFFF_FFFF)
        if s == 0 { s = 1 }  // taus2 and gfsr4 map seed 0 to their default seed
        gsl_rng_set(rng, s)
        if kind == .taus2 { Self.seedTaus2State(rng, seed) }
    }

    /// Writes taus2's state (s1, s2, s3: 32-bit values in unsigned longs) from
    /// a 64-bit seed. GSL's taus_set requires s1 > 1, s2 > 7, s3 > 15 and
    /// discards six outputs; so does this.
    private static func seedTaus2State(_ rng: UnsafeMutablePointer<gsl_rng>, _ seed: UInt64) {
        precondition(rng.pointee.type.pointee.size == 3 * MemoryLayout<UInt>.size, "unexpected taus2 state layout")
        let state = rng.pointee.state.assumingMemoryBound(to: UInt.self)
        var z = seed
        func next32(atLeast minimum: UInt) -> UInt {
            z = z &+ 0x9E37_79B9_7F4A_7C15
            let word = UInt(SeedMixer.finalize(z) & 0xFFFF_FFFF)
            return word < minimum ? word + minimum : word
        }
        state[0] = next32(atLeast: 2)
        state[1] = next32(atLeast: 8)
        state[2] = next32(atLeast: 16)
        for _ in 0..<6 { _ = gsl_rng_get(rng) }
    }

    deinit { gsl_rng_free(rng) }

    /// Independent stream `index` of the run seeded with this stream's seed.
    /// Depends only on (seed, index, kind): not on how many draws were made.
    public func child(_ index: Int) -> RandomStream {
        RandomStream(seed: SeedMixer.mix(seed: seed, index: UInt64(index)), kind: kind)
    }

    /// Uniform on [0, 1).
    @inlinable public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// Uniform on (0, 1): safe under a logarithm.
    @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

    /// Uniform integer in 0..<n (n > 0).
    @inlinable public func uniformInt(_ n: Int) -> Int {
        Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// Exponential with the given mean.
    @inlinable public func exponential(mean: Double) -> Double {
        -mean * log(gsl_rng_uniform_pos(rng))
    }

    /// Gamma with shape k and scale θ (mean kθ); GSL's Marsaglia-Tsang method.
    @inlinable public func gamma(shape: Double, scale: Double) -> Double {
        gsl_ran_gamma(rng, shape, scale)
    }

    /// Lognormal whose logarithm is Normal(zeta, sigma²).
    @inlinable public func lognormal(zeta: Double, sigma: Double) -> Double {
        gsl_ran_lognormal(rng, zeta, sigma)
    }

    /// Weibull with scale λ and shape β: P(X > x) = exp(-(x/λ)^β).
    @inlinable public func weibull(scale: Double, shape: Double) -> Double {
        gsl_ran_weibull(rng, scale, shape)
    }

    /// Pareto with shape a and scale xm: P(X > x) = (xm/x)^a for x ≥ xm.
    @inlinable public func pareto(shape: Double, scale: Double) -> Double {
        gsl_ran_pareto(rng, shape, scale)
    }

    /// Standard normal (Ziggurat).
    @inlinable public func normal() -> Double { gsl_ran_gaussian_ziggurat(rng, 1) }

    /// Poisson with the given mean.
    @inlinable public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(rng, mean)) }

    /// Bernoulli: true with probability p.
    @inlinable public func bernoulli(_ p: Double) -> Bool { gsl_rng_uniform(rng) < p }

    /// Index i drawn with probability weights[i] / sum (weights sum to 1 within rounding).
    @inlinable public func categorical(_ weights: [Double]) -> Int {
        var u = gsl_rng_uniform(rng)
        for i in 0..<(weights.count - 1) {
            u -= weights[i]
            if u < 0 { return i }
        }
        return weights.count - 1
    }
}
