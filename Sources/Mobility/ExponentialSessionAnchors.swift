import Foundation
import Stochastics

/// `AnchorResidences.Values` for exponential sessions, exactly, without the grid of ψ
/// (docs/MODELS.md 3.3-3.4).
///
/// With sessions Exp(mean 1/μ), H(t) = (1 − e^{−μt})/μ, so residence j's live sessions
/// `shift` u after a handoff are Poisson with mean c V_j (1 − W), c = ρ e^{−μu},
/// W = e^{−μX} for that residence and V_j = e^{−μS_j} the product of the j later
/// residences' copies of W, all independent. Expanding 1 − e^{−z} term by term and
/// taking expectations factor by factor:
///
///     alive_j    = Σ_{n≥1} (−1)^{n+1} (cⁿ/n!) f*(nμ)^j E[(1 − W)ⁿ]
///     sessions_j = c f*(μ)^j (1 − f*(μ))
///
/// (the binomial series of 3.3 per residence). E[(1 − W)ⁿ] is Π_{i≤n} i/(a + i),
/// a = E[T]/E[X], for exponential residence (W ~ Beta(a, 1)) and one quadrature per n
/// otherwise. Exact: the alternating sum's roundoff is ε Σ_n |term_n| ≤ ε E[e^{c(1 − W)}]
/// ≤ ε e^c (4e-11 absolute at c = 12), hence `maxRho`, or for exponential residence
/// that bound computed (`exponentialResidenceConditioning`) and held to e^{12} (short
/// residences next to sessions allow ρ far above 12); the terms are summed while
/// n ≤ c or the next term exceeds 1e-17 of the sum; residences are added until the
/// remaining live sessions c f*(μ)^J are ≤ 1e-12 of c (the sum of every later alive_j
/// is below that). `init` returns nil where this route does not apply: sessions not
/// exponential, ill-conditioned (`applies`), or more than 2²⁰ residences needed.
///
/// Exponential residence past that conditioning (long residences next to sessions with
/// ρ above 12: the gamma grid of ψ took them, two orders of magnitude slower and
/// approximate): the same series in double-double arithmetic (`DoubleDouble`), every
/// factor of every term included (f*(nμ) = a/(a + n), E[(1 − W)ⁿ], cⁿ/n!, computed from
/// the Doubles a and c, so the result is the series' value at those inputs). Each term
/// then errs by at most (J + 2n + 8)·2^-100 of itself, so with J + 2N + 8 ≤ 2^12 and
/// Σ_n |term_n| ≤ e^{12}·2^35 (`maxExtendedConditioning`) the sum errs by at most
/// 2^-53·e^{12} ≈ 2e-11 absolutely, the double route's bound at its own limit. Exact.
struct ExponentialSessionAnchors {
    /// The largest ρ the alternating series is used for (that of `anchorsSeries`).
    static let maxRho = 12.0

    let rho: Double
    let mu: Double
    /// f*(nμ) and E[(1 − W)ⁿ], n = 1, 2, … (index n − 1); 1 − f*(μ) without cancellation.
    let transforms: [Double]
    let complement: Double
    let moments: [Double]
    /// The residences summed: c f*(μ)^count ≤ 1e-12 c at every shift.
    let count: Int
    /// The double-double factors (exponential residence past `maxConditioning`): f*(nμ)
    /// and E[(1 − W)ⁿ], index n − 1; nil on the double route.
    let extended: (transforms: [DoubleDouble], moments: [DoubleDouble])?

    /// The largest Σ_n |term_n| at j = 0 (what the alternating sum's roundoff is
    /// relative to) accepted: e^{12}, the worst case of ρ ≤ 12 (`maxRho`).
    static let maxConditioning = exp(12.0)

    /// The conditioning accepted on the double-double route: e^{12}·2^35 (see the type's comment).
    static let maxExtendedConditioning = exp(12.0) * 0x1p35

    /// The largest J + 2N + 8 (residences, terms) on the double-double route.
    static let maxExtendedOperations = 1 << 12

