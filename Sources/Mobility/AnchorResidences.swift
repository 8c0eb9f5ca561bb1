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
/// u + S_j. With ψ(s) = E_X[1 − exp(−λ_s (H(s + X) − H(s)))], alive_j = E[ψ(u + S_j)]:
/// - deterministic residence v: S_j = jv, directly (exact);
/// - gamma residence (exponential included), shape k: S_j ~ Gamma(jk, θ); ψ on a
///   grid (geometric near 0, E[T]/64 steps growing as s/128 past 2 E[T], nodes at
///   the session law's kinks), piecewise linear, integrated exactly against the
///   gamma law cell by cell (incomplete gammas); every j up to 64, then every
///   (j/64)-th, linear in j between: an APPROXIMATION within 2e-4 relative
///   (measured against the exponential closed form of 3.3, `AnchorResidencesTests`);
/// - other residence laws: j = 0 and j = 1 with the law itself; for j ≥ 2 the law
///   of S_j by numerical Laplace inversion at the grid's nodes (`ResidenceSumGrid`:
///   F_j from f*(s)^j/s, I_j = ∫₀^y F_j from f*(s)^j/s², Abate–Whitt Euler), the same
///   piecewise-linear ψ integrated against it cell by cell,
///   E[g(u + S_j)] = −Σ_cells g′ ΔI_j + g(s_max⁻) F_j(s_max − u) (integration by parts,
///   I_j read between nodes by cubic Hermite with I_j′ = F_j at shifts off the nodes):
///   an APPROXIMATION of the grid's order (measured against the exponential-session
///   series, `AnchorResidencesTests`: Σ_j alive_j within 1.2e-4 relative, alive_j within
///   5e-4, sessions_j within 2.3e-4 ρ per residence, as the gamma grid).
/// sessions_j at a handoff (linear in the sessions, what per-flow latency needs)
/// has exact routes (`SessionsRoute`): the Palm identity (λ_s/η) P(K ≥ j + 1) on the
/// crossing law, or one quadrature per j for gamma residence; the grid's twin
/// (τ_j − τ_{j+1}, τ_j = λ_s E[(T − u − S_j)⁺]) only on the inversion grid and at refreshes.
/// Residences are added until λ_s E[(T − u − S_j)⁺] (which bounds every later
/// term's sum) is ≤ 1e-12 of the total; ψ is 0 past the grid's end s_max, where
/// λ_s E[(T − s_max)⁺] ≤ 1e-12 ρ (capped at 10⁴ E[T]).
/// Cost (docs/MODELS.md 3.3): O(grid × residences) incomplete gammas per shift,
/// the residences strided so their count grows as 64 ln(n/64) past 64; the inversion
/// grid takes the transform at 41 (131 uniform) points per node once per call (cached
/// across calls with the same nodes) and one complex exponential per point, node and
/// visited j, then O(grid) Hermite reads per shift and j.
public struct AnchorResidences: Sendable {
    public let residence: ProbabilityLaw
    public let session: ProbabilityLaw
    public let sessionRate: Double

    public init(residence: ProbabilityLaw, session: ProbabilityLaw, sessionRate: Double) {
        self.residence = residence
        self.session = session
        self.sessionRate = sessionRate
    }

    /// How sessions_j (the live sessions' anchors at a handoff, `shift` 0) are computed.
    public enum SessionsRoute: String, Sendable {
        /// Deterministic residence v: S_j = jv, directly.
        case deterministic
        /// Exponential or Erlang-mixture sessions, any residence: the Palm identity
        /// sessions_j = (λ_s/η) P(K ≥ j + 1), K the crossings of one session
        /// (`CrossingDistribution`, Fang/Lin's closed form or the Erlang series).
        case crossingLaw
        /// Gamma residence (shape k, scale θ), any other session law:
        /// τ_j = λ_s E_T[T P(jk, T/θ) − jkθ P(jk + 1, T/θ)] (= λ_s E[(T − S_j)⁺]) by one
        /// quadrature over T per j, sessions_j = τ_j − τ_{j+1}.
        case gammaQuadrature
        /// Every other pair (residence neither deterministic nor gamma, sessions not
        /// Erlang mixtures): the grid twin τ_j − τ_{j+1} of `values` from the law of S_j
        /// by Laplace inversion (`ResidenceSumGrid`); approximate (the piecewise-linear tail).
        case inversionGrid
    }

