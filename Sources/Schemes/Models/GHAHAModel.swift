/// Global HA to HA: an anycast HA set with every binding synchronised to all HAs.
///
/// Latency: T_L2 + MD + T_DAD + reg(h_AR-HAnear) (ours: the binding sync to the
/// N_HA − 1 peers runs after the BA, off the critical path). Path: `GlobalHASet`.
/// HA failure (HARP switching, 7.2): the failed HA's MNs, M_HA/N_HA of them, lose
/// their sessions for detection (k − ½)T_h + HA-switch notice T_wd(BA, h) + T_wl(BA)
/// + re-registration reg(h) with h = h_AR-HAnear + h_HA-HA (a peer takes over).
/// Exact under the scenario except the uniform-nearest-HA assumption of `GlobalHASet`.
public struct GHAHAModel: SchemeModel {
    public init() {}
    public var id: String { "ghaha" }

    public func hops(_ a: Role, _ b: Role, in c: SchemeContext) -> Double? { GlobalHASet.hops(a, b, in: c) }

    public func mnsServed(by role: Role, in c: SchemeContext) -> Double { GlobalHASet.mnsServed(by: role, in: c) }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        ClosedFormValue(c.clientAttachMs + GlobalHASet.registrationMs(c))
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { GlobalHASet.dataPath(c) }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] {
        let h = c.hops.arNearestHa + c.hops.haHa
        let switchMs = c.links.wired(c.size(.ba), hops: h) + c.links.wireless(c.size(.ba))
        let registerMs = c.links.registration(request: c.size(.bu), ack: c.size(.ba), hops: h)
        let outageS = GlobalHASet.detectionS(c) + (switchMs + registerMs) / 1000
        // The simulation draws the detection and adds the rest after it.
        let ha = GlobalHASet.haFailure(
            c, outageS: outageS, recovery: .helloDetection(afterS: outageS - c.failures.helloDetectionS))
        return [ha, .accessRouter(c)]
    }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts { GlobalHASet.latencyParts(c) }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { GlobalHASet.pathLegs(c) }
}
