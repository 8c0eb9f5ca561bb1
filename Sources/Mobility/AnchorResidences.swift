import Foundation
import Stochastics

/// The anchors of the past residences seen from a handoff epoch, residence by
/// residence (docs/MODELS.md 3.3-3.4): what per-flow DMM signaling and latency
/// need beyond the count E[N_a].
///
/// Looking back from a handoff the residences are i.i.d. full X (renewal epochs);
/// residence j (j = 0 the one just left) spans backward ages (S_j, S_{j+1}],
/// S_0 = 0, S_j = X_1 + … + X_j. The ages of the sessions alive at the handoff are
/// a Poisson process of intensity λ_s P(T > u) (M/G/∞), independent of the walk,
/// so with H(t) = ∫₀ᵗ P(T > v) dv = E[T] − E[(T − t)⁺] the sessions anchored at
/// residence j are Poisson with mean λ_s (H(S_{j+1}) − H(S_j)) given the residences:
///
///     alive_j    = E[1 − exp(−λ_s (H(S_j + X) − H(S_j)))]   P(residence j holds ≥ 1 live session)
///     sessions_j = λ_s E[H(S_j + X) − H(S_j)]               E[live sessions anchored there]
///
/// (Σ_j sessions_j = ρ.) At a refresh `shift` u after the handoff, S_j becomes
/// u + S_j. With ψ(s) = E_X[1 − exp(−λ_s (H(s + X) − H(s)))] (and its linear
/// twin), alive_j = E[ψ(u + S_j)], computed
/// - deterministic residence v: S_j = jv, directly (exact);
/// - gamma residence (exponential included), shape k: S_j ~ Gamma(jk, θ); ψ on a
///   grid (geometric near 0, E[T]/64 steps, nodes at the session law's kinks),
///   piecewise linear, integrated exactly against the gamma law cell by cell
///   (incomplete gammas); the same with every other node gives the error
///   estimate, and the values are exact when it is ≤ 1e-5 relative (the Monte
///   Carlo's standard errors are 10² times larger or more);
///   sessions_j = τ_j − τ_{j+1} with τ_j = λ_s E[(T − u − S_j)⁺] (H telescopes);
/// - other residence laws: j = 0 and j = 1 with the law itself, S_j for j ≥ 2
///   replaced by the gamma law of the same mean and variance (j E[X], j Var X):
///   an APPROXIMATION (`exact` false).
/// Residences are added until λ_s E[(T − u − S_j)⁺] (which bounds every later
/// term's sum) is ≤ 1e-12 of the total; ψ is 0 past the grid's end s_max, where
/// λ_s E[(T − s_max)⁺] ≤ 1e-12 ρ (else, capped at 10⁴ E[T], not exact).
/// `isExact` says in advance which case applies.
public struct AnchorResidences: Sendable {
    public let residence: ProbabilityLaw
    public let session: ProbabilityLaw
    public let sessionRate: Double

    public init(residence: ProbabilityLaw, session: ProbabilityLaw, sessionRate: Double) {
        self.residence = residence
        self.session = session
        self.sessionRate = sessionRate
    }

    /// Whether `values` is exact whatever the grid: deterministic residence. The
    /// gamma route's piecewise-linear ψ errs by up to about 1e-4 relative (measured
    /// against the exponential closed form of 3.3, `AnchorResidencesTests`), so it
    /// is declared an approximation; `Values.exact` reports its own error estimate.
    public var isExact: Bool {
        if case .deterministic = residence.form { return true }
        return false
    }

    /// alive_j and sessions_j for j = 0, 1, … until the rest is negligible.
    public struct Values: Sendable, Equatable {
        public var alive: [Double]
        public var sessions: [Double]
        /// Whether every entry is exact to 1e-6 relative (see the type's documentation).
        public var exact: Bool
    }

    /// λ_s (H(s + x) − H(s)) = λ_s (E[(T − s)⁺] − E[(T − s − x)⁺]).
    private func mean(_ s: Double, _ x: Double) throws -> Double {
        Swift.max(0, sessionRate * (try session.integratedTail(s) - session.integratedTail(s + x)))
    }