    public var sessionsRoute: SessionsRoute {
        if case .deterministic = residence.form { return .deterministic }
        if case .exponential = session.form { return .crossingLaw }
        if session.erlangMixture() != nil { return .crossingLaw }
        if residence.gammaShapeAndScale != nil { return .gammaQuadrature }
        return .inversionGrid
    }

    /// Whether sessions_j at a handoff (`Values.sessions`, the per-flow handoff latency)
    /// is exact: every route but the inversion grid (to 1e-6 of ρ per residence, the crossing
    /// law's accuracy; the sums cut where the rest is ≤ 1e-10 of ρ; `Values.sessionsExact`
    /// reports a cut that did not converge).
    public var isExact: Bool { sessionsRoute != .inversionGrid }

    /// How alive_j (and sessions_j off the handoff) are computed.
    public enum AliveRoute: String, Sendable {
        /// Deterministic residence v: S_j = jv, directly (exact).
        case deterministic
        /// Exponential sessions, ρ ≤ 12 (or well conditioned, exponential residence):
        /// the per-residence binomial series (`ExponentialSessionAnchors`, exact).
        case exponentialSessions
        /// Gamma residence: the grid of ψ against the gamma law of S_j (approximate).
        case gammaGrid
        /// Other residence laws: the grid of ψ against the law of S_j by Laplace inversion
        /// at the grid's nodes (`ResidenceSumGrid`, approximate).
        case inversionGrid
    }

    public var aliveRoute: AliveRoute {
        if case .deterministic = residence.form { return .deterministic }
        if ExponentialSessionAnchors.applies(self) { return .exponentialSessions }
        return residence.gammaShapeAndScale != nil ? .gammaGrid : .inversionGrid
    }

    /// Whether alive_j (E[N_a] and the old anchors signaled) is exact: deterministic
    /// residence, or exponential sessions with ρ ≤ 12 (exponential residence: while the
    /// series is well conditioned, `ExponentialSessionAnchors.applies`). The gamma grid's piecewise-linear
    /// ψ errs by up to about 2e-4 relative (measured against the exponential closed form
    /// of 3.3, `AnchorResidencesTests`), the inversion grid's sums by up to 1.2e-4.
    public var aliveIsExact: Bool { aliveRoute == .deterministic || aliveRoute == .exponentialSessions }

    /// alive_j and sessions_j for j = 0, 1, … until the rest is negligible.
    public struct Values: Sendable, Equatable {
        public var alive: [Double]
        public var sessions: [Double]
        /// Whether alive_j is exact (deterministic residence, the cut converged).
        public var exact: Bool
        /// Whether sessions_j is exact (see `isExact`); false off the handoff (`shift` > 0).
        public var sessionsExact: Bool = false
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
        if sessionRate <= 0 { return shifts.map { _ in Values(alive: [], sessions: [], exact: true, sessionsExact: true) } }
        if aliveRoute == .exponentialSessions, let series = try ExponentialSessionAnchors(self) {
            return series.values(shifts: shifts)
        }
        return try gridValues(shifts: shifts)
    }

    /// `values(shifts:)` by the deterministic sum or the grid of ψ, whatever the session
    /// law (the route before `ExponentialSessionAnchors`; tests compare the two).
    func gridValues(shifts: [Double]) throws -> [Values] {
        if sessionRate <= 0 { return shifts.map { _ in Values(alive: [], sessions: [], exact: true, sessionsExact: true) } }
        var table: Table?
        // The law of S_j (inversion grid): inverted once at the table's nodes, shared by every shift.
        var sums: ResidenceSumGrid?
        return try shifts.map { u in
            var v: Values
            if case .deterministic = residence.form {
                v = try values(shift: u, table: nil, sums: nil)
            } else {
                if table == nil { table = try Table(self, rho: sessionRate * session.mean) }
                if residence.gammaShapeAndScale == nil, sums == nil {
                    sums = try ResidenceSumGrid(residence: residence, nodes: table!.nodes)
                }
                v = try values(shift: u, table: table, sums: sums)
            }
            if u == 0, sessionsRoute == .crossingLaw || sessionsRoute == .gammaQuadrature {
                let exact = try exactSessions()
                v.sessions = exact.sessions
                v.sessionsExact = exact.converged
            } else {
                v.sessionsExact = u == 0 && sessionsRoute == .deterministic && v.exact
            }
            return v
        }
    }

