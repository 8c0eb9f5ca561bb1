import Foundation
import Stochastics

/// One random but plausible scenario of a validation campaign (`ValidationCampaign`,
/// docs/MODELS.md 9): every drawn parameter as a `--set PATH=VALUE` assignment on the
/// default scenario, and the Monte Carlo seed it is checked with.
///
/// The draw depends only on (campaign seed, index, allowed law families): scenario
/// i draws from `RandomStream(seed: campaignSeed).child(i)`, so one scenario can be
/// regenerated without the others, and the assignments (the canonical spelling of
/// each value) rebuild the scenario exactly through `Scenario.applying`, which is
/// what the reproduction command does.
///
/// Ranges ("plausible"): residence means 5...600 s and session means 20...1800 s
/// (log-uniform), each law from any of the allowed families with a shape that keeps
/// its variance finite (Pareto shape 2.2...4.5, so the Monte Carlo's central limit
/// theorem holds for every mean linear in the residences; SAIL's outage without refresh
/// averages a quantity in E[X²] and needs shape > 4, else its pair is untestable:
/// `MonteCarloValidity`, docs/MODELS.md 9.4); active sessions ρ = λ·E[T] in 0.05...5; square domains of side
/// 1...200 or hexagonal domains of 1...40 rings (log-uniform); 1...20 global HAs;
/// DAD standard or optimistic; wireless loss 0 or 0...0.5; fast handovers
/// predictive with probability 0...1 and PMIPv6's de-registration counted or not
/// (both drawn last: a scenario accepted at its first draw keeps every other value
/// it had before these parameters); refresh on or off with
/// lifetimes 60...3600 s; local-CN fraction 0, 1 or in between; hop counts that
/// satisfy the triangle inequality between CN, AR and anchors (so stretch ≥ 1 is
/// meaningful); one in eight scenarios takes its crossing rate from the fluid-flow
/// model. Packet rate, size and handoff buffer come from a child stream of their own, and
/// so do the 802.11 MAC and the random DAD delay (`drawLinkAccess`).
public struct CampaignScenario: Sendable, Equatable {
    /// One `--set PATH=VALUE`.
    public struct Assignment: Sendable, Equatable {
        public let path: String
        public let value: String
        public var text: String { "\(path)=\(value)" }
    }

    /// Position in the campaign, 0-based.
    public let index: Int
    /// Every drawn parameter, in drawing order.
    public let assignments: [Assignment]
    /// The Monte Carlo seed of this scenario: `SeedMixer.mix(seed: campaign seed, index: index)`.
    public let seed: UInt64
    /// Draws the Monte Carlo cost guard refused before this one was accepted.
    public let redraws: Int

    /// The scenario: the default with `assignments` applied.
    public func scenario() throws -> Scenario {
        try Scenario.default.applying(assignments.map(\.text))
    }

    /// The command that evaluates this scenario exactly as the campaign did:
    /// closed form and Monte Carlo with the same seed and samples (and jobs do not
    /// change the numbers).
    public func command(samples: Int) -> String {
        (["dmm evaluate"] + assignments.map { "--set \($0.text)" }
            + ["--method both", "--seed \(seed)", "--samples \(samples)", "--format csv"]).joined(separator: " ")
    }

    /// Most draws tried before giving up on a scenario the cost guard keeps refusing.
    public static let maximumDraws = 100

    /// Scenario `index` of the campaign seeded `campaignSeed`, laws from `families`
    /// (for residence and session alike). A draw that `accept` refuses (the Monte
    /// Carlo cost guard) is replaced by the next draw of the same stream, at most
    /// `maximumDraws` times; then the last draw is returned and its evaluation will
    /// report the refusal.
    public static func draw(
        index: Int, campaignSeed: UInt64, families: [String], accept: (Scenario) -> Bool
    ) -> CampaignScenario {
        let stream = RandomStream(seed: campaignSeed).child(index)
        var drawn: [Assignment] = []
        for attempt in 0..<maximumDraws {
            drawn = drawAssignments(stream, families: families)
                + drawPacketTraffic(stream.child(maximumDraws + attempt))
                + drawProcessingWeights(stream.child(2 * maximumDraws + attempt))
                + drawLinkAccess(stream.child(3 * maximumDraws + attempt))
            if let s = try? Scenario.default.applying(drawn.map(\.text)), accept(s) {
                return CampaignScenario(index: index, assignments: drawn, seed: SeedMixer.mix(seed: campaignSeed, index: UInt64(index)), redraws: attempt)
            }
        }
        return CampaignScenario(index: index, assignments: drawn, seed: SeedMixer.mix(seed: campaignSeed, index: UInt64(index)), redraws: maximumDraws - 1)
    }

    // MARK: Drawing

