/// Eight `DoubleDouble`s side by side (hi and lo in SIMD8 lanes): each operation is
/// `DoubleDouble`'s, lane by lane, with the same Double operations in the same order, so
/// every lane equals, bit for bit, what the scalar type computes for its operands. It
/// serves `ExponentialSessionAnchors.values(shifts:)`, whose double-double series runs
/// eight shifts at once: eight independent sums instead of one dependent chain per shift.
struct DoubleDoubleLanes {
    typealias Lanes = SIMD8<Double>
    var hi: Lanes
    var lo: Lanes

    @inline(__always) init(_ hi: Lanes, _ lo: Lanes) { self.hi = hi; self.lo = lo }

    static var zero: DoubleDoubleLanes { DoubleDoubleLanes(Lanes(repeating: 0), Lanes(repeating: 0)) }

    /// hi + lo per lane, as `DoubleDouble.value`.
    var value: Lanes { hi + lo }

    /// `DoubleDouble.twoSum`, lane-wise.
    @inline(__always) static func twoSum(_ a: Lanes, _ b: Lanes) -> DoubleDoubleLanes {
        let s = a + b
        let bb = s - a
        return DoubleDoubleLanes(s, (a - (s - bb)) + (b - bb))
    }

    /// `DoubleDouble.quickTwoSum`, lane-wise.
    @inline(__always) static func quickTwoSum(_ a: Lanes, _ b: Lanes) -> DoubleDoubleLanes {
        let s = a + b
        return DoubleDoubleLanes(s, b - (s - a))
    }

    /// `DoubleDouble.+`, lane-wise.
    @inline(__always) static func + (x: DoubleDoubleLanes, y: DoubleDoubleLanes) -> DoubleDoubleLanes {
        let s = twoSum(x.hi, y.hi)
        return quickTwoSum(s.hi, s.lo + x.lo + y.lo)
    }

    /// `DoubleDouble.*` of each lane by one scalar double-double y (the fused
    /// multiply-add gives the product's rounding error, as in `DoubleDouble.twoProduct`).
    @inline(__always) static func * (x: DoubleDoubleLanes, y: DoubleDouble) -> DoubleDoubleLanes {
        let yHi = Lanes(repeating: y.hi), yLo = Lanes(repeating: y.lo)
        let p = x.hi * yHi
        let e = (-p).addingProduct(x.hi, yHi)
        return quickTwoSum(p, e + (x.hi * yLo + x.lo * yHi))
    }
}
