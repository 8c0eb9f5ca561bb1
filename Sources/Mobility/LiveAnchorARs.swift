import Foundation
import Stochastics
import Synchronization

/// The distinct ARs that anchor at least one live session of an MN at a random
/// instant, the serving AR included (docs/MODELS.md 3.5): the bindings a per-flow
/// DMM scheme's anchoring ARs hold for the MN, as the simulation counts them at its
/// probes (a walk that revisits an AR merges that AR's residences into one binding).
///
/// Random instant (renewal reward over a residence; the current residence's age
/// has the equilibrium law, not that of a full residence):
///
///     E[N_b] = (1/E[X]) ∫₀^∞ F^c(u) g(u) du
///
/// with g(u) the expected count u seconds after the last handoff. Then the current
/// residence holds a Poisson number of live sessions of mean λ_s H(u),
/// H(u) = E[min(T, u)], and residence j before it those of `AnchorResidences` at
/// shift u (alive_j(u)); residence k back sits at the walk's position k steps back.
/// g(u) is the current AR's 1 − e^{−λ_s H(u)} (integrated by adaptive quadrature)
/// plus the rest (`distinct` of the whole sequence minus that term), integrated by
/// 3-point Gauss–Legendre on panels that are geometric (×2) from 10⁻³ of the shorter
/// of E[X] and E[T], at most max(that/2, U/24) wide, with breakpoints at the laws'
/// kinks, up to U where λ_s E[(T − U)⁺] (a bound on the old sessions, so on the
/// rest) is ≤ 1e-9 ρ. (Exponential residence too: by PASTA a random instant sees
/// what a handoff sees, but conditioning on the current age keeps the correlation
/// it induces between the current and the old residences' live indicators.)
///
/// Distinct ARs of a sequence with P(residence k holds a live session) = a_k: the
/// last visit of each AR that holds one is counted, so with P_k the probability that
/// no more recent residence at residence k's AR holds one,
///
///     E[distinct] = Σ_k a_k P_k,   P_k = 1 − Σ_{g≤k} f_g + Σ_{g≤k} f_g (1 − a_{k−g}) P_{k−g}
///
/// (strong Markov property at the walk's first return to the AR, f_g the first-return
/// law from P(D_g = 0) = Σ_h f_h P(D_{g−h} = 0)). Exact when the residences' live
/// indicators are independent, which they are for deterministic residence (given the
/// residences they are independent Poisson events: M/G/∞); otherwise an APPROXIMATION
/// that neglects their correlation through shared residence lengths (docs/MODELS.md 3.5
/// gives the measured error). Returns later than 4096 steps are neglected (f_g is
/// computed to there), returns past 128 steps are summed in blocks of g/64 steps at the
/// block's middle.
public struct LiveAnchorARs: Sendable {
    /// The residence law, session law, session rate and grid: the inputs of 3.3-3.5,
    /// shared with the other per-flow quantities.
    public let anchoring: SessionAnchoring

    public init(_ anchoring: SessionAnchoring) { self.anchoring = anchoring }

    public init(residence: ProbabilityLaw, session: ProbabilityLaw, sessionRate: Double, grid: GridKind) {
        self.init(SessionAnchoring(residence: residence, session: session, sessionRate: sessionRate, grid: grid))
    }

    public var residence: ProbabilityLaw { anchoring.residence }
    public var session: ProbabilityLaw { anchoring.session }
    /// λ_s, sessions per second.
    public var sessionRate: Double { anchoring.sessionRate }
    public var grid: GridKind { anchoring.grid }

    /// Whether `mean()` is exact under the model: deterministic residence (the live
    /// indicators are independent), to the quadrature's accuracy.
    public var isExact: Bool {
        if case .deterministic = residence.form { return true }
        return false
    }

    /// E[N_b], the distinct ARs anchoring ≥ 1 live session at a random instant.
    public func mean() throws -> Double { try mean(merging: true, refinement: 1) }

