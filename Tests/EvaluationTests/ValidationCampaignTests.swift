import Foundation
import Schemes
import Stochastics
import Testing
@testable import Evaluation

/// `ValidationCampaign` (docs/MODELS.md 9): the generator covers the parameter space
/// reproducibly, the counts and pass rates match an independent recount of the
/// rows, and a pair's reproduction command gives back the same z-score.
/// `DMM_CAMPAIGN_STRICT=1` also asserts the targets (they are missed until the
/// model defects of issue 11 are fixed).
@Suite struct ValidationCampaignTests {
    static let settings = ValidationCampaign.Settings(count: 16, seed: 2026, samples: ValidationCampaign.minimumSamples, jobs: 2)

    /// One campaign shared by the tests below (debug build: well under a minute).
    static let result: ValidationCampaign.Result = try! ValidationCampaign.run(settings, cards: MonteCarloFixtures.cards)

    static func value(_ c: CampaignScenario, _ path: String) -> String? { c.assignments.first { $0.path == path }?.value }

    @Test func theGeneratorCoversTheParameterSpaceAndKeepsTheTriangleInequality() throws {
        var residence = Set<String>(), session = Set<String>(), grids = Set<String>(), dad = Set<String>(), refresh = Set<String>()
        var maxSquare = 0, maxHex = 0, has = Set<Int>(), fluid = 0
        for i in 0..<600 {
            let c = CampaignScenario.draw(index: i, campaignSeed: 9, families: ProbabilityLaw.families) { _ in true }
            let s = try c.scenario()  // every drawn value is allowed
            residence.insert(s.mobility.residence.family)
            session.insert(s.traffic.sessionDuration.family)
            grids.insert(s.mobility.grid.rawValue)
            dad.insert(s.links.dad.rawValue)
            refresh.insert(s.timers.refresh ? "on" : "off")
            if s.mobility.grid == .square { maxSquare = max(maxSquare, s.mobility.domainSize) } else { maxHex = max(maxHex, s.mobility.domainSize) }
            has.insert(s.topology.globalHACount)
            if s.mobility.crossingModel == .fluidFlow { fluid += 1 }
            let t = s.topology
            #expect(t.cnArHops <= t.cnHaHops + t.arHaHops && t.cnArHops <= t.cnLmaHops + t.magLmaHops
                    && t.cnArHops <= t.cnNearestHaHops + t.arNearestHaHops && t.arHaHops <= t.arMapHops + t.mapHaHops,
                    "scenario \(i): \(t)")
            #expect(s.mobility.residence.variance.isFinite && s.traffic.sessionDuration.variance.isFinite)
        }
        #expect(residence == Set(ProbabilityLaw.families))
        #expect(session == Set(ProbabilityLaw.families))
        #expect(grids == ["square", "hexagonal"] && dad == ["standard", "optimistic"] && refresh == ["on", "off"])
        #expect(maxSquare <= 200 && maxSquare > 100 && maxHex <= 40 && maxHex > 20)
        #expect(has.contains(1) && has.contains(20) && has.allSatisfy { (1...20).contains($0) })
        #expect(fluid > 30)
    }

    @Test func aScenarioDependsOnlyOnTheSeedAndItsIndex() {
        let a = CampaignScenario.draw(index: 3, campaignSeed: 5, families: ProbabilityLaw.families) { _ in true }
        let b = CampaignScenario.draw(index: 3, campaignSeed: 5, families: ProbabilityLaw.families) { _ in true }
        let c = CampaignScenario.draw(index: 4, campaignSeed: 5, families: ProbabilityLaw.families) { _ in true }
        #expect(a == b && a != c)
        #expect(a.seed == SeedMixer.mix(seed: 5, index: 3))
    }

    @Test func lawsCanBeRestricted() throws {
        for i in 0..<50 {
            let s = try CampaignScenario.draw(index: i, campaignSeed: 1, families: ["exponential", "gamma"]) { _ in true }.scenario()
            #expect(["exponential", "gamma"].contains(s.mobility.residence.family))
            #expect(["exponential", "gamma"].contains(s.traffic.sessionDuration.family))
        }
    }

    @Test func aRefusedDrawIsRedrawnAndCounted() {
        var calls = 0
        let c = CampaignScenario.draw(index: 0, campaignSeed: 1, families: ProbabilityLaw.families) { _ in calls += 1; return calls > 2 }
        #expect(c.redraws == 2)
        let first = CampaignScenario.draw(index: 0, campaignSeed: 1, families: ProbabilityLaw.families) { _ in true }
        #expect(c.assignments != first.assignments)
    }

    @Test func countsAndPassRatesMatchAnIndependentRecount() throws {
        let r = Self.result
        #expect(r.scenarios.count == 16)
        var passed = 0, exact = 0, exactWithin = 0, untestable = 0
        for p in r.pairs {
            // Untestable (docs/MODELS.md 9.4): SAIL's outage without refresh, from the scenario's
            // own Pareto residence of shape <= 4 (its Monte Carlo variance needs E[X^4]).
            let s = try r.scenarios[p.scenario].scenario()
            var heavy = false
            if case let .pareto(a, _, _) = s.mobility.residence.form, a <= 4 { heavy = true }
            if p.scheme == "sail" && ["outage", "outage.ha", "disruption"].contains(p.metric) && !s.timers.refresh && heavy {
                untestable += 1
                #expect(!p.testable && !p.passed && p.result == "untestable", "\(p)")
                continue
            }
            #expect(p.testable, "\(p)")
            let d = abs(p.closedForm - p.monteCarlo)
            let rounding = 1e-9 * max(1, abs(p.closedForm))
            // Within 4 by the replication z or by the model-variance test (docs/MODELS.md 9.4).
            let within = d <= rounding || (p.standardError > 0 && d / p.standardError <= 4)
                || (p.modelZ.map { abs($0) <= 4 } ?? false)
            let relative = d <= rounding || (p.monteCarlo != 0 && d / abs(p.monteCarlo) <= 0.02)
            // An exact pair beyond 4 SE has a rerun (4x samples) and passes if the rerun is within 4.
            let rerunWithin = p.rerun.map { abs($0.z) <= 4 } ?? false
            #expect((p.rerun != nil) == (p.exact && !within && p.z.isFinite))
            if let rerun = p.rerun { #expect(rerun.samples == 4 * Self.settings.samples && rerun.standardError > 0) }
            if within || rerunWithin || (!p.exact && relative) { passed += 1 }
            if p.exact { exact += 1; if within || rerunWithin { exactWithin += 1 } }
        }
        #expect(untestable > 0)  // this seed draws such scenarios: the rule is exercised
        #expect(r.passed == passed && r.exactPairs == exact && r.exactPassed == exactWithin && r.untestable == untestable)
        #expect(r.passRate == Double(passed) / Double(r.pairs.count - untestable))
        // Every scenario is either compared or a failure; a failure has its error.
        let compared = Set(r.pairs.map(\.scenario)), failed = Set(r.failures.map(\.scenario))
        #expect(compared.isDisjoint(with: failed) && compared.union(failed) == Set(0..<16))
        #expect(r.failures.allSatisfy { !$0.error.isEmpty })
        // The worst list is the top of the pairs by |z|.
        let worst = r.worst(20)
        let sorted = r.pairs.filter(\.testable).map { abs($0.z) }.sorted(by: >)
        #expect(worst.map { abs($0.z) } == Array(sorted.prefix(20)))
        #expect(r.targetsMet == (r.failures.isEmpty && Double(passed) >= 0.995 * Double(r.pairs.count - untestable) && exact == exactWithin))
        // Exact forms of the campaign's scenarios come from the current exactness API.
        for p in r.pairs.prefix(40) {
            let s = try r.scenarios[p.scenario].scenario()
            let approx = try ClosedFormAccuracy.approximations(scenario: s, card: MonteCarloFixtures.card(p.scheme))
            #expect(p.exact == !approx.contains(p.metric))
        }
    }

    /// The two-stage test's bookkeeping on pairs built by hand: an exact pair beyond
    /// 4 SE passes when its rerun is within 4 SE and fails when the rerun confirms it;
    /// an approximate pair is judged on its first run and its relative gap.
    @Test func aMissIsConfirmedOnlyByItsRerun() {
        func pair(_ exact: Bool, _ mc: Double, se: Double = 1, rerunZ: Double?) -> ValidationCampaign.Pair {
            var p = ValidationCampaign.Pair(
                scenario: 0, scheme: "s", metric: "m", unit: "u", exact: exact, closedForm: 100, monteCarlo: mc,
                standardError: se, replications: 64)
            if let z = rerunZ { p.rerun = .init(monteCarlo: 100 - z * 0.5, standardError: 0.5, samples: 4, z: z) }
            return p
        }
        let chance = pair(true, 95, rerunZ: 1.2), confirmed = pair(true, 95, rerunZ: -8), clean = pair(true, 98, rerunZ: nil)
        let approximate = pair(false, 98.5, se: 0.1, rerunZ: nil), offApproximate = pair(false, 90, rerunZ: nil)
        #expect(chance.z == 5 && !chance.withinZ && chance.passed && !chance.confirmedExactMiss)
        #expect(!confirmed.passed && confirmed.confirmedExactMiss)
        #expect(clean.passed && clean.withinZ && !clean.confirmedExactMiss)
        #expect(approximate.passed && !approximate.withinZ && !approximate.confirmedExactMiss)
        #expect(!offApproximate.passed)
        let r = ValidationCampaign.Result(
            settings: Self.settings, scenarios: [], pairs: [chance, confirmed, clean, approximate, offApproximate], failures: [],
            notCompared: 0)
        #expect(r.passed == 3 && r.exactPairs == 3 && r.exactPassed == 2 && r.exactFirstRunMisses == 2 && !r.targetsMet)
        let cleared = ValidationCampaign.Result(
            settings: Self.settings, scenarios: [], pairs: [chance, clean, approximate], failures: [], notCompared: 0)
        #expect(cleared.exactPassed == 2 && cleared.exactFirstRunMisses == 1 && cleared.targetsMet)
    }

    @Test func theReproductionCommandGivesTheSameZ() throws {
        let r = Self.result
        for pair in r.worst(2) {
            let command = r.scenarios[pair.scenario].command(samples: Self.settings.samples)
            let words = command.split(separator: " ").map(String.init)
            #expect(words.prefix(2) == ["dmm", "evaluate"])
            var sets: [String] = [], seed: UInt64?, samples: Int?
            var i = 2
            while i < words.count {
                switch words[i] {
                case "--set": sets.append(words[i + 1])
                case "--seed": seed = UInt64(words[i + 1])
                case "--samples": samples = Int(words[i + 1])
                default: break
                }
                i += words[i].hasPrefix("--") && i + 1 < words.count && !words[i + 1].hasPrefix("--") ? 2 : 1
            }
            let scenario = try Scenario.default.applying(sets)
            let cards = MonteCarloFixtures.cards
            let cf = try #require(MonteCarloFixtures.find(try ClosedForm.evaluate(scenario: scenario, schemes: cards), pair.scheme, pair.metric))
            let n = try #require(samples), seed0 = try #require(seed)
            let simulated = try MonteCarlo.evaluate(scenario: scenario, schemes: cards, samples: n, seed: seed0, jobs: 1)
            let mc = try #require(MonteCarloFixtures.find(simulated, pair.scheme, pair.metric))
            let z = (cf.estimate - mc.estimate) / mc.standardError!
            #expect(cf.estimate == pair.closedForm && mc.estimate == pair.monteCarlo)
            #expect(z == pair.z || (abs(cf.estimate - mc.estimate) <= 1e-9 * max(1, abs(cf.estimate)) && pair.z == 0))
        }
    }

    @Test func badSettingsAreRefused() {
        var s = Self.settings
        s.count = 0
        #expect(throws: CampaignError.self) { try ValidationCampaign.run(s, cards: []) }
        s = Self.settings; s.samples = MonteCarlo.minimumSamples
        #expect(throws: CampaignError.self) { try ValidationCampaign.run(s, cards: []) }
        s = Self.settings; s.families = ["normal"]
        #expect(throws: CampaignError.self) { try ValidationCampaign.run(s, cards: []) }
    }

    /// Opt-in (`DMM_CAMPAIGN_STRICT=1`): the docs/MODELS.md 9 targets on this campaign.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DMM_CAMPAIGN_STRICT"] == "1"))
    func theTargetsAreMet() {
        let r = Self.result
        #expect(r.failures.isEmpty, "\(r.failures)")
        #expect((r.passRate ?? 0) >= ValidationCampaign.pairTarget)
        #expect(r.exactPassed == r.exactPairs, "\(r.pairs.filter { $0.exact && !$0.withinZ })")
    }
}
