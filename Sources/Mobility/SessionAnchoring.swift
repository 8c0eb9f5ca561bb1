import Foundation
import Stochastics

/// DMM session-anchoring quantities (docs/MODELS.md §3): a session stays
/// anchored at the AR where it started, and every later handover keeps a
/// tunnel from that anchor to the serving AR.
///
/// Model: residence times i.i.d. (law `residence`, mean 1/η); sessions arrive
/// as a Poisson process of rate λ_s = `sessionRate` per second with durations
/// of law `session` (mean 1/μ), so ρ = λ_s/μ sessions are active on average
/// (M/G/∞). Handovers are renewal epochs, so looking back from a handover the
/// residences are i.i.d. full X; a session starts at a random instant, so its
/// first residence is the equilibrium residual R. The grid walk is the
/// symmetric nearest-neighbour walk of `grid`.
///
/// Which values are exact is stated per quantity (`isExact(_:)`); the one
/// approximation is `anchorsInUseAtHandoff` for non-exponential sessions.
public struct SessionAnchoring: Sendable {
    /// The reported quantities, named as in the CLI's CSV.
    public enum Quantity: String, CaseIterable, Sendable {
        case anchorsInUseAtHandoff = "anchors_in_use_at_handoff"
        case distinctAnchorARsAtHandoff = "distinct_anchor_ars_at_handoff"
        case sessionsAtLeftAR = "sessions_at_left_ar"
        case activeSessions = "active_sessions"
        case tunnelledFraction = "tunnelled_fraction"
        case afterFirstHandoffFraction = "after_first_handoff_fraction"
        case meanAnchorDistanceSteps = "mean_anchor_distance_steps"
    }

    public let residence: ProbabilityLaw
    public let session: ProbabilityLaw
    /// λ_s, sessions per second.
    public let sessionRate: Double
    public let grid: GridKind

    public init(residence: ProbabilityLaw, session: ProbabilityLaw, sessionRate: Double, grid: GridKind) {
        self.residence = residence
        self.session = session
        self.sessionRate = sessionRate
        self.grid = grid
    }

    /// ρ = λ_s E[T], the mean number of active sessions.
    public var rho: Double { sessionRate * session.mean }

    var bothExponential: Bool {
        if case .exponential = residence.form, case .exponential = session.form { return true }
        return false
    }

    /// Whether `anchorsInUseAtHandoff` is exact (exponential sessions with exponential
    /// residence or ρ ≤ 12; deterministic residence with any session law);
    /// otherwise it is the grid approximation of `AnchorResidences`.
    public var isExactClosedForm: Bool { anchorsRoute != .residencesApproximation }

    /// Whether the closed-form value of `quantity` is exact under the model.
    public func isExact(_ quantity: Quantity) -> Bool {
        switch quantity {
        case .anchorsInUseAtHandoff: return isExactClosedForm
        case .distinctAnchorARsAtHandoff: return false
        case .sessionsAtLeftAR, .activeSessions, .afterFirstHandoffFraction: return true
        case .tunnelledFraction, .meanAnchorDistanceSteps: return (try? walkAverages().exact) ?? false
        }
    }

    /// The closed-form (or exact numerical) value of `quantity`; nil where
    /// only the Monte Carlo applies (`distinctAnchorARsAtHandoff`).
    public func closedForm(_ quantity: Quantity) throws -> Double? {
        switch quantity {
        case .anchorsInUseAtHandoff: return try anchorsInUseAtHandoff()
        case .distinctAnchorARsAtHandoff: return nil
        case .sessionsAtLeftAR: return try sessionsAtLeftAR()
        case .activeSessions: return rho
        case .tunnelledFraction: return try tunnelledFraction()
        case .afterFirstHandoffFraction: return try afterFirstHandoffFraction()
        case .meanAnchorDistanceSteps: return try meanAnchorDistanceSteps()
        }
    }