    /// `mean()`, or with `merging` false the same integral counting every residence
    /// that holds a live session (no walk: E[N_a] at a random instant); `refinement`
    /// divides the panels' widths (tests check the quadrature's convergence with it).
    func mean(merging: Bool, refinement refine: Double = 1) throws -> Double {
        let rho = anchoring.rho
        guard rho > 0 else { return 0 }
        let r = AnchorResidences(residence: residence, session: session, sessionRate: sessionRate)
        let meanX = residence.mean
        // The current residence alone: (1/E[X]) ∫ F^c(u) (1 − e^{−λ_s H(u)}) du.
        let current: (Double) throws -> Double = { u in
            -expm1(-self.sessionRate * (self.session.mean - (try self.session.integratedTail(u))))
        }
        let residenceKinks = Self.kinks(residence).sorted()
        var edges = [0.0] + residenceKinks
        var currentPart = 0.0
        for i in 0..<edges.count {
            let a = edges[i]
            if i + 1 < edges.count {
                let b = edges[i + 1]
                if b > a {
                    currentPart += try Quadrature.integrate("live anchor ARs: the current residence on [\(a), \(b)]",
                                                            over: .finite(a, b), epsrel: 1e-9) { u in
                        self.residence.ccdf(u) * (try current(u))
                    }.value
                }
            } else if residence.ccdf(a) > 0 {
                currentPart += try Quadrature.integrate("live anchor ARs: the current residence past \(a)",
                                                        over: .upperInfinite(from: a), epsrel: 1e-9) { u in
                    self.residence.ccdf(u) * (try current(u))
                }.value
            }
        }
        // The rest: up to U, the residence's support end at most.
        let mT = session.mean
        var end = 2 * mT
        while sessionRate * (try session.integratedTail(end)) > 1e-9 * rho, end < 1e4 * mT { end *= 2 }
        if let support = Self.supportEnd(residence) { end = Swift.min(end, support) }
        let scale = Swift.min(meanX, mT, end)
        // Every node costs one per-residence evaluation (`AnchorResidences` at that shift):
        // wider panels (×4 growth, widths of the shorter mean) erred by up to 6e-3.
        let width = Swift.max(scale / 2, end / 24) / refine
        edges = [0]
        var x = 1e-3 * scale / refine
        while x < end { edges.append(x); x = Swift.min(x * (1 + 1 / refine), x + width) }
        edges.append(end)
        for k in residenceKinks + Self.kinks(session) where k > 0 && k < end { edges.append(k) }
        edges = Array(Set(edges)).sorted()
        // 3-point Gauss–Legendre on each panel.
        let nodes = [-(0.6).squareRoot(), 0, (0.6).squareRoot()], weights = [5.0 / 9, 8.0 / 9, 5.0 / 9]
        var shifts: [Double] = [], w: [Double] = []
        for i in 0..<(edges.count - 1) {
            let a = edges[i], b = edges[i + 1], half = (b - a) / 2
            for (t, q) in zip(nodes, weights) {
                let u = a + half * (1 + t)
                let f = residence.ccdf(u)
                if f > 0 { shifts.append(u); w.append(q * half * f) }
            }
        }
        let values = try r.values(shifts: shifts)
        let longest = values.reduce(0) { Swift.max($0, $1.alive.count) }
        let f = merging ? Self.firstReturns(grid: grid, count: longest + 1) : [0]
        var sequences: [[Double]] = []
        sequences.reserveCapacity(values.count)
        var currents: [Double] = []
        currents.reserveCapacity(values.count)
        for (i, v) in values.enumerated() {
            let c = try current(shifts[i])
            currents.append(c)
            sequences.append([c] + v.alive)
        }
        let counts = Self.distinct(sequences, firstReturns: f)
        var restPart = 0.0
        for i in values.indices { restPart += w[i] * (counts[i] - currents[i]) }
        return (currentPart + restPart) / meanX
    }

    /// Where a law's ccdf or integrated tail bends (a kink the quadrature should not straddle).
    static func kinks(_ law: ProbabilityLaw) -> [Double] {
        switch law.form {
        case let .deterministic(v): return [v]
        case let .uniform(a, b): return a > 0 ? [a, b] : [b]
        case let .pareto(_, _, xm): return [xm]
        default: return []
        }
    }

