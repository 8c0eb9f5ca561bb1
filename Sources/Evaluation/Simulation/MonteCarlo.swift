import Foundation
import Schemes
import Stochastics

/// Monte Carlo evaluation of the four metrics (docs/MODELS.md 9): it simulates,
/// it does not re-evaluate the closed forms. See `Trajectory` for the model,
/// `SchemeRecipe` for how each scheme's numbers are counted on the shared
/// trajectory, and `RatioStatistics` for the intervals.
///
/// Work: `samples` simulated handoffs, split into replications of
/// `SimulationPlan.handoffsPerReplication` mean residences of simulated time
/// (the last one shorter), each after its own warm-up. Replication i draws only
/// from `RandomStream(seed: seed).child(i)`; replications are folded into a
/// fixed number of lanes in index order and the lanes merged in lane order
/// (`ParallelWork`), so the output depends on (scenario, schemes, samples, seed),
/// never on `jobs`, and no lock is taken per replication. Memory: 64 lane
/// accumulators and one compact latency histogram (`LatencyHistogram`) per
/// scheme and thread, whatever `samples`. `ClosedFormAccuracy` says, per scheme
/// and metric, which closed forms the intervals must cover.
///
/// Which closed forms the intervals must cover (exact under the scenario's
/// assumptions, see each `SchemeModel`): signaling of schemes whose card has no
/// per-old-anchor message (rates are exact in the mean: η, p_d·η, λ_s, refresh
/// count Σ F^c(n T_L)), handoff latency of the non-per-flow schemes (for
/// S-PMIP only while its PBA+RA branch is the slower one), stretch / tunnelled
/// overhead and tunnelled fraction of every scheme (per-flow: Σ α(j) P(D_j ≠ 0)
/// and Σ α(j) E[D_j] are exact where Mobility's walk averages are), blast radius,
/// unreachable MNs, outages with a fixed repair time or hello detection, failure
/// probability, disruption.
/// APPROXIMATIONS (reported as gaps by `--method both`): per-flow DMM signaling
/// and latency (closed forms use E[N_a] counted per residence and a first-order
/// anchor distance; the simulation counts distinct ARs at their simulated
/// distances), and any quantity whose closed form
/// assumes exponential laws when the scenario's are not.
public enum MonteCarlo {
    /// Refuses (`MonteCarloError.tooCostly`, bad input) a scenario whose simulation
    /// would not finish: see `SimulationPlan.maxWorkPerHandoff`. Cheap, so a sweep
    /// checks all its points before it writes anything.
    public static func checkCost(scenario: Scenario) throws {
        try SimulationPlan.checkCost(scenario)
    }

    /// `SimulationPlan.workPerHandoff` of `scenario` (events x live sessions per
    /// measured handoff, about 5 by default), for the CLI's cost estimates.
    public static func workPerHandoff(scenario s: Scenario) throws -> Double {
        SimulationPlan.workPerHandoff(
            residenceS: try s.effectiveResidence().mean, sessionS: s.traffic.sessionDuration.mean,
            sessionRate: s.traffic.sessionRate, refreshS: s.timers.refresh ? s.timers.bindingLifetimeS : nil)
    }

    /// Fewest simulated handoffs a run accepts: two replications. The intervals are
    /// Student-t over replications, and one replication has none (it printed a
    /// "± 0" interval and flagged every closed form as outside it).
    public static let minimumSamples = 2 * SimulationPlan.handoffsPerReplication
    public static let maximumSamples = 1_000_000_000_000
    /// "8192...1000000000000", for messages and help.
    public static var samplesRange: String { "\(minimumSamples)...\(maximumSamples)" }

    /// Replications (progress steps) a run of `samples` handoffs makes.
    public static func replications(samples: Int) -> Int {
        (max(1, samples) + SimulationPlan.handoffsPerReplication - 1) / SimulationPlan.handoffsPerReplication
    }

