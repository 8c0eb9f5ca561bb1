import Foundation
import Schemes
import Stochastics

/// The law of the handoff latency L of a session active across a handoff, in
/// closed form (docs/MODELS.md 6.5): the same parts the Monte Carlo draws
/// (`HandoffLatencyParts`, `LatencyRecipe`), so that functionals of L other than
/// its mean (P(L > X), E[(λL − B)⁺]) have closed forms too.
///
///   L = fixed + [client: τ_RS(1+2F_RS) + U(0, 2 D_RA)] + ra-part(τ_RA(1+2F_RA))
///       + τ_req(1+2F_1) + τ_ack(1+2F_2)
///       + Bernoulli(p_d)·(domainFixed + τ'_req(1+2F_3) + τ'_ack(1+2F_4))
///
/// in ms, with F_i independent geometric failure counts, P(F ≥ f) = q^f (each air
/// message's retransmissions, docs/MODELS.md 6.1), U uniform (the solicited-RA
/// delay, RFC 4861 6.2.6), and the domain crossing a Bernoulli(p_d) draw
/// independent of the air (the grid move decides it). The RA attempt enters once:
/// as detection (client or network RA) and in the S-PMIP race
/// max(plus + RA, alternative), the same draw in both, as in the simulator.
/// A fast handover (FMIPv6, FPMIPv6: `HandoffLatencyParts.fastHandover`) is the
/// mixture of its predictive and reactive modes, each `fixed + Σ τ_i(1+2F_i)` over
/// its air legs in place of the detection part, drawn per handoff as the simulator
/// does: every functional is the modes' probability-weighted sum (exact).
/// Per-flow DMM (a per-anchor step): the mixture over the live sessions' anchor
/// distance classes of docs/MODELS.md 3.4 with the weights of the exact mean
/// (`Motion.SessionsAtHandoff`): a session back at its anchor (π₀) has the at-anchor
/// fixed part and its detection only, any other one the full law plus
/// perAnchorStep·d, d from `awayLaw` (`shifts`), so E[L] is the exact mean latency and
/// the functionals are exact where it is; hand-built contexts without that law take
/// every session at the first-order distance `oldAnchorSteps` (APPROXIMATION).
///
/// With the 802.11 MAC (docs/MODELS.md 6.1.1) each air leg is
/// (τ − c0)(1 + F) + F c1 + slot·S, S a sum of uniform backoffs: the mean and the
/// transform carry the backoff's law exactly; the atoms (P(L > X) for laws that are
/// not exponential phases, buffered loss) take every backoff at its mean, an
/// APPROXIMATION whenever a backoff is drawn (`hasRandomBackoff`).
/// RFC 4862 5.4.2's random DAD delay is a second uniform (width k·w, k the DAD waits
/// of the fixed part, `DADShare`): exact in the mean and the transform, and in the
/// atoms when it is the only uniform; with the solicited-RA delay as well the atoms
/// integrate it by a 64-point midpoint rule (APPROXIMATION, `hasTwoUniforms`).
struct HandoffLatencyLaw: Sendable {
    var fixedMs: Double
    let client: Bool
    let networkRA: Bool
    let tauRS: Double, tauRA: Double
    var registration: (request: Double, ack: Double)?
    var race: (plus: Double, alternative: Double)?
    var domainFixedMs: Double
    var domainRegistration: (request: Double, ack: Double)?
    /// P(the handoff crosses a domain boundary), p_d.
    var domainProbability: Double
    /// Width of the uniform solicited-RA delay, ms (client detection only; 0: none).
    let uniformMs: Double
    /// Frame loss q of one air attempt.
    let loss: Double
    /// The 802.11 MAC of the air legs (nil: τ(1 + 2F)).
    let mac: IEEE80211Timing?
    /// Width of the random DAD delay's uniform in L, ms (0: none).
    var dadUniformMs: Double
    /// Further air legs τ (ms), each τ(1 + 2F) with its own F (a fast-handover mode's).
    let extraAir: [Double]
    /// A fast handover's modes (probability, law); empty otherwise. When not empty the
    /// functionals are the modes' weighted sums and the fields above are unused.
    var modes: [(p: Double, law: HandoffLatencyLaw)]

