import Foundation
@testable import Mobility
import Testing

/// `DoubleDouble`: the alternating series of e^{−x} at x = 30 (Σ|terms| = e^{30} ≈ 1e13,
/// so Doubles lose every digit of the 9.4e-14 result; double-double keeps about 104 − 43
/// bits) against the library's exp, and exact identities of the error-free transforms.
@Suite struct DoubleDoubleTests {
    @Test func alternatingSeriesKeepsItsDigits() {
        let x = 30.0
        var term = DoubleDouble(1), sum = DoubleDouble(1)
        var plain = 1.0, plainTerm = 1.0
        for n in 1...200 {
            term = -(term * x / DoubleDouble(Double(n)))
            sum = sum + term
            plainTerm *= -x / Double(n)
            plain += plainTerm
        }
        let exact = exp(-x)
        // Measured 4e-8 relative (2^-104 of e^{30} per operation is about 5e-19 absolutely).
        #expect(abs(sum.value - exact) <= 1e-6 * exact, "double-double \(sum.value) vs \(exact)")
        // The check can fail: Doubles alone miss by far more than the tolerance.
        #expect(abs(plain - exact) > 1e-3 * exact)
    }

    @Test func errorFreeTransforms() {
        // 1 + 2^-60 rounds to 1 in a Double; the pair keeps the 2^-60.
        let s = DoubleDouble.twoSum(1, 0x1p-60)
        #expect(s.hi == 1 && s.lo == 0x1p-60)
        let p = DoubleDouble.twoProduct(1 + 0x1p-30, 1 + 0x1p-30)
        #expect(p.hi == 1 + 0x1p-29 && p.lo == 0x1p-60)
        let third = DoubleDouble(1) / DoubleDouble(3)
        let back = third * 3.0 + DoubleDouble(-1)
        #expect(abs(back.value) <= 1e-31)
    }
}
