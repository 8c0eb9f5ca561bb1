import Schemes

/// A scheme's downlink path legs (`SchemeModel.pathLegs`) as `MetricSpec` integrates
/// them over the simulated session time, with the scenario's tunnel header size.
struct PathRecipe: Sendable {
    let remote: PathLegs.Leg
    let local: PathLegs.Leg
    /// Per-flow DMM: path grows by `stepHops` per grid step; tunnelled only while away from the anchor.
    let perFlow: Bool
    let stepHops: Double
    let tunnelHeaderBytes: Double

    init(_ legs: PathLegs, tunnelHeaderBytes: Double) {
        remote = legs.remote
        local = legs.local
        perFlow = legs.perFlowStepHops != nil
        stepHops = legs.perFlowStepHops ?? 0
        self.tunnelHeaderBytes = tunnelHeaderBytes
    }
}