    /// Per-flow DMM: a constant added to L, drawn independently of the rest, as
    /// (ms, probability): perAnchorStep·d for the law of the session's distance d to its
    /// anchor (`Motion.SessionsAtHandoff.awayLaw`); empty: none.
    var shifts: [(ms: Double, p: Double)] = []

    /// Mass below which an enumerated atom is dropped (its mass is kept in `droppedMass`).
    static let atomFloor = 1e-13

    init(parts p: HandoffLatencyParts, context c: SchemeContext, tauRS: Double, tauRA: Double, dad: DADShare = .none) {
        let w = c.links.dadRandomWidthMs
        // Per-flow DMM with the live sessions' anchors (3.4): the distance enters as `shifts`
        // of the away mode below; hand-built contexts take every session at `oldAnchorSteps`.
        let walk = p.perAnchorStepMs == nil ? nil : c.motion.sessionsAtHandoff.flatMap { $0.awayLaw.isEmpty ? nil : $0 }
        fixedMs = p.fixedMs + (walk == nil ? (p.perAnchorStepMs ?? 0) * c.motion.oldAnchorSteps : 0) - dad.fixed * w / 2
        mac = c.links.mac
        dadUniformMs = dad.fixed * w
        client = { if case .client = p.detection { return true } else { return false } }()
        networkRA = { if case .networkRA = p.detection { return true } else { return false } }()
        self.tauRS = tauRS
        self.tauRA = tauRA
        registration = p.registrationAir
        race = p.raRace
        domainFixedMs = p.domainFixedMs
        domainRegistration = p.domainRegistrationAir
        domainProbability = (p.domainFixedMs != 0 || p.domainRegistrationAir != nil) ? c.motion.domainCrossingFraction : 0
        uniformMs = client ? 2 * c.links.raDelayMs : 0
        loss = c.links.wirelessLoss
        extraAir = []
        if let fast = p.fastHandover {
            // As the simulator: the mode's fixed part and air legs replace fixed + detection;
            // registration, race and domain parts are added as for any scheme.
            let (reg, rc, dFixed, dReg, pd, q, m) = (registration, race, domainFixedMs, domainRegistration, domainProbability, loss, mac)
            func mode(_ fixed: Double, _ air: [Double], _ k: Double) -> HandoffLatencyLaw {
                HandoffLatencyLaw(
                    fixedMs: fixed - k * w / 2, tauRS: tauRS, tauRA: tauRA, registration: reg, race: rc,
                    domainFixedMs: dFixed, domainRegistration: dReg, domainProbability: pd, loss: q, extraAir: air,
                    mac: m, dadUniformMs: k * w)
            }
            modes = [
                (fast.predictiveProbability, mode(fast.predictiveFixedMs, fast.predictiveAir, dad.predictive)),
                (1 - fast.predictiveProbability, mode(fast.reactiveFixedMs, fast.reactiveAir, dad.reactive)),
            ]
        } else {
            modes = []
        }
        if let step = p.perAnchorStepMs, let walk {
            // As the simulator (`Trajectory.handoff`): a session back at its anchor (π₀) has the
            // at-anchor fixed part and its detection only (no registration, race or domain part);
            // any other one the full law plus perAnchorStep·d, d from the sessions' law of D.
            var away = self
            away.shifts = walk.awayLaw.enumerated().compactMap { $0.offset > 0 && $0.element > 0 ? (step * Double($0.offset), $0.element) : nil }
            var home = self
            home.fixedMs = (p.atAnchorFixedMs ?? p.newSessionFixedMs ?? 0) - dad.atAnchor * w / 2
            home.dadUniformMs = dad.atAnchor * w
            home.registration = nil
            home.race = nil
            home.domainFixedMs = 0
            home.domainRegistration = nil
            home.domainProbability = 0
            let pi0 = Swift.min(1, Swift.max(0, walk.atAnchorFraction))
            let both: [(p: Double, law: HandoffLatencyLaw)] = [(pi0, home), (1 - pi0, away)]
            modes = both.filter { $0.p > 0 }
        }
    }