    /// Σ_n (ρⁿ/n!) E[(1 − W)ⁿ] = E[e^{ρ(1 − W)}] − 1 for exponential residence
    /// (E[(1 − W)ⁿ] = Π_{i≤n} i/(a + i)), the bound on the terms' magnitudes at every j
    /// and shift; far below e^ρ when residences are short next to sessions (1 − W is
    /// then small), so ρ may exceed `maxRho` there. Summed while n ≤ ρ or the term
    /// exceeds 1e-17 of the sum; +∞ past `maxConditioning` (or ρ > 600, where ρⁿ/n! overflows).
    /// `limit`: the bound past which +∞ is returned.
    static func exponentialResidenceConditioning(rho: Double, a: Double, limit: Double = maxConditioning) -> Double {
        guard rho <= 600 else { return .infinity }
        var term = 1.0, sum = 0.0
        for n in 1...2000 {
            term *= rho / Double(n) * Double(n) / (a + Double(n))
            sum += term
            if sum > limit { return .infinity }
            if Double(n) > rho && term <= 1e-17 * sum { break }
        }
        return sum
    }

    /// Whether `init` returns a value (without its quadratures): exponential sessions,
    /// and ρ ≤ `maxRho` or, for exponential residence, the conditioning within its bound.
    static func applies(_ r: AnchorResidences) -> Bool { ((try? Self.route(r)) ?? nil) != nil }

    /// The checks `applies` and `init` share: ρ, μ = 1/E[T], 1 − f*(μ) and the residences
    /// needed (f*(μ)^J ≤ 1e-12: J = ln(1e-12)/ln(1 − (1 − f*(μ)))), or nil where the route
    /// does not apply (see the type's comment).
    private static func route(_ r: AnchorResidences) throws
        -> (rho: Double, mu: Double, g1: Double, count: Int, extended: Bool)?
    {
        guard case let .exponential(sessionMean) = r.session.form else { return nil }
        let rho = r.sessionRate * sessionMean
        guard rho > 0, let precision = conditioning(r, rho: rho, sessionMean: sessionMean) else { return nil }
        let mu = 1 / sessionMean
        let g1 = try r.residence.laplaceComplement(mu)
        guard g1 > 0 else { return nil }
        let needed = (log(1e-12) / log1p(-g1)).rounded(.up)
        guard needed.isFinite, needed <= Double(1 << 20) else { return nil }
        let count = Swift.max(1, Int(needed))
        if precision == .extended, case let .exponential(m) = r.residence.form {
            let terms = exponentialResidenceTerms(rho: rho, a: sessionMean / m)
            guard count + 2 * terms + 8 <= maxExtendedOperations else { return nil }
        }
        return (rho, mu, g1, count, precision == .extended)
    }

    private enum Precision { case double, extended }

    /// The arithmetic the series needs: Double while ρ ≤ 12 or (exponential residence) the
    /// conditioning is within `maxConditioning`, double-double up to `maxExtendedConditioning`.
    private static func conditioning(_ r: AnchorResidences, rho: Double, sessionMean: Double) -> Precision? {
        if rho <= maxRho { return .double }
        guard case let .exponential(m) = r.residence.form else { return nil }
        let bound = exponentialResidenceConditioning(rho: rho, a: sessionMean / m, limit: maxExtendedConditioning)
        if bound <= maxConditioning { return .double }
        return bound.isFinite ? .extended : nil
    }

    /// N, the terms `init` keeps for exponential residence (its cut, with the closed moments).
    private static func exponentialResidenceTerms(rho: Double, a: Double) -> Int {
        var term = 1.0, first = 0.0, moment = 1.0
        for n in 1...2000 {
            moment = moment * Double(n) / (a + Double(n))
            term *= rho / Double(n)
            let size = term * moment
            if n == 1 { first = size }
            if Double(n) > rho && size * rho / Double(n + 1) <= 1e-17 * first { return n }
        }
        return 2000
    }

