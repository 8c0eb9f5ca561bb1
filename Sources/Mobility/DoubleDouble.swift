/// A double-double number hi + lo (|lo| ≤ ulp(hi)/2): about 104 significant bits from
/// pairs of Doubles (Dekker 1971; Hida, Li and Bailey, "Library for double-double and
/// quad-double arithmetic", 2007, the "sloppy" add). Each operation below errs by at
/// most 2^-100 relative to the magnitude of its operands (for a sum: |a| + |b|), which
/// is what an alternating series needs: summed in this arithmetic it loses
/// 2^-100·Σ|terms| per operation instead of 2^-53·Σ|terms| (`ExponentialSessionAnchors`).
struct DoubleDouble: Sendable {
    var hi: Double
    var lo: Double

    @inline(__always) init(_ hi: Double, _ lo: Double = 0) { self.hi = hi; self.lo = lo }

    var value: Double { hi + lo }

    /// a + b exactly as s + e (Knuth's TwoSum).
    @inline(__always) static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        return DoubleDouble(s, (a - (s - bb)) + (b - bb))
    }

    /// a + b as s + e when |a| ≥ |b| (Dekker's FastTwoSum).
    @inline(__always) static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(s, b - (s - a))
    }

    /// a·b exactly as p + e (the fused multiply-add gives the rounding error).
    @inline(__always) static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        return DoubleDouble(p, (-p).addingProduct(a, b))
    }

    @inline(__always) static func + (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let s = twoSum(x.hi, y.hi)
        return quickTwoSum(s.hi, s.lo + x.lo + y.lo)
    }

    @inline(__always) static prefix func - (x: DoubleDouble) -> DoubleDouble { DoubleDouble(-x.hi, -x.lo) }

    @inline(__always) static func * (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let p = twoProduct(x.hi, y.hi)
        return quickTwoSum(p.hi, p.lo + (x.hi * y.lo + x.lo * y.hi))
    }

    @inline(__always) static func * (x: DoubleDouble, y: Double) -> DoubleDouble {
        let p = twoProduct(x.hi, y)
        return quickTwoSum(p.hi, p.lo + x.lo * y)
    }

    /// x/y: one Newton correction of the Double quotient.
    @inline(__always) static func / (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let q1 = x.hi / y.hi
        let r = x + -(y * q1)
        let q2 = r.hi / y.hi
        let r2 = r + -(y * q2)
        return quickTwoSum(q1, q2) + DoubleDouble(r2.hi / y.hi)
    }
}
