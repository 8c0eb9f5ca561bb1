import Foundation
import Testing
@testable import Stochastics

@Suite("Probability laws: setting and withMean")
struct LawRescalingTests {
    @Test("withMean changes the mean and keeps CV² and the family", arguments: LawFixtures.specs)
    func withMeanKeepsShape(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        for target in [0.3, 7.0, 1234.5] {
            let scaled = try law.withMean(target)
            #expect(scaled.family == law.family)
            #expect(abs(scaled.mean - target) <= 1e-12 * target)
            #expect(abs(scaled.cv2 - law.cv2) <= 1e-9 * Swift.max(1, law.cv2), "\(spec) -> \(scaled)")
        }
    }

    @Test("setting mean keeps CV²; a single mean rescales every phase", arguments: LawFixtures.specs)
    func settingMean(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        let changed = try law.setting("mean", to: "30")
        #expect(abs(changed.mean - 30) <= 1e-12 * 30)
        #expect(abs(changed.cv2 - law.cv2) <= 1e-9 * Swift.max(1, law.cv2))
    }

    @Test("setting a shape keeps the mean")
    func settingShape() throws {
        let cases: [(String, String, String, Double)] = [
            ("gamma:shape=2,mean=60", "shape", "0.5", 2),
            ("weibull:shape=2,mean=60", "shape", "0.5", 5),
            ("lognormal:sigma=1,mean=60", "sigma", "0.5", expm1(0.25)),
            ("pareto:shape=5,mean=60", "shape", "3", 1.0 / 3),
        ]
        for (spec, name, value, cv2) in cases {
            let changed = try ProbabilityLaw.parse(spec).setting(name, to: value)
            #expect(changed.mean == 60)
            #expect(abs(changed.cv2 - cv2) <= 1e-12 * cv2, "\(changed)")
        }
        let phases = try ProbabilityLaw.parse("hyperexponential:p=0.5/0.5,mean=50/70").setting("mean", to: "10/20")
        #expect(phases.spec == "hyperexponential:p=0.5/0.5,mean=10/20")
    }

    @Test("setting rejects unknown names and bad values with the documented message")
    func settingErrors() throws {
        let law = try ProbabilityLaw.parse("gamma:shape=2,mean=60")
        #expect(throws: LawError(spec: "gamma:shape=2,mean=60", "unknown parameter 'sigma'; gamma takes shape, mean")) {
            try law.setting("sigma", to: "1")
        }
        #expect(throws: LawError(spec: "gamma:shape=-1,mean=60", "parameter 'shape' = -1 is out of range; allowed: 0.01 <= shape <= 10000")) {
            try law.setting("shape", to: "-1")
        }
        let uniform = try ProbabilityLaw.parse("uniform:min=0,max=2")
        #expect(throws: LawError(spec: "uniform:min=0,max=2", "unknown parameter 'sigma'; uniform takes min, max, or mean to rescale")) {
            try uniform.setting("sigma", to: "1")
        }
        #expect(throws: LawError(spec: "uniform:min=0,max=2", "parameter 'mean' = 'nan' is not a finite number")) {
            try uniform.setting("mean", to: "nan")
        }
        #expect(throws: LawError(spec: "uniform:min=0,max=2", "parameter 'mean' = -3 is out of range; allowed: a number > 0")) {
            try uniform.setting("mean", to: "-3")
        }
    }
}
