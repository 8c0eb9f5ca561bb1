import ArgumentParser
import Dispatch
import Evaluation
import Foundation
import Mobility
import Reports
import Stochastics

/// `dmm mobility crossings`: the law of the number K of AR crossings in a session.
struct MobilityCrossings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossings",
        abstract: "P(K = k), the number of AR boundaries crossed during a session.",
        discussion: """
            Residences at ARs are i.i.d.; the session starts at a random instant, \
            so its first residence is the equilibrium residual \
            (docs/MODELS.md 2.3-2.5). The closed form is exact: \
            Fang/Lin for exponential sessions, an Erlang-mixture series for \
            Erlang, hyperexponential and hyper-Erlang sessions, nested quadrature \
            for other sessions with gamma or exponential residence. The Monte \
            Carlo draws sessions and residences and counts crossings.

            CSV and JSON: the tidy rows of dmm evaluate (docs/DATA.md): scheme "-", \
            metric crossing_probability.K (P(K = k), unit probability) for k = \
            0...kmax and mean_crossings (E[K] = E[T]/E[X], unit crossings), method, \
            estimate; with the Monte Carlo ci_low, ci_high (95 % Student-t) and \
            samples (sessions drawn); with the closed form exactness. Markdown, \
            latex and rfc show k with both methods side by side, E[K] in a footnote.

            Examples:
              dmm mobility crossings --residence gamma:shape=2,mean=60 \\
                  --session exponential:mean=120
              dmm mobility crossings --residence exponential:mean=60 \\
                  --session gamma:shape=2,mean=120 --kmax 5 --format markdown
              dmm mobility crossings --residence gamma:shape=2,mean=60 \\
                  --session lognormal:sigma=1,mean=300 \\
                  --method both --samples 1000000 --seed 7 --jobs 2
              dmm mobility crossings --residence gamma:shape=2,mean=60 \\
                  --session exponential:mean=120 \\
                  --method monte-carlo --samples 10000000 --bench
            """
    )

    @OptionGroup var common: MobilityCommonOptions

    @Option(parsing: .unconditional, help: "Largest k in the table (0...100000).")
    var kmax: Int = 10

    @Flag(help: "Report Monte Carlo speed on stderr: sessions per second, and the time to draw the same variates alone.")
    var bench = false

    mutating func validate() throws {
        let (residence, session) = try common.validateCommon()
        try common.checkMonteCarloCost(
            residencesPerSample: session.mean / residence.mean,
            "E[K] = mean session \(MobilityOutput.number(session.mean)) s / mean residence \(MobilityOutput.number(residence.mean)) s")
        guard (0...100_000).contains(kmax) else {
            throw ValidationError("--kmax \(kmax) is out of range; allowed: 0...100000")
        }
        if bench && !common.method.includesMonteCarlo {
            throw ValidationError("--bench needs --method monte-carlo or both")
        }
    }

    func run() throws {
        try common.destination.check()  // before a long run, not after it
        let (residence, session) = try common.laws()
        let distribution = CrossingDistribution(residence: residence, session: session)
        var closed: [Double]?
        if common.method.includesClosedForm {
            do {
                closed = try distribution.probabilities(upTo: kmax)
            } catch let error as CrossingError where common.method == .both {
                Diagnostics.note("note: closed_form left empty: \(error)")
            }
        }
        var estimates: CrossingSimulation.Result?
        if common.method.includesMonteCarlo {
            let simulation = CrossingSimulation(residence: residence, session: session, kmax: kmax)
            let reporter = common.progressReporter(label: "crossings", samples: common.samples)
            let start = DispatchTime.now().uptimeNanoseconds
            let result = simulation.run(samples: common.samples, seed: common.seed, jobs: common.jobs,
                                        progress: reporter?.callback)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            estimates = result
            if bench {
                let drawStart = DispatchTime.now().uptimeNanoseconds
                let checksum = simulation.drawOnly(samples: common.samples, residenceDraws: result.residenceDraws,
                                                   seed: common.seed, jobs: common.jobs)
                let drawElapsed = Double(DispatchTime.now().uptimeNanoseconds - drawStart) / 1e9
                let n = Double(common.samples)
                Diagnostics.note(String(format: "bench: %d sessions, jobs %d: %.3f s, %.4g sessions/s; variates only (%d session + %d residual + %d residence draws): %.3f s, %.4g sessions/s (checksum %.6g)",
                                        common.samples, common.jobs, elapsed, n / elapsed, common.samples, common.samples,
                                        result.residenceDraws, drawElapsed, n / drawElapsed, checksum / n))
            }
        }
        var columns = [Table.Column("k", alignment: .right)]
        if common.method.includesClosedForm { columns.append(.init("closed_form", alignment: .right)) }
        if common.method.includesMonteCarlo {
            columns += [.init("estimate", alignment: .right), .init("ci_low", alignment: .right), .init("ci_high", alignment: .right)]
        }
        var table = Table(columns: columns,
                          caption: "P(K = k), AR crossings during a session: residence \(residence.spec), session \(session.spec)")
        let laws = "residence \(residence.spec), session \(session.spec)"
        var tidy: [MetricEstimate] = []
        for k in 0...kmax {
            var row = [String(k)]
            let metric = "crossing_probability.\(k)"
            if common.method.includesClosedForm {
                row.append(try closed.map { try MobilityOutput.finite($0[k], "P(K = \(k)), closed form", laws: laws) } ?? "")
                if let p = closed?[k] { tidy.append(common.row(metric, unit: "probability", closedForm: p)) }
            }
            if let e = estimates?.probabilities[k] {
                row += try [e.estimate, e.low, e.high].map { try MobilityOutput.finite($0, "P(K = \(k)), Monte Carlo", laws: laws) }
                tidy.append(common.row(metric, unit: "probability", estimate: e.estimate, low: e.low, high: e.high))
            }
            table.append(row)
        }
        table.footnotes.append("E[K] = E[T]/E[X] = \(try MobilityOutput.finite(distribution.mean, "E[K] = E[T]/E[X]", laws: laws)) (exact for every pair of laws).")
        if common.method.includesClosedForm {
            tidy.append(common.row("mean_crossings", unit: "crossings", closedForm: distribution.mean))
        }
        if let m = estimates?.meanCrossings {
            let values = try [m.estimate, m.low, m.high].map { try MobilityOutput.finite($0, "E[K], Monte Carlo", laws: laws) }
            table.footnotes.append("Monte Carlo: \(common.samples) sessions, seed \(common.seed); E[K] estimate \(values[0]) [\(values[1]), \(values[2])].")
            tidy.append(common.row("mean_crossings", unit: "crossings", estimate: m.estimate, low: m.low, high: m.high))
        }
        // Every closed form here is exact (Fang/Lin, Erlang mixtures, quadrature; E[K] for any laws).
        try common.emit(table, tidy: tidy, approximate: [])
    }
}
