import Evaluation
import Foundation

/// The pass/fail table of `dmm validate`: one row per `ValidationCase`.
///
/// Columns id, quantity, source, reference, dmmkit, tolerance, result (pass or
/// FAIL); units are in each row's quantity (they differ per row). Notes,
/// omitted published values and the tolerance rules are footnotes.
public enum ValidationTable {
    public static let columns = ["id", "quantity", "source", "reference", "dmmkit", "tolerance", "result"]

    /// The csv and json columns (docs/DATA.md): reference, dmmkit and tolerance are
    /// numbers at full precision in every row (a reader types them as floats; an
    /// empty cell where the value is not a number or, for tolerance, where the rule is
    /// not a bound on |dmmkit − reference|), tolerance_rule says the rule in words.
    public static let dataColumns = ["id", "quantity", "source", "reference", "dmmkit", "tolerance", "tolerance_rule", "result"]

    /// - Parameter data: the csv and json layout (`dataColumns`) instead of the printed one.
    public static func table(_ cases: [ValidationCase], omitted: [(source: String, reason: String)] = [], data: Bool = false) -> Table {
        let names = data ? dataColumns : columns
        var table = Table(
            columns: names.map { Table.Column($0, alignment: ["reference", "dmmkit", "tolerance"].contains($0) ? .right : .left) },
            caption: "dmmkit validation catalogue: each value set against an independent reference.")
        for c in cases {
            if data {
                let tolerance = c.tolerance > 0 ? TidyNumber.real(c.tolerance) ?? "" : ""
                table.append([
                    c.id, c.quantity, c.source, TidyNumber.real(c.reference) ?? "", TidyNumber.real(c.computed) ?? "",
                    tolerance, c.toleranceBasis, c.passed ? "pass" : "FAIL",
                ])
                continue
            }
            table.append([
                c.id, c.quantity, c.source, c.referenceText ?? number(c.reference, tolerance: c.tolerance),
                c.computedText ?? number(c.computed, tolerance: c.tolerance), toleranceText(c), c.passed ? "pass" : "FAIL",
            ])
        }
        table.footnotes.append(
            "Tolerances: a published value is met within half a unit in its last printed digit (at the column's resolution where the source prints an exact value short, e.g. \"2\" among six-decimal numbers); special cases with a known law within 1e-12; a Monte Carlo within \(Int(ValidationCatalog.standardErrors)) standard errors of its estimate (there the reference column is the simulated estimate and dmmkit the closed form).")
        for c in cases {
            if let note = c.note { table.footnotes.append("\(c.id): \(note)") }
        }
        for o in omitted { table.footnotes.append("Not a case: \(o.source): \(o.reason).") }
        return table
    }

    /// "N passed, M failed".
    public static func summary(_ cases: [ValidationCase]) -> String {
        let passed = cases.filter(\.passed).count
        return "\(passed) passed, \(cases.count - passed) failed"
    }

    static func toleranceText(_ c: ValidationCase) -> String {
        if c.tolerance == 0 { return c.toleranceBasis }
        return c.tolerance.isFinite ? String(format: "%.2g", c.tolerance) : "-"
    }

    /// Enough decimals to resolve a tenth of the tolerance; "error" for a failed computation.
    static func number(_ x: Double, tolerance: Double) -> String {
        guard x.isFinite else { return "error" }
        if x == 0 { return "0" }
        if abs(x) < 1e-3 || abs(x) >= 1e7 { return String(format: "%.6g", x) }
        if x == x.rounded() && tolerance == 0 { return String(format: "%.0f", x) }
        let decimals = tolerance > 0 ? Swift.min(12, Swift.max(0, Int((-log10(tolerance)).rounded(.up)) + 1)) : 6
        return String(format: "%.\(decimals)f", x)
    }
}