    /// ψ(s) by quadrature over X.
    private func psi(_ s: Double) throws -> Double {
        if try session.integratedTail(s) <= 0 { return 0 }
        return try residence.expectation("P(a residence's sessions are alive), age \(s)", epsrel: 1e-9) { x in
            -expm1(-(try self.mean(s, x)))
        }
    }

    /// The values at a handoff (`shift` 0) or `shift` seconds after it.
    public func values(shift u: Double = 0) throws -> Values { try values(shifts: [u])[0] }

    /// `values(shift:)` for several shifts, sharing the grid of ψ.
    public func values(shifts: [Double]) throws -> [Values] {
        if sessionRate <= 0 { return shifts.map { _ in Values(alive: [], sessions: [], exact: true) } }
        var table: Table?
        return try shifts.map { u in
            if case .deterministic = residence.form { return try values(shift: u, table: nil) }
            if table == nil { table = try Table(self, rho: sessionRate * session.mean) }
            return try values(shift: u, table: table)
        }
    }

    private func values(shift u: Double, table: Table?) throws -> Values {
        if case let .deterministic(v) = residence.form {
            var alive: [Double] = [], sessions: [Double] = [], total = 0.0
            var j = 0
            while j < 1_000_000 {
                let s = u + Double(j) * v
                let rest = sessionRate * (try session.integratedTail(s))
                if rest <= 1e-12 * Swift.max(total, 1e-300) || rest == 0 { break }
                let m = try mean(s, v)
                alive.append(-expm1(-m)); sessions.append(m)
                total += m
                j += 1
            }
            return Values(alive: alive, sessions: sessions, exact: j < 1_000_000)
        }
        guard let table else { throw LawError(spec: residence.spec, "internal: no grid of psi for a non-deterministic residence") }
        // S_j's law: gamma (exact) or the two-moment gamma stand-in (j ≥ 2).
        let exactLaw: Bool
        let shape: Double, scale: Double
        if let (k, theta) = residence.gammaShapeAndScale {
            exactLaw = true; shape = k; scale = theta
        } else {
            exactLaw = false
            // An infinite variance (Pareto shape ≤ 2) has no two-moment match: a very
            // spread gamma stands in (the values are approximate either way).
            let c2 = Swift.min(Swift.max(residence.cv2.isFinite ? residence.cv2 : 100, 1e-9), 100)
            shape = 1 / c2; scale = c2 * residence.mean
        }
        // sessions_j = τ_j − τ_{j+1} with τ_j = λ_s E[(T − u − S_j)⁺] (telescoping H).
        var alive = [try psi(u)], tails = [sessionRate * (try session.integratedTail(u))]
        var maxError = 0.0
        var j = 1
        while j < 200_000 {
            let fine: (Double, Double), coarse: (Double, Double)
            if j == 1 && !exactLaw {
                // S_1 = X: its own law.
                fine = try table.expectation(over: residence, shift: u, coarse: false)
                coarse = try table.expectation(over: residence, shift: u, coarse: true)
            } else {
                fine = try table.gammaExpectation(shape: Double(j) * shape, scale: scale, shift: u, coarse: false)
                coarse = try table.gammaExpectation(shape: Double(j) * shape, scale: scale, shift: u, coarse: true)
            }
            alive.append(fine.0); tails.append(fine.1)
            maxError = Swift.max(maxError, abs(fine.0 - coarse.0), abs(fine.1 - coarse.1))
            j += 1
            if fine.1 <= 1e-12 * Swift.max(tails[0] - fine.1, 1e-300) { break }
        }
        tails.append(0)
        let sessions = (0..<alive.count).map { Swift.max(0, tails[$0] - tails[$0 + 1]) }
        let sum = alive.reduce(0, +)
        let exact = exactLaw && table.complete && j < 200_000 && maxError * Double(alive.count) <= 1e-5 * Swift.max(sum, 1e-300)
        return Values(alive: alive, sessions: sessions, exact: exact)
    }

    /// ψ, ψ_lin and λ_s E[(T − s)⁺] at the nodes of a grid in the age s.
    private struct Table {
        var nodes: [Double] = []
        var psi: [Double] = [], tail: [Double] = []
        /// Whether the grid reaches the age past which ψ ≤ 1e-13.
        var complete = true
        /// Indices of the fine grid (all nodes) and of the coarse one (every other
        /// node, kinks and ends kept).
        var fineIndex: [Int] = []
        var coarseIndex: [Int] = []