    /// sessions_j at a handoff by the `crossingLaw` or `gammaQuadrature` route, j = 0, 1, …
    /// until the rest of Σ_j sessions_j = ρ is ≤ 1e-10 ρ (`converged` false if that
    /// needed more than 2²⁰ terms on the crossing law, 2·10⁴ quadratures on the gamma route).
    func exactSessions(route: SessionsRoute? = nil) throws -> (sessions: [Double], converged: Bool) {
        let rho = sessionRate * session.mean
        switch route ?? sessionsRoute {
        case .crossingLaw:
            let crossings = CrossingDistribution(residence: residence, session: session)
            let scale = sessionRate * residence.mean
            var horizon = 64
            while true {
                let tails = try crossings.tails(upTo: horizon + 1)
                let sessions = (0..<horizon).map { scale * tails[$0 + 1] }
                let rest = rho - sessions.reduce(0, +)
                // The rest is Σ_{k > horizon} tails, ≥ 0; roundoff leaves about 1e-15 ρ.
                if rest <= 1e-10 * rho || scale * tails[horizon] <= 1e-13 * rho {
                    var out = sessions
                    while out.count > 1, out[out.count - 1] == 0 { out.removeLast() }
                    return (out, true)
                }
                if horizon >= 1 << 20 { return (sessions, false) }
                horizon *= 4
            }
        case .gammaQuadrature:
            guard let (k, theta) = residence.gammaShapeAndScale else { return ([], false) }
            // τ_j = λ_s E[(T − S_j)⁺], S_j ~ Gamma(jk, θ): E[(t − S)⁺] = t P(a, t/θ) − aθ P(a + 1, t/θ).
            func tau(_ j: Int) throws -> Double {
                if j == 0 { return rho }
                let a = Double(j) * k
                return sessionRate * (try session.expectation("live sessions anchored \(j) residences back", epsrel: 1e-10) { t in
                    if t <= 0 { return 0 }
                    let x = t / theta
                    return Swift.max(0, t * (try SpecialFunctions.gammaP(a, x)) - a * theta * (try SpecialFunctions.gammaP(a + 1, x)))
                })
            }
            // Every j up to max(64, 8 E[T]/E[X]) (light-tailed sessions: τ_j ≤ e^{−8} ρ
            // or so beyond), then every (j/64)-th with τ_j linear in j between: there τ_j
            // varies on the scale j or more, so the interpolation errs by ≤ (1/64)²/8 of
            // τ_j, below 1e-6 of ρ.
            let dense = Swift.max(64, Int(Swift.min(1e6, 8 * session.mean / residence.mean)))
            var taus = [rho]
            var j = 1
            while j <= 10_000_000 {
                let t = try tau(j)
                let last = taus.count - 1, gap = j - last
                for i in 1..<gap { taus.append(taus[last] + Double(i) / Double(gap) * (t - taus[last])) }
                taus.append(t)
                if t <= 1e-10 * rho { break }
                j += j < dense ? 1 : Swift.max(1, j / 64)
            }
            let converged = taus[taus.count - 1] <= 1e-10 * rho
            taus.append(0)
            return ((0..<(taus.count - 1)).map { Swift.max(0, taus[$0] - taus[$0 + 1]) }, converged)
        case .deterministic, .inversionGrid:
            return ([], false)
        }
    }

