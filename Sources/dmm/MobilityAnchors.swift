import ArgumentParser
import Evaluation
import Foundation
import Mobility
import Reports
import Stochastics

/// `dmm mobility anchors`: old anchors in use at a handoff and related DMM measures.
struct MobilityAnchors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anchors",
        abstract: "Anchors still in use at a handoff, tunnelled fraction and anchor distance (DMM).",
        discussion: """
            Sessions arrive as a Poisson process (--session-rate per second) and \
            stay anchored at the AR where they started (docs/MODELS.md 3). \
            Rows (one a quantity):
              anchors_in_use_at_handoff       residences (the AR being left and
                                              earlier ones) still anchoring an active
                                              session: PBUs/BUs per handoff
              distinct_anchor_ars_at_handoff  the same with revisited ARs merged and
                                              the new serving AR left out (Monte
                                              Carlo only)
              sessions_at_left_ar             active sessions anchored at the AR
                                              being left
              active_sessions                 rho = session rate x mean session
              tunnelled_fraction              share of session time away from its
                                              first AR (grid distance > 0; returns
                                              to it are not tunnelled)
              after_first_handoff_fraction    share of session time after its first
                                              handoff (an upper bound of
                                              tunnelled_fraction)
              mean_anchor_distance_steps      packet-averaged grid distance, first
                                              AR to serving AR

            anchors_in_use_at_handoff is exact for exponential sessions (any \
            residence law) and for deterministic residences (any session law, \
            docs/MODELS.md 3.3); otherwise closed_form is an approximation \
            (noted on stderr and in footnotes) and the Monte Carlo is the reference.

            CSV and JSON: the tidy rows of dmm evaluate (docs/DATA.md): scheme "-", \
            metric (a quantity above), unit, method, estimate; with the Monte Carlo \
            ci_low, ci_high (95 % Student-t) and samples (draws per estimate); with the \
            closed form exactness (exact or approximate). A method that does not \
            apply to a quantity has no row. Markdown, latex and rfc show the \
            quantities with both methods side by side.

            Examples:
              dmm mobility anchors --residence exponential:mean=60 \\
                  --session exponential:mean=60 --session-rate 0.0166667
              dmm mobility anchors --residence gamma:shape=2,mean=60 \\
                  --session lognormal:sigma=1,mean=300 \\
                  --session-rate 0.01 --grid hexagonal --method both --samples 200000 \\
                  --format markdown
            """
    )

    @OptionGroup var common: MobilityCommonOptions

    @Option(name: .customLong("session-rate"), parsing: .unconditional, help: ArgumentHelp("Session arrivals per second per MN (> 0).", valueName: "PER_SECOND"))
    var sessionRate: Double

    @Option(help: "AR grid: square or hexagonal.")
    var grid: GridKind = .square

    mutating func validate() throws {
        let (residence, session) = try common.validateCommon()
        guard sessionRate.isFinite, sessionRate > 0, sessionRate <= 1e6 else {
            throw ValidationError("--session-rate \(sessionRate) is out of range; allowed: a finite number of sessions per second, 0 < rate <= 1000000")
        }
        if common.method.includesMonteCarlo && !session.secondMoment.isFinite {
            throw ValidationError("--session \(session.spec): the anchors Monte Carlo needs a session law with finite variance (the age of an active session has mean E[T²]/(2E[T])); allowed: pareto shape > 2, or any other family")
        }
        guard sessionRate * session.mean <= 1000 else {
            throw ValidationError("--session-rate \(sessionRate) with mean session \(session.mean) s gives \(sessionRate * session.mean) active sessions; allowed: at most 1000")
        }
        // The walk back reaches the oldest active session: about the mean age
        // E[T²]/(2E[T]) times 1 + ln(1 + rho) (the largest of rho ages), in residences.
        let rho = sessionRate * session.mean
        try common.checkMonteCarloCost(
            residencesPerSample: session.residualMean * (1 + log1p(rho)) / residence.mean,
            "the walk back to the oldest of \(MobilityOutput.number(rho)) active sessions, mean age \(MobilityOutput.number(session.residualMean)) s, mean residence \(MobilityOutput.number(residence.mean)) s")
    }

    func run() throws {
        try common.destination.check()  // before a long run, not after it
        let (residence, session) = try common.laws()
        let model = SessionAnchoring(residence: residence, session: session, sessionRate: sessionRate, grid: grid)
        var estimates: [SessionAnchoring.Quantity: ConfidenceInterval] = [:]
        if common.method.includesMonteCarlo {
            let reporter = common.progressReporter(label: "anchors", samples: common.samples)
            estimates = AnchoringSimulation(model).run(samples: common.samples, seed: common.seed, jobs: common.jobs,
                                                       progress: reporter?.callback)
        }
        var table = Table(
            columns: [.init("quantity"), .init("closed_form", alignment: .right), .init("estimate", alignment: .right),
                      .init("ci_low", alignment: .right), .init("ci_high", alignment: .right)],
            caption: "DMM anchoring: residence \(residence.spec), session \(session.spec), \(MobilityOutput.number(sessionRate)) sessions/s, \(grid.rawValue) grid")
        var walkAverages: SessionAnchoring.WalkAverages?  // tunnelled_fraction and the distance share one series
        var tidy: [MetricEstimate] = []
        var approximate: Set<String> = []
        for q in SessionAnchoring.Quantity.allCases {
            var row = [q.rawValue]
            var value: Double?
            var exact = true
            if common.method.includesClosedForm {
                if q == .meanAnchorDistanceSteps || q == .tunnelledFraction {
                    do {
                        let walk = try walkAverages ?? model.walkAverages()
                        walkAverages = walk
                        (value, exact) = (q == .tunnelledFraction ? walk.awayFraction : walk.meanDistanceSteps, walk.exact)
                    } catch let error as CrossingError {
                        let note = "closed_form of \(q.rawValue) left empty: \(error)"
                        table.footnotes.append(note)
                        Diagnostics.note("note: " + note)
                    }
                } else {
                    value = try model.closedForm(q)
                    exact = model.isExact(q)
                }
            }
            let laws = "residence \(residence.spec), session \(session.spec)"
            row.append(try value.map { try MobilityOutput.finite($0, "\(q.rawValue), closed form", laws: laws) } ?? "")
            if let value {
                tidy.append(common.row(q.rawValue, unit: Self.unit(q), closedForm: value))
                if !exact { approximate.insert(q.rawValue) }
            }
            if let value, !exact {
                let note = q == .anchorsInUseAtHandoff
                    ? "closed_form of \(q.rawValue) is an approximation (each past residence's live probability from a piecewise-linear grid in the age against the law of the residence sums, gamma or by numerical Laplace inversion: within 2e-4 relative, docs/MODELS.md 3.3)"
                    : "closed_form of \(q.rawValue) is a truncated series (heavy-tailed session or more than 160 hexagonal steps)"
                table.footnotes.append(note)
                Diagnostics.note("note: \(note); value \(MobilityOutput.number(value))")
            }
            if let e = estimates[q] {
                row += try [e.estimate, e.low, e.high].map { try MobilityOutput.finite($0, "\(q.rawValue), Monte Carlo", laws: laws) }
                tidy.append(common.row(q.rawValue, unit: Self.unit(q), estimate: e.estimate, low: e.low, high: e.high))
            } else {
                row += ["", "", ""]
            }
            table.append(row)
        }
        try common.emit(table, tidy: tidy, approximate: approximate)
    }

    /// The unit column of a quantity's tidy rows.
    static func unit(_ q: SessionAnchoring.Quantity) -> String {
        switch q {
        case .anchorsInUseAtHandoff: return "anchors"
        case .distinctAnchorARsAtHandoff: return "ars"
        case .sessionsAtLeftAR, .activeSessions: return "sessions"
        case .tunnelledFraction, .afterFirstHandoffFraction: return "ratio"
        case .meanAnchorDistanceSteps: return "steps"
        }
    }
}