        init(_ r: AnchorResidences, rho: Double) throws {
            let law = r.session, m = law.mean
            var end = 8 * m
            while r.sessionRate * (try law.integratedTail(end)) > 1e-12 * Swift.max(rho, 1e-300) {
                if end >= 1e4 * m { complete = false; break }
                end = Swift.min(1e4 * m, end * 2)
            }
            var kinks: [Double] = []
            switch law.form {
            case let .deterministic(v): kinks = [v]
            case let .uniform(a, b): kinks = [a, b]
            case let .pareto(_, _, xm): kinks = [xm]
            default: break
            }
            var points: [Double] = [0]
            var g = 1e-4 * m
            while g < m { points.append(g); g *= 1.1 }
            let step = m / 64
            var s = m
            while s < end { points.append(s); s += step }
            points.append(end)
            let kinkSet = Set(kinks.filter { $0 > 0 && $0 < end })
            nodes = Array(Set(points + Array(kinkSet))).sorted()
            for (i, t) in nodes.enumerated() {
                psi.append(try r.psi(t)); tail.append(r.sessionRate * (try law.integratedTail(t)))
                if i % 2 == 0 || kinkSet.contains(t) || i == nodes.count - 1 { coarseIndex.append(i) }
            }
            fineIndex = Array(nodes.indices)
        }

        /// The piecewise-linear (ψ, tail) at age t.
        func interpolate(_ t: Double, coarse: Bool) -> (Double, Double) {
            let idx = coarse ? coarseIndex : fineIndex
            guard let lastI = idx.last, t < nodes[lastI] else { return (0, 0) }
            var lo = 0, hi = idx.count - 1
            while hi - lo > 1 { let mid = (lo + hi) / 2; if nodes[idx[mid]] <= t { lo = mid } else { hi = mid } }
            let i = idx[lo], k = idx[hi]
            let w = (t - nodes[i]) / (nodes[k] - nodes[i])
            return (psi[i] + w * (psi[k] - psi[i]), tail[i] + w * (tail[k] - tail[i]))
        }

        /// E[(ψ, tail)(u + Y)] for Y ~ `law` by quadrature of the interpolant.
        func expectation(over law: ProbabilityLaw, shift u: Double, coarse: Bool) throws -> (Double, Double) {
            (try law.expectation("anchors: one residence back", epsrel: 1e-9) { y in self.interpolate(u + y, coarse: coarse).0 },
             try law.expectation("anchors: one residence back", epsrel: 1e-9) { y in self.interpolate(u + y, coarse: coarse).1 })
        }

        /// E[(ψ, tail)(u + Y)] for Y ~ Gamma(shape, scale), exact for the
        /// piecewise-linear interpolant: on a cell where f(u + y) = α + β y,
        /// ∫ (α + β y) dF = α ΔF_a + β a θ ΔF_{a+1} (F_a the Gamma(a, θ) cdf).
        func gammaExpectation(shape a: Double, scale theta: Double, shift u: Double, coarse: Bool) throws -> (Double, Double) {
            let idx = coarse ? coarseIndex : fineIndex
            let mean = a * theta, sd = a.squareRoot() * theta
            let lo = Swift.max(0, mean - 40 * sd), hi = mean + 40 * sd
            var out = (0.0, 0.0)
            // Cells in y = t − u: [nodes[i] − u, nodes[k] − u] ∩ [lo, hi].
            var prevF = -1.0, prevF1 = -1.0, prevY = -1.0
            func cdfs(_ y: Double) throws -> (Double, Double) {
                if y <= 0 { return (0, 0) }
                return (try SpecialFunctions.gammaP(a, y / theta), try SpecialFunctions.gammaP(a + 1, y / theta))
            }
            for n in 0..<(idx.count - 1) {
                let i = idx[n], k = idx[n + 1]
                let y0 = Swift.max(nodes[i] - u, lo), y1 = Swift.min(nodes[k] - u, hi)
                if y1 <= y0 { if nodes[i] - u > hi { break } else { continue } }
                let (f0, g0) = prevY == y0 ? (prevF, prevF1) : try cdfs(y0)
                let (f1, g1) = try cdfs(y1)
                prevY = y1; prevF = f1; prevF1 = g1
                let dF = f1 - f0, dG = (g1 - g0) * mean
                let width = nodes[k] - nodes[i]
                func part(_ v: [Double]) -> Double {
                    let beta = (v[k] - v[i]) / width
                    let alpha = v[i] + beta * (u - nodes[i])
                    return alpha * dF + beta * dG
                }
                out.0 += part(psi); out.1 += part(tail)
            }
            // Beyond the grid: 0 (ψ ≤ tail ≤ 1e-13 ρ there); below y = lo: negligible mass.
            return out
        }
    }
}

