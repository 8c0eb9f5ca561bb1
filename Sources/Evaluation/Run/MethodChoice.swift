/// Which methods compute the metrics (`--method`): the closed forms, the Monte
/// Carlo, or both side by side (DESIGN.md 2.6); each estimate records its own
/// `EvaluationMethod`. One enum for every command that offers `--method`
/// (evaluate, table --extended, sweep, mobility).
public enum MethodChoice: String, CaseIterable, Sendable {
    case closedForm = "closed-form", monteCarlo = "monte-carlo", both

    /// Whether the closed forms are evaluated (closed-form or both).
    public var includesClosedForm: Bool { self != .monteCarlo }
    /// Whether the Monte Carlo runs (monte-carlo or both).
    public var includesMonteCarlo: Bool { self != .closedForm }
}
