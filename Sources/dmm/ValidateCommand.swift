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
            Every case compares one value dmmkit computes with an independent
            reference: published values of reference/analytic-models.md (crossing law V1,
            residuals, domain crossings V5, fluid flow V7, anchoring, anchor distances,
            Ein(1), RP-1 handoff signaling from the scheme cards, path stretch, link
            delays, RA waits, HARP failover, P_hit), special cases with a known law, and
            seeded Monte Carlo runs against the closed forms (ValidationCatalog in
            Sources/Evaluation lists them). Columns: id, quantity, source, reference,
            dmmkit, tolerance, result; then "N passed, M failed" (on standard error
            for csv and json, or with --output). Exit status 0 when every case
            passes, 1 when any fails, 2 for bad input.

            --samples sets the Monte Carlo size: simulated handoffs of the default
            scenario and sessions of each crossing simulation (default 1048576, a few
            seconds in a release build; at least 262144: 64 replications).

            Examples:
              dmm validate
              dmm validate --only v1.mu0.5
              dmm validate --only mc. --samples 4194304 --seed 7 --jobs 2
              dmm validate --format csv --output validation.csv
              dmm validate --format rfc
            """
    )

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .markdown

    @OptionGroup var destination: OutputDestination

    @Option(parsing: .unconditional, help: "Monte Carlo cases: simulated handoffs and sessions per crossing simulation (\(ValidationCatalog.minimumSamples)...\(MonteCarlo.maximumSamples)).")
    var samples: Int = ValidationCatalog.MonteCarloSettings.standard.scenarioHandoffs

    @Option(parsing: .unconditional, help: "Monte Carlo seed, an integer 0...18446744073709551615.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Monte Carlo worker threads (1...1024); default: the number of cores.")
    var jobs: Int = ProcessorAffinity.availableCPUCount

    @Option(help: ArgumentHelp("Run only the cases whose id starts with PREFIX (e.g. v1., cost., mc.).", valueName: "PREFIX"))
    var only: String?

    @Option(help: "Models directory holding schemes/ and scenarios/ (default: $DMM_MODELS, else the shipped Models).")
    var models: String?

    /// Test hook (hidden): add 1 to the reference of the case with this id, so the
    /// end-to-end tests can see a FAIL row, its count and exit status 1.
    @Option(name: .customLong("test-perturb-reference"), help: .hidden)
    var perturb: String?

    func validate() throws {
        guard (ValidationCatalog.minimumSamples...MonteCarlo.maximumSamples).contains(samples) else {
            throw ValidationError("--samples \(samples) is out of range; allowed: \(ValidationCatalog.minimumSamples)...\(MonteCarlo.maximumSamples) (64 replications of 4096 handoffs at least, so that 4 standard errors mean what they say)")
        }
        guard (1...1024).contains(jobs) else { throw ValidationError("--jobs \(jobs) is out of range; allowed: 1...1024") }
    }

    func run() throws {
        try destination.check()  // before a long run, not after it
        let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
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
        let table = ValidationTable.table(cases, omitted: only == nil ? ValidationCatalog.omitted : [])
        let summary = ValidationTable.summary(cases)
        var text = TableRenderer.render(table, as: format)
        let summaryInText: Bool
        switch format {
        case .markdown, .rfc: text += "\n" + summary + "\n"; summaryInText = true
        case .latex: text += "% " + summary + "\n"; summaryInText = true
        case .csv, .json: summaryInText = false
        }
        try destination.emit(text)
        if destination.isFile || !summaryInText { Diagnostics.note(summary) }
        if cases.contains(where: { !$0.passed }) { throw ExitCode.failure }
    }
}