    private static func drawAssignments(_ r: RandomStream, families: [String]) -> [Assignment] {
        var out: [Assignment] = []
        func set(_ path: String, _ value: String) { out.append(Assignment(path: path, value: value)) }
        func number(_ path: String, _ x: Double) { set(path, ProbabilityLaw.format(round3(x))) }
        func integer(_ path: String, _ lo: Int, _ hi: Int) -> Int {
            let n = lo + r.uniformInt(hi - lo + 1)
            set(path, String(n))
            return n
        }

        // mobility
        let residenceMean = logUniform(r, 5, 600)
        set("mobility.residence", law(r, families: families, mean: residenceMean))
        if r.uniform() < 0.125 {
            set("mobility.crossing_model", "fluid_flow")
            number("mobility.speed_mps", logUniform(r, 0.5, 30))
            number("mobility.cell_size_m", logUniform(r, 50, 1000))
            set("mobility.cell_shape", ["circle", "square", "hexagon"][r.uniformInt(3)])
        }
        if r.uniform() < 0.5 {
            set("mobility.grid", "square")
            set("mobility.domain_size", String(Int(logUniform(r, 1, 201).rounded(.down))))
        } else {
            set("mobility.grid", "hexagonal")
            set("mobility.domain_size", String(Int(logUniform(r, 1, 41).rounded(.down))))
        }
        // traffic
        let sessionMean = logUniform(r, 20, 1800)
        set("traffic.session_duration", law(r, families: families, mean: sessionMean))
        number("traffic.session_rate", logUniform(r, 0.05, 5) / sessionMean)
        let u = r.uniform()
        number("traffic.local_cn_fraction", u < 0.3 ? 0 : u < 0.4 ? 1 : r.uniform())
        _ = integer("traffic.local_cn_hops", 1, 4)
        // topology: the MN's AR, its MAP, HA, LMA and the CN; every CN path via an
        // anchor is at least as long as the direct one (triangle inequality).
        _ = integer("topology.ar_ar_hops", 1, 2)
        let arMap = integer("topology.ar_map_hops", 1, 4)
        let mapHa = 1 + r.uniformInt(10)
        set("topology.map_ha_hops", String(mapHa))
        let arHa = arMap + mapHa
        set("topology.ar_ha_hops", String(arHa))
        let magLma = integer("topology.mag_lma_hops", 1, 6)
        _ = integer("topology.lma_lma_hops", 1, 8)
        _ = integer("topology.ar_location_server_hops", 1, 8)
        _ = integer("topology.ar_peer_ar_hops", 1, 4)
        let cnAr = 2 + r.uniformInt(15)
        set("topology.cn_ar_hops", String(cnAr))
        _ = integer("topology.cn_ha_hops", max(1, cnAr - arHa), cnAr + arHa)
        _ = integer("topology.cn_lma_hops", max(1, cnAr - magLma), cnAr + magLma)
        _ = integer("topology.ha_ha_hops", 1, 12)
        let arNearest = integer("topology.ar_nearest_ha_hops", 1, arHa)
        _ = integer("topology.cn_nearest_ha_hops", max(1, cnAr - arNearest), cnAr + arNearest)
        set("topology.global_ha_count", String(r.uniform() < 0.2 ? 1 : 2 + r.uniformInt(19)))
        // links
        number("links.wireless.loss", r.uniform() < 0.2 ? 0 : 0.5 * r.uniform())
        number("links.l2_handoff_ms", logUniform(r, 10, 200))
        number("links.ra_delay_ms", r.uniform() < 0.5 ? 0 : logUniform(r, 10, 500))
        set("links.dad", r.uniform() < 0.5 ? "standard" : "optimistic")
        // timers
        set("timers.refresh", r.uniform() < 0.75 ? "true" : "false")
        number("timers.binding_lifetime_s", logUniform(r, 60, 3600))
        number("timers.ha_hello_interval_s", logUniform(r, 0.5, 5))
        _ = integer("timers.ha_hello_misses", 1, 5)
        // failure
        number("failure.anchor_mttr_h", logUniform(r, 0.5, 24))
        number("links.predictive_handoff_fraction", r.uniform())
        // Drawn last, so the draws above are those of campaigns before the switch existed.
        set("messages.deregistration", r.uniform() < 0.5 ? "true" : "false")
        return out
    }

    /// The data traffic of the packet metrics (docs/MODELS.md 5.6, 6.5), from a stream of its own
    /// so that the other parameters are drawn as before these metrics existed: packet rate
    /// 1...1000 packets/s and size 60...1500 bytes (log-uniform), no buffer in half of the
    /// scenarios, else 1...500 packets.
    private static func drawPacketTraffic(_ r: RandomStream) -> [Assignment] {
        func number(_ path: String, _ x: Double) -> Assignment { Assignment(path: path, value: ProbabilityLaw.format(round3(x))) }
        return [
            number("traffic.packet_rate_pps", logUniform(r, 1, 1000)),
            number("traffic.packet_size_bytes", logUniform(r, 60, 1500)),
            number("traffic.buffer_packets", r.uniform() < 0.5 ? 0 : logUniform(r, 1, 500).rounded(.down)),
        ]
    }

