import CGSL
import Foundation
import Testing
@testable import Mobility
import Stochastics

@Suite("Session anchoring (docs/MODELS.md 3)")
struct SessionAnchoringTests {
    /// Issue 11's `mobility anchors --residence exponential:mean=1e-3 --session
    /// exponential:mean=1e9`: 10¹² handoffs per session, past the 20 000-term sum (which
    /// stopped the walk near 160 steps). By hand: for exponential laws the handoffs
    /// before a random instant of the session are geometric with mean n = η/μ = 10¹²,
    /// and on the square grid E[D_j] → 2√(j/π) (each coordinate a walk of variance j/2),
    /// so E[D] → (2/√π) Γ(3/2) √n = √n = 10⁶ steps (relative corrections O(1/√n)).
    @Test func aSessionOfATrillionHandoffsWalksAMillionSteps() throws {
        let model = SessionAnchoring(residence: try .exponential(mean: 1e-3), session: try .exponential(mean: 1e9),
                                     sessionRate: 1e-9, grid: .square)
        let walk = try model.walkAverages()
        #expect(walk.exact)
        #expect(abs(walk.meanDistanceSteps - 1e6) <= 1e-4 * 1e6, "\(walk.meanDistanceSteps)")
        #expect(walk.awayFraction > 1 - 1e-6 && walk.awayFraction <= 1)
    }

    @Test func anchorsInUseExponentialEqualMeansIsEin() throws {
        // ρ = λ_s E[T] = 1, a = η/μ = 1: E[N_a] = Ein(1) = E1(1) + γ (GSL's E1).
        let model = SessionAnchoring(residence: try .exponential(mean: 60), session: try .exponential(mean: 60),
                                     sessionRate: 1.0 / 60, grid: .square)
        let ein1 = gsl_sf_expint_E1(1) + 0.57721566490153286
        #expect(abs(try model.anchorsInUseAtHandoff() - ein1) < 1e-10)
        #expect(abs(ein1 - 0.7965996) < 1e-7)
        #expect(model.isExactClosedForm)
    }

    /// The integral form against the alternating series Σ (−1)^{m+1} ρ^m Γ(a+1)/(m Γ(a+m)) (§3.3), small ρ.
    static let series: [(Double, Double)] = [(0.3, 0.5), (2.5, 1.5), (0.7, 4.0)]

    /// Residences 1e10 times the session (a = 1e−10: the integrand's (1 − x)^{a−1}
    /// used to stop QAGS with "singularity", exit 1) or 1e6 times shorter.
    static let extremeSeries: [(Double, Double)] = [(1e-10, 1.0), (1e-4, 2.0), (1e6, 0.5)]

    @Test(arguments: series + extremeSeries)
    func anchorsIntegralAgreesWithSeries(a: Double, rho: Double) throws {
        let model = SessionAnchoring(residence: try .exponential(mean: 1), session: try .exponential(mean: a),
                                     sessionRate: rho / a, grid: .square)
        var series = 0.0
        for m in 1...80 {
            let term = pow(rho, Double(m)) * exp(lgamma(a + 1) - lgamma(a + Double(m))) / Double(m)
            series += m % 2 == 1 ? term : -term
        }
        #expect(abs(try model.anchorsInUseAtHandoff() - series) < 1e-9)
    }

    /// The generalised series route with exponential residence against the integral form.
    @Test func anchorsSeriesRouteAgreesWithIntegral() throws {
        let expo = SessionAnchoring(residence: try .exponential(mean: 30), session: try .exponential(mean: 50), sessionRate: 0.05, grid: .square)
        // Same laws, but the residence written as a one-phase hyperexponential forces the series route.
        let viaSeries = SessionAnchoring(residence: try .hyperexponential(p: [0.5, 0.5], means: [30, 30]), session: try .exponential(mean: 50),
                                         sessionRate: 0.05, grid: .square)
        #expect(expo.anchorsRoute == .exponentialIntegral)
        #expect(viaSeries.anchorsRoute == .series)
        #expect(abs(try expo.anchorsInUseAtHandoff() - (try viaSeries.anchorsInUseAtHandoff())) < 1e-9)
    }