    /// One fast-handover mode: no detection part, its own air legs.
    private init(
        fixedMs: Double, tauRS: Double, tauRA: Double, registration: (request: Double, ack: Double)?,
        race: (plus: Double, alternative: Double)?, domainFixedMs: Double,
        domainRegistration: (request: Double, ack: Double)?, domainProbability: Double, loss: Double, extraAir: [Double],
        mac: IEEE80211Timing?, dadUniformMs: Double
    ) {
        self.mac = mac
        self.dadUniformMs = dadUniformMs
        self.fixedMs = fixedMs
        client = false
        networkRA = false
        self.tauRS = tauRS
        self.tauRA = tauRA
        self.registration = registration
        self.race = race
        self.domainFixedMs = domainFixedMs
        self.domainRegistration = domainRegistration
        self.domainProbability = domainProbability
        uniformMs = 0
        self.loss = loss
        self.extraAir = extraAir
        modes = []
    }

    // MARK: parts

    /// The RA-dependent part of L for one RA attempt time `ra` (ms).
    private func raPart(_ ra: Double) -> Double {
        (client || networkRA ? ra : 0) + (race.map { Swift.max($0.plus + ra, $0.alternative) } ?? 0)
    }
    private var usesRA: Bool { client || networkRA || race != nil }

    /// Atoms of τ(1 + 2F), F geometric: (τ(1+2f), (1−q)q^f) down to `atomFloor`; with the
    /// 802.11 MAC (τ + f(τ + r), (1−q)q^f), every backoff at its mean (r = `retryExtraMs`).
    private func air(_ tau: Double) -> [(ms: Double, p: Double)] {
        guard loss > 0 else { return [(tau, 1)] }
        var out: [(ms: Double, p: Double)] = []
        var f = 0.0, p = 1 - loss
        while p >= Self.atomFloor {
            if let m = mac { out.append((tau + f * (tau + m.retryExtraMs), p)) } else { out.append((tau * (1 + 2 * f), p)) }
            f += 1
            p *= loss
        }
        return out
    }

    /// E[e^{−sτ(1+2F)}] = e^{−sτ}(1 − q)/(1 − q e^{−2sτ}); with the 802.11 MAC
    /// e^{−s(τ−c0)} β(s)^b (1 − q)/(1 − q e^{−s(τ−c0+c1)} β(s)), β the backoff's transform,
    /// b the first attempt's backoffs (`SimulationPlan.AirAccess` names c0, c1).
    private func airLaplace(_ tau: Double, _ s: Double) -> Double {
        guard let m = mac else { return exp(-s * tau) * (1 - loss) / (1 - loss * exp(-2 * s * tau)) }
        let a = SimulationPlan.AirAccess(m)
        let beta = Self.backoffLaplace(slotMs: m.slotMs, cw: m.cwMin, s)
        let first = exp(-s * (tau - a.c0)) * (a.firstBackoffs > 0 ? beta : 1)
        return first * (1 - loss) / (1 - loss * exp(-s * (tau - a.c0 + a.c1)) * beta)
    }

    /// E[e^{−s·slot·B}], B uniform on {0, …, cw}: (1 − e^{−s·slot(cw+1)}) / ((cw+1)(1 − e^{−s·slot})).
    static func backoffLaplace(slotMs: Double, cw: Int, _ s: Double) -> Double {
        let x = s * slotMs
        guard cw > 0, x > 0 else { return 1 }
        return expm1(-x * Double(cw + 1)) / (Double(cw + 1) * expm1(-x))
    }

