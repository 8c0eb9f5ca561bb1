import ArgumentParser
import Evaluation
import Foundation
import Reports
import Stochastics
import Testing

@testable import dmm

/// Argument parsing and validation, in process (`Command.parse`): the parsed
/// values of the shared option groups and the exact message of every refusal
/// that `validate()` makes. What the process does with a refusal (exit 2, the
/// "error: " prefix, the usage line) is tested once by spawning the binary
/// (`refusalAtParseTimeIsExitTwoOnStderr`).
@Suite("dmm argument parsing, in process")
struct ParsingTests {
    /// The message `dmm` prints for `arguments` refused while parsing or
    /// validating (without the "error: " prefix and the usage that follow), or
    /// nil when they parse.
    static func refusal<C: ParsableCommand>(_ command: C.Type, _ arguments: [String]) -> String? {
        do {
            _ = try C.parse(arguments)
            return nil
        } catch {
            return C.message(for: error)
        }
    }

    @Test func evaluateParsesTheSharedGroups() throws {
        let c = try EvaluateCommand.parse([
            "--scenario", "vehicular", "--set", "links.dad=optimistic", "--set", "topology.global_ha_count=4",
            "--schemes", "mipv6,dma", "--method", "both", "--samples", "50000", "--seed", "7", "--jobs", "3",
            "--format", "csv", "--output", "x.csv", "--models", "M",
        ])
        #expect(c.scenarioOptions.scenario == "vehicular")
        #expect(c.scenarioOptions.assignments == ["links.dad=optimistic", "topology.global_ha_count=4"])
        #expect(c.schemeOptions.schemes == "mipv6,dma")
        #expect(c.methodOption.method == .both)
        #expect(c.monteCarlo.samples == 50000)
        #expect(c.monteCarlo.seed == 7)
        #expect(c.monteCarlo.jobs == 3)
        #expect(c.formatOption.format == .csv)
        #expect(c.destination.output == "x.csv")
        #expect(c.modelsOption.models == "M")
        let request = c.monteCarlo.request(.default, cards: [], method: c.methodOption.method)
        #expect(request.samples == 50000 && request.seed == 7 && request.jobs == 3 && request.method == .both)
    }

    @Test func defaults() throws {
        let e = try EvaluateCommand.parse([])
        #expect(e.scenarioOptions.scenario == "default")
        #expect(e.methodOption.method == .closedForm)
        #expect(e.monteCarlo.samples == MonteCarloOptions.defaultSamples)
        #expect(e.monteCarlo.seed == 1)
        #expect(e.monteCarlo.jobs == ProcessorAffinity.availableCPUCount)
        #expect(e.formatOption.format == .markdown)
        let m = try MobilityCrossings.parse(["--residence", "exponential:mean=1", "--session", "exponential:mean=1"])
        #expect(m.common.format == .csv)
        #expect(m.common.method == .closedForm)
    }

    /// The one method enum: every command spells and reads --method alike.
    @Test func oneMethodEverywhere() throws {
        for method in MethodChoice.allCases {
            #expect(try EvaluateCommand.parse(["--method", method.rawValue]).methodOption.method == method)
            #expect(try TableCommand.parse(["--extended", "--method", method.rawValue]).methodOption.method == method)
            #expect(try SweepCommand.parse(["--vary", "traffic.session_rate=0.01", "--output", "o.csv", "--method", method.rawValue]).method == method)
            let mobility = ["--residence", "exponential:mean=60", "--session", "exponential:mean=60", "--method", method.rawValue]
            #expect(try MobilityCrossings.parse(mobility).common.method == method)
            #expect(try CompareCommand.parse(["--method", method.rawValue]).methodOption.method == method)
            #expect(try ReportCommand.parse(["--method", method.rawValue, "--output", "r.html"]).methodOption.method == method)
        }
        #expect(Self.refusal(EvaluateCommand.self, ["--method", "exact"])?.hasPrefix("The value 'exact' is invalid for '--method <method>'") == true)
    }

