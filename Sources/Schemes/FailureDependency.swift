/// Which elements of a failing kind an ongoing session depends on, as the
/// simulation counts them (analytic-models.md 7.3).
public enum FailureDependency: Sendable, Equatable {
    /// The AR/MAG now serving the MN (a different one after each handoff).
    case serving
    /// The serving AR and, while the MN is away from it, the session's own
    /// anchor AR (per-flow DMM: 1 + [away] elements).
    case servingOrAnchor
    /// A central anchor every session uses (HA, LMA, MAP).
    case all
    /// No ongoing session: its failure only costs reachability for new incoming sessions.
    case none
}