    /// E[τ(1+2F)] = τ(1 + q)/(1 − q) (docs/MODELS.md 6.1); 802.11: τ + q/(1−q)(τ + r).
    private func airMean(_ tau: Double) -> Double {
        if let m = mac { return tau + loss / (1 - loss) * (tau + m.retryExtraMs) }
        return tau * (1 + loss) / (1 - loss)
    }

    /// Whether a random backoff is drawn for some attempt (the atoms then take its mean).
    var hasRandomBackoff: Bool {
        if !modes.isEmpty { return modes.contains { $0.law.hasRandomBackoff } }
        guard let m = mac, m.cwMin > 0 else { return false }
        return !m.immediateAccess || loss > 0
    }

    /// Whether both the solicited-RA delay and the random DAD delay are uniforms of L.
    var hasTwoUniforms: Bool {
        if !modes.isEmpty { return modes.contains { $0.law.hasTwoUniforms } }
        return uniformMs > 0 && dadUniformMs > 0
    }

    /// The uniforms the atoms route handles: the one it integrates in closed form (width,
    /// ms) and the other as midpoint atoms (`midpointNodes`), when there are two.
    private var atomUniform: Double { uniformMs > 0 ? uniformMs : dadUniformMs }
    private static let midpointNodes = 64

    /// E[g(RA attempt)] for the RA part, summed over the geometric atoms (exact to `atomFloor`).
    private func overRA(_ g: (Double) -> Double) -> Double {
        air(tauRA).reduce(0) { $0 + $1.p * g(raPart($1.ms)) }
    }

    // MARK: functionals

    /// E[L], ms (exact; the race's max is averaged over the RA's atoms).
    var meanMs: Double {
        if !modes.isEmpty { return modes.reduce(0) { $0 + $1.p * $1.law.meanMs } }
        var m = extraAir.reduce(0) { $0 + airMean($1) } + fixedMs + (usesRA ? (race == nil ? raPart(airMean(tauRA)) : overRA { $0 }) : 0)
        if client { m += airMean(tauRS) + uniformMs / 2 }
        m += dadUniformMs / 2
        if let r = registration { m += airMean(r.request) + airMean(r.ack) }
        var d = domainFixedMs
        if let r = domainRegistration { d += airMean(r.request) + airMean(r.ack) }
        return m + domainProbability * d + shifts.reduce(0) { $0 + $1.p * $1.ms }
    }

    /// E[e^{−sL}], s in 1/ms: a product of the independent parts' transforms.
    func laplace(_ s: Double) -> Double {
        if !modes.isEmpty { return modes.reduce(0) { $0 + $1.p * $1.law.laplace(s) } }
        var v = extraAir.reduce(exp(-s * fixedMs)) { $0 * airLaplace($1, s) }
        if usesRA { v *= race == nil ? exp(-s * raPart(0)) * airLaplaceShifted(s) : overRA { exp(-s * $0) } }
        if client {
            v *= airLaplace(tauRS, s)
            if uniformMs > 0 { v *= -expm1(-s * uniformMs) / (s * uniformMs) }
        }
        if dadUniformMs > 0 { v *= -expm1(-s * dadUniformMs) / (s * dadUniformMs) }
        if let r = registration { v *= airLaplace(r.request, s) * airLaplace(r.ack, s) }
        var d = exp(-s * domainFixedMs)
        if let r = domainRegistration { d *= airLaplace(r.request, s) * airLaplace(r.ack, s) }
        if !shifts.isEmpty { v *= shifts.reduce(0) { $0 + $1.p * exp(-s * $1.ms) } }
        return v * ((1 - domainProbability) + domainProbability * d)
    }

    /// The RA attempt's transform when the RA part is linear in it (no race):
    /// raPart(ra) = k·ra with k = 1 (client or network RA).
    private func airLaplaceShifted(_ s: Double) -> Double { airLaplace(tauRA, s) }

