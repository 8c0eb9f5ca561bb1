import Mobility
import Schemes

extension SchemeContext.Assumptions {
    /// The scenario's law facts that decide which closed forms are exact:
    /// an exponential effective residence law, and periodic binding refresh.
    public init(_ s: Scenario) throws {
        let exponential: Bool
        let residence = try s.effectiveResidence()
        if case .exponential = residence.form { exponential = true } else { exponential = false }
        let anchors = AnchorResidences(residence: residence, session: s.traffic.sessionDuration, sessionRate: s.traffic.sessionRate)
        self.init(exponentialResidence: exponential, periodicRefresh: s.timers.refresh, perFlowAnchorsExact: anchors.isExact)
    }
}