    init?(_ r: AnchorResidences) throws {
        guard let (rho, mu, g1, count, extended) = try Self.route(r) else { return nil }
        self.rho = rho
        self.mu = mu
        self.count = count
        // Terms until n > ρ and the next is ≤ 1e-17 of the first (c E[1 − W] ≤
        // alive_0 c/(1 − e^{−c}), so the cut is ≤ 2e-16 of alive_0 at c ≤ 12; shifts
        // only shrink c and later residences only shrink the terms).
        var transforms: [Double] = [], moments: [Double] = []
        let a = r.session.mean / r.residence.mean
        var term = 1.0, first = 0.0
        for n in 1...2000 {
            let gn = n == 1 ? g1 : try r.residence.laplaceComplement(Double(n) * mu)
            let moment: Double
            if case .exponential = r.residence.form {
                moment = (moments.last ?? 1) * Double(n) / (a + Double(n))
            } else {
                let power = Double(n)
                moment = try r.residence.expectation("E[(1 - exp(-mu X))^\(n)], mu = \(mu)", epsrel: 1e-12) { x in
                    pow(-expm1(-mu * x), power)
                }
            }
            transforms.append(1 - gn)
            moments.append(moment)
            term *= rho / Double(n)
            let size = term * moment
            if n == 1 { first = size }
            if Double(n) > rho && size * rho / Double(n + 1) <= 1e-17 * first { break }
        }
        self.transforms = transforms
        self.moments = moments
        complement = g1
        if extended {
            // f*(nμ) = 1/(1 + nμE[X]) = a/(a + n) and E[(1 − W)ⁿ] = Π_{i≤n} i/(a + i), from the Double a.
            let big = DoubleDouble(a)
            var t: [DoubleDouble] = [], w: [DoubleDouble] = []
            var moment = DoubleDouble(1)
            for n in 1...transforms.count {
                let denominator = DoubleDouble.twoSum(a, Double(n))
                t.append(big / denominator)
                moment = moment * (DoubleDouble(Double(n)) / denominator)
                w.append(moment)
            }
            self.extended = (t, w)
        } else {
            self.extended = nil
        }
    }

    /// alive_j and sessions_j at `shift` u ≥ 0, j = 0 ..< `count`.
    func values(shift u: Double) -> AnchorResidences.Values {
        if let extended { return extendedValues(shift: u, extended.transforms, extended.moments) }
        let c = rho * exp(-mu * u)
        let m = transforms.count
        var coefficients = [Double](repeating: 0, count: m)
        var power = 1.0
        for n in 0..<m {
            power *= c / Double(n + 1)
            coefficients[n] = (n % 2 == 0 ? power : -power) * moments[n]
        }
        // f*(nμ)^j by repeated products: relative error j ε, below 1e-10 at j = 2²⁰.
        var powers = [Double](repeating: 1, count: m)
        var alive: [Double] = [], sessions: [Double] = []
        alive.reserveCapacity(count); sessions.reserveCapacity(count)
        let oneMinusF1 = complement
        for _ in 0..<count {
            var sum = 0.0
            // Backwards: the small terms first.
            for n in stride(from: m - 1, through: 0, by: -1) { sum += coefficients[n] * powers[n] }
            let s = c * powers[0] * oneMinusF1
            // alive_j ≤ sessions_j (1 − e^{−z} ≤ z) and ≥ 0; roundoff may cross either.
            alive.append(Swift.min(Swift.max(0, sum), s))
            sessions.append(s)
            for n in 0..<m { powers[n] *= transforms[n] }
        }
        while alive.count > 1, sessions[sessions.count - 1] == 0 { alive.removeLast(); sessions.removeLast() }
        return AnchorResidences.Values(alive: alive, sessions: sessions, exact: true, sessionsExact: true)
    }

