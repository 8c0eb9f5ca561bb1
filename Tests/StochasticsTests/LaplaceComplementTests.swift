import Foundation
import Testing
@testable import Stochastics

/// 1 − f*(s) (`laplaceComplement`): equal to 1 − `laplace` where that has its
/// digits, and correct to first order, 1 − f*(s) = sE[X] − s²E[X²]/2 + …, where
/// `1 - laplace(s)` has none left (sE[X] ≤ 1e−12).
@Suite("Probability laws: 1 - Laplace transform without cancellation")
struct LaplaceComplementTests {
    @Test("agrees with 1 - laplace at ordinary s", arguments: LawFixtures.specs)
    func agreesWithLaplace(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        for s in [0.05, 1, 20].map({ $0 / law.mean }) {
            #expect(abs(try law.laplaceComplement(s) - (1 - (try law.laplace(s)))) <= 1e-9, "\(spec) at s=\(s)")
        }
        #expect(try law.laplaceComplement(0) == 0)
    }

    /// At sE[X] = 1e−12 the second-order term is below 1e−10 relative for every
    /// fixture (E[X²]/E[X]² ≤ 50), so c/(sE[X]) must be 1 to 1e−9.
    @Test("first order at tiny s", arguments: LawFixtures.specs)
    func firstOrder(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let s = 1e-12 / law.mean
        let ratio = try law.laplaceComplement(s) / (s * law.mean)
        #expect(abs(ratio - 1) <= 1e-9, "\(spec): \(ratio)")
    }

    /// Pareto, closed form (1 − e^{−z}) + z^A Γ(1 − A, z): against the moment series
    /// sE[X] − s²E[X²]/2 with remainder ≤ s³E[X³]/6 (shape 3.5: E[X^k] = A x_m^k/(A − k))
    /// at the campaign's failing range s ~ 1e-7 (GSL roundoff in the old quadrature), and
    /// against quadrature of (1 − e^{−sx}) f(x) over the density at ordinary s.
    @Test func paretoClosedFormAgainstMomentsAndQuadrature() throws {
        let a = 3.5, mean = 516.0
        let law = try ProbabilityLaw.parse("pareto:shape=\(a),mean=\(mean)")
        let xm = mean * (a - 1) / a
        func moment(_ k: Double) -> Double { a * pow(xm, k) / (a - k) }
        for s in [9.512937595129376e-08, 5.4513112964929474e-08, 1e-6] {
            let series = s * moment(1) - s * s * moment(2) / 2
            let bound = pow(s, 3) * moment(3) / 6
            #expect(abs(try law.laplaceComplement(s) - series) <= bound + 1e-15 * series, "s=\(s)")
        }
        for s in [0.1, 1.0, 10.0].map({ $0 / mean }) {
            // f(x) = A x_m^A / x^{A+1} on x > x_m; u = x_m/x maps it to A u^{A−1} on (0, 1).
            let reference = try Quadrature.integrate(over: .finite(0, 1)) { u in
                u == 0 ? 0 : -expm1(-s * xm / u) * a * pow(u, a - 1)
            }.value
            #expect(abs(try law.laplaceComplement(s) - reference) <= 1e-10, "s=\(s)")
        }
        // Heavy tail (shape 1.3): the s^A term matters at tiny s; reference from mpmath
        // (-expm1(-z) + z**A * gammainc(1-A, z), 50 digits): 5.97370340270903e-8.
        let heavy = try ProbabilityLaw.parse("pareto:shape=1.3,mean=60")
        let h = try heavy.laplaceComplement(1e-9)
        #expect(abs(h - 5.97370340270903e-8) <= 1e-9 * 5.97370340270903e-8, "\(h)")
        #expect(try heavy.laplaceComplement(1e3) == 1)
    }

    @Test func negativeOrInfiniteSThrows() throws {
        let law = try ProbabilityLaw.parse("exponential:mean=60")
        #expect(throws: GSLError.self) { try law.laplaceComplement(-1) }
        #expect(throws: GSLError.self) { try law.laplaceComplement(.infinity) }
    }
}
