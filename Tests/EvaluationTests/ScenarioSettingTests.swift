import Foundation
import Mobility
import Schemes
import Stochastics
import Testing
@testable import Evaluation

/// Text enters a scenario once (`ScenarioSetting`), and what is derived from it
/// (`Scenario.Derived`, `SchemeContext.Motion.Inputs`) follows its inputs.
@Suite struct ScenarioSettingTests {
    @Test func aLawParameterIsReadOnceAndAppliedToTheLawItMeets() throws {
        let half = try ScenarioSetting(assignment: "mobility.residence.mean=30")
        var gamma = try Scenario.default.setting("mobility.residence", to: "gamma:shape=4,mean=60")
        try half.apply(to: &gamma)
        var hyper = try Scenario.default.setting("mobility.residence", to: "hyperexponential:p=0.5/0.5,mean=20/100")
        try half.apply(to: &hyper)
        // The same setting keeps each law's shape: gamma(4), and the phases scaled by 30/60.
        #expect(gamma.mobility.residence == (try ProbabilityLaw.gamma(shape: 4, mean: 30)))
        #expect(hyper.mobility.residence == (try ProbabilityLaw.hyperexponential(p: [0.5, 0.5], means: [10, 50])))
    }

    @Test func aBadValueIsRefusedWhereItIsRead() {
        #expect(throws: ScenarioError(
            "scenario parameter 'mobility.residence.mean' = 'abc' is not allowed; allowed: a finite number (V1/V2/... for the phases of a hyperexponential or hypererlang law)"
        )) { try ScenarioSetting(path: "mobility.residence.mean", value: "abc") }
        #expect(throws: ScenarioError("--set 'links.dad': expected PATH=VALUE, e.g. --set traffic.session_rate=0.01")) {
            try ScenarioSetting(assignment: "links.dad")
        }
        // A name the law's family does not take is known only when the law is: at apply.
        #expect(throws: ScenarioError(
            "scenario parameter 'mobility.residence.shape': law 'exponential:mean=60': unknown parameter 'shape'; exponential takes mean"
        )) { try Scenario.default.setting("mobility.residence.shape", to: "2") }
    }

    /// Issue 12: a typo in a law parameter's path suggests the full path.
    @Test func aTypoInALawParameterPathSuggestsTheFullPath() {
        #expect(throws: ScenarioError(
            "unknown scenario parameter 'mobility.residense.mean'; did you mean mobility.residence.mean? ('dmm evaluate --list-parameters' lists every path)"
        )) { try ScenarioSetting(assignment: "mobility.residense.mean=3") }
        #expect(throws: ScenarioError(
            "unknown scenario parameter 'traffic.session_duration.sigam'; did you mean traffic.session_duration.sigma? ('dmm evaluate --list-parameters' lists every path)"
        )) { try ScenarioSetting(assignment: "traffic.session_duration.sigam=1") }
    }

    @Test func wordsAreStoredAsTheirEnums() throws {
        let s = try Scenario.default.applying([
            "mobility.grid=hexagonal", "mobility.crossing_model=fluid_flow", "mobility.cell_shape=circle", "links.dad=optimistic",
        ])
        #expect(s.mobility.grid == .hexagonal)
        #expect(s.mobility.crossingModel == .fluidFlow)
        #expect(s.mobility.cellShape == .circle)
        #expect(s.links.dad == .optimistic)
        #expect(try s.value(at: "mobility.crossing_model") == "fluid_flow")
    }

    @Test func derivedValuesFollowTheirInputs() throws {
        var s = try Scenario.default.applying([
            "mobility.residence=gamma:shape=2,mean=60", "mobility.crossing_model=fluid_flow", "mobility.cell_shape=circle",
            "mobility.speed_mps=2", "mobility.cell_size_m=50",
        ])
        // Circle of radius R: η = 2v/(πR), so E[X] = πR/(2v) = 50π/4 s; the gamma shape is kept.
        let mean = Double.pi * 50 / 4
        #expect(abs(try s.derived().residence.mean - mean) <= 1e-12 * mean)
        #expect(try s.derived().residence.cv2 == 0.5)
        #expect(abs(try s.derived().crossingRate - 1 / mean) <= 1e-12 / mean)
        s.mobility.speedMps = 4  // the observer recomputes
        #expect(abs(try s.effectiveResidence().mean - mean / 2) <= 1e-12 * mean)
        s.mobility.crossingModel = .residence
        #expect(try s.effectiveResidence() == s.mobility.residence)
        let extreme = try s.applying(["mobility.crossing_model=fluid_flow", "mobility.speed_mps=1e-300", "mobility.cell_size_m=1e300"])
        #expect(throws: ScenarioError(
            "mobility.crossing_model fluid_flow: speed_mps 1e-300 and cell_size_m 1e+300 (circle) give a mean residence of inf s; allowed: a finite mean > 0 (change the speed or the cell size)"
        )) { try extreme.derived() }
    }

    @Test func motionInputsHoldExactlyWhatTheMotionReads() throws {
        let base = Scenario.default
        let key = try SchemeContext.Motion.Inputs(scenario: base, sessionAnchoring: true)
        // Topology, sizes, links and an unused fluid-flow speed do not enter it ...
        for other in [["topology.ar_ha_hops=20"], ["messages.pbu=200"], ["links.dad=optimistic"], ["mobility.speed_mps=9"]] {
            #expect(try SchemeContext.Motion.Inputs(scenario: base.applying(other), sessionAnchoring: true) == key, "\(other)")
        }
        // ... the crossing model, session rate, grid and refresh do.
        for other in [["mobility.crossing_model=fluid_flow"], ["traffic.session_rate=0.01"], ["mobility.grid=hexagonal"], ["timers.refresh=false"]] {
            #expect(try SchemeContext.Motion.Inputs(scenario: base.applying(other), sessionAnchoring: true) != key, "\(other)")
        }
        // The cached motion is the one computed from the scenario directly.
        for sets in [[String](), ["mobility.crossing_model=fluid_flow"], ["mobility.residence=weibull:shape=2,mean=30", "mobility.grid=hexagonal"]] {
            let s = try base.applying(sets)
            #expect(try MotionCache.shared.motion(s, sessionAnchoring: true) == SchemeContext.Motion(closedFormFor: s), "\(sets)")
        }
    }
}

