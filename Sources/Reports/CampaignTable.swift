import Evaluation
import Foundation

/// The output of `dmm validate --campaign`: one table holding the worst pairs (by
/// |z|, each with the command that reproduces its scenario) and then every scenario
/// that failed to evaluate (with its error and command), plus a summary.
///
/// Columns: rank, kind (pair or error), scenario (0-based index), scheme, metric,
/// form (exact or approximate), closed_form, monte_carlo, standard_error, z,
/// relative_gap, rerun_monte_carlo, rerun_standard_error, rerun_z (the confirmation
/// rerun of an exact pair beyond 4 standard errors, `ValidationCampaign`; empty for the
/// other rows, and the three columns left out when no listed pair has a rerun), result (pass, FAIL, untestable or error), error (for an untestable
/// pair: why its Monte Carlo variance is infinite), reproduce. A z of a
/// zero-width interval that disagrees is printed as empty with the result FAIL.
public enum CampaignTable {
    public static let columns = [
        "rank", "kind", "scenario", "scheme", "metric", "form", "closed_form", "monte_carlo", "standard_error", "z",
        "relative_gap", "rerun_monte_carlo", "rerun_standard_error", "rerun_z", "result", "error", "reproduce",
    ]
    private static let numeric: Set<String> = [
        "rank", "scenario", "closed_form", "monte_carlo", "standard_error", "z", "relative_gap", "rerun_monte_carlo",
        "rerun_standard_error", "rerun_z",
    ]

    /// The confirmation rerun's columns, present only when a listed pair has a rerun (a
    /// column empty in every row has no type in polars or duckdb: docs/DATA.md).
    public static let rerunColumns: Set<String> = ["rerun_monte_carlo", "rerun_standard_error", "rerun_z"]

    public static func table(_ result: ValidationCampaign.Result, worst: Int = 20) -> Table {
        let listed = result.worst(worst)
        let withRerun = listed.contains { $0.rerun != nil }
        let kept = columns.indices.filter { withRerun || !rerunColumns.contains(columns[$0]) }
        var table = Table(
            columns: kept.map { Table.Column(columns[$0], alignment: numeric.contains(columns[$0]) ? .right : .left) },
            caption: "Validation campaign: \(result.settings.count) random scenarios (seed \(result.settings.seed), \(result.settings.samples) simulated handoffs each), closed form against Monte Carlo; the \(min(worst, result.pairs.count)) pairs with the largest |z|, then the scenarios that failed to evaluate.")
        let samples = result.settings.samples
        for (rank, p) in listed.enumerated() {
            let z = p.z
            let row = [
                String(rank + 1), "pair", String(p.scenario), p.scheme, p.metric, p.exact ? "exact" : "approximate",
                MetricTables.exact(p.closedForm), MetricTables.exact(p.monteCarlo), MetricTables.exact(p.comparedStandardError),
                z.isFinite ? String(format: "%.3f", z) : "", p.relativeGap.isFinite ? TidyNumber.decimal(String(format: "%.4g", p.relativeGap)) : "",
                p.rerun.map { MetricTables.exact($0.monteCarlo) } ?? "", p.rerun.map { MetricTables.exact($0.standardError) } ?? "",
                p.rerun.map { $0.z.isFinite ? String(format: "%.3f", $0.z) : "" } ?? "",
                p.result, p.untestable ?? (z.isFinite ? "" : "zero standard error, values differ"),
                result.scenarios[p.scenario].command(samples: samples),
            ]
            table.append(kept.map { row[$0] })
        }
        for f in result.failures {
            let row = [
                "", "error", String(f.scenario), "", "", "", "", "", "", "", "", "", "", "", "error", f.error,
                result.scenarios[f.scenario].command(samples: samples),
            ]
            table.append(kept.map { row[$0] })
        }
        table.footnotes.append(
            "A pair passes within \(Int(ValidationCampaign.zLimit)) standard errors (z = (closed form - Monte Carlo)/se; for a handover failure probability, a packet loss or a per-node path stretch the smaller of that z and the test with the model's own variance, an exact binomial tail for the probability: docs/MODELS.md 9.4, standard_error is then the one the z stands for), or within \(Int(ValidationCampaign.relativeLimit * 100)) % of the estimate for a closed form that ClosedFormAccuracy (Sources/Evaluation) declares an approximation; a pair whose Monte Carlo variance is infinite under the scenario's laws (MonteCarloValidity) is untestable, neither passed nor failed. An exact pair beyond \(Int(ValidationCampaign.zLimit)) standard errors is retested on an independent rerun of its scenario with 4 times the samples (rerun_* columns) and fails only if the rerun is beyond \(Int(ValidationCampaign.zLimit)) standard errors too (a two-stage test: docs/MODELS.md 9.4). Targets: at least \(ValidationCampaign.pairTarget * 100) % of pairs pass, every exact pair within \(Int(ValidationCampaign.zLimit)) standard errors after that retest, no scenario failing to evaluate.")
        table.footnotes.append(summary(result))
        return table
    }

    /// The campaign's figures in a few sentences.
    public static func summary(_ r: ValidationCampaign.Result) -> String {
        func pct(_ x: Double?) -> String { x.map { String(format: "%.2f %%", 100 * $0) } ?? "n/a" }
        let failing = r.tested - r.passed
        return "\(r.settings.count) scenarios (\(r.redraws) draws refused by the Monte Carlo cost guard and redrawn), "
            + "\(r.failures.count) failed to evaluate; \(r.tested) pairs compared, \(r.passed) passed (\(pct(r.passRate))), \(failing) failed; "
            + (r.untestable > 0 ? "\(r.untestable) untestable (Monte Carlo variance infinite under the scenario's laws, docs/MODELS.md 9.4); " : "")
            + "exact pairs: \(r.exactPassed) of \(r.exactPairs) within \(Int(ValidationCampaign.zLimit)) SE (\(pct(r.exactPassRate))); "
            + "\(r.exactFirstRunMisses) outside on the first run ("
            + String(format: "%.2f", r.expectedChanceExactFailures) + " expected by chance alone), "
            + "\(r.exactPairs - r.exactPassed) of them confirmed by the rerun with 4x samples; "
            + "\(r.notCompared) closed forms not compared (the simulation saw no event); targets \(r.targetsMet ? "met" : "missed")."
    }
}