    private func values(shift u: Double, table: Table?, sums: ResidenceSumGrid?) throws -> Values {
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
        // S_j's law: gamma (incomplete gammas) or inverted at the nodes (`ResidenceSumGrid`).
        let gamma = residence.gammaShapeAndScale
        if gamma == nil, sums == nil {
            throw LawError(spec: residence.spec, "internal: no inverted law of the residence sums")
        }
        // sessions_j = τ_j − τ_{j+1} with τ_j = λ_s E[(T − u − S_j)⁺] (telescoping H).
        // Every j up to 64, then every max(1, j/64)-th j with alive_j and τ_j linear in
        // j between (both vary with j on the scale E[T]/E[X] and are below e^{−2} of
        // their start past 2 E[T]: a relative error about (1/64)²/8 of the terms there).
        var alive = [try psi(u)], tails = [sessionRate * (try session.integratedTail(u))]
        var j = 1
        while j < 10_000_000 {
            let value: (Double, Double)
            if let (shape, scale) = gamma {
                value = try table.gammaExpectation(shape: Double(j) * shape, scale: scale, shift: u)
            } else if j == 1 {
                // S_1 = X: its own law.
                value = try table.expectation(over: residence, shift: u)
            } else if let sums, j < sums.countLimit {
                value = try table.sumExpectation(sums, count: j, shift: u)
            } else {
                // Past the Chernoff limit: the residences' total is below 1e-12 (`ResidenceSumGrid`).
                value = (0, 0)
            }
            let last = alive.count - 1
            let gap = j - last
            for i in 1..<gap {
                let w = Double(i) / Double(gap)
                alive.append(alive[last] + w * (value.0 - alive[last]))
                tails.append(tails[last] + w * (value.1 - tails[last]))
            }
            alive.append(value.0); tails.append(value.1)
            if value.1 <= 1e-12 * Swift.max(tails[0] - value.1, 1e-300) { break }
            j = ResidenceSumGrid.next(after: j)
        }
        tails.append(0)
        let sessions = (0..<alive.count).map { Swift.max(0, tails[$0] - tails[$0 + 1]) }
        return Values(alive: alive, sessions: sessions, exact: false)
    }

    /// ψ and λ_s E[(T − s)⁺] at the nodes of a grid in the age s.
    private struct Table {
        var nodes: [Double] = []
        var psi: [Double] = [], tail: [Double] = []
        /// Whether the grid reaches the age past which ψ ≤ 1e-12 ρ.
        var complete = true

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
            // Steps of E[T]/64, growing as s/128 past 2 E[T]: where ψ varies on the scale
            // E[T] it is below e^{−2} there, and for heavy-tailed sessions it varies on the
            // scale s (so the relative interpolation error stays that of the first E[T]).
            var s = m
            while s < end { points.append(s); s += Swift.max(m / 64, s / 128) }
            points.append(end)
            let kinkSet = Set(kinks.filter { $0 > 0 && $0 < end })
            nodes = Array(Set(points + Array(kinkSet))).sorted()
            for t in nodes {
                psi.append(try r.psi(t)); tail.append(r.sessionRate * (try law.integratedTail(t)))
            }
        }

        /// The piecewise-linear (ψ, tail) at age t.
        func interpolate(_ t: Double) -> (Double, Double) {
            guard let last = nodes.last, t < last else { return (0, 0) }
            var lo = 0, hi = nodes.count - 1
            while hi - lo > 1 { let mid = (lo + hi) / 2; if nodes[mid] <= t { lo = mid } else { hi = mid } }
            let w = (t - nodes[lo]) / (nodes[hi] - nodes[lo])
            return (psi[lo] + w * (psi[hi] - psi[lo]), tail[lo] + w * (tail[hi] - tail[lo]))
        }

        /// E[(ψ, tail)(u + Y)] for Y ~ `law`, exact for the piecewise-linear interpolant:
        /// on a cell, ∫ (α + β y) dF = α ΔF + β ΔM with M(y) = E[Y 1{Y ≤ y}] =
        /// E[Y] − E[(Y − y)⁺] − y P(Y > y) (`integratedTail`, closed for every family).
        func expectation(over law: ProbabilityLaw, shift u: Double) throws -> (Double, Double) {
            func cm(_ y: Double) throws -> (Double, Double) {
                if y <= 0 { return (0, 0) }
                let c = law.ccdf(y)
                return (1 - c, law.mean - (try law.integratedTail(y)) - y * c)
            }
            var out = (0.0, 0.0)
            var prev = try cm(Swift.max(0, nodes[0] - u))
            for i in 0..<(nodes.count - 1) {
                let k = i + 1
                if nodes[k] - u <= 0 { continue }
                let y0 = Swift.max(nodes[i] - u, 0), y1 = nodes[k] - u
                if nodes[i] - u < 0 { prev = try cm(y0) }
                let next = try cm(y1)
                let dF = next.0 - prev.0, dM = next.1 - prev.1
                prev = next
                let width = nodes[k] - nodes[i]
                let bPsi = (psi[k] - psi[i]) / width, bTail = (tail[k] - tail[i]) / width
                // f(u + y) = value_i + b (u + y − node_i).
                out.0 += (psi[i] + bPsi * (u - nodes[i])) * dF + bPsi * dM
                out.1 += (tail[i] + bTail * (u - nodes[i])) * dF + bTail * dM
            }
            return out
        }

