import Schemes

/// How many times each part of a scheme's handoff latency waits for DAD
/// (docs/MODELS.md 6.1.2), so that RFC 4862 section 5.4.2's random delay before
/// the first probe can be drawn where the model put the DAD wait, without each
/// model naming it.
///
/// Every model is affine in T_DAD (it adds `links.dadMs` to a part or not), so a
/// part's coefficient is its change when T_DAD grows by 1 ms: exact, not a
/// numerical derivative (both evaluations are sums of the same terms).
struct DADShare: Sendable, Equatable {
    var fixed = 0.0, newSession = 0.0, atAnchor = 0.0, domainFixed = 0.0
    var predictive = 0.0, reactive = 0.0

    /// No DAD randomness (the random delay off): every coefficient 0.
    static let none = DADShare()

    init() {}

    init(model: any SchemeModel, context c: SchemeContext) {
        guard c.links.dadRandomWidthMs > 0 else { return }
        var c1 = c
        c1.links.dadMs += 1
        let a = model.latencyParts(c), b = model.latencyParts(c1)
        // Rounded: the coefficient is an integer count of DAD waits; the subtraction of two
        // sums that differ by k ms leaves roundoff of the order of 1e-12.
        func k(_ x: Double, _ y: Double) -> Double { (y - x).rounded() }
        fixed = k(a.fixedMs, b.fixedMs)
        newSession = k(a.newSessionFixedMs ?? 0, b.newSessionFixedMs ?? 0)
        atAnchor = k(a.atAnchorFixedMs ?? a.newSessionFixedMs ?? 0, b.atAnchorFixedMs ?? b.newSessionFixedMs ?? 0)
        domainFixed = k(a.domainFixedMs, b.domainFixedMs)
        if let fa = a.fastHandover, let fb = b.fastHandover {
            predictive = k(fa.predictiveFixedMs, fb.predictiveFixedMs)
            reactive = k(fa.reactiveFixedMs, fb.reactiveFixedMs)
        }
    }
}
