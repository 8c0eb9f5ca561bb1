import Schemes

extension SchemeContext {
    /// The scenario's hops, links, failures, sizes and population with the given
    /// mobility quantities (`Motion`, from the Mobility closed forms).
    public init(scenario s: Scenario, motion: Motion) {
        let t = s.topology
        var links = Links(
            wirelessBps: s.links.wireless.bandwidthBps, wirelessLatencyMs: s.links.wireless.latencyMs,
            wirelessLoss: s.links.wireless.loss, wiredBps: s.links.wired.bandwidthBps,
            wiredLatencyMsPerHop: s.links.wired.latencyMsPerHop, queueingMsPerHop: s.links.wired.queueingMsPerHop,
            l2HandoffMs: s.links.l2HandoffMs, raDelayMs: s.links.raDelayMs,
            dadMs: s.links.dadDelayMs + s.links.dadRandomWidthMs / 2)
        links.predictiveHandoffFraction = s.links.predictiveHandoffFraction
        links.dadRandomWidthMs = s.links.dadRandomWidthMs
        if s.links.wireless.mac == .ieee80211 { links.mac = s.links.wireless.ieee80211.timing }
        self.init(
            hops: Hops(
                arAr: t.arArHops, arMap: t.arMapHops, arHa: t.arHaHops, mapHa: t.mapHaHops, magLma: t.magLmaHops,
                lmaLma: t.lmaLmaHops, arLocationServer: t.arLocationServerHops, arPeerAr: t.arPeerArHops,
                cnHa: t.cnHaHops, cnLma: t.cnLmaHops, cnAr: t.cnArHops, haHa: t.haHaHops,
                arNearestHa: t.arNearestHaHops, cnNearestHa: t.cnNearestHaHops, localCN: s.traffic.localCNHops,
                localCNFraction: s.traffic.localCNFraction, globalHACount: t.globalHACount),
            motion: motion,
            links: links,
            failures: Failures(
                anchorMtbfH: s.failure.anchorMtbfH, anchorMttrH: s.failure.anchorMttrH, arMtbfH: s.failure.arMtbfH,
                arMttrH: s.failure.arMttrH, locationServerMtbfH: s.failure.locationServerMtbfH,
                locationServerMttrH: s.failure.locationServerMttrH, haHelloIntervalS: s.timers.haHelloIntervalS,
                haHelloMisses: s.timers.haHelloMisses),
            sizes: s.messages.sizes, mnsPerAR: s.population.mnsPerAR, mnsPerHA: s.population.mnsPerHA)
        countsDeregistration = s.messages.countDeregistration
    }
}

extension SignalingCost.Periods {
    public init(_ s: Scenario) {
        self.init(
            haHelloS: s.timers.haHelloIntervalS, heartbeatS: s.timers.heartbeatIntervalS,
            bindingLifetimeS: s.timers.bindingLifetimeS)
    }
}
