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
    /// taus2's three state words inside `rng` when the generator is taus2, else nil:
    /// uniforms are then computed here, inline, with GSL's own recurrence on GSL's
    /// own state (bit for bit what `gsl_rng_uniform` returns, and C-side draws such
    /// as `gsl_ran_gamma` continue the same sequence), saving two calls through
    /// function pointers per variate, which were a fifth of a simulation's time.
    @usableFromInline let taus: UnsafeMutablePointer<UInt>?

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
        taus = kind == .taus2 ? rng.pointee.state.assumingMemoryBound(to: UInt.self) : nil
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

    /// GSL's taus_get (rng/taus.c, shared by taus and taus2): one step of the three
    /// Tausworthe recurrences on 32-bit values kept in unsigned longs.
    @inlinable @inline(__always)
    static func tausStep(_ s: UnsafeMutablePointer<UInt>) -> UInt {
        let mask: UInt = 0xFFFF_FFFF
        var s1 = s[0], s2 = s[1], s3 = s[2]
        s1 = (((s1 & 4_294_967_294) << 12) & mask) ^ ((((s1 << 13) & mask) ^ s1) >> 19)
        s2 = (((s2 & 4_294_967_288) << 4) & mask) ^ ((((s2 << 2) & mask) ^ s2) >> 25)
        s3 = (((s3 & 4_294_967_280) << 17) & mask) ^ ((((s3 << 3) & mask) ^ s3) >> 11)
        s[0] = s1; s[1] = s2; s[2] = s3
        return s1 ^ s2 ^ s3
    }

    /// Runs `body` on a copy of taus2's state held in registers, then writes the advanced
    /// state back, so draws after it (inline or through GSL) continue the same sequence;
    /// nil, without calling `body`, when the generator is not taus2. `body` must not draw
    /// from this stream itself (those draws would be overwritten by the copy).
    @inlinable public func withTaus2State<R>(_ body: (inout Taus2State) throws -> R) rethrows -> R? {
        guard let taus else { return nil }
        var state = Taus2State(s1: taus[0], s2: taus[1], s3: taus[2])
        defer { taus[0] = state.s1; taus[1] = state.s2; taus[2] = state.s3 }
        return try body(&state)
    }

    /// Uniform on [0, 1).
    @inlinable public func uniform() -> Double {
        if let taus { return Double(Self.tausStep(taus)) / 4_294_967_296.0 }
        return gsl_rng_uniform(rng)
    }

    /// Uniform on (0, 1): safe under a logarithm (GSL's gsl_rng_uniform_pos: redraw 0).
    @inlinable public func uniformPositive() -> Double {
        if let taus {
            while true {
                let x = Double(Self.tausStep(taus)) / 4_294_967_296.0
                if x != 0 { return x }
            }
        }
        return gsl_rng_uniform_pos(rng)
    }

    /// Uniform integer in 0..<n (0 < n < 2^32 for taus2); GSL's gsl_rng_uniform_int:
    /// scale = range / n, redraw while (draw / scale) >= n.
    @inlinable public func uniformInt(_ n: Int) -> Int {
        if let taus, n > 0, n <= 0xFFFF_FFFF {
            let scale = UInt(0xFFFF_FFFF) / UInt(n)
            while true {
                let k = Self.tausStep(taus) / scale
                if k < UInt(n) { return Int(k) }
            }
        }
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// Exponential with the given mean.
    @inlinable public func exponential(mean: Double) -> Double {
        -mean * log(uniformPositive())
    }

    /// `uniform()` through GSL's own function, for tests of the inline path.
    func gslUniform() -> Double { gsl_rng_uniform(rng) }

    /// `uniformInt(_:)` through GSL's own function, for tests of the inline path.
    func gslUniformInt(_ n: Int) -> Int { Int(gsl_rng_uniform_int(rng, UInt(n))) }

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
    @inlinable public func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Index i drawn with probability weights[i] / sum (weights sum to 1 within rounding).
    @inlinable public func categorical(_ weights: [Double]) -> Int {
        var u = uniform()
        for i in 0..<(weights.count - 1) {
            u -= weights[i]
            if u < 0 { return i }
        }
        return weights.count - 1
    }
}
