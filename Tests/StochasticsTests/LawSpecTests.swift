import Foundation
import Testing
@testable import Stochastics

@Suite("Probability laws: spelling")
struct LawSpecTests {
    @Test("print then parse gives the same law and the same text", arguments: LawFixtures.specs)
    func roundTrip(spec: String) throws {
        let law = try ProbabilityLaw.parse(spec)
        #expect(law.spec == spec)
        #expect(try ProbabilityLaw.parse(law.spec) == law)
        #expect(ProbabilityLaw(law.description) == law)
        let json = try JSONEncoder().encode([law])
        #expect(try JSONDecoder().decode([ProbabilityLaw].self, from: json) == [law])
    }

    @Test("non-canonical input prints canonically", arguments: [
        ("gamma:mean=60,shape=2", "gamma:shape=2,mean=60"),
        (" Exponential : mean = 60.0 ", "exponential:mean=60"),
        ("lognormal:mean=1e2,sigma=0.25", "lognormal:sigma=0.25,mean=100"),
        ("weibull:shape=0.7,mean=0.125", "weibull:shape=0.7,mean=0.125"),
        ("hypererlang:mean=1/3,shape=2/1,p=0.25/0.75", "hypererlang:p=0.25/0.75,shape=2/1,mean=1/3"),
        ("uniform:max=1.5,min=0", "uniform:min=0,max=1.5"),
    ])
    func canonical(input: String, printed: String) throws {
        #expect(try ProbabilityLaw.parse(input).spec == printed)
    }

    @Test("constructors spell what they build")
    func constructors() throws {
        #expect(try ProbabilityLaw.exponential(mean: 2.5).spec == "exponential:mean=2.5")
        #expect(try ProbabilityLaw.gamma(shape: 3, mean: 10).spec == "gamma:shape=3,mean=10")
        #expect(try ProbabilityLaw.weibull(shape: 1.5, mean: 10).spec == "weibull:shape=1.5,mean=10")
        #expect(try ProbabilityLaw.lognormal(sigma: 1, mean: 10).spec == "lognormal:sigma=1,mean=10")
        #expect(try ProbabilityLaw.hyperexponential(p: [0.2, 0.8], means: [1, 2]).spec == "hyperexponential:p=0.2/0.8,mean=1/2")
        #expect(try ProbabilityLaw.hypererlang(p: [1], shapes: [3], means: [9]).spec == "hypererlang:p=1,shape=3,mean=9")
        #expect(try ProbabilityLaw.pareto(shape: 3, mean: 10).spec == "pareto:shape=3,mean=10")
        #expect(try ProbabilityLaw.uniform(min: 1, max: 2).spec == "uniform:min=1,max=2")
        #expect(try ProbabilityLaw.deterministic(value: 0.001).spec == "deterministic:value=0.001")
        // 1/3 has no short decimal: the printed text must still parse back to the same double.
        let third = try ProbabilityLaw.exponential(mean: 1.0 / 3)
        #expect(try ProbabilityLaw.parse(third.spec).mean == 1.0 / 3)
    }

