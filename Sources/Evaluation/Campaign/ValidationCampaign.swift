import Foundation
import Schemes
import Stochastics

/// `dmm validate --campaign N` (docs/MODELS.md 9): N random plausible scenarios
/// (`CampaignScenario`), each evaluated in closed form and by Monte Carlo for
/// every scheme, and every (scenario, scheme, metric) with both a closed form and
/// a Monte Carlo estimate that saw events compared by its z-score
/// z = (closed form − estimate) / se.
///
/// A pair passes when |z| ≤ 4, or, for a closed form that `ClosedFormAccuracy`
/// declares an approximation, when the closed form is within 2 % of the estimate.
/// Targets: at least 99.5 % of all pairs pass, every exact pair is within 4
/// standard errors, and no scenario fails to evaluate. A scenario fails when its
/// closed form or its simulation throws (the error is kept, nothing crashes).
///
/// A pair whose Monte Carlo estimate has an infinite variance under the scenario's
/// laws (`MonteCarloValidity`: SAIL's outage without refresh and a Pareto residence of
/// shape ≤ 4, whose probes average the equilibrium residual, a quantity in E[X²]) is
/// `untestable`: its sample standard error means nothing, so it is neither passed nor
/// failed and is counted apart (the reason in the CSV's error column); the targets are
/// over the testable pairs.
///
/// Confirmation (two-stage test): an exact pair beyond 4 standard errors is
/// retested on an independent rerun of its scenario's simulation (seed
/// `SeedMixer.mix(seed: scenario seed, index: 1)`, 4 times the samples, capped at
/// `MonteCarlo.maximumSamples`), and counts as an exact failure only when the rerun
/// is beyond 4 standard errors too. Why: a campaign compares some 6·10⁴ exact pairs,
/// so at 4 standard errors chance alone leaves about 4 of them outside (the
/// `expectedChanceExactFailures` figure), and "every exact pair within 4 standard
/// errors" cannot hold for a correct model; a correct exact form fails both stages
/// with probability about (6.3e-5)² per pair, while a closed form biased by b
/// standard errors of the first run is about 2b standard errors off on the rerun
/// (its standard error halves), so a bias that the first stage caught is confirmed.
/// The rerun's figures are kept with the pair (`Pair.rerun`) and printed.
///
/// Chance: with n replications z is about Student-t with n − 1 degrees of
/// freedom, so even a correct exact form leaves 4 standard errors with
/// probability P(|t| > 4) (6.3e−5 for many replications); `expectedChanceExactFailures`
/// sums it over the exact pairs compared, so that a handful of exact failures can
/// be read against what chance alone gives.
public enum ValidationCampaign {
    /// What a campaign runs.
    public struct Settings: Sendable {
        public var count: Int
        public var seed: UInt64
        /// Simulated handoffs per scenario (`MonteCarlo.evaluate`'s samples).
        public var samples: Int
        public var jobs: Int
        /// Law families drawn for residence and session.
        public var families: [String]

        public init(count: Int, seed: UInt64, samples: Int, jobs: Int, families: [String] = ProbabilityLaw.families) {
            self.count = count
            self.seed = seed
            self.samples = samples
            self.jobs = jobs
            self.families = families
        }
    }

    /// Fewest simulated handoffs per scenario: 16 replications, so that a
    /// z-score has 15 degrees of freedom at least.
    public static let minimumSamples = 16 * MonteCarlo.minimumSamples / 2
    /// |z| within which a pair passes.
    public static let zLimit = 4.0
    /// Relative gap within which an approximate closed form passes.
    public static let relativeLimit = 0.02
    /// Targets: share of pairs passing, share of exact pairs within `zLimit`.
    public static let pairTarget = 0.995, exactTarget = 1.0

    /// One closed form against its Monte Carlo estimate.
    public struct Pair: Sendable, Equatable {
        public let scenario: Int
        public let scheme: String
        public let metric: String
        public let unit: String
        /// Whether the closed form is exact under the scenario (`ClosedFormAccuracy`).
        public let exact: Bool
        public let closedForm: Double
        public let monteCarlo: Double
        public let standardError: Double
        /// Replications behind the estimate.
        public let replications: Int
        /// The model-variance test's z where the metric has one (`ClosedFormComparison.modelZ`).
        public let modelZ: Double?
        /// Why the z-test is not valid for this pair (`MetricEstimate.intervalCaveat`), nil when it is.
        public let untestable: String?
        /// The same closed form against the confirmation rerun's estimate (an exact pair
        /// beyond 4 standard errors only; see the type's documentation).
        public var rerun: Rerun?

