import Foundation
import Mobility
import Schemes
import Stochastics

/// Monte Carlo cases: simulations that walk and count, set against closed
/// forms, with a tolerance of `standardErrors` standard errors of the estimate.
extension ValidationCatalog {
    /// Law pairs of the crossing check: heavy-tailed residence with exponential
    /// sessions (Fang/Lin route), and lognormal residence with Erlang-2 sessions
    /// (Erlang-series route over a quadrature transform).
    static let crossingPairs: [(id: String, residence: String, session: String)] = [
        ("gamma0.25-exp", "gamma:shape=0.25,mean=1", "exponential:mean=2"),
        ("lognormal1-erlang2", "lognormal:sigma=1,mean=1", "gamma:shape=2,mean=1.5"),
    ]

    static func monteCarloCases(cards: [SchemeCard], settings: MonteCarloSettings) -> [Group] {
        var out: [Group] = []
        let basis = "\(Int(standardErrors)) standard errors of the Monte Carlo estimate"
        for (i, pair) in crossingPairs.enumerated() {
            let prefix = "mc.crossings.\(pair.id)"
            let what = "residence \(pair.residence), session \(pair.session)"
            out.append(Group(
                ids: ["alpha0", "alpha1", "alpha2", "mean"].map { "\(prefix).\($0)" },
                quantity: "crossings Monte Carlo, \(what)", source: "CrossingSimulation",
                build: {
                    let residence = try ProbabilityLaw.parse(pair.residence), session = try ProbabilityLaw.parse(pair.session)
                    let exact = CrossingDistribution(residence: residence, session: session)
                    let p = try exact.probabilities(upTo: 2)
                    let mc = CrossingSimulation(residence: residence, session: session, kmax: 3)
                        .run(samples: settings.crossingSessions, seed: settings.seed &+ UInt64(i), jobs: settings.jobs)
                    let rows: [(String, String, Double, ConfidenceInterval)] = [
                        ("alpha0", "α(0)", p[0], mc.probabilities[0]), ("alpha1", "α(1)", p[1], mc.probabilities[1]),
                        ("alpha2", "α(2)", p[2], mc.probabilities[2]), ("mean", "E[K]", exact.mean, mc.meanCrossings),
                    ]
                    return rows.map { key, name, closed, ci in
                        let se = standardError(ci)
                        return ValidationCase(
                            id: "\(prefix).\(key)", quantity: "\(name), \(what): Monte Carlo vs closed form",
                            source: "CrossingSimulation (\(ci.samples) sessions, seed \(settings.seed &+ UInt64(i))) vs closed form (\(exact.route.rawValue))",
                            reference: ci.estimate, computed: closed, tolerance: standardErrors * se,
                            toleranceBasis: basis)
                    }
                }))
        }
        out.append(one("mc.default.exact-covered", "exact closed forms within the Monte Carlo's 4 SE", "MonteCarlo.evaluate") {
            let s = Scenario.default
            let closed = try ClosedForm.evaluate(scenario: s, schemes: cards)
            let simulated = try MonteCarlo.evaluate(
                scenario: s, schemes: cards, samples: settings.scenarioHandoffs, seed: settings.seed, jobs: settings.jobs)
            var byKey: [String: MetricEstimate] = [:]
            for m in simulated { byKey["\(m.scheme)/\(m.metric)"] = m }
            var checked = 0, covered = 0
            var misses: [String] = []
            for card in cards {
                let approximate = try ClosedFormAccuracy.approximations(scenario: s, card: card)
                for cf in closed where cf.scheme == card.id && !approximate.contains(cf.metric) {
                    guard let mc = byKey["\(cf.scheme)/\(cf.metric)"], let lo = mc.ciLow, let hi = mc.ciHigh,
                          let n = mc.samples else { continue }
                    checked += 1
                    let se = standardError(ConfidenceInterval(estimate: mc.estimate, low: lo, high: hi, samples: n))
                    // A deterministic quantity has a zero-width interval: allow its last bits of rounding.
                    let slack = 1e-9 * Swift.max(1, abs(cf.estimate))
                    if abs(cf.estimate - mc.estimate) <= standardErrors * se + slack {
                        covered += 1
                    } else {
                        misses.append("\(cf.scheme) \(cf.metric) \(cf.estimate) vs \(mc.estimate) ± \(se) SE")
                    }
                }
            }
            return ValidationCase(
                id: "mc.default.exact-covered",
                quantity: "exact closed forms of the default scenario (all schemes) within the Monte Carlo estimate",
                source: "MonteCarlo.evaluate, \(settings.scenarioHandoffs) handoffs, seed \(settings.seed); exact set: ClosedFormAccuracy",
                reference: Double(checked), computed: Double(covered), tolerance: 0,
                toleranceBasis: "each within \(basis)", referenceText: "\(checked) of \(checked)",
                computedText: "\(covered) of \(checked)",
                note: misses.isEmpty ? nil : "outside: " + misses.joined(separator: "; "))
        })
        return out
    }

    /// Standard error behind a 95 % Student-t interval: half-width / t(0.975, n − 1).
    static func standardError(_ ci: ConfidenceInterval) -> Double {
        guard ci.samples > 1 else { return 0 }
        return ci.halfWidth / ConfidenceInterval.tQuantile(level: ci.level, degreesOfFreedom: ci.samples - 1)
    }
}
