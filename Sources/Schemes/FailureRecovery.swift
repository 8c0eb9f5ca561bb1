/// How the service comes back after one failure of an element, as the
/// simulation draws the outage (analytic-models.md 7.2).
public enum FailureRecovery: Sendable, Equatable {
    /// A fixed interruption, the element's `outageS` (repair when nothing takes over).
    case fixed
    /// Missed HA-Hellos detect it, (k − U)·T_h with a uniform failure phase U,
    /// then `afterS` seconds of switch-over and re-registration.
    case helloDetection(afterS: Double)
    /// Missed HA-Hellos detect it, then the binding comes back with the MN's
    /// next BU (handoff or refresh) after the failure instant.
    case helloDetectionThenNextBU
}