    /// The end of a law's support when it is bounded.
    static func supportEnd(_ law: ProbabilityLaw) -> Double? {
        switch law.form {
        case let .deterministic(v): return v
        case let .uniform(_, b): return b
        default: return nil
        }
    }

    /// Returns later than this many steps are neglected.
    static let returnHorizon = 4096

    /// f_g, the walk's first return to its start at step g (index g, f_0 = 0), from
    /// q_g = P(D_g = 0) by the renewal equation q_g = Σ_{h=1}^{g} f_h q_{g−h}, up to
    /// min(count, `returnHorizon`) steps.
    /// Memoised per grid at the full horizon: f_g reads q_0 … q_g only, so the prefix of
    /// the full table is, bit for bit, the table computed to a shorter count (the O(n²)
    /// renewal equation was recomputed at every sweep point).
    static func firstReturns(grid: GridKind, count: Int) -> [Double] {
        let n = Swift.max(1, Swift.min(count, returnHorizon + 1))
        let full = firstReturnMemo.withLock { memo -> [Double] in
            if let f = memo[grid] { return f }
            let f = computeFirstReturns(grid: grid, count: returnHorizon + 1)
            memo[grid] = f
            return f
        }
        return Array(full.prefix(n))
    }

    private static let firstReturnMemo = Mutex<[GridKind: [Double]]>([:])

    /// `firstReturns` without the memo (tests compare the two).
    static func computeFirstReturns(grid: GridKind, count: Int) -> [Double] {
        let n = Swift.max(1, Swift.min(count, returnHorizon + 1))
        let away = AnchorDistance.walkSequences(grid: grid, count: n).away
        let q = away.map { 1 - $0 }
        var f = [Double](repeating: 0, count: n)
        for g in 1..<Swift.max(1, n) {
            var s = q[g]
            for h in 1..<g { s -= f[h] * q[g - h] }
            f[g] = Swift.max(0, s)
        }
        return f
    }

    /// `distinct(_:firstReturns:)` of several sequences at once, bit for bit: eight
    /// sequences run in lock step, each with its own sums in the scalar routine's order
    /// (the recursion is one dependent chain of additions per k; eight independent chains
    /// fill the adder's latency on SSE2's two-lane registers). Shorter sequences, and the
    /// lanes past the last sequence, are padded with a = 0, which adds exactly 0 to their
    /// total and leaves their earlier P_k unchanged. The returned mass of the unit steps,
    /// Σ_{g ≤ min(k, 127)} f_g, is the same left-to-right sum for every k: it is read from
    /// its running sums, which frees the loop of a second dependent chain.
    static func distinct(_ sequences: [[Double]], firstReturns f: [Double]) -> [Double] {
        typealias Lanes = SIMD8<Double>
        let lanes = Lanes.scalarCount
        var out = [Double](repeating: 0, count: sequences.count)
        guard !f.isEmpty else {
            for (i, a) in sequences.enumerated() { out[i] = distinct(a, firstReturns: f) }
            return out
        }
        var prefix = [0.0]
        prefix.reserveCapacity(f.count + 1)
        for g in 0..<f.count { prefix.append(prefix[g] + f[g]) }
        // unitReturned[h] = ((0 + f_1) + f_2) + … + f_h, the scalar routine's running sum.
        var unitReturned = [0.0]
        for g in 1..<Swift.max(1, Swift.min(f.count, 128)) { unitReturned.append(unitReturned[g - 1] + f[g]) }
        var start = 0
        while start < sequences.count {
            let group = Swift.min(lanes, sequences.count - start)
            let n = (start..<(start + group)).reduce(0) { Swift.max($0, sequences[$1].count) }
            if n == 0 { start += lanes; continue }
            // a[k·8 + lane], zero past a sequence's end; open likewise.
            var a = [Double](repeating: 0, count: n * lanes)
            for lane in 0..<group {
                for (k, x) in sequences[start + lane].enumerated() { a[k * lanes + lane] = x }
            }
            var open = [Double](repeating: 0, count: n * lanes)
            var total = Lanes(repeating: 0)
            a.withUnsafeBufferPointer { a in
                f.withUnsafeBufferPointer { f in
                    prefix.withUnsafeBufferPointer { prefix in
                        unitReturned.withUnsafeBufferPointer { unitReturned in
                            open.withUnsafeMutableBufferPointer { open in
                                let a8 = UnsafeRawPointer(a.baseAddress!).assumingMemoryBound(to: Lanes.self)
                                let open8 = UnsafeMutableRawPointer(open.baseAddress!).assumingMemoryBound(to: Lanes.self)
                                let one = Lanes(repeating: 1)
                                open8[0] = one - a8[0]
                                total = a8[0]
                                for k in 1..<Swift.max(1, n) {
                                    let horizon = Swift.min(k, f.count - 1)
                                    var sum = Lanes(repeating: 0)
                                    var g = 1
                                    let unitEnd = Swift.min(horizon, 127)
                                    var returned = unitReturned[Swift.max(0, unitEnd)]
                                    while g <= unitEnd {
                                        sum += f[g] * open8[k - g]
                                        g += 1
                                    }
                                    while g <= horizon {
                                        let width = Swift.min(g / 64, horizon - g + 1)
                                        if width == 1 {
                                            returned += f[g]
                                            sum += f[g] * open8[k - g]
                                        } else {
                                            let mass = prefix[g + width] - prefix[g]
                                            returned += mass
                                            sum += mass * open8[k - g - width / 2]
                                        }
                                        g += width
                                    }
                                    // The scalar routine's clamp, lane by lane.
                                    var p = Lanes(repeating: 0)
                                    for lane in 0..<lanes { p[lane] = Swift.min(1, Swift.max(0, 1 - returned + sum[lane])) }
                                    open8[k] = (one - a8[k]) * p
                                    total += a8[k] * p
                                }
                            }
                        }
                    }
                }
            }
            for lane in 0..<group { out[start + lane] = total[lane] }
            start += lanes
        }
        return out
    }

