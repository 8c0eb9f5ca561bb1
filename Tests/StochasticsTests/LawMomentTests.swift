import Foundation
import Testing
@testable import Stochastics

/// Sample moments of `sample` against exact moments (LawFixtures.rawMoment).
///
/// Tolerances: the sample mean has standard error σ/√n. The sample variance
/// s² has Var(s²) = (μ₄ − σ⁴)/n + O(n⁻²) (Cramér, Mathematical Methods of
/// Statistics, 27.4), with μ₄ the exact fourth central moment; both are
/// checked within 4 standard errors. Where μ₄ is infinite (Pareto, shape ≤ 4)
/// s² has no Gaussian limit, so only the mean is checked; where σ² is
/// infinite too (never here: shape 2.2 > 2) the mean would not be either.
@Suite("Probability laws: moments")
struct LawMomentTests {
    static let n = 200_000

    @Test("exact mean, variance and CV² agree with independent formulas", arguments: LawFixtures.specs)
    func exactMoments(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let mean = LawFixtures.mean(law), variance = LawFixtures.variance(law)
        #expect(abs(law.mean - mean) <= 1e-12 * mean)
        #expect(abs(law.variance - variance) <= 1e-10 * mean * mean)
        #expect(abs(law.cv2 - variance / (mean * mean)) <= 1e-10 * Swift.max(1, law.cv2))
        #expect(abs(law.secondMoment - LawFixtures.rawMoment(law, 2)) <= 1e-10 * law.secondMoment)
    }

    @Test("fixtures cover CV² well below and well above 1")
    func fixturesCoverBothSides() throws {
        let laws = LawFixtures.laws
        for family in ["gamma", "weibull", "lognormal", "hypererlang", "pareto"] {
            let cv2 = laws.filter { $0.family == family }.map(\.cv2)
            #expect(cv2.contains { $0 < 0.5 }, "\(family): no CV² < 0.5")
            #expect(cv2.contains { $0 > 1.5 }, "\(family): no CV² > 1.5")
        }
        #expect(Set(laws.map(\.family)) == Set(ProbabilityLaw.families))
    }

    @Test("sample mean and variance within 4 standard errors", arguments: LawFixtures.specs.enumerated().map { $0 })
    func sampleMoments(index: Int, spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let stream = RandomStream(seed: 2024).child(index)
        let s = SampleSummary(Self.n) { law.sample(stream) }
        let mean = LawFixtures.mean(law), variance = LawFixtures.variance(law)
        if variance == 0 {
            #expect(s.mean == mean && s.variance == 0)
            return
        }
        let seMean = (variance / s.n).squareRoot()
        #expect(abs(s.mean - mean) <= 4 * seMean, "\(spec): mean \(s.mean) vs \(mean), se \(seMean)")
        let mu4 = LawFixtures.fourthCentralMoment(law)
        if mu4.isFinite {
            let seVariance = ((mu4 - variance * variance) / s.n).squareRoot()
            #expect(
                abs(s.variance - variance) <= 4 * seVariance,
                "\(spec): variance \(s.variance) vs \(variance), se \(seVariance)")
        } else {
            #expect(law.family == "pareto")
        }
    }

    @Test("sample stays in the support")
    func support() throws {
        let stream = RandomStream(seed: 7)
        for law in LawFixtures.laws {
            let (low, high) = LawFixtures.support(law)
            for _ in 0..<2000 {
                let x = law.sample(stream)
                #expect(x >= low && x <= (high ?? .infinity) && x.isFinite, "\(law): \(x)")
            }
        }
    }
}