        /// E[(ψ, tail)(u + S_j)] for the inverted law of S_j on `sums` (whose nodes are
        /// these): with g the piecewise-linear (ψ, tail), 0 past the last node s_max, by
        /// parts E[g(u + S)] = −Σ_cells g′ (I(y₁) − I(y₀)) + g(s_max) F(s_max − u), the
        /// cell [y₀, y₁] = [node_i − u, node_{i+1} − u] ∩ [0, ∞), I = ∫ F (P(S = 0) = 0:
        /// j ≥ 2 residences of a law with a density or positive support). Exact for the
        /// interpolant at shift 0 (the cells are the inverted nodes); off it, I between
        /// nodes is cubic Hermite (`ResidenceSumGrid.integral`). The gradient form has no
        /// cancellation: ψ and the tail decrease, so every term has one sign.
        func sumExpectation(_ sums: ResidenceSumGrid, count j: Int, shift u: Double) throws -> (Double, Double) {
            let column = try sums.column(j)
            var out = (0.0, 0.0)
            var hint = 0
            var prev = -1.0, prevI = 0.0
            for i in 0..<(nodes.count - 1) {
                let k = i + 1
                if nodes[k] - u <= 0 { continue }
                let y0 = Swift.max(nodes[i] - u, 0), y1 = nodes[k] - u
                let i0 = prev == y0 ? prevI : ResidenceSumGrid.integral(y0, nodes: sums.nodes, column: column, hint: &hint)
                let i1 = ResidenceSumGrid.integral(y1, nodes: sums.nodes, column: column, hint: &hint)
                prev = y1; prevI = i1
                let dI = i1 - i0
                if dI == 0 { continue }
                let width = nodes[k] - nodes[i]
                out.0 -= (psi[k] - psi[i]) / width * dI
                out.1 -= (tail[k] - tail[i]) / width * dI
            }
            // The drop to 0 past the grid's end (ψ ≤ tail ≤ 1e-12 ρ there).
            if let last = nodes.last, last - u > 0 {
                let f = ResidenceSumGrid.cdf(last - u, nodes: sums.nodes, column: column)
                out.0 += psi[psi.count - 1] * f
                out.1 += tail[tail.count - 1] * f
            }
            return (Swift.max(0, out.0), Swift.max(0, out.1))
        }