    /// The typed constructors check numbers as `parse` checks text: the same
    /// law for the same values, the same message (with the law spelt canonically) when out of range.
    @Test("typed constructors and parse agree, law for law and error for error")
    func typedMatchesParse() throws {
        let built: [(ProbabilityLaw, String)] = [
            (try .gamma(shape: 2.5, mean: 1.0 / 3), "gamma:shape=2.5,mean=\(1.0 / 3)"),
            (try .weibull(shape: 0.7, mean: 60), "weibull:shape=0.7,mean=60"),
            (try .lognormal(sigma: 1.5, mean: 300), "lognormal:sigma=1.5,mean=300"),
            (try .pareto(shape: 2.2, mean: 60), "pareto:shape=2.2,mean=60"),
            (try .hypererlang(p: [0.25, 0.75], shapes: [2, 1], means: [1, 3]), "hypererlang:p=0.25/0.75,shape=2/1,mean=1/3"),
        ]
        for (law, text) in built { #expect(law == (try ProbabilityLaw.parse(text)), "\(text)") }
        let refused: [(() throws -> ProbabilityLaw, String)] = [
            ({ try .gamma(shape: 0.001, mean: 1) }, "gamma:shape=0.001,mean=1"),
            ({ try .exponential(mean: .nan) }, "exponential:mean=nan"),
            ({ try .exponential(mean: -5) }, "exponential:mean=-5"),
            ({ try .uniform(min: 2, max: 2) }, "uniform:min=2,max=2"),
            ({ try .hyperexponential(p: [0.5, 0.4], means: [1, 2]) }, "hyperexponential:p=0.5/0.4,mean=1/2"),
            ({ try .hypererlang(p: [0.5, 0.5], shapes: [2], means: [1, 2]) }, "hypererlang:p=0.5/0.5,shape=2,mean=1/2"),
        ]
        for (make, text) in refused {
            var parsed: LawError?
            do { _ = try ProbabilityLaw.parse(text) } catch let error as LawError { parsed = error }
            #expect(parsed != nil, "\(text)")
            #expect(throws: parsed!) { try make() }
        }
    }

    static let families = "exponential, gamma, weibull, lognormal, hyperexponential, hypererlang, pareto, uniform, deterministic"

    /// Each bad spec with the exact message the user sees (LawError.description).
    @Test("malformed and out-of-range specs are rejected with the documented message", arguments: [
        ("erlang:shape=2,mean=1", "law 'erlang:shape=2,mean=1': unknown law 'erlang'; allowed: \(families)"),
        ("60", "law '60': expected FAMILY:NAME=VALUE,...; families: \(families)"),
        ("gamma", "law 'gamma': missing parameters; write gamma:shape=...,mean=..."),
        ("exponential:mean=1,shape=2", "law 'exponential:mean=1,shape=2': unknown parameter 'shape'; exponential takes mean"),
        ("gamma:mean=1", "law 'gamma:mean=1': missing parameter 'shape'; gamma takes shape, mean"),
        ("exponential:mean=1,mean=2", "law 'exponential:mean=1,mean=2': parameter 'mean' is given twice"),
        ("exponential:mean", "law 'exponential:mean': 'mean' is not NAME=VALUE; exponential takes mean"),
        ("exponential:mean=abc", "law 'exponential:mean=abc': parameter 'mean' = 'abc' is not a finite number"),
        ("exponential:mean=", "law 'exponential:mean=': parameter 'mean' = '' is not a finite number"),
        ("exponential:mean=nan", "law 'exponential:mean=nan': parameter 'mean' = 'nan' is not a finite number"),
        ("exponential:mean=inf", "law 'exponential:mean=inf': parameter 'mean' = 'inf' is not a finite number"),
        ("exponential:mean=1e999", "law 'exponential:mean=1e999': parameter 'mean' = '1e999' is not a finite number"),
        ("exponential:mean=0", "law 'exponential:mean=0': parameter 'mean' = 0 is out of range; allowed: a number > 0"),
        ("exponential:mean=-5", "law 'exponential:mean=-5': parameter 'mean' = -5 is out of range; allowed: a number > 0"),
        ("gamma:shape=0.001,mean=1", "law 'gamma:shape=0.001,mean=1': parameter 'shape' = 0.001 is out of range; allowed: 0.01 <= shape <= 10000"),
        ("weibull:shape=0.05,mean=1", "law 'weibull:shape=0.05,mean=1': parameter 'shape' = 0.05 is out of range; allowed: 0.1 <= shape <= 100"),
        ("lognormal:sigma=0,mean=1", "law 'lognormal:sigma=0,mean=1': parameter 'sigma' = 0 is out of range; allowed: 0 < sigma <= 5"),
        ("pareto:shape=1,mean=1", "law 'pareto:shape=1,mean=1': parameter 'shape' = 1 is out of range; allowed: 1 < shape <= 10000 (the mean must exist)"),
        ("uniform:min=-1,max=1", "law 'uniform:min=-1,max=1': parameter 'min' = -1 is out of range; allowed: min >= 0 (durations are non-negative)"),
        ("uniform:min=2,max=2", "law 'uniform:min=2,max=2': parameter 'max' = 2 is out of range; allowed: max > min = 2"),
        ("deterministic:value=0", "law 'deterministic:value=0': parameter 'value' = 0 is out of range; allowed: a number > 0"),
        ("hyperexponential:p=0.5/0.4,mean=1/2", "law 'hyperexponential:p=0.5/0.4,mean=1/2': parameter 'p' = 0.5/0.4 sums to 0.9; allowed: probabilities summing to 1"),
        ("hyperexponential:p=1.5/-0.5,mean=1/2", "law 'hyperexponential:p=1.5/-0.5,mean=1/2': parameter 'p' = 1.5 is out of range; allowed: each 0 < p <= 1"),
        ("hyperexponential:p=0.5/0.5,mean=1", "law 'hyperexponential:p=0.5/0.5,mean=1': p, mean must list the same number of phases (got 2, 1)"),
        ("hypererlang:p=0.5/0.5,shape=2,mean=1/2", "law 'hypererlang:p=0.5/0.5,shape=2,mean=1/2': p, shape, mean must list the same number of phases (got 2, 1, 2)"),
        ("hypererlang:p=0.5/0.5,shape=2/1.5,mean=1/2", "law 'hypererlang:p=0.5/0.5,shape=2/1.5,mean=1/2': parameter 'shape' = '2/1.5': '1.5' is not an integer in 1...1000"),
        ("hyperexponential:p=0.5/x,mean=1/2", "law 'hyperexponential:p=0.5/x,mean=1/2': parameter 'p' = '0.5/x': 'x' is not a finite number; write V1/V2/..."),
        ("hyperexponential:p=0.5/0.5,mean=1/0", "law 'hyperexponential:p=0.5/0.5,mean=1/0': parameter 'mean' = 0 is out of range; allowed: each mean > 0"),
    ])
    func rejected(spec: String, message: String) throws {
        do {
            let law = try ProbabilityLaw.parse(spec)
            Issue.record("\(spec) was accepted as \(law)")
        } catch let error as LawError {
            #expect(error.description == message)
            #expect((error as Error) is any InvalidInput)
        }
        #expect(ProbabilityLaw(spec) == nil)
    }
}

/// The law parser's own trimming against Foundation's `trimmingCharacters(in: .whitespaces)`.
@Test(arguments: ["", " ", "\t", "  mean = 3\t", "\u{00A0}gamma\u{3000}", "\n x \n", "a b", " \u{2009}\u{2009}", "é "])
func trimmingSpacesMatchesFoundation(text: String) {
    #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
}