    /// L without the uniform RA delay (or, alone, the DAD delay's: `atomUniform`) as atoms (ms, probability), merged where equal,
    /// and the mass dropped below `atomFloor`.
    func atoms() -> (atoms: [(ms: Double, p: Double)], dropped: Double) {
        if !modes.isEmpty {
            var all: [(ms: Double, p: Double)] = [], dropped = 0.0
            for m in modes {
                let a = m.law.atoms()
                all += a.atoms.map { ($0.ms, $0.p * m.p) }
                dropped += m.p * a.dropped
            }
            return (all.sorted { $0.ms < $1.ms }, dropped)
        }
        var dropped = 0.0
        func convolve(_ a: [(ms: Double, p: Double)], _ b: [(ms: Double, p: Double)]) -> [(ms: Double, p: Double)] {
            var out: [(ms: Double, p: Double)] = []
            out.reserveCapacity(a.count * b.count)
            for x in a {
                for y in b {
                    let p = x.p * y.p
                    if p < Self.atomFloor { dropped += p; continue }
                    out.append((x.ms + y.ms, p))
                }
            }
            return merge(out)
        }
        func merge(_ a: [(ms: Double, p: Double)]) -> [(ms: Double, p: Double)] {
            let sorted = a.sorted { $0.ms < $1.ms }
            var out: [(ms: Double, p: Double)] = []
            for x in sorted {
                if let last = out.last, abs(last.ms - x.ms) <= 1e-12 * Swift.max(1, abs(x.ms)) {
                    out[out.count - 1].p += x.p
                } else {
                    out.append(x)
                }
            }
            return out
        }
        var law: [(ms: Double, p: Double)] = [(fixedMs, 1)]
        for tau in extraAir { law = convolve(law, air(tau)) }
        if usesRA { law = convolve(law, merge(air(tauRA).map { (raPart($0.ms), $0.p) })) }
        if client { law = convolve(law, air(tauRS)) }
        if uniformMs > 0, dadUniformMs > 0 {
            let n = Self.midpointNodes
            law = convolve(law, (0..<n).map { ((Double($0) + 0.5) / Double(n) * dadUniformMs, 1 / Double(n)) })
        }
        if let r = registration { law = convolve(convolve(law, air(r.request)), air(r.ack)) }
        if !shifts.isEmpty { law = convolve(law, shifts) }
        if domainProbability > 0 {
            var crossed: [(ms: Double, p: Double)] = [(domainFixedMs, 1)]
            if let r = domainRegistration { crossed = convolve(convolve(crossed, air(r.request)), air(r.ack)) }
            let stay = law.map { ($0.ms, $0.p * (1 - domainProbability)) }
            law = merge(stay + convolve(law, crossed.map { ($0.ms, $0.p * domainProbability) }))
        }
        // Mass lost in the geometric tails themselves (each `air` stops at `atomFloor`).
        dropped = Swift.max(dropped, 1 - law.reduce(0) { $0 + $1.p })
        return (law, dropped)
    }

    /// P(L > X) = E[F_X(L)] for a residence X (s) independent of L: the probability that
    /// the handoff is not complete before the MN leaves the new AR.
    /// Phase-type laws of exponential phases (exponential, hyperexponential):
    /// 1 − Σ_i p_i E[e^{−L/m_i}] (exact); every other law: Σ_atoms p·E[F_X(a + U)],
    /// E[F_X(a + U)] = 1 − (E[(X − a)⁺] − E[(X − a − w)⁺])/w for the uniform RA delay of width w
    /// (`integratedTail`, closed form per family), exact to the dropped mass (< 1e-9).
    func exceedanceProbability(residence x: ProbabilityLaw) throws -> Double {
        if !modes.isEmpty { return try modes.reduce(0) { $0 + $1.p * (try $1.law.exceedanceProbability(residence: x)) } }
        if let phases = Self.exponentialPhases(x) {
            let e = phases.reduce(0) { $0 + $1.p * laplace(1 / (1000 * $1.mean)) }
            return Swift.min(1, Swift.max(0, 1 - e))
        }
        let w = atomUniform / 1000
        var total = 0.0
        for a in atoms().atoms {
            let t = a.ms / 1000
            let f = w > 0 ? 1 - (try x.integratedTail(t) - (try x.integratedTail(t + w))) / w : x.cdf(t)
            total += a.p * f
        }
        return Swift.min(1, Swift.max(0, total))
    }