    /// E[N_a]: at a handover, the expected number of anchors holding at least
    /// one still-active session, counting the AR being left (anchor j = 0 of
    /// §3.3) and every earlier residence (anchor j = AR left j+1 handovers ago),
    /// each residence counted as its own anchor (a walk that revisits an AR is
    /// not merged here; the Monte Carlo reports the merged count separately as
    /// `distinct_anchor_ars_at_handoff`). The new serving AR is not counted. It is
    /// the number of PBUs/BUs a DMM handover sends besides the new registration.
    ///
    /// Routes (`anchorsRoute`):
    /// - exponential residence (rate η) and sessions (rate μ), a = η/μ:
    ///   E[N_a] = a ∫₀¹ (1 − x)^{a−1} (1 − e^{−ρx})/x dx (§3.3), GSL quadrature
    ///   after u = (1 − x)^a;
    ///   a = 1 gives Ein(ρ) (Ein(1) = 0.7965996). Exact.
    /// - exponential sessions, any residence, ρ ≤ 12: the binomial series of §3.3
    ///   generalised [derived here]: with W = e^{−μX}, V_j = e^{−μS_j} a product of
    ///   j i.i.d. copies of W, E[N_a] = Σ_{m≥1} (−1)^{m+1} (ρ^m/m!) E[(1 − W)^m]/(1 − f*(mμ)),
    ///   summed inside one quadrature (`anchorsSeries`). Exact (the alternating sum
    ///   loses about ρ/ln 10 digits at a node, hence the bound on ρ).
    /// - otherwise Σ_j alive_j residence by residence (`AnchorResidences`): exact for
    ///   deterministic residence (any session law); an approximation for the others
    ///   (the grid of ψ against the law of S_j, gamma or by Laplace inversion, about
    ///   1e-4 relative); `isExactClosedForm` says which.
    public func anchorsInUseAtHandoff() throws -> Double {
        if anchorsRoute == .residences || anchorsRoute == .residencesApproximation {
            return try AnchorResidences(residence: residence, session: session, sessionRate: sessionRate).values().anchorsInUse
        }
        return try anchorsInUse(rho: rho)
    }

    /// The per-residence values at a handoff and at the refresh instants of
    /// `lifetime` (nil: no refresh), for per-flow DMM signaling and latency:
    /// old anchors as the simulation counts them (`Values.oldAnchors`, an
    /// approximation to second order in revisits) and the live sessions' anchors
    /// (`Values.sessionWalk`, exact where `AnchorResidences` is).
    ///
    /// At refreshes (u = nT_L after the handoff, weight F^c(nT_L), as in
    /// `anchorsInUseAtRefresh`): Σ_n F^c(nT_L) oldAnchors(u) / Σ_n F^c(nT_L), the
    /// terms summed until F^c(nT_L) λ_s E[(T − nT_L)⁺] (a bound on the rest's old
    /// anchors) is ≤ 1e-12 of the sum (at most 10⁴ terms); the denominator as there.
    public func anchorsInUseForSignaling(lifetime t: Double?) throws
        -> (handoff: (anchors: Double, steps: Double), refresh: (anchors: Double, steps: Double)?,
            sessions: (atAnchorFraction: Double, awaySteps: Double, awayLaw: [Double]))
    {
        try anchorsInUseEverywhere(lifetime: t).signaling
    }

    /// `anchorsInUseAtHandoff()`, `anchorsInUseAtRefresh(lifetime:)` (0 without a
    /// lifetime) and `anchorsInUseForSignaling(lifetime:)` at once: the per-residence
    /// values at the handoff and at the refresh instants are computed once and shared
    /// (each costs the grid of ψ for non-exponential sessions).
    /// `distanceLaw` false leaves `sessions.awayLaw` empty (the law of D costs one walk pmf
    /// per residence; only the latency law's functionals read it).
    /// `perResidenceAtRefresh` true gives `atRefresh` residence by residence on every route
    /// (Σ_n F^c(nT_L) Σ_j alive_j(nT_L) / Σ_n F^c(nT_L) from the values the old anchors at the
    /// refresh instants are computed from; on the exponential-session routes those are exact,
    /// `ExponentialSessionAnchors`), instead of `anchorsInUseAtRefresh(lifetime:)`'s one
    /// quadrature per refresh instant, which was a seventh of a closed-form sweep point.
    public func anchorsInUseEverywhere(lifetime t: Double?, distanceLaw: Bool = true,
                                       perResidenceAtRefresh: Bool = false) throws
        -> (atHandoff: Double, atRefresh: Double,
            signaling: (handoff: (anchors: Double, steps: Double), refresh: (anchors: Double, steps: Double)?,
                        sessions: (atAnchorFraction: Double, awaySteps: Double, awayLaw: [Double])))
    {
        let r = AnchorResidences(residence: residence, session: session, sessionRate: sessionRate)
        let byResidence = anchorsRoute == .residences || anchorsRoute == .residencesApproximation
        let atHandoff = try r.values()
        let walk = atHandoff.sessionWalk(grid: grid, distanceLaw: distanceLaw)
        var refresh: (anchors: Double, steps: Double)?
        var inUseAtRefresh = 0.0
        if let t, t > 0, rho > 0 {
            let (weights, values, denominator) = try anchorsInUseAtRefreshInstants(r, lifetime: t)
            var a = 0.0, d = 0.0, inUse = 0.0
            for (w, v) in zip(weights, values) {
                let o = v.oldAnchors(grid: grid)
                a += w * o.anchors; d += w * o.steps
                inUse += w * v.anchorsInUse
            }
            refresh = denominator > 0 ? (a / denominator, d / denominator) : (0, 0)
            inUseAtRefresh = byResidence || perResidenceAtRefresh
                ? (denominator > 0 ? inUse / denominator : 0) : try anchorsInUseAtRefresh(lifetime: t)
        }
        let inUse = byResidence ? atHandoff.anchorsInUse : try anchorsInUseAtHandoff()
        return (inUse, inUseAtRefresh, (atHandoff.oldAnchors(grid: grid), refresh, (walk.atAnchorFraction, walk.awaySteps, walk.awayLaw)))
    }