    /// Estimates with 95 % Student-t intervals over replications for every metric of
    /// `schemes` (handoff-latency p50/p95/p99: order-statistic intervals, `LatencyHistogram`),
    /// from `samples` simulated handoffs. Throws `MonteCarloError` (bad input) for
    /// `samples` outside `samplesRange`, `jobs` < 1 or a scenario too costly to simulate.
    /// `models`: the Swift halves to pair the cards with (by id), normally the registry.
    public static func evaluate(
        scenario: Scenario, schemes: [SchemeCard], models: [any SchemeModel] = SchemeModels.all, samples: Int,
        seed: UInt64, jobs: Int, progress: ((Int, Int) -> Void)? = nil
    ) throws -> [MetricEstimate] {
        guard (minimumSamples...maximumSamples).contains(samples) else { throw MonteCarloError.samples(samples) }
        guard jobs >= 1 else { throw MonteCarloError.jobs(jobs) }
        try checkCost(scenario: scenario)
        let plan = try SimulationPlan(scenario: scenario, cards: schemes, models: models)
        let per = SimulationPlan.handoffsPerReplication
        let count = (samples + per - 1) / per
        let lastHandoffs = samples - per * (count - 1)
        let meanResidence = plan.residence.mean
        let specs = MetricSpec.all(plan)
        let schemeCount = plan.schemes.count
        // Replications are folded into `lanes` contiguous blocks, a number fixed
        // independently of `jobs`; lane accumulators are merged in lane order on the
        // calling thread, so floating sums are added in the same order whatever the
        // number of threads, and no lock is taken per replication.
        let lanes = Swift.max(1, Swift.min(Self.lanes, count))
        var merged: [RatioStatistics]? = nil
        let workers = ParallelWork.run(
            count: lanes, jobs: jobs,
            makeWorker: { _ in
                // Each worker builds its own plan: the recipes' arrays are then not shared
                // between threads, so their reference counting does not bounce cache lines
                // between cores on every event (a shared plan scaled 1.3x on two cores).
                Worker(plan: (try? SimulationPlan(scenario: scenario, cards: schemes, models: models)) ?? plan,
                       histograms: [LatencyHistogram](repeating: LatencyHistogram(), count: schemeCount))
            },
            body: { lane, worker in
                var laneStats = [RatioStatistics](repeating: RatioStatistics(), count: specs.count)
                for i in (lane * count / lanes)..<((lane + 1) * count / lanes) {
                    let window = Double(i == count - 1 ? lastHandoffs : per) * meanResidence
                    let trajectory = Trajectory(plan: worker.plan, stream: RandomStream(seed: seed).child(i))
                    let tally = trajectory.run(windowS: window, histograms: &worker.histograms)
                    for j in specs.indices {
                        let (x, y) = specs[j].value(tally)
                        laneStats[j].add(x, y, unitSquares: specs[j].units?(tally) ?? 0)
                    }
                }
                return laneStats
            },
            emit: { lane, laneStats in
                if merged == nil { merged = laneStats } else { for j in merged!.indices { merged![j].merge(laneStats[j]) } }
                progress?((lane + 1) * count / lanes, count)
            })
        let stats = merged ?? []
        // Histogram counts are integers: their merge does not depend on which worker ran which lane.
        var histograms = workers[0].histograms
        for other in workers.dropFirst() { for k in histograms.indices { histograms[k].merge(other.histograms[k]) } }

        var out: [MetricEstimate] = []
        for (k, recipe) in plan.schemes.enumerated() {
            for (j, spec) in specs.enumerated() where spec.scheme == k {
                guard var ci = stats[j].interval(support: spec.key.metric.support) else { continue }
                let units = stats[j].effectiveUnits
                if spec.key.metric.isEventProportion, let nEff = units {
                    // A proportion of events: the Wilson interval over the effective trials, which
                    // stays in [0, 1] and keeps a width at 0 or 1 events. Its n is the smaller of
                    // the effective handoffs and p̂(1 − p̂)/se², the trials the replications'
                    // spread implies (a design effect for correlations the handoffs may carry).
                    let p = ci.estimate, se = stats[j].standardError ?? 0
                    let implied = p > 0 && p < 1 && se > 0 ? p * (1 - p) / (se * se) : Double.infinity
                    ci = ConfidenceInterval.wilson(proportion: p, trials: Swift.min(nEff, implied), samples: ci.samples)
                    var row = estimate(recipe.id, spec.key, ci, standardError: stats[j].standardError)
                    row.effectiveUnits = nEff
                    out.append(row)
                    continue
                }
                if stats[j].sawNoEvents {
                    // No event in any replication: the estimate is 0 with an unknown upper
                    // bound, so ci_high stays empty rather than a false [0, 0].
                    out.append(MetricEstimate(scheme: recipe.id, key: spec.key, method: .monteCarlo,
                                              estimate: 0, ciLow: 0, ciHigh: nil, samples: ci.samples))
                    continue
                }
                var row = estimate(recipe.id, spec.key, ci, standardError: stats[j].standardError)
                row.effectiveUnits = units
                row.unitVariance = spec.unitVariance
                out.append(row)
                if spec.key == MetricKey(.handoffLatency) {
                    // The percentiles follow the mean they describe.
                    for m in Metric.latencyQuantiles {
                        if let p = m.latencyQuantile, let q = histograms[k].quantile(p) {
                            // samples stays the replication count as in every row; the
                            // order statistics' n is the handoffs observed.
                            var row = estimate(recipe.id, MetricKey(m), q)
                            row.samples = count
                            row.handoffs = q.samples
                            out.append(row)
                        }
                    }
                }
            }
        }
        // Rows whose variance is infinite under the scenario's laws keep their estimate and say so.
        let caveats = try MonteCarloValidity.of(scenario: scenario, cards: schemes, models: models)
        if !caveats.isEmpty {
            for i in out.indices { out[i].intervalCaveat = caveats[out[i].scheme]?.reason(out[i].metric) }
        }
        return out
    }

    /// Lanes per run: enough for two to a few dozen workers to balance, few
    /// enough that the per-lane accumulators stay small.
    static let lanes = 64

    /// One worker thread's own plan and latency histograms.
    private struct Worker: Sendable {
        let plan: SimulationPlan
        var histograms: [LatencyHistogram]
    }

    private static func estimate(_ scheme: String, _ key: MetricKey, _ ci: ConfidenceInterval,
                                 standardError: Double? = nil) -> MetricEstimate {
        var e = MetricEstimate(scheme: scheme, key: key, method: .monteCarlo, estimate: ci.estimate,
                               ciLow: ci.low, ciHigh: ci.high, samples: ci.samples)
        e.standardError = standardError
        return e
    }
}
