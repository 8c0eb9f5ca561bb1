import Foundation

/// taus2's three state words as a value, so a hot loop keeps them in registers
/// for a whole chunk (`RandomStream.withTaus2State(_:)`) instead of loading and
/// storing them through the `gsl_rng` at every draw (the stores were the largest
/// single cost of the crossing Monte Carlo's loop, perf annotate).
///
/// The recurrence is GSL's taus_get (rng/taus.c; L'Ecuyer 1996, "Maximally
/// equidistributed combined Tausworthe generators", Math. Comp. 65): three 32-bit
/// values kept in unsigned longs. Every method returns bit for bit what the method
/// of the same name of `RandomStream` returns from the same state, so a loop moved
/// onto this type draws the same variates in the same order.
public struct Taus2State: Sendable {
    @usableFromInline var s1: UInt, s2: UInt, s3: UInt

    @inlinable init(s1: UInt, s2: UInt, s3: UInt) {
        self.s1 = s1; self.s2 = s2; self.s3 = s3
    }

    /// One step of the three Tausworthe recurrences: a 32-bit output.
    @inlinable @inline(__always)
    public mutating func next() -> UInt {
        let mask: UInt = 0xFFFF_FFFF
        s1 = (((s1 & 4_294_967_294) << 12) & mask) ^ ((((s1 << 13) & mask) ^ s1) >> 19)
        s2 = (((s2 & 4_294_967_288) << 4) & mask) ^ ((((s2 << 2) & mask) ^ s2) >> 25)
        s3 = (((s3 & 4_294_967_280) << 17) & mask) ^ ((((s3 << 3) & mask) ^ s3) >> 11)
        return s1 ^ s2 ^ s3
    }

    /// Uniform on [0, 1): `RandomStream.uniform()`.
    @inlinable @inline(__always)
    public mutating func uniform() -> Double { Double(next()) / 4_294_967_296.0 }

    /// Uniform on (0, 1), redrawing 0: `RandomStream.uniformPositive()`.
    @inlinable @inline(__always)
    public mutating func uniformPositive() -> Double {
        while true {
            let x = Double(next()) / 4_294_967_296.0
            if x != 0 { return x }
        }
    }

    /// Uniform integer in 0..<range.count: `RandomStream.uniformInt(range.count)`, with
    /// the range's divisions done once (`UniformIntRange`).
    @inlinable @inline(__always)
    public mutating func uniformInt(_ range: UniformIntRange) -> Int {
        while true {
            let x = next()
            if x < range.accepted { return range.quotient(x) }
        }
    }
}

/// GSL's gsl_rng_uniform_int for taus2 (range 2^32 − 1 = 0xFFFFFFFF): scale = range / n,
/// k = draw / scale, redrawn while k ≥ n; precomputed for one n so that a draw costs no
/// integer division. k < n exactly when draw < n·scale (`accepted`); k = ⌊draw·M / 2^64⌋
/// with M = ⌈2^64/scale⌉ (Granlund and Montgomery 1994: exact for draws below 2^32,
/// since draw·(M − 2^64/scale)/2^64 < draw/2^64 < 1/scale); scale 1 (n = 2^32 − 1) is the draw itself.
public struct UniformIntRange: Sendable {
    public let count: Int
    @usableFromInline let accepted: UInt
    @usableFromInline let magic: UInt64
    @usableFromInline let identity: Bool

    /// `count`: 1 ... 2^32 − 1 (what the taus2 draw covers), else nil.
    public init?(count n: Int) {
        guard n > 0, n <= 0xFFFF_FFFF else { return nil }
        count = n
        let scale = UInt64(0xFFFF_FFFF) / UInt64(n)
        accepted = UInt(scale * UInt64(n))
        identity = scale == 1
        // ⌈2^64/scale⌉ = ⌊(2^64 − 1)/scale⌋ + 1 for scale ≥ 2, whether or not scale divides 2^64.
        magic = scale == 1 ? 0 : UInt64.max / scale + 1
    }

    /// ⌊x / scale⌋ for x < `accepted`.
    @inlinable @inline(__always)
    func quotient(_ x: UInt) -> Int {
        if identity { return Int(bitPattern: x) }
        return Int(bitPattern: UInt(UInt64(x).multipliedFullWidth(by: magic).high))
    }
}
