import Schemes
@testable import Evaluation

/// A small scenario whose numbers make hand arithmetic easy:
/// wireless 8 Mb/s, 2 ms, no loss → T_wl(s) = s/1000 + 2 ms;
/// wired 80 Mb/s, 0.5 + 0.5 ms per hop → T_wd(s, h) = h (s/10000 + 1) ms.
enum Hand {
    static let sizes: [MessageSizeKey: Double] = [
        .rs: 56, .ra: 96, .nsDAD: 64, .bu: 80, .ba: 80, .lbu: 80, .lba: 80, .hoti: 56, .coti: 56, .hot: 64, .cot: 64,
        .pbu: 76, .pba: 76, .pbq: 76, .pqa: 76, .bindingSync: 80, .haHello: 56, .heartbeat: 56, .dhtUpdate: 80,
        .locationUpdate: 76,
    ]

    static func context(haCount: Int = 4, localFraction: Double = 0) -> SchemeContext {
        SchemeContext(
            hops: .init(
                arAr: 1, arMap: 2, arHa: 8, mapHa: 6, magLma: 4, lmaLma: 4, arLocationServer: 4, arPeerAr: 2,
                cnHa: 6, cnLma: 6, cnAr: 8, haHa: 6, arNearestHa: 3, cnNearestHa: 3, localCN: 2,
                localCNFraction: localFraction, globalHACount: haCount),
            motion: .init(
                crossingRate: 1.0 / 60, domainCrossingFraction: 1.0 / 3, domainARs: 9, sessionRate: 1.0 / 300,
                activeSessions: 1, anchorsInUse: 0.8, tunnelledFraction: 0.5, meanAnchorDistance: 0.75,
                refreshRate: 0.001),
            links: .init(
                wirelessBps: 8e6, wirelessLatencyMs: 2, wirelessLoss: 0, wiredBps: 8e7, wiredLatencyMsPerHop: 0.5,
                queueingMsPerHop: 0.5, l2HandoffMs: 50, raDelayMs: 0, dadMs: 1000),
            failures: .init(
                anchorMtbfH: 8760, anchorMttrH: 4, arMtbfH: 8760, arMttrH: 4, locationServerMtbfH: 8760,
                locationServerMttrH: 4, haHelloIntervalS: 1, haHelloMisses: 3),
            sizes: sizes, mnsPerAR: 50, mnsPerHA: 10000)
    }

    /// The default scenario supplies weights 1, tunnel header 40 B, periods
    /// (HA-Hello 1 s, heartbeat 60 s, lifetime 420 s) and exponential sessions of mean 300 s.
    static let scenario = Scenario.default

    static func metrics(_ model: any SchemeModel, _ procedures: SignalingProcedures = [:], context: SchemeContext? = nil)
        throws -> [String: Double]
    {
        let rows = try SchemeMetrics.evaluate(
            scheme: model.id, model: model, procedures: procedures, context: context ?? Hand.context(),
            scenario: scenario, sessionLaplaceComplement: { 300 * $0 / (1 + 300 * $0) })
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.metric, $0.estimate) })
    }

    static func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tol * max(1, abs(b))
    }
}