    /// `values(shift:)` at every shift, bit for bit, sharing the powers f*(nμ)^j: they do not
    /// depend on the shift (only the coefficients (±cⁿ/n!) E[(1 − W)ⁿ] do), and were
    /// recomputed per shift, half the work of a shift (the live anchor ARs of 3.5 ask for
    /// about a hundred shifts per scenario).
    func values(shifts: [Double]) -> [AnchorResidences.Values] {
        guard shifts.count > 1 else { return shifts.map { values(shift: $0) } }
        let m = transforms.count, width = shifts.count, length = count
        // Flat buffers, shift-major (row i at i·length, coefficients at i·m): nested arrays
        // cost a retain, a release and a uniqueness check per element appended, a third of
        // a closed-form sweep point's time. Same operations in the same order as before.
        var alive = [Double](repeating: 0, count: width * length), sessions = alive
        let cs = shifts.map { rho * exp(-mu * $0) }
        let oneMinusF1 = complement
        if let (t, w) = extended {
            // Eight shifts per lane group (`DoubleDoubleLanes`: `DoubleDouble`'s operations lane
            // by lane, bit for bit), padded with c = 0 shifts whose lanes are dropped.
            let lanes = DoubleDoubleLanes.Lanes.scalarCount, groups = (width + lanes - 1) / lanes
            var coefficients = [DoubleDoubleLanes](repeating: .zero, count: groups * m)
            var c8 = [DoubleDoubleLanes.Lanes](repeating: .init(repeating: 0), count: groups)
            for (i, c) in cs.enumerated() {
                c8[i / lanes][i % lanes] = c
                for (n, term) in Self.alternatingTerms(c, w).enumerated() {
                    coefficients[(i / lanes) * m + n].hi[i % lanes] = term.hi
                    coefficients[(i / lanes) * m + n].lo[i % lanes] = term.lo
                }
            }
            var powers = [DoubleDouble](repeating: DoubleDouble(1), count: m)
            var sessionPower = 1.0
            let f1 = transforms[0]
            coefficients.withUnsafeBufferPointer { coefficients in
                t.withUnsafeBufferPointer { t in
                    powers.withUnsafeMutableBufferPointer { powers in
                        alive.withUnsafeMutableBufferPointer { alive in
                            sessions.withUnsafeMutableBufferPointer { sessions in
                                for j in 0..<length {
                                    for group in 0..<groups {
                                        let row = coefficients.baseAddress! + group * m
                                        var sum = DoubleDoubleLanes.zero
                                        for n in stride(from: m - 1, through: 0, by: -1) { sum = sum + row[n] * powers[n] }
                                        let value = sum.value, s = c8[group] * sessionPower * oneMinusF1
                                        for lane in 0..<Swift.min(lanes, width - group * lanes) {
                                            let i = group * lanes + lane
                                            alive[i * length + j] = Swift.min(Swift.max(0, value[lane]), s[lane])
                                            sessions[i * length + j] = s[lane]
                                        }
                                    }
                                    for n in 0..<m { powers[n] = powers[n] * t[n] }
                                    sessionPower *= f1
                                }
                            }
                        }
                    }
                }
            }
        } else {
            // Eight shifts per SIMD8, and a last four or fewer per SIMD4 (lane-wise, the scalar
            // loop's operations in its order: bit for bit, whatever the lanes' width), padded with
            // c = 0 shifts whose lanes are dropped: independent sums instead of one dependent
            // chain per shift. Most refresh-instant calls have two to twelve shifts, so padding
            // four to eight would waste up to three quarters of the lanes.
            let remainder = width % 8
            let wide = remainder > 0 && remainder <= 4 ? width - remainder : width
            alive.withUnsafeMutableBufferPointer { alive in
                sessions.withUnsafeMutableBufferPointer { sessions in
                    if wide > 0 {
                        seriesLanes(SIMD8<Double>.self, cs, 0..<wide, length: length, alive: alive, sessions: sessions)
                    }
                    if wide < width {
                        seriesLanes(SIMD4<Double>.self, cs, wide..<width, length: length, alive: alive, sessions: sessions)
                    }
                }
            }
        }
        return (0..<width).map { i in
            // Trailing zero sessions_j dropped, as `values(shift:)` does (one entry kept).
            var n = length
            while n > 1, sessions[i * length + n - 1] == 0 { n -= 1 }
            return AnchorResidences.Values(
                alive: Array(alive[(i * length)..<(i * length + n)]),
                sessions: Array(sessions[(i * length)..<(i * length + n)]), exact: true, sessionsExact: true)
        }
    }