        /// E[(ψ, tail)(u + Y)] for Y ~ Gamma(shape, scale), exact for the
        /// piecewise-linear interpolant: on a cell where f(u + y) = α + β y,
        /// ∫ (α + β y) dF = α ΔF_a + β a θ ΔF_{a+1} (F_a the Gamma(a, θ) cdf), with
        /// F_{a+1}(y) = F_a(y) − x^a e^{−x}/Γ(a + 1), x = y/θ (one incomplete gamma per
        /// node). Cells outside [θ(a − √(74a)), θ(a + 37 + √(37² + 74a))] are left out:
        /// the gamma's Chernoff bounds put less than e^{−37} ≈ 1e-16 of mass beyond each end.
        func gammaExpectation(shape a: Double, scale theta: Double, shift u: Double) throws -> (Double, Double) {
            let mean = a * theta
            let lo = theta * Swift.max(0, a - (74 * a).squareRoot())
            let hi = theta * (a + 37 + (37 * 37 + 74 * a).squareRoot())
            let logNorm: Double = lgamma(a + 1)
            func cdfs(_ y: Double) throws -> (Double, Double) {
                if y <= 0 { return (0, 0) }
                let x = y / theta
                let p = try SpecialFunctions.gammaP(a, x)
                return (p, Swift.max(0, p - exp(a * log(x) - x - logNorm)))
            }
            // The first cell that reaches y = lo: nodes[first + 1] − u > lo.
            var first = 0, upper = nodes.count - 1
            while upper - first > 1 { let mid = (first + upper) / 2; if nodes[mid] - u <= lo { first = mid } else { upper = mid } }
            var out = (0.0, 0.0)
            var prevY = -1.0, prevF = (0.0, 0.0)
            for i in first..<(nodes.count - 1) {
                let k = i + 1
                if nodes[i] - u > hi { break }
                let y0 = Swift.max(nodes[i] - u, lo), y1 = Swift.min(nodes[k] - u, hi)
                if y1 <= y0 { continue }
                let f0 = prevY == y0 ? prevF : try cdfs(y0)
                let f1 = try cdfs(y1)
                prevY = y1; prevF = f1
                let dF = f1.0 - f0.0, dG = (f1.1 - f0.1) * mean
                let width = nodes[k] - nodes[i]
                let bPsi = (psi[k] - psi[i]) / width, bTail = (tail[k] - tail[i]) / width
                out.0 += (psi[i] + bPsi * (u - nodes[i])) * dF + bPsi * dG
                out.1 += (tail[i] + bTail * (u - nodes[i])) * dF + bTail * dG
            }
            // Beyond the grid: 0 (ψ ≤ tail ≤ 1e-12 ρ there).
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
        // inner(i) = Σ_{g≥2} P(D_g = 0) alive_{i+g}, O(n) each: computed at every i up to
        // 64, then at every (i/64)-th i and linear in i between (alive_j is itself
        // interpolated so past j = 64, `values`), which keeps the sum O(n log n).
        // Past g = 128 in blocks of g/64 steps: Σ_block P(D_g = 0) exactly (prefix sums)
        // times alive at the block's middle (alive is linear in j there, as above).
        var returns = [0.0]
        returns.reserveCapacity(n + 2)
        for g in 0..<(n + 1) { returns.append(returns[g] + (g < away.count ? 1 - away[g] : 0)) }
        // P(D_g = 0) as the sums below have always spelled it, 1 − away[g] (not the walk's own
        // origin probability, whose last bit may differ), computed once instead of per term.
        let back = away.map { 1 - $0 }
        // The i at which inner(i) is computed: every i up to 64, then every (i/64)-th.
        var sampled: [Int] = []
        var i = 0
        while i < n {
            sampled.append(i)
            if i == n - 1 { break }
            i = Swift.min(n - 1, i + (i < 64 ? 1 : i / 64))
        }
        var inners = [Double](repeating: 0, count: n)
        // Raw buffers: this runs at every handoff and refresh instant of every sweep point.
        alive.withUnsafeBufferPointer { live in
        back.withUnsafeBufferPointer { back in
        returns.withUnsafeBufferPointer { returns in
        inners.withUnsafeMutableBufferPointer { inners in
            // inner(i) from g on, given the sum of the terms before g.
            func finish(_ i: Int, from start: Int, _ partial: Double) -> Double {
                var sum = partial, g = start
                // Unit steps while g < 128: P(D_g = 0) alive_{i+g} term by term.
                let unitEnd = Swift.min(128, n - i)
                while g < unitEnd {
                    sum += back[g] * live[i + g]
                    g += 1
                }
                while i + g < n {
                    let width = Swift.min(g / 64, n - i - g)
                    if width == 1 {
                        sum += back[g] * live[i + g]
                    } else {
                        sum += (returns[g + width] - returns[g]) * live[i + g + width / 2]
                    }
                    g += width
                }
                return sum
            }
            // Eight i at once: each sum is a chain of dependent additions, so one chain waits
            // on the adder's latency; eight independent chains in the lanes of two SIMD4 fill
            // it. Every lane adds the same terms in the same order as `finish` alone (lane-wise
            // IEEE products and sums, no fused multiply-add), so the sums are bit for bit the
            // same: the lanes share g while the last of them (the largest i) takes the same
            // steps as the others, and each lane's remaining terms are then added by `finish`.
            // Where the eight i are consecutive (every i below 128), a lane group's terms
            // alive_{i+g} are adjacent in memory: one load instead of four.
            let base = live.baseAddress!
            @inline(__always) func lanes(_ a: Int, _ b: Int, _ c: Int, _ d: Int, _ offset: Int, adjacent: Bool)
                -> SIMD4<Double>
            {
                if adjacent { return UnsafeRawPointer(base + a + offset).loadUnaligned(as: SIMD4<Double>.self) }
                return SIMD4<Double>(live[a + offset], live[b + offset], live[c + offset], live[d + offset])
            }
            var k = 0
            while k + 8 <= sampled.count, n - sampled[k + 7] >= 128 {
                let i0 = sampled[k], i1 = sampled[k + 1], i2 = sampled[k + 2], i3 = sampled[k + 3]
                let i4 = sampled[k + 4], i5 = sampled[k + 5], i6 = sampled[k + 6], i7 = sampled[k + 7]
                let adjacent = i7 - i0 == 7
                var low = SIMD4<Double>(repeating: 0), high = SIMD4<Double>(repeating: 0)
                var g = 2
                while g < 128 {
                    let weight = back[g]
                    low += weight * lanes(i0, i1, i2, i3, g, adjacent: adjacent)
                    high += weight * lanes(i4, i5, i6, i7, g, adjacent: adjacent)
                    g += 1
                }
                // Blocks past g = 128 (width g/64 ≥ 2) while the largest i's block is unclipped.
                while true {
                    let width = g / 64
                    guard width <= n - i7 - g else { break }
                    let h = g + width / 2
                    let block: Double = returns[g + width] - returns[g]
                    low += block * lanes(i0, i1, i2, i3, h, adjacent: adjacent)
                    high += block * lanes(i4, i5, i6, i7, h, adjacent: adjacent)
                    g += width
                }
                inners[i0] = finish(i0, from: g, low[0])
                inners[i1] = finish(i1, from: g, low[1])
                inners[i2] = finish(i2, from: g, low[2])
                inners[i3] = finish(i3, from: g, low[3])
                inners[i4] = finish(i4, from: g, high[0])
                inners[i5] = finish(i5, from: g, high[1])
                inners[i6] = finish(i6, from: g, high[2])
                inners[i7] = finish(i7, from: g, high[3])
                k += 8
            }
            while k < sampled.count {
                inners[sampled[k]] = finish(sampled[k], from: 2, 0)
                k += 1
            }
            // Linear in i between the sampled i.
            for (a, b) in zip(sampled, sampled.dropFirst()) where b > a + 1 {
                for m in (a + 1)..<b {
                    let w = Double(m - a) / Double(b - a)
                    inners[m] = inners[a] + w * (inners[b] - inners[a])
                }
            }
        }
        }
        }
        }
        var pairA = 0.0, pairS = 0.0
        for i in 0..<n where alive[i] > 0 {
            pairA += away[i + 1] * alive[i] * inners[i]
            pairS += distance[i + 1] * alive[i] * inners[i]
        }
        return (Swift.max(0, anchors - pairA), Swift.max(0, steps - pairS))
    }