    /// The processing cost's weights (docs/MODELS.md 5.7), from a stream of their own (the
    /// other parameters are drawn as before): a lookup weight of 1 in half of the scenarios,
    /// else 1e-4...1, and an update weight 0.1...10 (log-uniform), so that the campaign
    /// sees scenarios where the binding-cache updates, not the per-packet lookups, dominate.
    private static func drawProcessingWeights(_ r: RandomStream) -> [Assignment] {
        func number(_ path: String, _ x: Double) -> Assignment { Assignment(path: path, value: ProbabilityLaw.format(round3(x))) }
        return [
            number("messages.binding_lookup_weight", r.uniform() < 0.5 ? 1 : logUniform(r, 1e-4, 1)),
            number("messages.binding_update_weight", logUniform(r, 0.1, 10)),
        ]
    }

    /// The air link's channel access and the random DAD delay (docs/MODELS.md 6.1.1, 6.1.2), from a
    /// stream of their own (the other parameters are drawn as before they existed, but the
    /// campaign's scenarios, and so its numbers, change): the 802.11 MAC in 40 % of the scenarios,
    /// half of them with the DSSS defaults at 1, 2, 5.5 or 11 Mbit/s and half with ERP-OFDM
    /// timing (slot 9 µs, SIFS 10, DIFS 28, CWmin 15, PLCP 16 + 4 µs, whole 4 µs symbols, 6...54 Mbit/s, ACK at 6, 12
    /// or 24 Mbit/s), access backoff or immediate; the random DAD delay in half of the scenarios.
    private static func drawLinkAccess(_ r: RandomStream) -> [Assignment] {
        var out: [Assignment] = []
        func set(_ path: String, _ value: String) { out.append(Assignment(path: path, value: value)) }
        if r.uniform() < 0.4 {
            set("links.wireless.mac", "ieee80211")
            if r.uniform() < 0.5 {
                let rate = [1_000_000, 2_000_000, 5_500_000, 11_000_000][r.uniformInt(4)]
                set("links.wireless.ieee80211.data_rate_bps", String(rate))
                set("links.wireless.ieee80211.basic_rate_bps", String(min(rate, 2_000_000)))
            } else {
                let rates = [6, 9, 12, 18, 24, 36, 48, 54]
                let rate = rates[r.uniformInt(rates.count)]
                let basic = [6, 12, 24].last { $0 <= rate } ?? 6
                for (path, value) in [("slot_us", "9"), ("sifs_us", "10"), ("difs_us", "28"), ("cw_min", "15"),
                                      ("preamble_us", "16"), ("plcp_header_us", "4"), ("phy", "ofdm")] {
                    set("links.wireless.ieee80211.\(path)", value)
                }
                set("links.wireless.ieee80211.data_rate_bps", String(rate * 1_000_000))
                set("links.wireless.ieee80211.basic_rate_bps", String(basic * 1_000_000))
            }
            set("links.wireless.ieee80211.access", r.uniform() < 0.5 ? "backoff" : "immediate")
        }
        set("links.dad_random_delay", r.uniform() < 0.5 ? "true" : "false")
        return out
    }

    /// A law of a family drawn from `families` with mean about `mean`, in its canonical spelling.
    private static func law(_ r: RandomStream, families: [String], mean m0: Double) -> String {
        let family = families[r.uniformInt(families.count)]
        let m = round3(m0)
        let built: ProbabilityLaw?
        switch family {
        case "exponential": built = try? .exponential(mean: m)
        case "gamma": built = try? .gamma(shape: round3(logUniform(r, 0.3, 5)), mean: m)
        case "weibull": built = try? .weibull(shape: round3(0.5 + 2.5 * r.uniform()), mean: m)
        case "lognormal": built = try? .lognormal(sigma: round3(0.2 + 1.3 * r.uniform()), mean: m)
        case "hyperexponential", "hypererlang":
            let p1 = round3(0.1 + 0.8 * r.uniform())
            let m1 = round3(m * (0.05 + 0.85 * r.uniform()))
            let m2 = round3((m - p1 * m1) / (1 - p1))
            let p = [p1, round3(1 - p1)]
            if family == "hyperexponential" {
                built = try? .hyperexponential(p: p, means: [m1, m2])
            } else {
                built = try? .hypererlang(p: p, shapes: [1 + r.uniformInt(4), 1 + r.uniformInt(4)], means: [m1, m2])
            }
        case "pareto": built = try? .pareto(shape: round3(2.2 + 2.3 * r.uniform()), mean: m)
        case "uniform":
            let w = 0.1 + 0.8 * r.uniform()
            built = try? .uniform(min: round3(m * (1 - w)), max: round3(m * (1 + w)))
        default: built = try? .deterministic(value: m)
        }
        // Every branch's parameters are inside the family's ranges; exponential is the
        // fallback should a rounding ever push one out.
        return (built ?? (try? ProbabilityLaw.exponential(mean: m)))?.spec ?? "exponential:mean=\(ProbabilityLaw.format(m))"
    }

    private static func logUniform(_ r: RandomStream, _ lo: Double, _ hi: Double) -> Double {
        lo * Foundation.exp(r.uniform() * Foundation.log(hi / lo))
    }

    /// `x` rounded to three significant digits, so commands stay readable.
    static func round3(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        return Double(String(format: "%.3g", x)) ?? x
    }
}
