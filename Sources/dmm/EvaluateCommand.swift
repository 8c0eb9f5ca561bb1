import ArgumentParser
import Evaluation
import Foundation
import Reports
import Schemes
import Stochastics

/// `dmm evaluate`: the four metrics for a scenario and chosen schemes.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Signaling cost, handoff latency, path stretch and failure impact for a scenario.",
        discussion: """
            Evaluates every chosen scheme under one scenario (DESIGN.md 2.5). Signaling
            comes from the scheme cards' procedures and the scenario's message sizes
            and hop distances; data path, latency and failure impact from each scheme's
            model. markdown, latex and rfc print a row per scheme and a column per
            metric (units in the header); csv and json print one estimate a row with
            columns scheme,metric,unit,method,estimate,ci_low,ci_high,samples and add
            the per-element failure figures (blast_radius.<element>, ...).

            Examples:
              dmm evaluate
              dmm evaluate --scenario vehicular --schemes mipv6,pmipv6,dma
              dmm evaluate --set mobility.residence.mean=30 --set links.dad=optimistic
              dmm evaluate --set traffic.session_duration=lognormal:sigma=1,mean=300 --format csv
              dmm evaluate --scenario my-scenario.yaml --format rfc --output metrics.txt
              dmm evaluate --list-parameters
              dmm evaluate --bench 20000        (release build: closed-form points per second)
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case closedForm = "closed-form", monteCarlo = "monte-carlo", both
    }

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(help: "Comma-separated scheme ids (default: all, in the catalogue's order).")
    var schemes: String?

    @Option(help: "closed-form, monte-carlo or both.")
    var method: Method = .closedForm

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .markdown

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Models directory holding schemes/ and scenarios/ (default: $DMM_MODELS, else the shipped Models).")
    var models: String?

    @Option(help: ArgumentHelp("Time N closed-form evaluations of distinct scenarios (session rate varied, so every point recomputes its mobility quantities) and print points/s.", valueName: "N"))
    var bench: Int?

    @Flag(help: "List every scenario path with its unit, value in the chosen scenario and source, then exit.")
    var listParameters = false

    func run() throws {
        let scenario = try scenarioOptions.load(models: models)
        let text: String
        if let bench {
            guard bench > 0 else { throw CommandInputError("--bench \(bench): give a number of scenarios >= 1") }
            let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
            text = try Self.benchmark(scenario, cards: try Self.select(schemes, from: catalog), count: bench)
        } else if listParameters {
            text = TableRenderer.render(Self.parameterTable(scenario, name: scenarioOptions.scenario), as: format)
        } else {
            guard method == .closedForm else {
                throw CommandInputError("--method \(method.rawValue): monte-carlo arrives with the simulator; use --method closed-form")
            }
            let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
            let cards = try Self.select(schemes, from: catalog)
            let rows = try ClosedForm.evaluate(scenario: scenario, schemes: cards)
            switch format {
            case .csv, .json: text = TableRenderer.render(MetricTables.tidy(rows), as: format)
            case .markdown, .latex, .rfc:
                let table = MetricTables.wide(
                    rows, caption: "Closed-form metrics per MN, scenario \(scenarioOptions.scenario).",
                    footnotes: [
                        "Per-element failure figures (blast_radius.<element>, unreachable_mns.<element>, outage.<element>) are in the csv and json output.",
                        "Exact under the scenario's assumptions except: the distance to an old anchor in DMM handoffs (first order), E[N_a] for non-exponential laws (mean-matched), SAIL's wait for the next BU and the per-flow failure probability; the Monte Carlo reports the gap.",
                    ])
                text = TableRenderer.render(table, as: format)
            }
        }
        if let output {
            try OutputFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Evaluates `count` scenarios, each built with `Scenario.setting` (as a sweep
    /// does), on one core; returns a one-line report of scenario-scheme points per second.
    static func benchmark(_ base: Scenario, cards: [SchemeCard], count: Int) throws -> String {
        let rate = base.traffic.sessionRate
        var rows = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<count {
            let s = try base.setting("traffic.session_rate", to: "\(rate * (1 + Double(i) * 1e-6))")
            rows += try ClosedForm.evaluate(scenario: s, schemes: cards).count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let points = count * cards.count
        return String(
            format: "closed-form: %d scenarios x %d schemes = %d points (%d rows) in %.3f s: %.0f points/s\n",
            count, cards.count, points, rows, seconds, Double(points) / seconds)
    }

    /// The cards named in `list` (comma-separated), or all of them.
    static func select(_ list: String?, from catalog: SchemeCatalog) throws -> [SchemeCard] {
        guard let list else { return catalog.cards }
        let ids = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw CommandInputError("--schemes is empty; known: \(catalog.ids.joined(separator: ", "))") }
        return try ids.map { try catalog.require($0) }
    }

    /// Every path with unit, value and source; a law's parameters follow it as paths of their own.
    static func parameterTable(_ scenario: Scenario, name: String) -> Table {
        var table = Table(
            columns: [Table.Column("path"), Table.Column("unit"), Table.Column("value"), Table.Column("source")],
            caption: "Scenario parameters (values of scenario \(name)).")
        for p in ScenarioParameter.all {
            let value = (try? scenario.value(at: p.path)) ?? ""
            table.append([p.path, p.unit, value, p.source])
            if case .law = p.kind, let law = try? ProbabilityLaw.parse(value) {
                for (param, v) in law.parameters {
                    table.append([p.path + "." + param, param == "mean" || param == "min" || param == "max" || param == "value" ? p.unit : "-", v, "parameter of \(p.path)"])
                }
            }
        }
        return table
    }
}

/// A command-line value that cannot be used (exit 2).
struct CommandInputError: InvalidInput {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
