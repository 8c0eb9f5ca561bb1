/// Signal-driven distributed PMIP: no LMA; a CN's MAG finds the MN's MAG by a
/// multicast query to the domain's MAGs (draft-sjkoh-mext-pmip-dmc).
///
/// Latency: T_L2 + T_wl(RA) + T_wd(PBQ, h) + T_wd(PQA, h) with h = h_CN-AR − 1
/// (ours: the CN's MAG re-queries when the old MAG stops answering; the query's
/// first answer comes from the new MAG). Path: `MAGToMAG`. Only MAG failures
/// hurt: the attached MNs' sessions. Exact under the scenario.
public struct SDPMIPModel: SchemeModel {
    public init() {}
    public var id: String { "sdpmip" }

    public func handoffLatency(_ c: SchemeContext) -> ClosedFormValue {
        let h = max(0, c.hops.cnAr - 1)
        return ClosedFormValue(
            c.links.l2HandoffMs + c.links.wireless(c.size(.ra)) + c.links.wired(c.size(.pbq), hops: h)
                + c.links.wired(c.size(.pqa), hops: h))
    }

    public func dataPath(_ c: SchemeContext) -> DataPath { MAGToMAG.dataPath(c) }

    public func failureElements(_ c: SchemeContext) -> [FailureElement] { [.accessRouter(c, kind: .mag)] }

    public func latencyParts(_ c: SchemeContext) -> HandoffLatencyParts {
        let l = c.links, hq = max(0, c.hops.cnAr - 1)
        return HandoffLatencyParts(
            fixedMs: l.l2HandoffMs + l.wired(c.size(.pbq), hops: hq) + l.wired(c.size(.pqa), hops: hq), detection: .networkRA)
    }

    public func pathLegs(_ c: SchemeContext) -> PathLegs { MAGToMAG.pathLegs(c) }
}
