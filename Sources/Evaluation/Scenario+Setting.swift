import Mobility
import Schemes
import Stochastics

extension Scenario {
    /// The reference scenario: every parameter at its default (`ScenarioParameter.all`).
    public static let `default`: Scenario = {
        var s = blank
        for p in ScenarioParameter.all {
            // The defaults are constants of this file's table; a test checks each is allowed.
            try! ScenarioSetting(path: p.path, value: p.defaultValue).apply(to: &s)
        }
        return s
    }()

    /// Placeholder values, every one overwritten by the defaults above.
    private static var blank: Scenario {
        let law = try! ProbabilityLaw.exponential(mean: 1)
        return Scenario(
            mobility: .init(
                residence: law, crossingModel: .residence, speedMps: 0, cellSizeM: 0, cellShape: .hexagon, grid: .square,
                domainSize: 0),
            traffic: .init(sessionRate: 0, sessionDuration: law, localCNFraction: 0, localCNHops: 0),
            topology: .init(
                arArHops: 0, arMapHops: 0, arHaHops: 0, mapHaHops: 0, magLmaHops: 0, lmaLmaHops: 0,
                arLocationServerHops: 0, arPeerArHops: 0, cnHaHops: 0, cnLmaHops: 0, cnArHops: 0, haHaHops: 0,
                arNearestHaHops: 0, cnNearestHaHops: 0, globalHACount: 0),
            links: .init(
                wireless: .init(bandwidthBps: 0, latencyMs: 0, loss: 0),
                wired: .init(bandwidthBps: 0, latencyMsPerHop: 0, queueingMsPerHop: 0),
                l2HandoffMs: 0, raDelayMs: 0, dad: .standard, dadMs: 0),
            messages: .init(sizes: [:], tunnelHeaderBytes: 0, wirelessWeight: 0, wiredWeight: 0, countDeregistration: true),
            timers: .init(
                bindingLifetimeS: 0, refresh: true, haHelloIntervalS: 0, haHelloMisses: 0, heartbeatIntervalS: 0,
                heartbeatMisses: 0),
            failure: .init(anchorMtbfH: 0, anchorMttrH: 0, arMtbfH: 0, arMttrH: 0, locationServerMtbfH: 0, locationServerMttrH: 0),
            population: .init(mnsPerAR: 0, mnsPerHA: 0))
    }

    /// This scenario with the value at `path` set from its text, as `--set PATH=VALUE`.
    ///
    /// Paths are those of `ScenarioParameter.all`; a law's parameters are
    /// paths too (`mobility.residence.mean=30` rescales the law, keeping its
    /// shape: `ProbabilityLaw.setting`). Throws `ScenarioError` (exit 2)
    /// naming the path and what is allowed, with close matches for an unknown
    /// path. The text is read once (`ScenarioSetting`); to apply the same value
    /// to many scenarios, read it once and use `applying(_:)`.
    public func setting(_ path: String, to value: String) throws -> Scenario {
        try applying([ScenarioSetting(path: path, value: value)])
    }

    /// This scenario with `settings` applied in order.
    public func applying(_ settings: [ScenarioSetting]) throws -> Scenario {
        var s = self
        for setting in settings { try setting.apply(to: &s) }
        return s
    }

    /// Applies `PATH=VALUE` assignments in order (repeatable `--set`).
    public func applying(_ assignments: [String]) throws -> Scenario {
        try applying(assignments.map(ScenarioSetting.init(assignment:)))
    }

    /// The value at `path` as text (the spelling `setting` accepts).
    public func value(at path: String) throws -> String {
        if let parameter = ScenarioParameter.named(path) { return parameter.text(self) }
        throw ScenarioError.unknownPath(path)
    }

    /// Every path with its current value, unit and the default's source, in table order.
    public var parameterListing: [(path: String, unit: String, value: String, source: String)] {
        ScenarioParameter.all.map { ($0.path, $0.unit, $0.text(self), $0.source) }
    }
}
