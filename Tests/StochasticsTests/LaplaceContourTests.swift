import Foundation
import Testing
@testable import Stochastics

/// The batch of complements on one Bromwich line (`laplaceComplements`) against
/// `laplacePair` point by point (two adaptive GSL quadratures per point, another
/// integration scheme), on the lines an Euler inversion uses at times from 1e-4 to
/// 1e7 mean residences.
@Suite("Probability laws: 1 - Laplace transform on an inversion line")
struct LaplaceContourTests {
    static let specs = [
        "weibull:shape=2,mean=60", "weibull:shape=0.5,mean=60", "weibull:shape=5,mean=60",
        "lognormal:sigma=0.5,mean=60", "lognormal:sigma=1.5,mean=60",
        "pareto:shape=5,mean=60", "pareto:shape=2.2,mean=60", "pareto:shape=1.3,mean=60",
        "gamma:shape=4,mean=60", "uniform:min=0,max=120",
    ]

    /// The complement matters relatively where it is small (|s|E[X] < 1) and
    /// absolutely elsewhere: tolerance 1e-10·min(1, |s|E[X]).
    @Test("agrees with laplacePair", arguments: specs)
    func agreesWithPointwise(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        // laplacePair loses the s^A term of heavy Pareto laws at tiny s (see `paretoAtTinyS`).
        let factors: [Double] = if case .pareto = law.form { [1e-4, 0.03, 1, 7] } else { [1e-4, 0.03, 1, 7, 300, 1e7] }
        for factor in factors {
            let t = factor * law.mean, a = 18.4 / (2 * t), omega = Double.pi / t
            let batch = try law.laplaceComplements(real: a, step: omega, count: 27)
            #expect(batch.count == 27)
            for j in 0..<27 where j % 2 == 0 || j > 20 {
                let s = Complex(a, Double(j) * omega)
                let c = try law.laplacePair(s).complement
                let size = min(1, hypot(s.re, s.im) * law.mean)
                let error = hypot(batch[j].re - c.re, batch[j].im - c.im)
                #expect(error <= 1e-10 * size, "\(spec) t=\(t) j=\(j): \(batch[j]) vs \(c)")
            }
        }
    }

    /// Pareto A = 1.3, mean 60, t = 6e8 s: 1 − f*(s) = sE[X] − Γ(1 − A)(s x_m)^A + …, whose
    /// second term is 1 % here (tolerance: 1e-9 of |s|E[X] at j = 26). Reference: mpmath (30 digits) of
    /// ∫₀^∞ e^{−v}(1 − e^{−s x_m e^{v/A}}) dv, computed outside this repository.
    @Test func paretoAtTinyS() throws {
        let law = try ProbabilityLaw.parse("pareto:shape=1.3,mean=60")
        let t = 6e8
        let batch = try law.laplaceComplements(real: 18.4 / (2 * t), step: Double.pi / t, count: 27)
        #expect(abs(batch[0].re - 9.10854121825733151e-7) <= 1e-17)
        #expect(abs(batch[26].re - 9.70391790225236082e-7) <= 1e-14)
        #expect(abs(batch[26].im - 8.01879093574096570e-6) <= 1e-14)
    }

    @Test func nonPositiveRealPartThrows() throws {
        let law = try ProbabilityLaw.parse("weibull:shape=2,mean=60")
        #expect(throws: GSLError.self) { try law.laplaceComplements(real: 0, step: 1, count: 3) }
        #expect(throws: GSLError.self) { try law.laplaceComplements(real: .infinity, step: 1, count: 3) }
    }
}