/// Scenario files: issue 12's messages, each with its exact text.
@Suite struct ScenarioFileMessageTests {
    @Test func aDuplicateKeyIsRefusedWithFileLineAndKey() {
        #expect(throws: ScenarioError("s.yaml:3:3: key 'mobility.grid' appears more than once (first at line 2); keep one")) {
            try ScenarioLibrary.parse("mobility:\n  grid: square\n  grid: hexagonal\n", file: "s.yaml", over: .default)
        }
        #expect(throws: ScenarioError("s.yaml:3:1: key 'mobility' appears more than once (first at line 1); keep one")) {
            try ScenarioLibrary.parse("mobility:\n  grid: square\nmobility:\n  domain_size: 2\n", file: "s.yaml", over: .default)
        }
    }

    @Test func anEmptyGroupSetsNothing() throws {
        let s = try ScenarioLibrary.parse(
            "mobility:\n  # grid: hexagonal\ntraffic:\n  session_rate: 0.01\nlinks:\n  wireless:\n", file: "s.yaml", over: .default)
        #expect(s == (try Scenario.default.setting("traffic.session_rate", to: "0.01")))
        // A misspelt group is still unknown, and an empty parameter still has no value.
        #expect(throws: ScenarioError(
            "s.yaml:1:9: unknown scenario parameter 'mobilty'; run 'dmm evaluate --list-parameters' for every path"
        )) { try ScenarioLibrary.parse("mobilty:\n", file: "s.yaml", over: .default) }
        #expect(throws: ScenarioError("s.yaml:2:8: scenario parameter 'mobility.grid' = '' is not allowed; allowed: one of square, hexagonal")) {
            try ScenarioLibrary.parse("mobility:\n  grid:\n", file: "s.yaml", over: .default)
        }
    }

    @Test func aMissingScenariosDirectoryIsNamed() throws {
        let models = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-no-scenarios-\(getpid())")
        try FileManager.default.createDirectory(at: models.appendingPathComponent("schemes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: models) }
        let dir = try ScenarioLibrary.scenariosDirectory(models: models.path).path
        #expect(throws: ScenarioError(
            "unknown scenario 'campus': no scenarios in \(dir) (missing or empty); give a path to a YAML file, or --models a directory holding scenarios/"
        )) { try ScenarioLibrary.load("campus", models: models.path) }
        // default needs no file: it is built in.
        #expect(try ScenarioLibrary.load("default", models: models.path) == Scenario.default)
    }
}
