import Foundation
import Stochastics

/// The crossing Monte Carlo's session for Erlang(k, θ) residences and exponential
/// sessions of mean μ on taus2's state: draw for draw and count for count what
/// `ExponentialSampler.draw(_:)` then `ErlangSampler.crossings(within:_:)` give
/// (the same uniforms in the same order, the same K), with the session's `log` and
/// the threshold's `exp` computed only when a comparison needs them.
///
/// Why: K depends on the session only through the comparisons product ≥ E of the
/// residences' phase products with E = exp(−(−μ log U)/θ), the threshold rounded by
/// libm; the `log` and `exp` were 40 % of the crossing Monte Carlo's time. Here each
/// session first computes A ≈ U^(μ/θ) (the same real number E rounds) with a table
/// and short polynomials inline, and a comparison is decided by A when the product
/// lies outside A·[1 − η, 1 + η]; only inside that band (of order η per comparison:
/// about 10⁻⁴ for r = 4) are E and the exact comparison computed, by the very
/// expressions of `ExponentialSampler` and `ErlangSampler`.
///
/// A is short on purpose: the threshold's latency sits on the path of the loop's
/// mispredicted exit branch (glibc's log and exp and a degree-4 version of this both
/// cost about 16 ns a session; U^4 alone about 2 ns: a micro-benchmark of this loop).
///
/// Bound (per session, P = μ(−log U)/θ ≤ 699, r = μ/θ): E differs from the real U^r by
/// the roundings of log, the product by −μ, the division by θ (each ≤ 1 ulp on P's
/// exponent, so ≤ 3·2⁻⁵² P ≤ 5e-13 in relative terms) and of exp (≤ 1 ulp). A differs
/// from U^r by log(1 + z) ≈ z (|z| ≤ 2⁻⁹: error ≤ z²/2·1.002 ≤ 1.92e-6 on log U, so
/// r·1.92e-6 on the exponent), e^f ≈ 1 + f (|f| ≤ ln 2/512: relative error ≤ 9.3e-7),
/// and roundings of order 700 ulp on the exponent (1.6e-13). So |A/E − 1| ≤ 2e-6 (1 + r),
/// and `bandWidth` is five times that; sessions whose P may exceed 699 (beyond which
/// `ErlangSampler` changes route at 700) take the exact route whole.
/// ErlangExponentialCrossingsTests checks the bound on 10⁶ uniforms and the counts
/// against the exact route, also with a band so wide that the exact comparisons run.
struct ErlangExponentialCrossings: Sendable {
    let residence: ErlangSampler
    let session: ExponentialSampler
    /// μ/θ: the session's mean in phases.
    let ratio: Double
    /// η: a comparison whose product is within a relative η of A is done exactly.
    let bandWidth: Double
    /// log(c_i) and 1/c_i for c_i = 1 + (i + 1/2)/256, i = 0 ..< 256: the mantissa's cell.
    let logCell: [Double], inverseCell: [Double]
    /// 2^(j/256), j = 0 ..< 256.
    let exp2Cell: [Double]

    /// nil when r > 1000 (the band would pass most comparisons to the exact route).
    init?(residence: ErlangSampler, session: ExponentialSampler, bandWidth: Double? = nil) {
        let r = session.mean / residence.scale
        guard r.isFinite, r > 0, r <= 1000 else { return nil }
        self.residence = residence
        self.session = session
        ratio = r
        self.bandWidth = bandWidth ?? 1e-5 * (1 + r)
        let cells = (0..<256).map { 1 + (Double($0) + 0.5) / 256 }
        logCell = cells.map { Foundation.log($0) }
        inverseCell = cells.map { 1 / $0 }
        exp2Cell = (0..<256).map { Foundation.exp2(Double($0) / 256) }
    }

    /// −log u for u in (0, 1), within 1.92e-6 absolute: u = 2^e m, m in [1, 2) in the
    /// cell of c_i (its top 8 bits), log m = log c_i + log(1 + z), z = (m − c_i)/c_i
    /// (m − c_i exact), |z| ≤ 2⁻⁹, log(1 + z) ≈ z.
    @inline(__always)
    static func minusLog(_ u: Double, _ logCell: UnsafePointer<Double>, _ inverseCell: UnsafePointer<Double>) -> Double {
        let bits = u.bitPattern
        let e = Int(truncatingIfNeeded: bits >> 52) &- 1023
        let i = Int(truncatingIfNeeded: (bits >> 44) & 255)
        let m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        let z = (m - (1 + (Double(i) + 0.5) / 256)) * inverseCell[i]
        return -((Double(e) * 0.693_147_180_559_945_3 + logCell[i]) + z)
    }

    /// exp(−p) for p in [0, 699], within a relative 9.3e-7: −p·256/ln 2 = n + f·256/ln 2,
    /// |f| ≤ ln 2/512, exp(−p) = 2^(n/256)·e^f, e^f ≈ 1 + f, 2^(n/256) = 2^⌊n/256⌋ 2^((n mod 256)/256).
    @inline(__always)
    static func expMinus(_ p: Double, _ exp2Cell: UnsafePointer<Double>) -> Double {
        // Rounded to an integer by adding and subtracting 1.5·2^52 (no libm call; |p·256/ln 2|
        // < 2^19), n read from the low bits of the sum.
        let shifted = -p * (256 / 0.693_147_180_559_945_3) + 6_755_399_441_055_744.0
        let scaled = shifted - 6_755_399_441_055_744.0
        let n = Int(truncatingIfNeeded: Int32(truncatingIfNeeded: shifted.bitPattern))
        let f = -p - scaled * (0.693_147_180_559_945_3 / 256)
        let power = Double(bitPattern: UInt64(truncatingIfNeeded: 1023 &+ (n >> 8)) << 52)
        return power * exp2Cell[n & 255] * (1 + f)
    }

    /// The session's t and K from taus2's state: the draws of `session.draw(&g)` then
    /// `residence.crossings(within: t, &g)`, the same K.
    @inline(__always)
    func crossings(_ g: inout Taus2State, _ logCell: UnsafePointer<Double>, _ inverseCell: UnsafePointer<Double>,
                   _ exp2Cell: UnsafePointer<Double>) -> Int {
        let u = g.uniformPositive()
        let phasesOfT = ratio * Self.minusLog(u, logCell, inverseCell)
        guard phasesOfT <= 699 else { return residence.crossings(within: session.value(ofUniform: u), &g) }
        let approximate = Self.expMinus(phasesOfT, exp2Cell)
        let above = approximate * (1 + bandWidth), below = approximate * (1 - bandWidth)
        var exact = -1.0  // E, once a comparison falls in the band
        var product = 1.0
        for _ in 0..<(1 + g.uniformInt(residence.phaseRange)) { product *= g.uniformPositive() }
        var k = 0
        while true {
            let inside: Bool
            if product >= above {
                inside = true
            } else if product < below {
                inside = false
            } else {
                if exact < 0 { exact = residence.threshold(within: session.value(ofUniform: u)) }
                inside = product >= exact
            }
            guard inside else { return k }
            k += 1
            for _ in 0..<residence.shape { product *= g.uniformPositive() }
        }
    }
}