    /// The refresh instants u = nT_L (n ≥ 1) of one residence: their weights F^c(nT_L),
    /// the per-residence values at each, and Σ_{n≥1} F^c(nT_L) in full. Instants are
    /// added until the bound λ_s E[(T − u)⁺] (F^c(u) + E[(X − u)⁺]/T_L) on the rest's
    /// old anchors is ≤ 1e-10 of Σ F^c(nT_L) λ_s E[(T − nT_L)⁺] so far (at most 10⁴).
    private func anchorsInUseAtRefreshInstants(_ r: AnchorResidences, lifetime t: Double) throws
        -> (weights: [Double], values: [AnchorResidences.Values], denominator: Double)
    {
        var shifts: [Double] = [], weights: [Double] = []
        var n = 1, scale = 0.0
        while n <= 10_000 {
            let u = Double(n) * t, w = residence.ccdf(u)
            if w <= 0 { break }
            let tail = sessionRate * (try session.integratedTail(u))
            shifts.append(u); weights.append(w)
            scale += w * tail
            n += 1
            if tail * (w + (try residence.integratedTail(u)) / t) <= 1e-10 * Swift.max(scale, 1e-300) { break }
        }
        let values = try r.values(shifts: shifts)
        return (weights, values, try refreshWeight(lifetime: t, from: n, partial: weights.reduce(0, +)))
    }

    /// Σ_{n≥1} F^c(nT): `partial` (the terms before `from`) plus the rest, closed for
    /// exponential residence, else summed with an integral tail past 10⁶ terms.
    private func refreshWeight(lifetime t: Double, from start: Int, partial: Double) throws -> Double {
        if case let .exponential(m) = residence.form { return exp(-t / m) / -expm1(-t / m) }
        var weights = partial, n = start
        let cap = 1_000_000
        while n <= cap {
            let w = residence.ccdf(Double(n) * t)
            weights += w
            n += 1
            if w <= 1e-12 * Swift.max(weights, 1e-300) { break }
        }
        if n > cap {
            let end = Double(cap) * t
            weights += Swift.max(0, (try residence.integratedTail(end)) / t - residence.ccdf(end) / 2)
        }
        return weights
    }

    /// E[N_a] of `anchorsInUseAtHandoff` with the old sessions' Poisson means scaled
    /// by `rho`/ρ (the routes of the handoff case; `rho` ≤ ρ).
    func anchorsInUse(rho: Double) throws -> Double {
        if rho == 0 { return 0 }
        if anchorsRoute == .series, case let .exponential(sm) = session.form {
            return try anchorsSeries(mu: 1 / sm, rho: rho)
        }
        let a = session.mean / residence.mean
        // u = (1 − x)^a turns a ∫₀¹ (1 − x)^{a−1} g(x) dx into ∫₀¹ g(1 − u^{1/a}) du, g(x) = (1 − e^{−ρx})/x:
        // no (1 − x)^{a−1} singularity, which QAGS could not integrate for a ≪ 1
        // (residences far longer than sessions); 1 − u^{1/a} = −expm1(ln u / a) keeps its digits for a ≫ 1.
        return try Quadrature.integrate("anchors in use at handoff (a=\(a), rho=\(rho))", over: .finite(0, 1)) { u in
            let x = u == 0 ? 1 : -expm1(log(u) / a)
            return x == 0 ? rho : -expm1(-rho * x) / x
        }.value
    }

