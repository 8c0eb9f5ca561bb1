import Foundation
import Stochastics

/// DMM session-anchoring quantities (analytic-models.md §3): a session stays
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

    /// Whether `anchorsInUseAtHandoff` is exact (exponential sessions, and
    /// exponential residence or ρ ≤ 12); otherwise it is the mean-matched approximation.
    public var isExactClosedForm: Bool { anchorsRoute != .meanMatchedApproximation }

    /// Whether the closed-form value of `quantity` is exact under the model.
    public func isExact(_ quantity: Quantity) -> Bool {
        switch quantity {
        case .anchorsInUseAtHandoff: return isExactClosedForm
        case .distinctAnchorARsAtHandoff: return false
        case .sessionsAtLeftAR, .activeSessions, .tunnelledFraction: return true
        case .meanAnchorDistanceSteps: return (try? distanceSeries().exact) ?? false
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
    ///   E[N_a] = a ∫₀¹ (1 − x)^{a−1} (1 − e^{−ρx})/x dx (§3.3), GSL quadrature;
    ///   a = 1 gives Ein(ρ) (Ein(1) = 0.7965996). Exact.
    /// - exponential sessions, any residence, ρ ≤ 12: the binomial series of §3.3
    ///   generalised [derived here]: with W = e^{−μX}, V_j = e^{−μS_j} a product of
    ///   j i.i.d. copies of W, E[N_a] = Σ_{m≥1} (−1)^{m+1} (ρ^m/m!) E[(1 − W)^m]/(1 − f*(mμ)),
    ///   E[(1 − W)^m] by quadrature. Exact (the alternating series loses about
    ///   ρ/ln 10 digits, hence the bound on ρ).
    /// - otherwise the mean-matched approximation: the first formula with
    ///   η = 1/E[X], μ = 1/E[T]. `isExactClosedForm` is false and the Monte Carlo
    ///   gives the exact value.
    public func anchorsInUseAtHandoff() throws -> Double {
        let rho = self.rho
        if rho == 0 { return 0 }
        if anchorsRoute == .series, case let .exponential(sm) = session.form {
            let mu = 1 / sm
            var total = 0.0, coefficient = 1.0
            for m in 1...200 {
                coefficient *= rho / Double(m)
                let moment = try residence.expectation("E[(1 - exp(-mu X))^\(m)]") { x in pow(-expm1(-mu * x), Double(m)) }
                let term = coefficient * moment / (1 - (try residence.laplace(Double(m) * mu)))
                total += m % 2 == 1 ? term : -term
                if term < 1e-17 * Swift.max(1, abs(total)) { break }
            }
            return total
        }
        let a = session.mean / residence.mean
        return a * (try Quadrature.integrate("anchors in use at handoff (a=\(a), rho=\(rho))", over: .finite(0, 1)) { x in
            x == 0 ? rho : pow(1 - x, a - 1) * -expm1(-rho * x) / x
        }.value)
    }

    /// How `anchorsInUseAtHandoff` is computed.
    public enum AnchorsRoute: String, Sendable { case exponentialIntegral, series, meanMatchedApproximation }

    public var anchorsRoute: AnchorsRoute {
        if bothExponential { return .exponentialIntegral }
        if case .exponential = session.form, rho <= 12 { return .series }
        return .meanMatchedApproximation
    }

    /// Expected number of active sessions anchored at the AR being left:
    /// λ_s ∫₀^∞ P(T > u) P(X > u) du (sessions started during the last full
    /// residence and still active), exact for every pair of laws; for
    /// exponential sessions it is ρ(1 − f*(μ)) (§3.3).
    public func sessionsAtLeftAR() throws -> Double {
        if case let .exponential(m) = session.form {
            return rho * (1 - (try residence.laplace(1 / m)))
        }
        let r = residence, s = session
        return sessionRate * (try Quadrature.integrate("sessions at the left AR", over: .upperInfinite(from: 0)) { u in
            s.ccdf(u) * r.ccdf(u)
        }.value)
    }

    /// Fraction of a session's time (its traffic at a constant packet rate)
    /// spent away from the AR where it started: 1 − E[min(R, T)]/E[T], with
    /// E[min(R, T)] = ∫₀^∞ P(R > t) P(T > t) dt and P(R > t) = E[(X − t)⁺]/E[X]
    /// (§3.1). Exact for every pair of laws; for exponential sessions it is r*(μ).
    public func tunnelledFraction() throws -> Double {
        if case let .exponential(m) = session.form {
            let mu = 1 / m
            return (1 - (try residence.laplace(mu))) / (mu * residence.mean)
        }
        let r = residence, s = session
        let minimum = try Quadrature.integrate("E[min(R, T)]", over: .upperInfinite(from: 0)) { t in
            let c = s.ccdf(t)
            return c == 0 ? 0 : c * r.integratedTail(t) / r.mean
        }.value
        return Swift.max(0, 1 - minimum / s.mean)
    }

    /// Packet-averaged grid distance (AR hops) between the session's first AR
    /// and the serving AR: Σ_j α_e(j) E[D_j] = Σ_{j≥1} P(K_e ≥ j)(E[D_j] − E[D_{j−1}]),
    /// where α_e(j) is the fraction of session time after exactly j handovers
    /// (§3.1: the crossing law for the session's time-stationary residual T_e,
    /// equal to T for exponential sessions) and E[D_j] is `AnchorDistance` (§3.2).
    /// Exponential residence and sessions on the square grid give p/√(1−p),
    /// p = η/(η+μ). Exact up to truncation of the series (below 1e-12), except
    /// on the hexagonal grid beyond 160 handovers (E[D_j] extrapolated as
    /// E[D_160]·√(j/160)) and for sessions needing the quadrature route (series
    /// cut at 60 terms); `isExact(.meanAnchorDistanceSteps)` says which.
    public func meanAnchorDistanceSteps() throws -> Double { try distanceSeries().value }

    /// `meanAnchorDistanceSteps` and whether it is exact (see there), from one evaluation.
    public func meanAnchorDistanceWithExactness() throws -> (value: Double, exact: Bool) { try distanceSeries() }

    func distanceSeries() throws -> (value: Double, exact: Bool) {
        let crossings = CrossingDistribution(residence: residence, session: session, timeAverage: !isExponentialSession)
        let cap = crossings.route == .quadrature ? 60 : 20_000
        // Tails decay at least geometrically; grow the horizon until the tail is negligible.
        var horizon = 64
        var tails = try crossings.tails(upTo: horizon)
        while tails[horizon] > 1e-13 && horizon < cap {
            horizon = Swift.min(cap, horizon * 4)
            tails = try crossings.tails(upTo: horizon)
        }
        var exact = tails[horizon] <= 1e-9
        var distances = AnchorDistance.meanDistances(grid: grid, count: Swift.min(horizon + 1, grid == .square ? horizon + 1 : AnchorDistance.hexagonalExactSteps + 1))
        if distances.count < horizon + 1 {
            let last = distances.count - 1, d = distances[last]
            if tails[last + 1] > 1e-9 { exact = false }
            for j in (last + 1)...horizon { distances.append(d * (Double(j) / Double(last)).squareRoot()) }
        }
        var total = 0.0
        for j in stride(from: horizon, through: 1, by: -1) { total += tails[j] * (distances[j] - distances[j - 1]) }
        return (total, exact)
    }

    var isExponentialSession: Bool {
        if case .exponential = session.form { return true }
        return false
    }
}