    /// E[(λL − B)⁺]: packets lost (fluid, constant rate λ packets/s) beyond a buffer of B packets.
    /// B = 0: λE[L] (exact); B > 0: Σ_atoms p·E[(λ(a + U) − B)⁺], the uniform part in closed form.
    func meanLoss(ratePps: Double, bufferPackets b: Double) -> Double {
        if !modes.isEmpty { return modes.reduce(0) { $0 + $1.p * $1.law.meanLoss(ratePps: ratePps, bufferPackets: b) } }
        guard b > 0 else { return ratePps * meanMs / 1000 }
        let width = ratePps * atomUniform / 1000
        var total = 0.0
        for a in atoms().atoms {
            let y = b - ratePps * a.ms / 1000  // what λU must exceed
            let excess: Double
            if width <= 0 { excess = Swift.max(0, -y) }
            else if y <= 0 { excess = width / 2 - y }
            else if y >= width { excess = 0 }
            else { excess = (width - y) * (width - y) / (2 * width) }
            total += a.p * excess
        }
        return total
    }

    /// E[((λL − B)⁺)²], packets², for each buffer B of `buffers` in one pass over the atoms
    /// (B = 0: E[(λL)²]): the second moment of the packets lost per session and handoff,
    /// with the uniform RA delay in closed form: for V uniform on [0, W], W = λw, and
    /// y = B − λa, E[((V − y)⁺)²] = W²/3 − yW + y² (y ≤ 0), (W − y)³/(3W) (0 < y < W),
    /// 0 (y ≥ W). With `meanLoss` it gives the variance of one (handoff, session) unit
    /// under the model, which `ClosedFormComparison` needs where the Monte Carlo saw few losses.
    func lossSecondMoments(ratePps: Double, buffers: [Double]) -> [Double] {
        if !modes.isEmpty {
            var total = [Double](repeating: 0, count: buffers.count)
            for m in modes {
                let v = m.law.lossSecondMoments(ratePps: ratePps, buffers: buffers)
                for i in total.indices { total[i] += m.p * v[i] }
            }
            return total
        }
        let width = ratePps * uniformMs / 1000
        var total = [Double](repeating: 0, count: buffers.count)
        for a in atoms().atoms {
            for (i, b) in buffers.enumerated() {
                let y = Swift.max(0, b) - ratePps * a.ms / 1000
                let square: Double
                if width <= 0 { square = y < 0 ? y * y : 0 }
                else if y <= 0 { square = width * width / 3 - y * width + y * y }
                else if y >= width { square = 0 }
                else { square = (width - y) * (width - y) * (width - y) / (3 * width) }
                total[i] += a.p * square
            }
        }
        return total
    }

    /// The phases (weight, mean) of a law whose ccdf is Σ p_i e^{−x/m_i}; nil otherwise.
    static func exponentialPhases(_ x: ProbabilityLaw) -> [(p: Double, mean: Double)]? {
        switch x.form {
        case let .exponential(m): return [(1, m)]
        case let .hyperexponential(ph), let .hypererlang(ph):
            guard ph.shapes.allSatisfy({ $0 == 1 }) else { return nil }
            return (0..<ph.p.count).map { (ph.p[$0], ph.means[$0]) }
        default: return nil
        }
    }
}