        /// An exact pair's retest on the independent rerun with 4 times the samples.
        public struct Rerun: Sendable, Equatable {
            public let monteCarlo: Double
            public let standardError: Double
            public let samples: Int
            /// z of the closed form against the rerun's estimate, as `Pair.z` computes it.
            public let z: Double
            public var withinZ: Bool { abs(z) <= ValidationCampaign.zLimit }
        }

        public init(
            scenario: Int, scheme: String, metric: String, unit: String, exact: Bool, closedForm: Double,
            monteCarlo: Double, standardError: Double, replications: Int, modelZ: Double? = nil, untestable: String? = nil
        ) {
            self.scenario = scenario
            self.scheme = scheme
            self.metric = metric
            self.unit = unit
            self.exact = exact
            self.closedForm = closedForm
            self.monteCarlo = monteCarlo
            self.standardError = standardError
            self.replications = replications
            self.modelZ = modelZ
            self.untestable = untestable
        }

        /// (closed form − estimate)/se, or the model-variance z where it is smaller in
        /// magnitude (`ClosedFormComparison`); 0 when both agree to rounding, ±∞ when
        /// se = 0, there is no model test and they differ (a deterministic quantity that
        /// disagrees).
        public var z: Double {
            let d = closedForm - monteCarlo
            if abs(d) <= 1e-9 * Swift.max(1, abs(closedForm)) { return 0 }
            let replication = standardError > 0 ? d / standardError : (d > 0 ? Double.infinity : -.infinity)
            guard let m = modelZ else { return replication }
            return abs(m) < abs(replication) ? m : replication
        }

        /// The standard error the z-score stands for: |closed form − estimate|/|z| where
        /// the model test decided, else the replication standard error.
        public var comparedStandardError: Double {
            let zz = z
            guard let m = modelZ, zz == m, zz != 0, zz.isFinite else { return standardError }
            return abs(closedForm - monteCarlo) / abs(zz)
        }

        /// |closed form − estimate| / |estimate| (∞ when the estimate is 0 and the closed form not).
        public var relativeGap: Double {
            let d = abs(closedForm - monteCarlo)
            if d <= 1e-9 * Swift.max(1, abs(closedForm)) { return 0 }
            return monteCarlo == 0 ? .infinity : d / abs(monteCarlo)
        }

        public var withinZ: Bool { abs(z) <= ValidationCampaign.zLimit }

        /// Whether the z-test applies (the Monte Carlo variance is finite).
        public var testable: Bool { untestable == nil }

        /// A testable pair within 4 standard errors (on the first run, or for an exact pair
        /// on its confirmation rerun), or an approximation within 2 %.
        public var passed: Bool {
            testable
                && (withinZ || (rerun?.withinZ ?? false) || (!exact && relativeGap <= ValidationCampaign.relativeLimit))
        }

        /// "pass", "FAIL" or "untestable".
        public var result: String { !testable ? "untestable" : passed ? "pass" : "FAIL" }

        /// A testable exact pair beyond 4 standard errors on the first run whose rerun
        /// confirmed it (or that had no rerun: a deterministic disagreement, z = ±∞).
        public var confirmedExactMiss: Bool { exact && testable && !withinZ && !(rerun?.withinZ ?? false) }
    }

    /// A scenario that could not be evaluated.
    public struct Failure: Sendable, Equatable {
        public let scenario: Int
        public let error: String
    }

    /// Everything a campaign found.
    public struct Result: Sendable {
        public let settings: Settings
        public let scenarios: [CampaignScenario]
        public let pairs: [Pair]
        public let failures: [Failure]
        /// Pairs with a closed form whose simulation saw no event (no interval: not compared).
        public let notCompared: Int

