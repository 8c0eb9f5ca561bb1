/// Whether a closed form is exact under the scenario's assumptions or a
/// documented approximation (DESIGN.md 2.6). The Monte Carlo interval must
/// cover an exact closed form; for an approximation it reports the gap.
public enum Exactness: Sendable, Equatable {
    case exact
    /// An approximation; `because` says which, in words a table footnote can list
    /// ("the distance to an old anchor in DMM handoffs (first order)").
    case approximate(because: String)

    public var isExact: Bool { if case .exact = self { return true } else { return false } }
}