    /// Mean number of old anchors with ≥ 1 active session at a binding refresh,
    /// per refresh: refreshes fire at u = nT_L after a handoff while the residence
    /// lasts (n ≥ 1, X > nT_L), and at such an instant anchor j's sessions are
    /// those of the residence j handoffs back that are still active u later.
    /// Looking back from the handoff the residences are i.i.d. full X (renewal
    /// epochs, independent of the current one), so anchor j holds a Poisson number
    /// of sessions with mean λ_s ∫ over its interval shifted by u of P(T > v) dv;
    /// for exponential sessions that is e^{−μu} times its value at the handoff,
    /// so with ρ(u) = ρ e^{−μu} (renewal-reward over the refresh instants):
    ///
    ///     E[N_a at a refresh] = Σ_{n≥1} F^c(nT_L) E[N_a](ρ(nT_L)) / Σ_{n≥1} F^c(nT_L)
    ///
    /// Exact for exponential sessions (the routes of `anchorsInUseAtHandoff`); for
    /// the residence-by-residence routes Σ_j alive_j at u (`AnchorResidences` with
    /// shift u, as exact as at a handoff) replaces E[N_a](ρ(u)).
    /// Terms are summed until the rest, bounded by ρ(nT) Σ_{k≥n} F^c(kT) ≤
    /// ρ(nT)(F^c(nT) + E[(X − nT)⁺]/T), is below 1e-12 of the sum (at most 10^5 terms;
    /// past that the truncation is below that bound, which is then ≤ ρ(nT)·that).
    /// 0 when no residence outlasts one lifetime (no refresh happens).
    public func anchorsInUseAtRefresh(lifetime t: Double) throws -> Double {
        guard rho > 0, t > 0 else { return 0 }
        if anchorsRoute == .residences || anchorsRoute == .residencesApproximation {
            let r = AnchorResidences(residence: residence, session: session, sessionRate: sessionRate)
            let (weights, values, denominator) = try anchorsInUseAtRefreshInstants(r, lifetime: t)
            let numerator = zip(weights, values).reduce(0) { $0 + $1.0 * $1.1.anchorsInUse }
            return denominator > 0 ? numerator / denominator : 0
        }
        let scale: (Double) throws -> Double
        if case let .exponential(m) = session.form {
            scale = { u in exp(-u / m) }
        } else {
            let s = session
            scale = { u in try s.integratedTail(u) / s.mean }
        }
        var weighted = 0.0, weights = 0.0, n = 1
        // Numerator: until the old sessions' remaining contribution is negligible.
        while n <= 100_000 {
            let u = Double(n) * t
            let w = residence.ccdf(u)
            let r = rho * (try scale(u))
            n += 1
            weights += w
            if w <= 0 || r <= 0 { break }
            weighted += w * (try anchorsInUse(rho: r))
            if r * (w + (try residence.integratedTail(u)) / t) <= 1e-12 * max(weighted, 1e-300) { break }
        }
        // Denominator Σ F^c(nT) in full (the refreshes whose old sessions have all ended
        // count too), closed for exponential residence, else summed with an integral tail.
        if case let .exponential(m) = residence.form {
            weights = exp(-t / m) / -expm1(-t / m)
        } else {
            let cap = 1_000_000
            while n <= cap {
                let w = residence.ccdf(Double(n) * t)
                weights += w
                n += 1
                if w <= 1e-12 * max(weights, 1e-300) { break }
            }
            if n > cap {
                let end = Double(cap) * t
                weights += max(0, (try residence.integratedTail(end)) / t - residence.ccdf(end) / 2)
            }
        }
        return weights > 0 ? weighted / weights : 0
    }

    /// The series route of `anchorsInUseAtHandoff` (exponential sessions of rate μ),
    /// as one quadrature: E[N_a] = E[h(1 − e^{−μX})] with
    /// h(y) = Σ_{m=1}^{M} (−1)^{m+1} (ρ^m/m!) y^m/(1 − f*(mμ)) evaluated by Horner's rule
    /// at each node. Term by term this is the §3.3 series with its M moments
    /// E[(1 − W)^m] moved inside one integral, so it costs one quadrature instead
    /// of M; h(y) = Σ_j E[1 − exp(−ρ y V_j)] ≥ 0, so the integral has no cancellation,
    /// and the alternating sum at a node loses only ε Σ|a_m| ≤ ε e^ρ/(1 − f*(μ))
    /// absolutely (the term-by-term series lost the quadratures' 1e-10 relative
    /// error times the same factor).
    ///
    /// Cut: 1/(1 − f*(mμ)) ≤ D = 1/(1 − f*(μ)) (f* decreases), so for y ≤ 1 the
    /// terms past M add at most D ρ^{M+1}/(M+1)! /(1 − ρ/(M+2)); M is the first
    /// index where that is ≤ 1e-17 L, L = (1 − e^{−ρ})(1 − f*(μ)) ≤ E[1 − e^{−ρY}]
    /// ≤ E[N_a] (the j = 0 anchor, 1 − e^{−ρy} ≥ y(1 − e^{−ρ}) on [0, 1]).
    func anchorsSeries(mu: Double, rho: Double) throws -> Double {
        // 1 − f*(mμ) without cancellation (a residence much shorter than a session).
        let g1 = try residence.laplaceComplement(mu)
        let bound = 1 / g1
        let floor = 1e-17 * -expm1(-rho) * g1
        var coefficients: [Double] = []
        var c = 1.0
        for m in 1...400 {
            c *= rho / Double(m)
            let gm = m == 1 ? g1 : try residence.laplaceComplement(Double(m) * mu)
            coefficients.append((m % 2 == 1 ? c : -c) / gm)
            let next = c * rho / Double(m + 1)
            if Double(m + 2) > rho && bound * next / (1 - rho / Double(m + 2)) <= floor { break }
        }
        let a = coefficients
        return try residence.expectation("E[N_a] series integrand, rho=\(rho), mu=\(mu)", epsrel: 1e-12) { x in
            let y = -expm1(-mu * x)
            var h = 0.0
            for i in stride(from: a.count - 1, through: 0, by: -1) { h = h * y + a[i] }
            return h * y
        }
    }