        /// Draws refused by the Monte Carlo cost guard and replaced.
        public var redraws: Int { scenarios.reduce(0) { $0 + $1.redraws } }
        /// Pairs the z-test applies to (every pair but the untestable ones).
        public var tested: Int { pairs.count { $0.testable } }
        /// Pairs whose Monte Carlo variance is infinite (`Pair.untestable`), not passed or failed.
        public var untestable: Int { pairs.count - tested }
        public var passed: Int { pairs.count { $0.passed } }
        public var exactPairs: Int { pairs.count { $0.exact && $0.testable } }
        /// Testable exact pairs within 4 standard errors on the first run or, failing that, on their rerun.
        public var exactPassed: Int { pairs.count { $0.exact && $0.testable && !$0.confirmedExactMiss } }
        /// Testable exact pairs beyond 4 standard errors on the first run (before confirmation).
        public var exactFirstRunMisses: Int { pairs.count { $0.exact && $0.testable && !$0.withinZ } }
        public var passRate: Double? { tested == 0 ? nil : Double(passed) / Double(tested) }
        public var exactPassRate: Double? { exactPairs == 0 ? nil : Double(exactPassed) / Double(exactPairs) }

        /// Σ over exact pairs with se > 0 of P(|t_{n−1}| > 4): the exact failures chance alone gives.
        public var expectedChanceExactFailures: Double {
            var byDof: [Int: Int] = [:]
            for p in pairs where p.exact && p.testable && p.standardError > 0 { byDof[p.replications - 1, default: 0] += 1 }
            return byDof.reduce(0) { sum, entry in
                sum + Double(entry.value) * 2 * ConfidenceInterval.tUpperTail(ValidationCampaign.zLimit, degreesOfFreedom: max(1, entry.key))
            }
        }

        /// Whether every target is met (docs/MODELS.md 9): ≥ 99.5 % of the testable pairs
        /// pass, every testable exact pair within 4 standard errors (after confirmation), no
        /// scenario failing to evaluate.
        public var targetsMet: Bool {
            failures.isEmpty && tested > 0 && (passRate ?? 0) >= pairTarget && exactPassed == exactPairs
        }

        /// The `count` pairs with the largest |z| (ties: scenario, scheme, metric order),
        /// the testable pairs before the untestable ones (whose z means nothing).
        public func worst(_ count: Int = 20) -> [Pair] {
            Array(pairs.enumerated().sorted { a, b in
                if a.element.testable != b.element.testable { return a.element.testable }
                let za = abs(a.element.z), zb = abs(b.element.z)
                return za != zb ? za > zb : a.offset < b.offset
            }.prefix(count).map(\.element))
        }
    }

    /// Runs the campaign. `progress` is called after each scenario with (done, total).
    /// Throws only for unusable settings (`CampaignError`); a scenario that fails to
    /// evaluate is a `Failure` of the result.
    public static func run(
        _ settings: Settings, cards: [SchemeCard], progress: ((Int, Int) -> Void)? = nil
    ) throws -> Result {
        guard settings.count >= 1 else { throw CampaignError.count(settings.count) }
        guard (minimumSamples...MonteCarlo.maximumSamples).contains(settings.samples) else {
            throw CampaignError.samples(settings.samples)
        }
        guard settings.jobs >= 1 else { throw CampaignError.jobs(settings.jobs) }
        guard !settings.families.isEmpty else { throw CampaignError.laws("") }
        for f in settings.families where !ProbabilityLaw.families.contains(f) { throw CampaignError.laws(f) }
        var scenarios: [CampaignScenario] = []
        var pairs: [Pair] = []
        var failures: [Failure] = []
        var notCompared = 0
        for i in 0..<settings.count {
            let drawn = CampaignScenario.draw(index: i, campaignSeed: settings.seed, families: settings.families) { s in
                (try? MonteCarlo.checkCost(scenario: s)) != nil
            }
            scenarios.append(drawn)
            do {
                let (p, missing) = try compare(drawn, cards: cards, samples: settings.samples, jobs: settings.jobs)
                pairs += p
                notCompared += missing
            } catch {
                failures.append(Failure(scenario: i, error: "\(error)"))
            }
            progress?(i + 1, settings.count)
        }
        return Result(settings: settings, scenarios: scenarios, pairs: pairs, failures: failures, notCompared: notCompared)
    }

