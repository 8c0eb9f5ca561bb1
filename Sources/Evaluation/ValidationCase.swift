import Foundation

/// One entry of the validation catalogue (`ValidationCatalog`): a value dmmkit
/// computes, set against an independent reference (a published value of
/// docs/MODELS.md, a special case with a known law, or a Monte Carlo that
/// simulates instead of evaluating), with the tolerance that decides pass/fail
/// and why that tolerance.
///
/// Passes when `computed` is finite and |computed − reference| ≤ `tolerance`.
public struct ValidationCase: Sendable, Equatable {
    /// Stable id, e.g. "v1.mu0.5.k4.alpha1": `dmm validate --only PREFIX` selects by it.
    public var id: String
    /// What is compared, in words, with its unit.
    public var quantity: String
    /// Where the reference comes from (section of docs/MODELS.md, or the independent computation).
    public var source: String
    public var reference: Double
    /// dmmkit's value; NaN when its computation failed (`note` then says why).
    public var computed: Double
    public var tolerance: Double
    /// Why `tolerance` is the right width (e.g. "half a unit in the 6th decimal printed").
    public var toleranceBasis: String
    /// The reference as printed in its source ("0.759836"), or nil to format `reference`.
    public var referenceText: String?
    /// dmmkit's value as text when a number alone would mislead ("107 of 107"), else nil.
    public var computedText: String?
    /// A remark: a definition that differs, what the value is built from, an error.
    public var note: String?

    public init(
        id: String, quantity: String, source: String, reference: Double, computed: Double, tolerance: Double,
        toleranceBasis: String, referenceText: String? = nil, computedText: String? = nil, note: String? = nil
    ) {
        self.id = id; self.quantity = quantity; self.source = source; self.reference = reference
        self.computed = computed; self.tolerance = tolerance; self.toleranceBasis = toleranceBasis
        self.referenceText = referenceText; self.computedText = computedText; self.note = note
    }

    /// A published value `printed` as text: the reference is its value, the tolerance
    /// half a unit in its last printed digit, or in the `decimals`-th decimal when the
    /// source prints an exact value shorter than its column ("2" in a column of
    /// six-decimal numbers is taken at the column's resolution).
    public init(
        id: String, quantity: String, source: String, printed: String, decimals: Int? = nil, computed: Double,
        note: String? = nil
    ) {
        let (value, tolerance, basis) = Self.printedTolerance(printed, decimals: decimals)
        self.init(id: id, quantity: quantity, source: source, reference: value, computed: computed,
                  tolerance: tolerance, toleranceBasis: basis, referenceText: printed, note: note)
    }

    public var passed: Bool { computed.isFinite && abs(computed - reference) <= tolerance }

    /// Value, half-unit tolerance and its wording for a number printed as `text`
    /// ("0.759836", "1097.14", "9.5128e-6").
    static func printedTolerance(_ text: String, decimals: Int?) -> (Double, Double, String) {
        guard let value = Double(text) else { preconditionFailure("reference '\(text)' is not a number") }
        let lower = text.lowercased()
        var exponent = 0
        var mantissa = Substring(lower)
        if let e = lower.firstIndex(of: "e") {
            exponent = Int(lower[lower.index(after: e)...]) ?? 0
            mantissa = lower[..<e]
        }
        let printedDecimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        let places = Swift.max(printedDecimals - exponent, decimals ?? Int.min)
        let tolerance = 0.5 * pow(10, Double(-places))
        let basis: String
        if let decimals, decimals > printedDecimals - exponent {
            basis = "half a unit in the column's \(ordinal(decimals)) decimal (exact value printed short)"
        } else if places <= 0 {
            basis = "half a unit in the last printed digit"
        } else {
            basis = "half a unit in the \(ordinal(places)) decimal printed"
        }
        return (value, tolerance, basis)
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