    /// How `anchorsInUseAtHandoff` is computed.
    public enum AnchorsRoute: String, Sendable { case exponentialIntegral, series, residences, residencesApproximation }

    public var anchorsRoute: AnchorsRoute {
        if bothExponential { return .exponentialIntegral }
        if case .exponential = session.form, rho <= 12 { return .series }
        return AnchorResidences(residence: residence, session: session, sessionRate: sessionRate).aliveIsExact
            ? .residences : .residencesApproximation
    }

    /// Expected number of active sessions anchored at the AR being left:
    /// λ_s ∫₀^∞ P(T > u) P(X > u) du (sessions started during the last full
    /// residence and still active), exact for every pair of laws; for
    /// exponential sessions it is ρ(1 − f*(μ)) (§3.3).
    public func sessionsAtLeftAR() throws -> Double {
        if case let .exponential(m) = session.form {
            return rho * (try residence.laplaceComplement(1 / m))
        }
        let r = residence, s = session
        return sessionRate * (try Quadrature.integrate("sessions at the left AR", over: .upperInfinite(from: 0)) { u in
            s.ccdf(u) * r.ccdf(u)
        }.value)
    }

    /// Fraction of a session's time (its traffic at a constant packet rate)
    /// spent away from the AR where it started, i.e. tunnelled from its anchor:
    /// Σ_{j≥0} α(j) P(D_j ≠ 0) = Σ_{j≥1} P(K_e ≥ j) (P(D_{j−1} = 0) − P(D_j = 0)),
    /// with α(j) the fraction of session time after exactly j handovers (§3.1)
    /// and P(D_j = 0) the probability that the grid walk is back at its start
    /// after j steps (`AnchorDistance.originProbabilities`, §3.2). Less than
    /// `afterFirstHandoffFraction`: the 2-D walk returns to the start AR, and
    /// meanwhile the packets are not tunnelled. Exactness as for
    /// `meanAnchorDistanceSteps` (the same series, `walkAverages`).
    public func tunnelledFraction() throws -> Double { try walkAverages().awayFraction }

    /// Fraction of a session's time after its first handover: 1 − α(0) =
    /// 1 − E[min(R, T)]/E[T], with E[min(R, T)] = ∫₀^∞ P(R > t) P(T > t) dt and
    /// P(R > t) = E[(X − t)⁺]/E[X] (§3.1). Exact for every pair of laws; for
    /// exponential sessions it is r*(μ). An upper bound of `tunnelledFraction`.
    public func afterFirstHandoffFraction() throws -> Double {
        if case let .exponential(m) = session.form {
            let mu = 1 / m
            return (try residence.laplaceComplement(mu)) / (mu * residence.mean)
        }
        let r = residence, s = session
        let minimum = try Quadrature.integrate("E[min(R, T)]", over: .upperInfinite(from: 0)) { t in
            let c = s.ccdf(t)
            return c == 0 ? 0 : c * (try r.integratedTail(t)) / r.mean
        }.value
        return Swift.max(0, 1 - minimum / s.mean)
    }

    /// Packet-averaged grid distance (AR hops) between the session's first AR
    /// and the serving AR: Σ_j α(j) E[D_j] = Σ_{j≥1} P(K_e ≥ j)(E[D_j] − E[D_{j−1}]),
    /// where α(j) is the fraction of session time after exactly j handovers
    /// (§3.1: the crossing law for the session's time-stationary residual T_e,
    /// equal to T for exponential sessions) and E[D_j] is `AnchorDistance` (§3.2).
    /// Exponential residence and sessions on the square grid give p/√(1−p),
    /// p = η/(η+μ). See `walkAverages` for the routes and when it is exact.
    public func meanAnchorDistanceSteps() throws -> Double { try walkAverages().meanDistanceSteps }

    /// The two packet averages over the session's grid walk, from one α(j) series.
    public struct WalkAverages: Sendable, Equatable {
        /// Σ_j α(j) P(D_j ≠ 0): `tunnelledFraction`.
        public var awayFraction: Double
        /// Σ_j α(j) E[D_j]: `meanAnchorDistanceSteps`.
        public var meanDistanceSteps: Double
        /// Whether both are exact to 1e-9 (see `walkAverages`).
        public var exact: Bool
    }

