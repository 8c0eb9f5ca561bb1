import Foundation
import Testing
@testable import Stochastics

@Suite("Probability laws: cdf, ccdf, density")
struct DistributionFunctionTests {
    /// Points around the mean and in both tails, in units of the mean.
    static let multiples = [0.0, 0.01, 0.3, 0.9, 1.0, 1.1, 2.5, 10]

    @Test("cdf + ccdf = 1 and both lie in [0, 1]", arguments: LawFixtures.specs)
    func complement(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        for x in Self.multiples.map({ $0 * law.mean }) + [-1] {
            let f = law.cdf(x), g = law.ccdf(x)
            #expect(abs(f + g - 1) <= 1e-14, "\(spec) at \(x): \(f) + \(g)")
            #expect(f >= 0 && f <= 1 && g >= 0 && g <= 1)
        }
        #expect(law.cdf(-1) == 0 && law.ccdf(-1) == 1)
    }

    @Test("cdf equals the integral of the density", arguments: LawFixtures.specs.filter { !$0.hasPrefix("deterministic") })
    func cdfIsIntegralOfDensity(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let low = LawFixtures.support(law).low
        for x in Self.multiples.map({ $0 * law.mean }) where x > low {
            let upper = LawFixtures.support(law).high.map { Swift.min($0, x) } ?? x
            let integral = try LawFixtures.integral(from: low, to: upper) { law.density($0)! }
            #expect(abs(integral - law.cdf(x)) <= 1e-9, "\(spec) at \(x): \(integral) vs \(law.cdf(x))")
        }
    }

    @Test("the density integrates to 1 and its first moment is the mean", arguments: LawFixtures.specs.filter { !$0.hasPrefix("deterministic") })
    func densityNormalised(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let (low, high) = LawFixtures.support(law)
        let mass = try LawFixtures.integral(from: low, to: high) { law.density($0)! }
        #expect(abs(mass - 1) <= 1e-9)
        let mean = try LawFixtures.integral(from: low, to: high) { $0 * law.density($0)! }
        #expect(abs(mean - law.mean) <= 1e-7 * law.mean, "\(spec): ∫x f = \(mean)")
    }

    @Test("deterministic law: a step at its value and no density")
    func deterministic() throws {
        let law = try ProbabilityLaw.parse("deterministic:value=60")
        #expect(law.cdf(59.999) == 0 && law.cdf(60) == 1 && law.ccdf(60) == 0 && law.ccdf(59.999) == 1)
        #expect(law.density(60) == nil)
    }

    @Test("the tail keeps precision where 1 − cdf would round to 0")
    func tailPrecision() throws {
        let law = try ProbabilityLaw.parse("exponential:mean=1")
        #expect(abs(law.ccdf(50) / exp(-50) - 1) <= 1e-12)
    }
}