    /// The live sessions' view at a handoff, for per-flow latency: the fraction of
    /// them anchored at the new serving AR (back at their anchor, D = 0), the
    /// mean grid distance of the others, from sessions_j and the walk's
    /// P(D_{j+1} = 0), E[D_{j+1}], and (`distanceLaw`) the others' law of D:
    /// awayLaw[d] = Σ_j sessions_j P(D_{j+1} = d) / Σ_j sessions_j P(D_{j+1} ≠ 0) for
    /// d ≥ 1 (awayLaw[0] = 0; `WalkDistanceLaw`), whose mean is `awaySteps` (to
    /// roundoff, before its floor of 1). Linear in the sessions: exact where `exact`
    /// is, and on the hexagonal grid where the sessions past 160 steps are negligible.
    public func sessionWalk(grid: GridKind, distanceLaw: Bool = false)
        -> (atAnchorFraction: Double, awaySteps: Double, awayLaw: [Double])
    {
        let n = sessions.count
        let total = sessions.reduce(0, +)
        guard n > 0, total > 0 else { return (0, 1, []) }
        let (distance, away) = AnchorDistance.walkSequences(grid: grid, count: n + 1)
        var atAnchor = 0.0, awayMass = 0.0, steps = 0.0
        for j in 0..<n {
            atAnchor += sessions[j] * (1 - away[j + 1])
            awayMass += sessions[j] * away[j + 1]
            steps += sessions[j] * distance[j + 1]
        }
        var law: [Double] = []
        if distanceLaw, awayMass > 0 {
            law = WalkDistanceLaw.mixture(grid: grid, weights: sessions, offset: 1)
            if !law.isEmpty { law[0] = 0 }
            let mass = law.reduce(0, +)
            law = mass > 0 ? law.map { $0 / mass } : []
        }
        return (atAnchor / total, awayMass > 0 ? Swift.max(1, steps / awayMass) : 1, law)
    }
}