    /// Σ_j α(j) g_j for g_j = P(D_j ≠ 0) and g_j = E[D_j], i.e.
    /// Σ_{j≥1} P(K_e ≥ j)(g_j − g_{j−1}) (g_0 = 0), both from one evaluation.
    ///
    /// Routes (from `CrossingDistribution` of the time-averaged crossing law):
    /// - exponential or Erlang-mixture sessions: the closed-form tails P(K_e ≥ j),
    ///   summed until P(K_e ≥ H) ≤ 1e-13; the remainder is at most
    ///   Σ_{j>H} P(K_e ≥ j) = E[K_e] − Σ_{j≤H} P(K_e ≥ j) (|Δg| ≤ 1, E[K_e] =
    ///   E[T_e]/E[X] exact), and the result is exact when that is ≤ 1e-9.
    /// - gamma residence with any other session law with E[T^{3/2}] < ∞: one
    ///   integral, ∫₀^∞ (P(T > t)/E[T]) E[g(N_e(t))] dt, with
    ///   E[g(N_e(t))] = Σ_j F_{S_j}(t) Δg_j and F_{S_j} in closed form
    ///   (`GammaRenewal`), both averages from the same evaluations; the integral
    ///   stops at t_max where a bound on the remainder (see the code) is ≤ 1e-13,
    ///   and is exact when that bound is ≤ 1e-9.
    /// - Laplace-inversion pairs (`CrossingDistribution.Route.inversion`, every pair
    ///   without another route): one integral ∫₀^∞ (P(T > t)/E[T]) E[g(N(t))] dt as for the
    ///   gamma residence, with E[g(N(t))] for every j at once from one Euler inversion of
    ///   its transform r*(s) Φ_g(f*(s))/s (`inversionWalk`, `WalkGeneratingFunction`);
    ///   no cut in j; exact (about 5e-8 relative) under the remainder test of `inversionWalk`.
    /// - the deterministic residence: the tails as for exponential sessions, exact under the same test.
    /// - the tails above when 20 000 terms leave more than 1e-13 (sessions of more than
    ///   about 10⁴ handoffs): the Laplace-inversion route instead, where it is exact.
    /// - otherwise (gamma residence with heavy-tailed sessions): the quadrature tails cut at 60 terms, not exact.
    /// On the hexagonal grid, D_j beyond 160 steps is extrapolated
    /// (`AnchorDistance.walkSequences`); not exact unless P(K_e > 160) ≤ 1e-9.
    public func walkAverages() throws -> WalkAverages {
        let crossings = CrossingDistribution(residence: residence, session: session, timeAverage: !isExponentialSession)
        // Every gamma shape, bounded sessions included: the renewal integral agrees with the
        // inversion to 1e-7 (`TunnelledFractionTests`, shapes 0.3 to 0.7 with deterministic,
        // uniform, gamma and lognormal sessions, both grids; `inversionRouteMatchesTheGammaClosedForm`)
        // and is 1.4 to 3.6 times faster. (Its walk once stopped short of the crossings of long
        // sessions at shapes below 1 and gave 0.48 for 0.85: `GammaRenewal.walkMean`.)
        if crossings.route == .quadrature, let (k, theta) = residence.gammaShapeAndScale,
           try session.partialMoment(1.5, above: 0).isFinite {
            return try renewalIntegral(GammaRenewal(shape: k, scale: theta))
        }
        if crossings.route == .inversion { return try inversionWalk(timeAverage: crossings.timeAverage) }
        // Per-k quadratures (gamma residence) are costly.
        let cap = crossings.route == .quadrature ? 60 : 20_000
        // Tails decay at least geometrically; grow the horizon until the tail is negligible.
        var horizon = 64
        var tails = try crossings.tails(upTo: horizon)
        while tails[horizon] > 1e-13 && horizon < cap {
            horizon = Swift.min(cap, horizon * 4)
            tails = try crossings.tails(upTo: horizon)
        }
        // Sessions far longer than residences (more than 20 000 handoffs in a session's
        // time): the Laplace inversion has no cut in j (the sum cut there would stop the
        // walk at about √20000 steps).
        if tails[horizon] > 1e-13, crossings.route != .quadrature {
            let walk = try inversionWalk(timeAverage: crossings.timeAverage)
            if walk.exact { return walk }
        }
        let (distance, away) = AnchorDistance.walkSequences(grid: grid, count: horizon + 1)
        var d = 0.0, a = 0.0, sum = 0.0
        for j in stride(from: horizon, through: 1, by: -1) {
            d += tails[j] * (distance[j] - distance[j - 1])
            a += tails[j] * (away[j] - away[j - 1])
            sum += tails[j]
        }
        let mean = crossings.mean
        var exact = mean.isFinite ? mean - sum <= 1e-9 + 1e-12 * mean : tails[horizon] <= 1e-9
        if grid == .hexagonal && horizon > AnchorDistance.hexagonalExactSteps && tails[AnchorDistance.hexagonalExactSteps + 1] > 1e-9 {
            exact = false
        }
        return WalkAverages(awayFraction: a, meanDistanceSteps: d, exact: exact)
    }

