import Schemes

/// What one element kind's failure breaks for one scheme, as the simulation
/// applies it (analytic-models.md 7.3; the scheme model's `failureElements`
/// gives the kinds, their MTBF, repair time and the MNs each element serves).
///
/// Dependencies of a session on elements of the kind:
/// - `serving`: the AR/MAG now serving the MN (a different AR after each handoff);
/// - `servingOrAnchor`: also the per-flow anchor AR while the MN is away from it
///   (DAR, MAR, temporary HA): 1 + [away] elements;
/// - `all`: a central anchor every session uses (HA, LMA, MAP);
/// - `none`: the model says its failure breaks no ongoing session (DMI's
///   permanent HA, S-PMIP's location server), only reachability.
/// Outage per failure: repair (MTTR) without redundancy; GHAHA's HA: hello
/// detection (k − U)·T_h (uniform failure phase, 7.2) + switch-over and
/// re-registration; SAIL's HA: hello detection + the simulated wait until the
/// MN's next BU (handoff or refresh) after the failure instant.
struct FailureRecipe: Sendable {
    enum Dependency: Sendable { case serving, servingOrAnchor, all, none }
    enum Outage: Sendable { case fixed(Double), hello(rest: Double), helloThenNextBU }

    let name: String
    let dependency: Dependency
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

    init(schemeId: String, element e: FailureElement, context c: SchemeContext) {
        name = e.name
        switch e.name {
        case "ar", "mag": dependency = .serving
        case "dar", "mar", "temporary_ha": dependency = .servingOrAnchor
        default: dependency = e.sessionsBroken == 0 ? .none : .all
        }
        helloIntervalS = c.failures.haHelloIntervalS
        helloMisses = Double(c.failures.haHelloMisses)
        switch (schemeId, e.name) {
        case ("ghaha", "ha"): outage = .hello(rest: e.outageS - c.failures.helloDetectionS)
        case ("sail", "ha"): outage = .helloThenNextBU
        default: outage = .fixed(e.outageS)
        }
        rate = 1 / (e.mtbfH * 3600)
        mnsServed = e.mnsServed
        reachability = e.mnsUnreachable > 0
        severity = (e.sessionsBroken, e.mnsUnreachable)
    }
}