    /// The one-quadrature series route against the former term-by-term route, kept here as the
    /// reference: Σ_m (−1)^{m+1} (ρ^m/m!) E[(1 − e^{−μX})^m]/(1 − f*(mμ)), one quadrature per moment
    /// (§3.3 generalised). Moderate ρ, where the alternating reference itself keeps ~1e-11.
    static let seriesLaws: [(String, Double)] = [
        ("gamma:shape=4,mean=60", 1), ("gamma:shape=4,mean=60", 3), ("gamma:shape=0.5,mean=20", 0.4),
        ("hyperexponential:p=0.9/0.1,mean=30/330", 2), ("hypererlang:p=0.5/0.5,shape=2/3,mean=30/90", 1),
        ("weibull:shape=0.7,mean=60", 1.5), ("lognormal:sigma=1,mean=45", 0.8), ("uniform:min=10,max=110", 2),
        ("deterministic:value=60", 1), ("pareto:shape=2.5,mean=60", 0.5),
    ]

    @Test(arguments: seriesLaws)
    func anchorsSeriesMatchesTermByTermReference(residence: String, rho: Double) throws {
        let r = try ProbabilityLaw.parse(residence), sessionMean = 300.0, mu = 1 / sessionMean
        let model = SessionAnchoring(residence: r, session: try .exponential(mean: sessionMean), sessionRate: rho / sessionMean, grid: .square)
        #expect(model.anchorsRoute == .series)
        var reference = 0.0, coefficient = 1.0
        for m in 1...200 {
            coefficient *= rho / Double(m)
            let moment = try r.expectation("E[(1 - W)^\(m)]", epsrel: 1e-13) { x in pow(-expm1(-mu * x), Double(m)) }
            let term = coefficient * moment / (1 - (try r.laplace(Double(m) * mu)))
            reference += m % 2 == 1 ? term : -term
            if term < 1e-18 * Swift.max(1, abs(reference)) { break }
        }
        let value = try model.anchorsInUseAtHandoff()
        #expect(abs(value - reference) <= 1e-10 * reference, "\(value) vs \(reference)")
    }

    /// Large ρ, where the alternating series is delicate: the series route (exponential residence
    /// written as a two-phase hyperexponential) against the exact integral a∫₀¹(1 − x)^{a−1}(1 − e^{−ρx})/x dx.
    @Test(arguments: [0.05, 1, 6, 12])
    func anchorsSeriesRouteLargeRhoAgreesWithIntegral(rho: Double) throws {
        let session = try ProbabilityLaw.exponential(mean: 50)
        let expo = SessionAnchoring(residence: try .exponential(mean: 30), session: session, sessionRate: rho / 50, grid: .square)
        let viaSeries = SessionAnchoring(residence: try .hyperexponential(p: [0.5, 0.5], means: [30, 30]), session: session,
                                         sessionRate: rho / 50, grid: .square)
        #expect(viaSeries.anchorsRoute == .series)
        let exact = try expo.anchorsInUseAtHandoff(), value = try viaSeries.anchorsInUseAtHandoff()
        #expect(abs(value - exact) <= 1e-10 * exact, "\(value) vs \(exact)")
    }

    @Test func afterFirstHandoffFractionExamples() throws {
        // §3.1: exponential residence (η = 1), Erlang-2 sessions of mean 2: 0.625; exponential sessions of mean 2: 2/3.
        let erlang = SessionAnchoring(residence: try .exponential(mean: 1), session: try .gamma(shape: 2, mean: 2), sessionRate: 0.5, grid: .square)
        #expect(abs(try erlang.afterFirstHandoffFraction() - 0.625) < 1e-9)
        let expo = SessionAnchoring(residence: try .exponential(mean: 1), session: try .exponential(mean: 2), sessionRate: 0.5, grid: .square)
        #expect(abs(try expo.afterFirstHandoffFraction() - 2.0 / 3) < 1e-12)
    }

    /// Time after the first handover two ways: E[min(R,T)] quadrature against P(K_e ≥ 1) for the time-averaged crossing law.
    static let pairs: [(String, String)] = [("gamma:shape=0.25,mean=1", "gamma:shape=3,mean=2"), ("weibull:shape=2,mean=1", "hyperexponential:p=0.9/0.1,mean=0.5/5.5"),
                                            ("gamma:shape=4,mean=1", "lognormal:sigma=1,mean=1.5")]

    @Test(arguments: pairs)
    func afterFirstHandoffFractionTwoRoutes(residence: String, session: String) throws {
        let r = try ProbabilityLaw.parse(residence), s = try ProbabilityLaw.parse(session)
        let model = SessionAnchoring(residence: r, session: s, sessionRate: 1, grid: .square)
        let viaCrossings = try CrossingDistribution(residence: r, session: s, timeAverage: true).tail(1)
        #expect(abs(try model.afterFirstHandoffFraction() - viaCrossings) < 1e-7)
    }

