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
            the per-element failure figures (\(MetricKey.perElementPattern)).

            --method monte-carlo simulates --samples handoffs of one MN walking the AR
            grid with its sessions, all schemes on the same trajectory (DESIGN.md 2.6):
            csv/json rows get ci_low/ci_high (95 %) and samples, and handoff latency
            also gets handoff_latency_p50/p95/p99. --method both prints both methods:
            tidy rows for each, and wide cells "closed form (MC estimate ± half-width)"
            with † on an exact closed form more than c standard errors from the estimate
            (a bug signal: c is the Bonferroni bound over the table's m exact comparisons
            at family-wise 1 %, t(1 - 0.01/(2m), replications - 1), about 4.1 for all
            schemes, so a correct model shows no † at a random seed with probability at
            least 99 %) and ‡ on a documented approximation outside its 95 % interval
            (the gap). Monte Carlo intervals are Student-t, truncated to the metric's
            support ([0, 1] for fractions and probabilities, >= 0 otherwise), which keeps
            their coverage. Same --seed, same bytes for any --jobs.

            Examples:
              dmm evaluate
              dmm evaluate --scenario vehicular --schemes mipv6,pmipv6,dma
              dmm evaluate --set mobility.residence.mean=30 --set links.dad=optimistic
              dmm evaluate --set traffic.session_duration=lognormal:sigma=1,mean=300 --format csv
              dmm evaluate --scenario my-scenario.yaml --format rfc --output metrics.txt
              dmm evaluate --method both --schemes mipv6,pmipv6,dma
              dmm evaluate --method monte-carlo --samples 20000000 --seed 7 --jobs 2 --format csv
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

    @OptionGroup var monteCarlo: MonteCarloOptions

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .markdown

    @OptionGroup var destination: OutputDestination

    @Option(help: "Models directory holding schemes/ and scenarios/ (default: $DMM_MODELS, else the shipped Models).")
    var models: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Time N closed-form evaluations of distinct scenarios (session rate varied, so every point recomputes its mobility quantities) and print points/s.", valueName: "N"))
    var bench: Int?

    @Flag(help: "List every scenario path with its unit, value in the chosen scenario and source, then exit.")
    var listParameters = false

    func run() throws {
        try destination.check(inputs: [scenarioOptions.scenario])  // before a long run, not after it
        let scenario = try scenarioOptions.load(models: models)
        let text: String
        if let bench {
            guard bench > 0 else { throw CommandInputError("--bench \(bench): give a number of scenarios >= 1") }
            let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
            let pairs = Double(bench) * Double(try Self.select(schemes, from: catalog).count)
            try CostGuard.check(
                seconds: pairs / CostGuard.closedFormPairsPerS, what: "--bench \(bench) (\(Int(pairs)) scenario-scheme evaluations)",
                lower: "lower --bench (e.g. --bench \(max(1, Int(Double(bench) * CostGuard.limitS * CostGuard.closedFormPairsPerS / pairs))))", force: monteCarlo.force)
            text = try Self.benchmark(scenario, cards: try Self.select(schemes, from: catalog), count: bench)
        } else if listParameters {
            text = TableRenderer.render(Self.parameterTable(scenario, name: scenarioOptions.scenario), as: format)
        } else {
            let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
            let cards = try Self.select(schemes, from: catalog)
            do { text = try evaluate(scenario, cards: cards) } catch let error as EvaluationError {
                throw EvaluationFailure(underlying: error, extremes: Self.extremeValues(scenario))
            }
        }
        try destination.emit(text)
    }

    /// The chosen method's rows rendered in `format`.
    func evaluate(_ scenario: Scenario, cards: [SchemeCard]) throws -> String {
        var rows: [MetricEstimate] = []
        if method != .monteCarlo { rows += try ClosedForm.evaluate(scenario: scenario, schemes: cards) }
        if method != .closedForm {
            rows += try monteCarlo.simulate(scenario, cards: cards)
        }
        switch format {
        case .csv, .json:
            // Scheme by scheme, closed form before Monte Carlo, metrics in each method's order.
            let order = Dictionary(cards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let sorted = rows.enumerated().sorted {
                (order[$0.element.scheme] ?? 0, $0.offset) < (order[$1.element.scheme] ?? 0, $1.offset)
            }.map(\.element)
            return TableRenderer.render(MetricTables.tidy(sorted), as: format)
        case .markdown, .latex, .rfc:
            let approximations = method == .both ? try Self.approximations(scenario, cards: cards) : [:]
            let caption: String
            switch method {
            case .closedForm: caption = "Closed-form metrics per MN, scenario \(scenarioOptions.scenario)."
            case .monteCarlo:
                caption = "Monte Carlo metrics per MN (estimate \u{00B1} 95 % half-width; \(monteCarlo.samples) handoffs, seed \(monteCarlo.seed)), scenario \(scenarioOptions.scenario)."
            case .both:
                caption = "Metrics per MN: closed form (MC Monte Carlo estimate \u{00B1} 95 % half-width; \(monteCarlo.samples) handoffs, seed \(monteCarlo.seed)), scenario \(scenarioOptions.scenario)."
            }
            var notes = [
                "Per-element failure figures (\(MetricKey.perElementPattern)) are in the csv and json output."
            ]
            if method != .monteCarlo {
                notes.append(Self.exactnessNote(try ClosedFormAccuracy.reasons(scenario: scenario, cards: cards)))
            }
            let table = MetricTables.wide(
                rows, caption: caption, footnotes: notes,
                approximate: { scheme, metric in approximations[scheme]?.contains(metric) ?? false })
            return TableRenderer.render(table, as: format)
        }
    }

    /// The footnote saying which closed forms are approximations, from the models' own
    /// declarations (`ClosedFormAccuracy.reasons`).
    static func exactnessNote(_ reasons: [String]) -> String {
        guard !reasons.isEmpty else { return "Every closed form is exact under the scenario's assumptions." }
        return "Exact under the scenario's assumptions except: \(reasons.joined(separator: "; ")); the Monte Carlo reports the gap (--method both)."
    }

    /// Per scheme, the metrics whose closed form is a documented approximation (`ClosedFormAccuracy`).
    static func approximations(_ scenario: Scenario, cards: [SchemeCard]) throws -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for card in cards { out[card.id] = try ClosedFormAccuracy.approximations(scenario: scenario, card: card) }
        return out
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
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            throw CommandInputError("--schemes lists '\(id)' twice; name each scheme once")
        }
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
            if let law = p.law(in: scenario) {
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

extension EvaluateCommand {
    /// An `EvaluationError` plus the scenario values most likely behind it.
    struct EvaluationFailure: Error, CustomStringConvertible {
        let underlying: EvaluationError
        let extremes: [String]
        var description: String {
            extremes.isEmpty ? underlying.description
                : underlying.description + "; extreme values in this scenario: " + extremes.joined(separator: ", ")
        }
    }

    /// Numeric scenario values beyond 1e100 or below 1e-100 in magnitude
    /// (where products and sums of them overflow or vanish), as PATH=VALUE.
    static func extremeValues(_ scenario: Scenario) -> [String] {
        scenario.parameterListing.compactMap { p in
            guard let v = Double(p.value), v != 0, abs(v) >= 1e100 || abs(v) <= 1e-100 || !v.isFinite else { return nil }
            return "\(p.path)=\(p.value)"
        }
    }
}