extension AnchorResidences.Values {
    /// E[N_a] counted per residence: Σ_j alive_j (docs/MODELS.md 3.3).
    public var anchorsInUse: Double { alive.reduce(0, +) }

    /// The old anchors a DMM handoff signals, and the sum of their grid distances
    /// from the serving AR, as the simulation counts them: distinct ARs other than
    /// the serving one with ≥ 1 live session. Residence j's AR is the walk's
    /// position j + 1 steps back, Z_{j+1}, independent of the residences, so
    ///
    ///     anchors ≈ Σ_j alive_j P(D_{j+1} ≠ 0) − Σ_i Σ_{g≥2} P(D_{i+1} ≠ 0) P(D_g = 0) alive_i alive_{i+g}
    ///     steps   ≈ Σ_j alive_j E[D_{j+1}]     − Σ_i Σ_{g≥2} E[D_{i+1}]     P(D_g = 0) alive_i alive_{i+g}
    ///
    /// The first sums are exact per residence (a residence back at the serving AR
    /// is not an old anchor); the second remove, to second order, residences i and
    /// i + g at the same AR (the walk returns there after g steps, P(D_g = 0) by the
    /// Markov property), both alive, counted once by the merged count. APPROXIMATION:
    /// the pair's aliveness is taken as independent, and three or more live
    /// residences at one AR are over-corrected (docs/MODELS.md 3.4 gives the measured error).
    public func oldAnchors(grid: GridKind) -> (anchors: Double, steps: Double) {
        let n = alive.count
        guard n > 0 else { return (0, 0) }
        let (distance, away) = AnchorDistance.walkSequences(grid: grid, count: n + 1)
        var anchors = 0.0, steps = 0.0
        for j in 0..<n {
            anchors += alive[j] * away[j + 1]
            steps += alive[j] * distance[j + 1]
        }
        var pairA = 0.0, pairS = 0.0
        for i in 0..<n where alive[i] > 0 {
            var inner = 0.0
            var g = 2
            while i + g < n {
                inner += (1 - away[g]) * alive[i + g]
                g += 1
            }
            pairA += away[i + 1] * alive[i] * inner
            pairS += distance[i + 1] * alive[i] * inner
        }
        return (Swift.max(0, anchors - pairA), Swift.max(0, steps - pairS))
    }

    /// The live sessions' view at a handoff, for per-flow latency: the fraction of
    /// them anchored at the new serving AR (back at their anchor, D = 0) and the
    /// mean grid distance of the others, from sessions_j and the walk's
    /// P(D_{j+1} = 0), E[D_{j+1}] (linear in the sessions: exact where `exact` is).
    public func sessionWalk(grid: GridKind) -> (atAnchorFraction: Double, awaySteps: Double) {
        let n = sessions.count
        let total = sessions.reduce(0, +)
        guard n > 0, total > 0 else { return (0, 1) }
        let (distance, away) = AnchorDistance.walkSequences(grid: grid, count: n + 1)
        var atAnchor = 0.0, awayMass = 0.0, steps = 0.0
        for j in 0..<n {
            atAnchor += sessions[j] * (1 - away[j + 1])
            awayMass += sessions[j] * away[j + 1]
            steps += sessions[j] * distance[j + 1]
        }
        return (atAnchor / total, awayMass > 0 ? Swift.max(1, steps / awayMass) : 1)
    }
}