    /// E[distinct ARs holding a live session] of residences 0, 1, … (k steps back
    /// from the current AR) live with probabilities `a`, independently: Σ_k a_k P_k
    /// by the first-return recursion (see the type's comment).
    static func distinct(_ a: [Double], firstReturns f: [Double]) -> Double {
        let n = a.count
        guard n > 0 else { return 0 }
        var prefix = [0.0]
        for g in 0..<f.count { prefix.append(prefix[g] + f[g]) }
        // (1 − a_i) P_i, the factor every later residence reads, kept beside P: the inner
        // loop runs over raw buffers (it runs at every quadrature node of every point).
        var p = [Double](repeating: 1, count: n)
        var open = [Double](repeating: 0, count: n)
        open[0] = 1 - a[0]
        var total = a[0]
        a.withUnsafeBufferPointer { a in
            f.withUnsafeBufferPointer { f in
                prefix.withUnsafeBufferPointer { prefix in
                    p.withUnsafeMutableBufferPointer { p in
                        open.withUnsafeMutableBufferPointer { open in
                            for k in 1..<Swift.max(1, n) {
                                let horizon = Swift.min(k, f.count - 1)
                                var returned = 0.0, sum = 0.0
                                var g = 1
                                // Unit steps below 128, as the blocks below would take them.
                                let unitEnd = Swift.min(horizon, 127)
                                while g <= unitEnd {
                                    returned += f[g]
                                    sum += f[g] * open[k - g]
                                    g += 1
                                }
                                while g <= horizon {
                                    let width = Swift.min(g / 64, horizon - g + 1)
                                    if width == 1 {
                                        returned += f[g]
                                        sum += f[g] * open[k - g]
                                    } else {
                                        let mass = prefix[g + width] - prefix[g]
                                        let mid = k - g - width / 2
                                        returned += mass
                                        sum += mass * open[mid]
                                    }
                                    g += width
                                }
                                p[k] = Swift.min(1, Swift.max(0, 1 - returned + sum))
                                open[k] = (1 - a[k]) * p[k]
                                total += a[k] * p[k]
                            }
                        }
                    }
                }
            }
        }
        return total
    }
}
