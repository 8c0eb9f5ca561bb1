import ArgumentParser
import Evaluation
import Foundation
import Reports
import Schemes
import Stochastics

/// `dmm validate`: the built-in validation catalogue as a pass/fail table.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dmmkit's numbers against independent references: a pass/fail table.",
        discussion: """
            Every case compares one value dmmkit computes with an independent \
            reference: published values of docs/MODELS.md (crossing law V1, \
            residuals, domain crossings V5, fluid flow V7, anchoring, anchor distances, \
            Ein(1), RP-1 handoff signaling from the scheme cards, path stretch, link \
            delays, RA waits, HARP failover, P_hit), special cases with a known law, and \
            seeded Monte Carlo runs against the closed forms (ValidationCatalog in \
            Sources/Evaluation lists them). Columns: id, quantity, source, reference, \
            dmmkit, tolerance, result; then "N passed, M failed" (on standard error \
            for csv and json, or with --output). Exit status 0 when every case \
            passes, 1 when any fails, 2 for bad input.

            --samples sets the Monte Carlo size: simulated handoffs of the default \
            scenario and sessions of each crossing simulation (default 1048576, a few \
            seconds in a release build; at least 262144: 64 replications).

            --campaign N checks closed forms against the Monte Carlo over N random \
            plausible scenarios instead (docs/MODELS.md 9; generator and comparison in \
            Sources/Evaluation/Campaign): every law family for residence and session \
            (--laws restricts them), square domains up to side 200 and hexagonal ones up \
            to 40 rings, 1 to 20 global HAs, DAD standard or optimistic, wireless loss, \
            refresh on or off, local-CN fraction, hop counts that satisfy the triangle \
            inequality, drawn reproducibly from --seed. Every scheme and metric with both \
            a closed form and a Monte Carlo interval is a pair with z = (closed form - \
            estimate)/se; it passes within 4 standard errors, or within 2 % for a closed \
            form declared an approximation. An exact pair beyond 4 standard errors is \
            retested on an independent rerun of its scenario with 4x the samples and fails \
            only if the rerun is beyond 4 too (rerun_* columns; docs/MODELS.md 9.4). \
            The output lists the 20 pairs with the largest \
            |z| (--worst K for more) and every scenario that failed to evaluate, each with \
            a `dmm evaluate` command that reproduces its scenario exactly, then the pass \
            rates and the exact failures chance alone would give. A draw the \
            Monte Carlo cost guard refuses is redrawn (counted in the summary). --samples \
            is per scenario (default 1048576; at least 65536: 16 replications). Exit 0 \
            when the targets are met (>= 99.5 % of pairs pass, every exact pair within 4 \
            standard errors, no scenario failing to evaluate), 1 otherwise. Progress on \
            standard error when it is a terminal or with --progress.

            Examples:
              dmm validate
              dmm validate --only v1.mu0.5
              dmm validate --only mc. --samples 4194304 --seed 7 --jobs 2
              dmm validate --format csv --output validation.csv
              dmm validate --format rfc
              dmm validate --campaign 200 --seed 1
              dmm validate --campaign 16 --samples 65536 --laws exponential,gamma \\
                  --format csv
            """
    )

    @OptionGroup var formatOption: FormatOption

    @OptionGroup var destination: OutputDestination

    @OptionGroup var tableOptions: TableOptions

    @Option(parsing: .unconditional, help: "Monte Carlo cases: simulated handoffs and sessions per crossing simulation (\(ValidationCatalog.minimumSamples)...\(MonteCarlo.maximumSamples)).")
    var samples: Int = ValidationCatalog.MonteCarloSettings.standard.scenarioHandoffs

    @OptionGroup var seedOption: SeedOption
    @OptionGroup var jobsOption: JobsOption

    @Option(help: ArgumentHelp("Run only the cases whose id starts with PREFIX (e.g. v1., cost., mc.).", valueName: "PREFIX"))
    var only: String?

    @OptionGroup var modelsOption: ModelsOption

    @Option(parsing: .unconditional, help: ArgumentHelp("Run a validation campaign of N random scenarios instead of the catalogue.", valueName: "N"))
    var campaign: Int?

    @Option(help: ArgumentHelp("Campaign: comma-separated law families drawn for residence and session (default: all of \(ProbabilityLaw.families.joined(separator: ", "))).", valueName: "FAMILIES"))
    var laws: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Campaign: list the K pairs with the largest |z| (default 20).", valueName: "K"))
    var worst: Int = 20

    @Flag(help: "Show campaign progress on standard error even when it is not a terminal.")
    var progress = false

    /// Test hook (hidden): add 1 to the reference of the case with this id, so the
    /// end-to-end tests can see a FAIL row, its count and exit status 1.
    @Option(name: .customLong("test-perturb-reference"), help: .hidden)
    var perturb: String?

    var format: OutputFormat { formatOption.format }
    var seed: UInt64 { seedOption.seed }
    var jobs: Int { jobsOption.jobs }

    func validate() throws {
        if let campaign {
            guard campaign >= 1 else { throw ValidationError(CampaignError.count(campaign).description) }
            guard (ValidationCampaign.minimumSamples...MonteCarlo.maximumSamples).contains(samples) else {
                throw ValidationError(CampaignError.samples(samples).description)
            }
            guard worst >= 0 else { throw ValidationError("--worst \(worst): give a number of pairs >= 0") }
            guard only == nil, perturb == nil else { throw ValidationError("--only applies to the catalogue, not to --campaign") }
            _ = try families()
            return
        }
        guard laws == nil else { throw ValidationError("--laws applies to --campaign only") }
        guard (ValidationCatalog.minimumSamples...MonteCarlo.maximumSamples).contains(samples) else {
            throw ValidationError("--samples \(samples) is out of range; allowed: \(ValidationCatalog.minimumSamples)...\(MonteCarlo.maximumSamples) (64 replications of 4096 handoffs at least, so that 4 standard errors mean what they say)")
        }
    }

    /// The --laws families (all by default); a name that is not a family is bad input.
    func families() throws -> [String] {
        guard let laws else { return ProbabilityLaw.families }
        let names = laws.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw ValidationError(CampaignError.laws(laws).description) }
        for n in names where !ProbabilityLaw.families.contains(n) { throw ValidationError(CampaignError.laws(n).description) }
        return names
    }

    func run() throws {
        try destination.check()  // before a long run, not after it
        let catalog = try modelsOption.catalog()
        if let campaign { return try runCampaign(campaign, cards: catalog.cards) }
        if let only, !ValidationCatalog.ids(cards: catalog.cards).contains(where: { $0.hasPrefix(only) }) {
            throw CommandInputError("--only '\(only)' matches no case id; ids start with v1., residual., domain., fluid., fraction., distance., anchors., cost., stretch., link., ra-wait., failover., failure., special., mc.")
        }
        let settings = ValidationCatalog.MonteCarloSettings(
            scenarioHandoffs: samples, crossingSessions: samples, seed: seed, jobs: jobs)
        var cases = ValidationCatalog.all(cards: catalog.cards, settings: settings, only: only)
        for i in cases.indices where cases[i].id == perturb {
            cases[i].reference += 1
            cases[i].referenceText = nil
        }
        let table = ValidationTable.table(
            cases, omitted: only == nil ? ValidationCatalog.omitted : [], data: format == .csv || format == .json)
        let summary = ValidationTable.summary(cases)
        var text = try tableOptions.render(table, as: format, to: destination)
        let summaryInText: Bool
        switch format {
        case .markdown, .rfc: text += "\n" + summary + "\n"; summaryInText = true
        case .xml2rfc: text += "<t>" + summary + "</t>\n"; summaryInText = true
        case .latex: text += "% " + summary + "\n"; summaryInText = true
        case .csv, .json: summaryInText = false
        }
        try destination.emit(text)
        if destination.isFile || !summaryInText { Diagnostics.note(summary) }
        if cases.contains(where: { !$0.passed }) { throw ExitCode.failure }
    }

    /// `--campaign N`: the worst pairs and the failures as a table, the summary after it
    /// (markdown, rfc, latex) or on standard error (csv, json, or with --output).
    func runCampaign(_ count: Int, cards: [SchemeCard]) throws {
        let settings = ValidationCampaign.Settings(count: count, seed: seed, samples: samples, jobs: jobs, families: try families())
        let reporter = progress || Diagnostics.stderrIsTerminal ? MobilityProgress(label: "campaign", chunks: count) : nil
        let result = try ValidationCampaign.run(settings, cards: cards, progress: reporter.map { r in { _, _ in r.step() } })
        let summary = CampaignTable.summary(result)
        var table = CampaignTable.table(result, worst: worst)
        let summaryInText: Bool
        switch format {
        case .markdown, .rfc, .latex, .xml2rfc: summaryInText = true
        case .csv, .json: summaryInText = false; table.footnotes = []
        }
        try destination.emit(try tableOptions.render(table, as: format, to: destination))
        if destination.isFile || !summaryInText { Diagnostics.note(summary) }
        if !result.targetsMet { throw ExitCode.failure }
    }
}
