import Schemes

/// A scheme's handoff critical path as parts the simulation draws
/// (analytic-models.md 6.1-6.3; the same structure as each `SchemeModel`'s
/// `handoffLatencyMs` doc comment):
///
///   L = fixed + [RS + D_RA + RA if client movement detection | RA if network]
///       + registration air legs + perStep·D (per-flow: the session's own anchor
///       at D simulated grid steps; D = 0 needs no update) + on a domain
///       crossing: domainFixed + its air legs.
///
/// Random parts: D_RA ~ Uniform(0, 2·ra_delay_ms) (RFC 4861 6.2.6 draws the
/// solicited-RA delay uniformly; mean ra_delay_ms as the closed form uses); each
/// air message takes τ(1 + 2F) with F ~ Geometric failures of probability q (a
/// failed attempt costs attempt + timeout, so E = τ(1+q)/(1−q) = T_wl, 6.1).
/// DAD, L2 and wired legs are deterministic, as in the closed forms.
struct LatencyRecipe: Sendable {
    var fixedMs = 0.0
    var clientDetection = false
    var networkRA = false
    /// Air legs of the registration: attempt times τ (ms) of request and ack.
    var regTau: (req: Double, ack: Double)? = nil
    var perFlow = false
    var perStepMs = 0.0
    var domainFixedMs = 0.0
    var domainTau: (req: Double, ack: Double)? = nil
    /// S-PMIP: the MN-side branch (PBA + RA) races the CN-side branch (PQA): max(plus + RA, alternative).
    var raRace: (plus: Double, alternative: Double)? = nil
    /// Latency of new sessions after the handoff (per-flow DMM): fixed part; detection as above.
    var newSessionFixedMs: Double? = nil

    init(id: String, context c: SchemeContext, scenario s: Scenario) throws {
        let l = c.links, h = c.hops
        func tau(_ k: MessageSizeKey) -> Double { SimulationPlan.tau(c.size(k), c) }
        func wd(_ k: MessageSizeKey, _ hops: Double) -> Double { l.wired(c.size(k), hops: hops) }
        let l2 = l.l2HandoffMs, dad = l.dadMs
        switch id {
        case "mipv6":
            fixedMs = l2 + dad + wd(.bu, h.arHa) + wd(.ba, h.arHa); clientDetection = true; regTau = (tau(.bu), tau(.ba))
        case "hmipv6":
            fixedMs = l2 + dad + wd(.lbu, h.arMap) + wd(.lba, h.arMap); clientDetection = true
            regTau = (tau(.lbu), tau(.lba))
            domainFixedMs = wd(.bu, h.arHa) + wd(.ba, h.arHa); domainTau = (tau(.bu), tau(.ba))
        case "pmipv6":
            fixedMs = l2 + wd(.pbu, h.magLma) + wd(.pba, h.magLma); networkRA = true
        case "dlma":
            fixedMs = l2 + wd(.pbu, h.magLma) + wd(.pba, h.magLma); networkRA = true
            domainFixedMs = 2 * wd(.locationUpdate, h.lmaLma)
        case "fama", "dmi":
            fixedMs = l2 + dad; clientDetection = true; regTau = (tau(.bu), tau(.ba))
            perFlow = true; perStepMs = wd(.bu, h.arAr) + wd(.ba, h.arAr); newSessionFixedMs = l2 + dad
        case "dma":
            fixedMs = l2; networkRA = true
            perFlow = true; perStepMs = wd(.pbu, h.arAr) + wd(.pba, h.arAr); newSessionFixedMs = l2
        case "ghaha":
            fixedMs = l2 + dad + wd(.bu, h.arNearestHa) + wd(.ba, h.arNearestHa); clientDetection = true
            regTau = (tau(.bu), tau(.ba))
        case "sail":
            fixedMs = l2 + dad + wd(.bu, h.arNearestHa) + wd(.ba, h.arNearestHa) + 2 * wd(.dhtUpdate, h.haHa)
            clientDetection = true; regTau = (tau(.bu), tau(.ba))
        case "spmip":
            let hs = h.arLocationServer
            fixedMs = l2 + wd(.pbu, hs); raRace = (wd(.pba, hs), wd(.pqa, hs))
        case "sdpmip":
            let hq = max(0, h.cnAr - 1)
            fixedMs = l2 + wd(.pbq, hq) + wd(.pqa, hq); networkRA = true
        default:
            throw MonteCarloError.noModel(id)
        }
    }
}