    /// The Laplace-inversion route of `walkAverages`: with w(t) = P(T > t)/E[T] (the density
    /// of T_e; the session density for the plain crossing law),
    ///
    ///     Σ_j α(j) g_j = ∫₀^∞ w(t) G(t) dt,  G(t) = E[g(N(t))] = Σ_{j≥1} F_{S_j}(t) Δg_j,
    ///
    /// G from one Euler inversion per t of r*(s) Φ_g(f*(s))/s for both sequences
    /// (`RenewalInversion.walkMeans`, `WalkGeneratingFunction`): every j at once, no cut in j.
    /// The outer integral is one adaptive vector quadrature in u = ln t over [t₀, t₁]:
    /// t₀ = 1e-6·min(E[X], E[T]) (below it G(t) ≤ 2t/E[X], so at most t₀²/(E[X]E[T]) ≤ 1e-12
    /// is left out) and t₁ the end of T's support or where the bound of `renewalIntegral`
    /// on the remainder, (E[(T − t)⁺] + √(2/E[X])·(2/3)·E[T^{3/2} 1{T > t}])/E[T], is ≤ 1e-13
    /// (at most 1e13·(E[X] + E[T]); 1e5·(E[X] + E[T]) when E[T^{3/2}] = ∞, where the mean
    /// distance itself is infinite and the result is a truncation, not exact). Tolerance
    /// 1e-10 absolute plus 1e-8 of each interval's value (the inversion's noise).
    /// Exact (to about 5e-8 relative, measured against the gamma closed form) when the remainder bound is ≤ 1e-9 and, on the
    /// hexagonal grid, P(K_e > 160) ≤ 1e-9 (the third component: the walk beyond the exact
    /// steps is extrapolated).
    func inversionWalk(timeAverage: Bool) throws -> WalkAverages {
        let inversion = RenewalInversion(residence: residence)
        let phi = try WalkGeneratingFunction(grid: grid)
        let s = session, sm = s.mean, m = residence.mean
        let lo = 1e-6 * Swift.min(m, sm)
        var hi = Double.infinity
        var points = [m, sm, residence.residualMean, s.residualMean]
        switch s.form {
        case let .uniform(a, b):
            hi = b
            points += [a, b]
        case let .pareto(_, _, xm): points.append(xm)
        case let .deterministic(v): hi = v
        default: break
        }
        var remainder = 0.0
        if !hi.isFinite {
            let finite = try s.partialMoment(1.5, above: 0).isFinite
            let cap = (finite ? 1e13 : 1e5) * (m + sm)
            hi = 16 * (m + sm)
            while true {
                remainder = (try s.integratedTail(hi) + (2 / m).squareRoot() * 2 / 3 * s.partialMoment(1.5, above: hi)) / sm
                if remainder <= 1e-13 || hi >= cap { break }
                hi = Swift.min(cap, hi * 2)
            }
        }
        // Breakpoints at the laws' scales, every factor 2 up to 64 max(E[X], E[T]), every factor 8 beyond.
        var t = Swift.max(lo, Swift.min(m, sm) / 64)
        while t < hi {
            points.append(t)
            t *= t < 64 * Swift.max(m, sm) ? 4 : 16
        }
        let hexagonal = grid == .hexagonal, steps = AnchorDistance.hexagonalExactSteps
        let what = "walk averages by Laplace inversion for residence \(residence.spec), session \(s.spec)"
        let values = try VectorQuadrature.integrate(
            what, from: log(lo), to: log(hi), breakpoints: points.filter { $0 > lo && $0 < hi }.map { log($0) },
            dimension: hexagonal ? 3 : 2, tolerance: 1e-10, relative: 1e-8
        ) { u in
            let t = exp(u)
            let w = (timeAverage ? s.ccdf(t) / sm : (s.density(t) ?? 0)) * t
            if w == 0 { return [Double](repeating: 0, count: hexagonal ? 3 : 2) }
            let g = try inversion.walkMeans(t, phi, beyond: hexagonal ? steps : 0)
            return hexagonal ? [w * g.away, w * g.distance, w * g.beyond] : [w * g.away, w * g.distance]
        }
        let exact = remainder <= 1e-9 && (!hexagonal || values[2] <= 1e-9)
        return WalkAverages(awayFraction: Swift.min(1, Swift.max(0, values[0])), meanDistanceSteps: Swift.max(0, values[1]), exact: exact)
    }

