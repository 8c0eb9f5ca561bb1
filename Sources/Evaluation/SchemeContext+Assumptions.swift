import Schemes

extension SchemeContext.Assumptions {
    /// The scenario's law facts that decide which closed forms are exact:
    /// an exponential effective residence law, and periodic binding refresh.
    public init(_ s: Scenario) throws {
        let exponential: Bool
        if case .exponential = try s.effectiveResidence().form { exponential = true } else { exponential = false }
        self.init(exponentialResidence: exponential, periodicRefresh: s.timers.refresh)
    }
}