    /// --jobs is validated by `JobsOption` alone, with one message, for every command.
    @Test(arguments: ["0", "1025", "-3"])
    func jobsOutOfRangeEverywhere(jobs: String) {
        let message = "--jobs \(jobs) is out of range; allowed: 1...1024"
        #expect(Self.refusal(EvaluateCommand.self, ["--jobs", jobs]) == message)
        #expect(Self.refusal(TableCommand.self, ["--extended", "--jobs", jobs]) == message)
        #expect(Self.refusal(SweepCommand.self, ["--vary", "links.wireless.loss=0,0.1", "--output", "o.csv", "--jobs", jobs]) == message)
        #expect(Self.refusal(ValidateCommand.self, ["--jobs", jobs]) == message)
        #expect(Self.refusal(MobilityCrossings.self, ["--residence", "exponential:mean=60", "--session", "exponential:mean=60", "--jobs", jobs]) == message)
        #expect(Self.refusal(MobilityAnchors.self, ["--residence", "exponential:mean=60", "--session", "exponential:mean=60", "--session-rate", "0.01", "--jobs", jobs]) == message)
        #expect(Self.refusal(MapCommand.self, ["--jobs", jobs]) == message)
        #expect(Self.refusal(CompareCommand.self, ["--jobs", jobs]) == message)
        #expect(Self.refusal(CrossoverCommand.self, ["--vary", "traffic.local_cn_fraction=0:1", "--jobs", jobs]) == message)
        #expect(Self.refusal(ReportCommand.self, ["--output", "r.html", "--jobs", jobs]) == message)
    }

    /// The decision commands take --schemes and --models from the shared groups.
    @Test func decisionCommandsShareTheGroups() throws {
        let compare = try CompareCommand.parse(["--schemes", "mipv6,dma", "--models", "M", "--format", "csv"])
        #expect(compare.schemeOptions.schemes == "mipv6,dma" && compare.modelsOption.models == "M" && compare.formatOption.format == .csv)
        let map = try MapCommand.parse(["--schemes", "sail", "--models", "M", "--jobs", "2"])
        #expect(map.schemeOptions.schemes == "sail" && map.modelsOption.models == "M" && map.jobsOption.jobs == 2)
        let crossover = try CrossoverCommand.parse(["--vary", "traffic.local_cn_fraction=0:1", "--schemes", "dma,sail"])
        #expect(crossover.schemeOptions.schemes == "dma,sail" && crossover.modelsOption.models == nil)
        let report = try ReportCommand.parse(["--output", "r.html", "--schemes", "mipv6"])
        #expect(report.schemeOptions.schemes == "mipv6")
    }

    @Test func badMonteCarloOptions() {
        let samples = "is out of range; allowed: 8192...1000000000000 (the 95 % interval needs at least two replications of 4096 simulated handoffs)"
        #expect(Self.refusal(EvaluateCommand.self, ["--method", "monte-carlo", "--samples", "0"]) == "--samples 0 \(samples)")
        // One replication used to print "± 0" intervals and flag every closed form outside them.
        #expect(Self.refusal(EvaluateCommand.self, ["--method", "monte-carlo", "--samples", "4000"]) == "--samples 4000 \(samples)")
        #expect(Self.refusal(EvaluateCommand.self, ["--samples", "many"])?.hasPrefix("The value 'many' is invalid for '--samples <samples>'") == true)
        #expect(Self.refusal(EvaluateCommand.self, ["--jobs", "two"])?.hasPrefix("The value 'two' is invalid for '--jobs <jobs>'") == true)
        #expect(Self.refusal(EvaluateCommand.self, ["--seed", "-1"])?.hasPrefix("The value '-1' is invalid for '--seed <seed>'") == true)
        #expect(Self.refusal(SweepCommand.self, ["--vary", "links.wireless.loss=0,0.1", "--output", "o.csv", "--samples", "0"]) == "--samples 0 \(samples)")
        #expect(Self.refusal(SweepCommand.self, ["--output", "o.csv"]) == "give at least one --vary PATH=SPEC, e.g. --vary mobility.residence.mean=10:600:30:log")
    }