    /// Exponential residence and sessions on the square grid: α(j) = (1 − p)p^j, and
    /// Σ_n (C(2n,n)/4^n)² k^{2n} = (2/π) K(k) (complete elliptic integral, by the
    /// arithmetic-geometric mean K(k) = π/(2 AGM(1, √(1 − k²)))), so the time away
    /// from the first AR is 1 − (2(1 − p)/π) K(p) = 1 − (1 − p)/AGM(1, √(1 − p²)).
    @Test(arguments: [0.1, 0.5, 0.9])
    func tunnelledFractionExponentialSquareIsElliptic(p: Double) throws {
        let model = SessionAnchoring(residence: try .exponential(mean: 1), session: try .exponential(mean: p / (1 - p)), sessionRate: 1, grid: .square)
        var (x, y) = (1.0, (1 - p * p).squareRoot())
        for _ in 0..<40 { (x, y) = ((x + y) / 2, (x * y).squareRoot()) }
        let exact = 1 - (1 - p) / x
        let w = try model.walkAverages()
        #expect(abs(w.awayFraction - exact) < 1e-10)
        #expect(w.exact)
        #expect(w.awayFraction < (try model.afterFirstHandoffFraction()))
    }

    /// P(D_j = 0) against brute-force enumeration of all 4^j (square) and 6^j (hexagonal) walks.
    @Test(arguments: GridKind.allCases)
    func originProbabilitiesMatchEnumeration(grid: GridKind) {
        let steps = grid.steps, jmax = grid == .square ? 8 : 6
        var walks: [(Int, Int)] = [(0, 0)]
        var expected = [1.0]
        for j in 1...jmax {
            walks = walks.flatMap { w in steps.map { (w.0 + $0.0, w.1 + $0.1) } }
            expected.append(Double(walks.filter { $0 == (0, 0) }.count) / pow(Double(steps.count), Double(j)))
        }
        let computed = AnchorDistance.originProbabilities(grid: grid, count: jmax + 1)
        for j in 0...jmax { #expect(abs(computed[j] - expected[j]) < 1e-15, "j = \(j)") }
    }

    /// The closed form F_{S_k}(t) of `GammaRenewal` against the nested quadrature of §2.5.
    @Test(arguments: [(0.25, 1), (0.25, 7), (1.0, 3), (4.0, 2), (4.0, 40), (2.5, 15)])
    func sumCDFClosedFormMatchesNestedQuadrature(shape: Double, k: Int) throws {
        let r = try ProbabilityLaw.gamma(shape: shape, mean: 2)
        let mean = r.residualMean + Double(k - 1) * 2
        for c in [0.05, 0.3, 0.8, 1, 1.3, 3, 10] {
            let t = c * mean
            let closed = try CrossingDistribution.sumCDF(k: k, t: t, shape: shape, scale: 2 / shape, residence: r)
            let nested = try CrossingDistribution.sumCDFByQuadrature(k: k, t: t, shape: shape, scale: 2 / shape, residence: r)
            #expect(abs(closed - nested) < 1e-11, "t = \(t): \(closed) vs \(nested)")
        }
    }

    /// E[g(N_e(t))] by incomplete-gamma ladders against F_{S_j} from GSL for every j.
    @Test(arguments: [0.25, 1.37, 4.0, 0.1])
    func ladderWalkMeanMatchesDirectEvaluation(shape: Double) throws {
        let (distance, away) = AnchorDistance.walkSequences(grid: .hexagonal, count: 4000)
        let ladder = GammaRenewal(shape: shape, scale: 3), direct = GammaRenewal(shape: shape, scale: 3, ladders: false)
        #expect(ladder.ladder != nil && direct.ladder == nil)
        for n in [0.01, 0.7, 3, 40, 900] {
            var a = [0.0, 0.0], b = [0.0, 0.0]
            #expect(try ladder.walkMean(n * ladder.mean, values: [away, distance], into: &a))
            #expect(try direct.walkMean(n * ladder.mean, values: [away, distance], into: &b))
            for i in 0..<2 { #expect(abs(a[i] - b[i]) < 1e-11 * Swift.max(1, b[i]), "t/m = \(n): \(a) vs \(b)") }
        }
    }

    /// The renewal-integral route of `walkAverages` against the previous
    /// implementation (tails P(K_e ≥ j) by nested quadrature, summed), where
    /// that one is exact (light-tailed sessions: P(K_e ≥ 40) < 1e-12).
    static let integralCases: [(String, String, GridKind)] = [
        ("gamma:shape=4,mean=1", "lognormal:sigma=0.3,mean=2.5", .square),
        ("gamma:shape=0.5,mean=1", "weibull:shape=2,mean=2", .hexagonal),
        ("gamma:shape=2,mean=1", "uniform:min=1,max=5", .square),
        ("exponential:mean=1", "deterministic:value=2.5", .hexagonal),
    ]

    @Test(arguments: integralCases)
    func renewalIntegralMatchesNestedQuadratureSeries(residence: String, session: String, grid: GridKind) throws {
        let r = try ProbabilityLaw.parse(residence), s = try ProbabilityLaw.parse(session)
        let model = SessionAnchoring(residence: r, session: s, sessionRate: 1, grid: grid)
        let tails = try CrossingDistribution(residence: r, session: s, timeAverage: true).tails(upTo: 40, route: .quadrature, nestedQuadrature: true)
        #expect(tails[40] < 1e-12)
        let (distance, away) = AnchorDistance.walkSequences(grid: grid, count: 41)
        var d = 0.0, a = 0.0
        for j in 1...40 {
            d += tails[j] * (distance[j] - distance[j - 1])
            a += tails[j] * (away[j] - away[j - 1])
        }
        let w = try model.walkAverages()
        #expect(w.exact)
        #expect(abs(w.meanDistanceSteps - d) < 1e-9 * d, "\(w.meanDistanceSteps) vs \(d)")
        #expect(abs(w.awayFraction - a) < 1e-9 * a, "\(w.awayFraction) vs \(a)")
    }

    /// The Laplace-inversion route of `walkAverages` (forced) against the gamma closed form
    /// of the renewal-integral route, for every kind of session law the inversion route
    /// serves (heavy and light tails, bounded support, a point mass), on both grids.
    static let inversionCases: [(String, String, GridKind)] = [
        ("gamma:shape=2.5,mean=60", "weibull:shape=0.7,mean=300", .square),
        ("exponential:mean=30", "lognormal:sigma=1.5,mean=300", .hexagonal),
        ("gamma:shape=0.5,mean=60", "pareto:shape=4.5,mean=300", .square),
        ("gamma:shape=4,mean=60", "uniform:min=20,max=580", .hexagonal),
        ("gamma:shape=2,mean=60", "deterministic:value=300", .square),
        ("gamma:shape=0.7,mean=20", "gamma:shape=2.5,mean=1800", .hexagonal),
    ]

    @Test(arguments: inversionCases)
    func inversionRouteMatchesTheGammaClosedForm(residence: String, session: String, grid: GridKind) throws {
        let model = SessionAnchoring(residence: try .parse(residence), session: try .parse(session), sessionRate: 1, grid: grid)
        let closed = try model.walkAverages()
        let inverted = try model.inversionWalk(timeAverage: true)
        // Where the closed-form route is exact, the inversion route must say so too. Tolerance: the
        // inversion's measured accuracy, 5e-8 relative; 1e-6 for the heavy lognormal session on the
        // hexagonal grid, where the closed-form route itself stops early and is not exact.
        if closed.exact { #expect(inverted.exact) }
        let tolerance = session.hasPrefix("lognormal") ? 1e-6 : 1e-7
        #expect(abs(inverted.awayFraction - closed.awayFraction) <= tolerance * closed.awayFraction,
                "\(residence) x \(session): \(inverted.awayFraction) vs \(closed.awayFraction)")
        #expect(abs(inverted.meanDistanceSteps - closed.meanDistanceSteps) <= tolerance * closed.meanDistanceSteps,
                "\(residence) x \(session): \(inverted.meanDistanceSteps) vs \(closed.meanDistanceSteps)")
    }

    @Test func anchorDistancesMatchSection32() {
        let sq = AnchorDistance.meanDistances(grid: .square, count: 21)
        for (j, v) in [1, 1.5, 1.875, 2.1875, 2.4609375].enumerated() { #expect(abs(sq[j + 1] - v) < 1e-14) }
        #expect(abs(sq[20] - 5.01483) < 1e-5)
        let hex = AnchorDistance.meanDistances(grid: .hexagonal, count: 6)
        for (j, v) in [1, 1.333333, 1.666667, 1.925926, 2.160494].enumerated() { #expect(abs(hex[j + 1] - v) < 1e-6) }
    }

    @Test(arguments: [0.1, 0.5, 0.9])
    func packetAveragedDistanceExponentialSquare(p: Double) throws {
        // η = 1, μ = (1 − p)/p: p/√(1 − p) (§3.2).
        let model = SessionAnchoring(residence: try .exponential(mean: 1), session: try .exponential(mean: p / (1 - p)), sessionRate: 1, grid: .square)
        #expect(abs(try model.meanAnchorDistanceSteps() - p / (1 - p).squareRoot()) < 1e-10)
    }

    @Test func sessionsAtLeftARTwoRoutes() throws {
        // Exponential sessions: ρ(1 − f*(μ)) against the general quadrature λ_s ∫ G^c F^c.
        let r = try ProbabilityLaw.gamma(shape: 0.5, mean: 60), s = try ProbabilityLaw.exponential(mean: 100)
        let model = SessionAnchoring(residence: r, session: s, sessionRate: 0.02, grid: .square)
        let direct = 0.02 * (try Quadrature.integrate(over: .upperInfinite(from: 0)) { u in s.ccdf(u) * r.ccdf(u) }.value)
        #expect(abs(try model.sessionsAtLeftAR() - direct) < 1e-9)
    }

    /// Monte Carlo of movement and sessions covers every exact closed form, for
    /// laws with CV² below and above 1, on both grids.
    static let cases: [(String, String, Double, GridKind)] = [
        ("exponential:mean=60", "exponential:mean=60", 1.0 / 60, .square),
        ("gamma:shape=4,mean=60", "gamma:shape=2,mean=120", 1.0 / 40, .hexagonal),
        ("hyperexponential:p=0.9/0.1,mean=20/420", "lognormal:sigma=1,mean=90", 1.0 / 30, .square),
        ("gamma:shape=0.25,mean=30", "exponential:mean=45", 1.0 / 45, .hexagonal),
        ("gamma:shape=0.5,mean=30", "weibull:shape=0.7,mean=60", 1.0 / 60, .hexagonal),
        ("gamma:shape=3,mean=40", "lognormal:sigma=1,mean=120", 1.0 / 60, .square),
        ("weibull:shape=2,mean=60", "gamma:shape=2.5,mean=300", 1.0 / 300, .hexagonal),
    ]

    @Test(arguments: cases)
    func monteCarloCoversExactValues(residence: String, session: String, rate: Double, grid: GridKind) throws {
        let model = SessionAnchoring(residence: try .parse(residence), session: try .parse(session), sessionRate: rate, grid: grid)
        // The walk averages have an exact route for every case (the hyperexponential residence with a
        // lognormal session and the Weibull residence with a gamma session by Laplace inversion),
        // so the Monte Carlo must cover each of them.
        #expect(model.isExact(.tunnelledFraction))
        #expect(model.isExact(.meanAnchorDistanceSteps))
        let mc = AnchoringSimulation(model).run(samples: 60_000, seed: 21, jobs: 2)
        for q in SessionAnchoring.Quantity.allCases where model.isExact(q) {
            guard let exact = try model.closedForm(q), let ci = mc[q] else { continue }
            let se = ci.halfWidth / 1.96
            #expect(abs(ci.estimate - exact) <= 4 * se, "\(q.rawValue): \(ci) vs \(exact)")
        }
    }

    @Test func anchoringDoesNotDependOnJobs() throws {
        let model = SessionAnchoring(residence: try .gamma(shape: 2, mean: 60), session: try .exponential(mean: 120), sessionRate: 0.01, grid: .hexagonal)
        let a = AnchoringSimulation(model).run(samples: 70_001, seed: 4, jobs: 1)
        let b = AnchoringSimulation(model).run(samples: 70_001, seed: 4, jobs: 2)
        #expect(a == b)
    }
}

/// The memo of `AnchorDistance.walkSequences` serves prefixes of longer computations: they must be
/// bit-identical to a fresh computation of the shorter length (both grids, across the hexagonal cut).
@Test(arguments: GridKind.allCases)
func walkSequencesMemoMatchesFreshComputation(grid: GridKind) {
    _ = AnchorDistance.walkSequences(grid: grid, count: 5000)
    for count in [1, 2, 65, AnchorDistance.hexagonalExactSteps, AnchorDistance.hexagonalExactSteps + 1,
                  AnchorDistance.hexagonalExactSteps + 2, 257, 4999] {
        let memo = AnchorDistance.walkSequences(grid: grid, count: count)
        let fresh = AnchorDistance.computeWalkSequences(grid: grid, count: count)
        #expect(memo.meanDistance == fresh.meanDistance && memo.away == fresh.away, "count \(count)")
    }
}
