import Schemes

/// What one element kind's failure breaks for one scheme, as the simulation
/// applies it (analytic-models.md 7.3): the model's `FailureElement` says which
/// sessions depend on it (`FailureDependency`) and how it recovers
/// (`FailureRecovery`); this is that, with rates in 1/s.
///
/// Outage per failure: `.fixed`: the element's outage (repair without redundancy);
/// `.helloDetection`: hello detection (k − U)·T_h (uniform failure phase, 7.2) + the
/// rest; `.helloDetectionThenNextBU`: hello detection + the simulated wait until the
/// MN's next BU (handoff or refresh) after the failure instant.
struct FailureRecipe: Sendable {
    enum Outage: Sendable { case fixed(Double), hello(rest: Double), helloThenNextBU }

    let kind: ElementKind
    let dependency: FailureDependency
    let outage: Outage
    /// Failure rate of one element, 1/s.
    let rate: Double
    /// MNs per element of the kind (blast radius = this × the MN's dependent sessions).
    let mnsServed: Double
    /// Whether the MN is unreachable for new incoming sessions while it is down.
    let reachability: Bool
    let helloIntervalS: Double
    /// The model's (sessions broken, MNs unreachable): which kind is the scheme's most critical.
    let severity: (Double, Double)
    let helloMisses: Double

    init(element e: FailureElement, context c: SchemeContext) {
        kind = e.kind
        dependency = e.dependency
        helloIntervalS = c.failures.haHelloIntervalS
        helloMisses = Double(c.failures.haHelloMisses)
        switch e.recovery {
        case .fixed: outage = .fixed(e.outageS)
        case let .helloDetection(rest): outage = .hello(rest: rest)
        case .helloDetectionThenNextBU: outage = .helloThenNextBU
        }
        rate = 1 / (e.mtbfH * TimeConstants.secondsPerHour)
        mnsServed = e.mnsServed
        reachability = e.mnsUnreachable > 0
        severity = (e.sessionsBroken, e.mnsUnreachable)
    }
}