    /// alive_j and sessions_j (row i at i·`length`) of the shifts `range` of `cs` (c = ρ e^{−μu}
    /// each), `Lanes.scalarCount` shifts at a time on the double route: per lane the scalar
    /// series' operations in its order (powers f*(nμ)^j by repeated products, the sum over n
    /// backwards), so every lane's value is bit for bit that of its shift alone.
    @inline(__always)
    private func seriesLanes<Lanes: SIMD>(
        _: Lanes.Type, _ cs: [Double], _ range: Range<Int>, length: Int, alive: UnsafeMutableBufferPointer<Double>,
        sessions: UnsafeMutableBufferPointer<Double>
    ) where Lanes.Scalar == Double {
        let m = transforms.count, lanes = Lanes.scalarCount
        let width = range.count, groups = (width + lanes - 1) / lanes
        var coefficients = [Lanes](repeating: Lanes(repeating: 0), count: groups * m)
        var c8 = [Lanes](repeating: Lanes(repeating: 0), count: groups)
        for (i, c) in cs[range].enumerated() {
            c8[i / lanes][i % lanes] = c
            var power = 1.0
            for n in 0..<m {
                power *= c / Double(n + 1)
                coefficients[(i / lanes) * m + n][i % lanes] = (n % 2 == 0 ? power : -power) * moments[n]
            }
        }
        var powers = [Double](repeating: 1, count: m)
        let oneMinusF1 = complement
        coefficients.withUnsafeBufferPointer { coefficients in
            transforms.withUnsafeBufferPointer { transforms in
                powers.withUnsafeMutableBufferPointer { powers in
                    for j in 0..<length {
                        for group in 0..<groups {
                            let row = coefficients.baseAddress! + group * m
                            var sum = Lanes(repeating: 0)
                            for n in stride(from: m - 1, through: 0, by: -1) { sum += row[n] * powers[n] }
                            let s = c8[group] * powers[0] * oneMinusF1
                            for lane in 0..<Swift.min(lanes, width - group * lanes) {
                                let i = range.lowerBound + group * lanes + lane
                                alive[i * length + j] = Swift.min(Swift.max(0, sum[lane]), s[lane])
                                sessions[i * length + j] = s[lane]
                            }
                        }
                        for n in 0..<m { powers[n] *= transforms[n] }
                    }
                }
            }
        }
    }

    /// (−1)^n cⁿ⁺¹/(n + 1)! · w_n, n = 0..<w.count: the alternating series' coefficients at
    /// one shift (c = ρ e^{−μu}) in double-double, shared by the one-shift and many-shift routes.
    private static func alternatingTerms(_ c: Double, _ w: [DoubleDouble]) -> [DoubleDouble] {
        var row = [DoubleDouble](repeating: DoubleDouble(0), count: w.count)
        var power = DoubleDouble(1)
        for n in 0..<w.count {
            power = power * c / DoubleDouble(Double(n + 1))
            let term = power * w[n]
            row[n] = n % 2 == 0 ? term : -term
        }
        return row
    }

    /// `values(shift:)` in double-double arithmetic (see the type's comment); sessions_j
    /// as on the double route.
    private func extendedValues(shift u: Double, _ t: [DoubleDouble], _ w: [DoubleDouble]) -> AnchorResidences.Values {
        let c = rho * exp(-mu * u)
        let m = t.count
        let coefficients = Self.alternatingTerms(c, w)
        var powers = [DoubleDouble](repeating: DoubleDouble(1), count: m)
        var alive: [Double] = [], sessions: [Double] = []
        alive.reserveCapacity(count); sessions.reserveCapacity(count)
        var sessionPower = 1.0
        let f1 = transforms[0], oneMinusF1 = complement
        coefficients.withUnsafeBufferPointer { coefficients in
            t.withUnsafeBufferPointer { t in
                powers.withUnsafeMutableBufferPointer { powers in
                    for _ in 0..<count {
                        var sum = DoubleDouble(0)
                        for n in stride(from: m - 1, through: 0, by: -1) { sum = sum + coefficients[n] * powers[n] }
                        let s = c * sessionPower * oneMinusF1
                        alive.append(Swift.min(Swift.max(0, sum.value), s))
                        sessions.append(s)
                        for n in 0..<m { powers[n] = powers[n] * t[n] }
                        sessionPower *= f1
                    }
                }
            }
        }
        while alive.count > 1, sessions[sessions.count - 1] == 0 { alive.removeLast(); sessions.removeLast() }
        return AnchorResidences.Values(alive: alive, sessions: sessions, exact: true, sessionsExact: true)
    }
}
