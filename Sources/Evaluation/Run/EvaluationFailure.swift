/// An `EvaluationError` (exit 1) plus the scenario values most likely behind it,
/// so that a user who typed `--set x=1e300` sees which value to change.
public struct EvaluationFailure: Error, CustomStringConvertible {
    public let underlying: EvaluationError
    public let extremes: [String]

    public init(_ underlying: EvaluationError, scenario: Scenario) {
        self.underlying = underlying
        self.extremes = Self.extremeValues(scenario)
    }

    public var description: String {
        extremes.isEmpty ? underlying.description
            : underlying.description + "; extreme values in this scenario: " + extremes.joined(separator: ", ")
    }

    /// Numeric scenario values beyond 1e100 or below 1e-100 in magnitude
    /// (where products and sums of them overflow or vanish), as PATH=VALUE.
    public static func extremeValues(_ scenario: Scenario) -> [String] {
        scenario.parameterListing.compactMap { p in
            guard let v = Double(p.value), v != 0, abs(v) >= 1e100 || abs(v) <= 1e-100 || !v.isFinite else { return nil }
            return "\(p.path)=\(p.value)"
        }
    }
}