    @Test(arguments: [
        (["--residence", "gamma:shape=-2,mean=60"], "--residence: law 'gamma:shape=-2,mean=60': parameter 'shape' = -2 is out of range"),
        (["--samples", "0"], "--samples 0 is out of range; allowed: 2...1000000000000 (an interval needs two samples)"),
        (["--samples", "1"], "--samples 1 is out of range; allowed: 2...1000000000000 (an interval needs two samples)"),
        (["--kmax=-1"], "--kmax -1 is out of range; allowed: 0...100000"),
        (["--kmax", "-1"], "--kmax -1 is out of range; allowed: 0...100000"),
        (["--session", "lognormal:sigma=inf,mean=3"], "--session: law 'lognormal:sigma=inf,mean=3'"),
        (["--bench"], "--bench needs --method monte-carlo or both"),
    ])
    func badCrossingsInput(extra: [String], message: String) throws {
        let base = ["--residence", "exponential:mean=60", "--session", "exponential:mean=60"]
        let refusal = try #require(Self.refusal(MobilityCrossings.self, base + extra))
        #expect(refusal.hasPrefix(message), "\(refusal)")
    }

    @Test(arguments: ["0", "-1", "nan", "inf", "-0"])
    func badSessionRate(rate: String) throws {
        let refusal = try #require(Self.refusal(
            MobilityAnchors.self, ["--residence", "exponential:mean=60", "--session", "exponential:mean=60", "--session-rate=\(rate)"]))
        #expect(refusal.hasPrefix("--session-rate \(Double(rate)!) is out of range; allowed: a finite number of sessions per second, 0 < rate <= 1000000"), "\(refusal)")
    }

    @Test func badValidateAndCampaignInput() {
        #expect(Self.refusal(ValidateCommand.self, ["--samples", "8192"])?.hasPrefix("--samples 8192 is out of range; allowed: 262144...") == true)
        #expect(Self.refusal(ValidateCommand.self, ["--campaign", "0"]) == CampaignError.count(0).description)
        #expect(Self.refusal(ValidateCommand.self, ["--campaign", "2", "--samples", "8192"]) == CampaignError.samples(8192).description)
        #expect(Self.refusal(ValidateCommand.self, ["--campaign", "2", "--laws", "normal"]) == CampaignError.laws("normal").description)
        #expect(Self.refusal(ValidateCommand.self, ["--laws", "gamma"]) == "--laws applies to --campaign only")
        #expect(Self.refusal(ValidateCommand.self, ["--campaign", "2", "--only", "v1."]) == "--only applies to the catalogue, not to --campaign")
        #expect(Self.refusal(ValidateCommand.self, ["--campaign", "2", "--worst", "-1"]) == "--worst -1: give a number of pairs >= 0")
        #expect(Self.refusal(ValidateCommand.self, ["--campaign", "2", "--laws", "gamma,exponential"]) == nil)
    }

    /// Parse-time refusals as the process reports them: exit 2, "error: " and the
    /// message on stderr, the usage after it, nothing on stdout.
    @Test func refusalAtParseTimeIsExitTwoOnStderr() throws {
        let r = try CLI.run(["evaluate", "--method", "monte-carlo", "--jobs", "0"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: --jobs 0 is out of range; allowed: 1...1024\n"))
        #expect(r.stderr.contains("Usage: dmm evaluate"))
        #expect(r.stdout.isEmpty)
        let typed = try CLI.run(["evaluate", "--jobs", "two"])
        #expect(typed.status == 2)
        #expect(typed.stderr.hasPrefix("error: The value 'two' is invalid for '--jobs <jobs>'\nHelp:  --jobs <jobs>  Worker threads (1...1024); default: the number of cores. The output does not depend on it.\n"))
    }
}
