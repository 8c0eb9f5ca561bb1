/// SAIL: the global HAs form a one-hop DHT; a binding lives at the HA responsible
/// for the MN's key, reached in one overlay hop (no full synchronisation).
///
/// Latency: T_L2 + MD + T_DAD + reg(h_AR-HAnear) + 2 T_wd(DHT update, h_HA-HA)
/// (ours: the nearest HA acknowledges after the responsible HA stored the binding).
/// Path: `GlobalHASet`. HA failure: the bindings it held are lost (ours: no
/// replicas) until the MN's next BU, so outage = hello detection + 1/(η + refresh
/// rate) (APPROXIMATION: mean wait for the next BU from a random instant, exact
/// only for exponential residence without periodic refresh).
public struct SAILModel: SchemeModel {
    public init() {}
    public var id: String { "sail" }

    public func hops(_ a: Role, _ b: Role, in c: SchemeContext) -> Double? { GlobalHASet.hops(a, b, in: c) }

    public func mnsServed(by role: Role, in c: SchemeContext) -> Double { GlobalHASet.mnsServed(by: role, in: c) }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        ClosedFormValue(c.clientAttachMs + GlobalHASet.registrationMs(c) + 2 * c.links.wired(c.size(.dhtUpdate), hops: c.hops.haHa))
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { GlobalHASet.dataPath(c) }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        let nextBU = 1 / (c.motion.crossingRate + c.motion.refreshRate)
        var ha = GlobalHASet.haFailure(c, outageS: GlobalHASet.detectionS(c) + nextBU, recovery: .helloDetectionThenNextBU)
        let a = c.assumptions
        if a.periodicRefresh || !a.exponentialResidence {
            ha.outageExactness = .approximate(because: "SAIL's wait for the next BU (exact for exponential residence without refresh)")
        }
        return [ha, .accessRouter(c)]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        GlobalHASet.latencyParts(c, extraWiredMs: 2 * c.links.wired(c.size(.dhtUpdate), hops: c.hops.haHa))
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { GlobalHASet.pathLegs(c) }
}
