import Foundation
import Schemes
import Stochastics
import Testing
@testable import Evaluation

@Suite struct ScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func text(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Models/scenarios/\(name).yaml"), encoding: .utf8)
    }

    @Test func everyDefaultIsAllowedAndEveryMessageHasASize() throws {
        for p in ScenarioParameter.all {
            #expect(try Scenario.default.value(at: p.path) == Scenario.default.setting(p.path, to: p.defaultValue).value(at: p.path))
            #expect(!p.source.isEmpty)
        }
        for key in MessageSizeKey.allCases { #expect(Scenario.default.size(key) > 0, "\(key)") }
    }

    @Test func defaultYAMLIsTheBuiltInDefaultWithASourceOnEveryValue() throws {
        let text = try Self.text("default")
        // Parsed over a scenario where every value differs, so each must come from the file.
        var other = Scenario.default
        other.mobility.residence = try .exponential(mean: 1)
        other.topology.arHaHops = 99
        other.messages.sizes[.pbu] = 1
        #expect(try ScenarioLibrary.parse(text, file: "default.yaml", over: other) == Scenario.default)
        let valueLines = text.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(": ") && !$0.hasSuffix(":") }
        #expect(valueLines.count == ScenarioParameter.all.count)
        #expect(valueLines.allSatisfy { $0.contains("  # ") })
    }

    @Test func presetsSetOnlyWhatDiffers() throws {
        for name in ["urban-cdn", "vehicular", "campus"] {
            let preset = try ScenarioLibrary.parse(try Self.text(name), file: name, over: .default)
            #expect(preset != Scenario.default)
            let changed = try ScenarioParameter.all.filter {
                try preset.value(at: $0.path) != Scenario.default.value(at: $0.path)
            }
            let lines = try Self.text(name).split(separator: "\n").filter { $0.hasPrefix("  ") }
            #expect(changed.count == lines.count, "\(name): every line changes one value")
        }
    }

    @Test func lawParametersArePaths() throws {
        let s = try Scenario.default.setting("mobility.residence", to: "gamma:shape=4,mean=60")
            .setting("mobility.residence.mean", to: "30")
        #expect(s.mobility.residence == (try ProbabilityLaw.gamma(shape: 4, mean: 30)))
        let t = try Scenario.default.applying(["traffic.session_duration=lognormal:sigma=1,mean=300", "links.dad=optimistic"])
        #expect(t.traffic.sessionDuration == (try ProbabilityLaw.lognormal(sigma: 1, mean: 300)))
        #expect(t.links.dadDelayMs == 0)
    }

    @Test func errorsNamePathAndWhatIsAllowed() {
        #expect(throws: ScenarioError(
            "unknown scenario parameter 'topology.global_ha_cont'; did you mean topology.global_ha_count? ('dmm evaluate --list-parameters' lists every path)"
        )) { try Scenario.default.setting("topology.global_ha_cont", to: "3") }
        #expect(throws: ScenarioError(
            "scenario parameter 'failure.anchor_mtbf_h' = 'inf' is not allowed; allowed: a finite number > 0"
        )) { try Scenario.default.setting("failure.anchor_mtbf_h", to: "inf") }
        #expect(throws: ScenarioError("scenario parameter 'links.dad' = 'maybe' is not allowed; allowed: one of standard, optimistic")) {
            try Scenario.default.setting("links.dad", to: "maybe")
        }
    }

    @Test func yamlErrorsNameFileLineAndColumn() {
        #expect(throws: ScenarioError("s.yaml:3:8: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)")) {
            try ScenarioLibrary.parse("mobility:\n  residence: [a\ntraffic: 1\n", file: "s.yaml", over: .default)
        }
        #expect(throws: ScenarioError("s.yaml:2:15: scenario parameter 'mobility.grid' = 'round' is not allowed; allowed: one of square, hexagonal")) {
            try ScenarioLibrary.parse("mobility:\n  grid:       round\n", file: "s.yaml", over: .default)
        }
    }
}

@Suite struct ScenarioParameterUnitTests {
    /// Units as written in Models/scenarios/default.yaml's comments and docs/MODELS.md 5.3/6.1.
    @Test func unitsOfPathsAndLawParameters() {
        #expect(ScenarioParameter.unit(ofPath: "topology.ar_ha_hops") == "hops")
        #expect(ScenarioParameter.unit(ofPath: "mobility.residence") == "s")
        #expect(ScenarioParameter.unit(ofPath: "mobility.residence.mean") == "s")
        #expect(ScenarioParameter.unit(ofPath: "traffic.session_duration.shape") == "")
        #expect(ScenarioParameter.unit(ofPath: "mobility.residence.nope") == nil)
        #expect(ScenarioParameter.unit(ofPath: "no.such.path") == nil)
    }
}