    /// The gamma-residence route of `walkAverages`.
    func renewalIntegral(_ renewal: GammaRenewal) throws -> WalkAverages {
        let s = session, sm = s.mean, m = renewal.mean
        var support = Double.infinity
        switch s.form {
        case let .deterministic(v): support = v
        case let .uniform(_, b): support = b
        default: break
        }
        // Cut-off: E[g(N_e(t))] ≤ 1 + √(2t/m), since P(D_j ≠ 0) ≤ 1 and E[D_j] ≤ √(E[D_j²]) ≤ √(2j)
        // (D ≤ √2·|S_j| on the square grid, ≤ (2/√3)·|S_j| on the hexagonal one, E|S_j|² = j
        // for unit steps; Jensen for N_e(t), E[N_e(t)] = t/m). So the remainder past t is at most
        // (E[(T − t)⁺] + √(2/m)·(2/3)·E[T^{3/2} 1{T > t}])/E[T].
        let cap = 1e5 * m
        var tmax = Swift.min(support, 16 * (sm + m))
        var remainder = 0.0
        while tmax < support {
            remainder = (try s.integratedTail(tmax) + (2 / m).squareRoot() * 2 / 3 * s.partialMoment(1.5, above: tmax)) / sm
            if remainder <= 1e-13 || tmax >= cap { break }
            tmax = Swift.min(cap, tmax * 2)
        }
        // Sequences for N_e(t_max): its mean plus 14 standard deviations (cv² of X is 1/k), grown
        // below while `GammaRenewal.walkMean` finds them too short for some t (it returns zeros
        // there: at shape 0.3 with 1200 s sessions a too-short walk gave 0.48 for 0.85).
        var count = Int(tmax / m + 14 * (tmax / m / renewal.shape + 1).squareRoot() + 16) + 1
        while true {
            let last = count > 64 * 1024
            if let walk = try renewalIntegral(renewal, tmax: tmax, remainder: remainder, count: count, last: last) {
                return walk
            }
            count *= 2
        }
    }

    /// `renewalIntegral` with walk sequences of `count` terms; nil when they were too short for
    /// some t (the quadrature may then also fail on the gap), unless `last`: then the result
    /// (not exact) or the quadrature's error.
    private func renewalIntegral(
        _ renewal: GammaRenewal, tmax: Double, remainder: Double, count: Int, last: Bool
    ) throws -> WalkAverages? {
        let s = session, sm = s.mean, m = renewal.mean
        let (distance, away) = AnchorDistance.walkSequences(grid: grid, count: count)
        let values = [away, distance]
        let hexCut = AnchorDistance.hexagonalExactSteps + 1
        var beyondHex = [Double](repeating: 0, count: count)
        if grid == .hexagonal && count > hexCut { for j in hexCut..<count { beyondHex[j] = 1 } }
        // Breakpoints at the scales of T, X and T_e, then doubling to t_max (the tail is long).
        var points = [0.125, 0.25, 0.5, 1, 2, 4, 8].flatMap { [$0 * sm, $0 * m, $0 * s.residualMean] }
        var b = 8 * Swift.max(sm, m)
        while b < tmax { points.append(b); b *= 2 }
        switch s.form {
        case let .uniform(a, _): points.append(a)
        case let .pareto(_, _, xm): points.append(xm)
        default: break
        }
        let breakpoints = Array(Set(points.filter { $0 > 0 && $0 < tmax } + [tmax])).sorted()
        // Both averages read the same E[g(N_e(t))] evaluations: cache them by t.
        let cache = WalkMeanCache(renewal: renewal, values: values + (grid == .hexagonal ? [beyondHex] : []))
        func average(_ i: Int, _ what: String) throws -> Double {
            try CrossingDistribution.piecewiseFinite(what, breakpoints: breakpoints) { t in
                let w = s.ccdf(t)
                return w == 0 ? 0 : w / sm * (try cache.value(t))[i]
            }
        }
        let a: Double, d: Double, beyond: Double
        do {
            a = try average(0, "time away from the first AR, residence \(residence.spec), session \(s.spec)")
            d = try average(1, "packet-averaged anchor distance, residence \(residence.spec), session \(s.spec)")
            beyond = grid == .hexagonal && count > hexCut ? try average(2, "P(K_e > \(hexCut - 1))") : 0
        } catch {
            if cache.overflow && !last { return nil }
            throw error
        }
        if cache.overflow && !last { return nil }
        let exact = remainder <= 1e-9 && !cache.overflow && beyond <= 1e-9
        return WalkAverages(awayFraction: a, meanDistanceSteps: d, exact: exact)
    }

    var isExponentialSession: Bool {
        if case .exponential = session.form { return true }
        return false
    }
}

/// Memo of E[g(N_e(t))] by t for `SessionAnchoring.walkAverages` (one evaluation for every sequence).
private final class WalkMeanCache {
    let renewal: GammaRenewal
    let values: [[Double]]
    var memo: [Double: [Double]] = [:]
    var overflow = false
    init(renewal: GammaRenewal, values: [[Double]]) { self.renewal = renewal; self.values = values }

    func value(_ t: Double) throws -> [Double] {
        if let v = memo[t] { return v }
        var out = [Double](repeating: 0, count: values.count)
        if !(try renewal.walkMean(t, values: values, into: &out)) { overflow = true }
        memo[t] = out
        return out
    }
}
