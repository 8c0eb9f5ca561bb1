import Foundation

/// ∫ f(u) du of a vector-valued f over [a, b] by adaptive Gauss–Kronrod (7/15
/// points, QUADPACK's QK15 rule with its error estimate, component by component),
/// bisecting every interval whose largest component error is above `tolerance` ×
/// its share of [a, b]. Every component comes from the same
/// evaluations of f, so a quantity that is a sequence (P(K ≥ k) for every k) costs
/// one adaptive quadrature instead of one per k.
public enum VectorQuadrature {
    static let nodes: [Double] = [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0,
    ]
    static let kronrod: [Double] = [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ]
    /// The Kronrod and Gauss weights of the centre node.
    static let k7 = 0.209482141084727828012999174891714, g3 = 0.417959183673469387755102040816327
    /// Gauss weights at nodes 1, 3, 5 and 7 (the 7-point rule's nodes).
    static let gauss: [Double] = [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    ]

    /// Sum over `[a, b]` split at `breakpoints`. An interval is accepted when its
    /// error is below `tolerance` × its share of [a, b] (absolute, so at most
    /// `tolerance` summed) plus `relative` × its largest component (for integrands
    /// known only to a relative accuracy, such as a numerical inversion, whose
    /// noise no subdivision removes). Throws `VectorQuadratureError` when
    /// `maxIntervals` do not get there.
    public static func integrate(
        _ what: @autoclosure () -> String, from a: Double, to b: Double, breakpoints: [Double] = [],
        dimension: Int, tolerance: Double, relative: Double = 0, maxIntervals: Int = 4000,
        _ f: (Double) throws -> [Double]
    ) throws -> [Double] {
        let cuts = ([a] + breakpoints.filter { $0 > a && $0 < b }.sorted() + [b])
        var pending: [(lo: Double, hi: Double, value: [Double], error: Double)] = []
        for i in 0..<(cuts.count - 1) where cuts[i + 1] > cuts[i] {
            pending.append(try rule(cuts[i], cuts[i + 1], dimension, f))
        }
        let width = b - a
        var total = [Double](repeating: 0, count: dimension)
        var intervals = pending.count
        while let piece = pending.popLast() {
            let size = piece.value.reduce(0) { Swift.max($0, fabs($1)) }
            if piece.error <= tolerance * (piece.hi - piece.lo) / width + relative * size || piece.hi - piece.lo <= 1e-12 * width {
                for i in 0..<dimension { total[i] += piece.value[i] }
                continue
            }
            intervals += 1
            guard intervals <= maxIntervals else {
                throw VectorQuadratureError(quantity: what(), intervals: maxIntervals, error: piece.error)
            }
            let mid = (piece.lo + piece.hi) / 2
            pending.append(try rule(piece.lo, mid, dimension, f))
            pending.append(try rule(mid, piece.hi, dimension, f))
        }
        return total
    }

    private static func rule(_ lo: Double, _ hi: Double, _ dimension: Int, _ f: (Double) throws -> [Double])
        throws -> (lo: Double, hi: Double, value: [Double], error: Double)
    {
        let center = (lo + hi) / 2, half = (hi - lo) / 2
        // The 15 values of every component, node after node: rows 2j and 2j + 1 are
        // centre ∓ half·x_j (j < 7), row 14 the centre. One flat buffer: the loops below
        // are the hot spot of the Laplace inversion, in debug builds too.
        var flat = [Double]()
        flat.reserveCapacity(15 * dimension)
        for x in nodes {
            let values = x == 0 ? [try f(center)] : [try f(center - half * x), try f(center + half * x)]
            for v in values {
                guard v.count == dimension else {
                    throw VectorQuadratureError(quantity: "integrand of dimension \(v.count), expected \(dimension)", intervals: 0, error: .nan)
                }
                flat += v
            }
        }
        var k15 = [Double](repeating: 0, count: dimension)
        var error = 0.0
        let scale = fabs(half)
        let kr = Self.kronrod, ga = Self.gauss, k7 = Self.k7, g3 = Self.g3
        flat.withUnsafeBufferPointer { v in
            k15.withUnsafeMutableBufferPointer { out in
                for i in 0..<dimension {
                    // QUADPACK's QK15 error estimate per component (GSL's qk): |K15 − G7| scaled by
                    // the integrand's variation over the interval, resasc·min(1, (200|K15 − G7|/resasc)^{3/2}),
                    // and at least 50ε·∫|f|. The raw |K15 − G7| is the error of G7, far above K15's.
                    let c = v[14 * dimension + i]
                    var k = k7 * c, g = g3 * c, absolute = k7 * fabs(c)
                    for j in 0..<7 {
                        let a = v[2 * j * dimension + i], b = v[(2 * j + 1) * dimension + i]
                        k += kr[j] * (a + b)
                        absolute += kr[j] * (fabs(a) + fabs(b))
                        if j & 1 == 1 { g += ga[j >> 1] * (a + b) }
                    }
                    let mean = k / 2
                    var spread = k7 * fabs(c - mean)
                    for j in 0..<7 {
                        spread += kr[j] * (fabs(v[2 * j * dimension + i] - mean) + fabs(v[(2 * j + 1) * dimension + i] - mean))
                    }
                    out[i] = k * half
                    var e = fabs((k - g) * half)
                    spread *= scale
                    absolute *= scale
                    if spread != 0 && e != 0 { e = spread * Swift.min(1, pow(200 * e / spread, 1.5)) }
                    if absolute > Double.leastNormalMagnitude / (50 * Double.ulpOfOne) { e = Swift.max(50 * Double.ulpOfOne * absolute, e) }
                    if e > error { error = e }
                }
            }
        }
        return (lo, hi, k15, error)
    }
}

/// An adaptive vector quadrature did not reach its tolerance.
public struct VectorQuadratureError: Error, CustomStringConvertible {
    public let quantity: String
    public let intervals: Int
    public let error: Double
    public var description: String {
        "\(quantity): quadrature did not converge in \(intervals) intervals (error estimate \(error)); use --method monte-carlo"
    }
}