    /// The pairs of one scenario, and how many closed forms had no Monte Carlo
    /// interval to compare with (the simulation saw no event).
    public static func compare(
        _ drawn: CampaignScenario, cards: [SchemeCard], samples: Int, jobs: Int
    ) throws -> (pairs: [Pair], notCompared: Int) {
        let scenario = try drawn.scenario()
        let closed = try ClosedForm.evaluate(scenario: scenario, schemes: cards, unitVariances: true)
        let simulated = try MonteCarlo.evaluate(scenario: scenario, schemes: cards, samples: samples, seed: drawn.seed, jobs: jobs)
        var approximate: [String: Set<String>] = [:]
        for card in cards { approximate[card.id] = try approximateMetrics(scenario, card: card) }
        var (out, missing) = pairs(drawn, closed: closed, simulated: simulated, approximate: approximate)
        let misses = out.indices.filter { out[$0].exact && out[$0].testable && !out[$0].withinZ && out[$0].z.isFinite }
        if misses.isEmpty { return (out, missing) }
        // Confirmation: an independent rerun with 4 times the samples (see the type's documentation).
        let rerunSamples = Swift.min(MonteCarlo.maximumSamples, 4 * samples)
        let rerunSeed = SeedMixer.mix(seed: drawn.seed, index: 1)
        let again = try MonteCarlo.evaluate(scenario: scenario, schemes: cards, samples: rerunSamples, seed: rerunSeed, jobs: jobs)
        let retested = pairs(drawn, closed: closed, simulated: again, approximate: approximate).pairs
        var byKey: [String: Pair] = [:]
        for p in retested { byKey[p.scheme + "\u{0}" + p.metric] = p }
        for i in misses {
            guard let r = byKey[out[i].scheme + "\u{0}" + out[i].metric] else { continue }
            out[i].rerun = Pair.Rerun(monteCarlo: r.monteCarlo, standardError: r.comparedStandardError, samples: rerunSamples, z: r.z)
        }
        return (out, missing)
    }

    /// The closed forms paired with the simulation's estimates that have an interval,
    /// and how many had none.
    private static func pairs(
        _ drawn: CampaignScenario, closed: [MetricEstimate], simulated: [MetricEstimate], approximate: [String: Set<String>]
    ) -> (pairs: [Pair], notCompared: Int) {
        var mc: [String: MetricEstimate] = [:]
        for r in simulated { mc[r.scheme + "\u{0}" + r.metric] = r }
        var out: [Pair] = []
        var missing = 0
        for cf in closed {
            guard let m = mc[cf.scheme + "\u{0}" + cf.metric] else { continue }
            guard m.ciHigh != nil, let se = m.standardError else { missing += 1; continue }
            out.append(Pair(
                scenario: drawn.index, scheme: cf.scheme, metric: cf.metric, unit: cf.unit,
                exact: !(approximate[cf.scheme]?.contains(cf.metric) ?? false),
                closedForm: cf.estimate, monteCarlo: m.estimate, standardError: se, replications: m.samples ?? 0,
                modelZ: ClosedFormComparison.modelZ(closedForm: cf, monteCarlo: m), untestable: m.intervalCaveat))
        }
        return (out, missing)
    }

    /// The metrics whose closed form is a documented approximation for `card` under
    /// `scenario`: the one place the campaign asks about exactness.
    static func approximateMetrics(_ scenario: Scenario, card: SchemeCard) throws -> Set<String> {
        try ClosedFormAccuracy.approximations(scenario: scenario, card: card)
    }
}

/// Unusable campaign settings (exit 2).
public enum CampaignError: Error, InvalidInput, CustomStringConvertible {
    case count(Int)
    case samples(Int)
    case jobs(Int)
    case laws(String)

    public var description: String {
        switch self {
        case let .count(n): return "--campaign \(n): give a number of scenarios >= 1"
        case let .samples(n):
            return "--samples \(n) is out of range for a campaign; allowed: \(ValidationCampaign.minimumSamples)...\(MonteCarlo.maximumSamples) (16 replications of \(MonteCarlo.minimumSamples / 2) handoffs at least, so that a z-score has 15 degrees of freedom)"
        case let .jobs(n): return "--jobs \(n): the number of worker threads must be an integer >= 1"
        case let .laws(f):
            return "--laws: '\(f)' is not a law family; allowed: a comma-separated list of \(ProbabilityLaw.families.joined(separator: ", "))"
        }
    }
}
