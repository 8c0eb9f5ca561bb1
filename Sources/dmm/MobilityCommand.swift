import Dispatch
import ArgumentParser
import Evaluation
import Foundation
import Mobility
import Reports
import Stochastics

/// `dmm mobility`: renewal theory of movement and sessions (docs/ARCHITECTURE.md).
struct MobilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mobility",
        abstract: "Crossings during a session and DMM anchors in use, closed form and Monte Carlo.",
        discussion: """
            Laws use the spelling of docs/MODELS.md 2.2, e.g. exponential:mean=60, \
            gamma:shape=2,mean=60, lognormal:sigma=1,mean=300, \
            hyperexponential:p=0.9/0.1,mean=30/330. Times are in seconds.

            Examples:
              dmm mobility crossings --residence gamma:shape=2,mean=60 \\
                  --session exponential:mean=120
              dmm mobility anchors --residence exponential:mean=60 \\
                  --session exponential:mean=60 --session-rate 0.0166667
            """,
        subcommands: [MobilityCrossings.self, MobilityAnchors.self]
    )
}

extension GridKind: ExpressibleByArgument {}

/// Options shared by the mobility subcommands.
struct MobilityCommonOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Residence-time law at an AR (docs/MODELS.md 2.2 spelling).", valueName: "LAW"))
    var residence: String

    @Option(help: ArgumentHelp("Session-duration law (docs/MODELS.md 2.2 spelling).", valueName: "LAW"))
    var session: String

    @OptionGroup var methodOption: MethodOption

    @Option(parsing: .unconditional, help: "Monte Carlo samples (2...1000000000000).")
    var samples: Int = 1_000_000

    @OptionGroup var seedOption: SeedOption
    @OptionGroup var jobsOption: JobsOption

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .csv

    @OptionGroup var destination: OutputDestination

    @OptionGroup var tableOptions: TableOptions

    @Flag(help: "Show Monte Carlo progress on standard error even when it is not a terminal.")
    var progress = false

    var method: MethodChoice { methodOption.method }
    var seed: UInt64 { seedOption.seed }
    var jobs: Int { jobsOption.jobs }

    /// Checks the laws and --samples; returns the laws, (residence, session), for
    /// the subcommand's own checks.
    func validateCommon() throws -> (ProbabilityLaw, ProbabilityLaw) {
        let laws = try laws()
        // Two at least: a Student-t interval from one sample has no width to report.
        guard (2...1_000_000_000_000).contains(samples) else {
            throw ValidationError("--samples \(samples) is out of range; allowed: 2...1000000000000 (an interval needs two samples)")
        }
        return laws
    }

    /// A Monte Carlo sample walks this many residences at most on average before the
    /// run is refused: a residence of microseconds next to sessions of minutes would
    /// make even one sample take hours (at the default 1e6 samples, 1e4 residences a
    /// sample is ~1e10 draws, a few minutes in a release build).
    static let maxResidencesPerSample = 1e4

    /// Refuses a Monte Carlo run whose samples would each walk more than
    /// `maxResidencesPerSample` residences (`walk`, the expected count; `why` says what it is).
    func checkMonteCarloCost(residencesPerSample walk: Double, _ why: String) throws {
        guard method.includesMonteCarlo else { return }
        guard walk.isFinite, walk <= Self.maxResidencesPerSample else {
            throw ValidationError(
                "--method \(method.rawValue): each sample would walk about \(String(format: "%.3g", walk)) residences (\(why)); allowed: at most \(String(format: "%.0f", Self.maxResidencesPerSample)). Use --method closed-form, or a longer --residence or shorter --session")
        }
    }

    /// --residence and --session parsed (the one place they are read); a bad law
    /// names its option.
    func laws() throws -> (ProbabilityLaw, ProbabilityLaw) {
        func law(_ text: String, _ option: String) throws -> ProbabilityLaw {
            do { return try ProbabilityLaw.parse(text) } catch { throw ValidationError("\(option): \(error)") }
        }
        return (try law(residence, "--residence"), try law(session, "--session"))
    }

    func emit(_ table: Table) throws {
        try destination.emit(try tableOptions.render(table, as: format, to: destination))
    }

    /// csv and json: `rows` in the tidy shape of `dmm evaluate` (`TidyLayout`,
    /// docs/DATA.md; scheme "-", a reader nulls no word of it); markdown, latex,
    /// rfc and xml2rfc: `table`, the side-by-side view. `approximate`: the metric
    /// ids whose closed form is an approximation here.
    func emit(_ table: Table, tidy rows: [MetricEstimate], approximate: Set<String>) throws {
        switch format {
        case .csv, .json:
            let layout = TidyLayout(closedForm: method.includesClosedForm, monteCarlo: method.includesMonteCarlo, percentiles: false)
            try emit(MetricTables.tidy(rows, layout: layout) { _, metric in approximate.contains(metric) })
        case .markdown, .latex, .rfc, .xml2rfc:
            try emit(table)
        }
    }

    /// The scheme cell of mobility rows: they describe movement, not a scheme.
    static let noScheme = "-"

    /// A tidy row of a mobility quantity; Monte Carlo rows carry the sampled count as `samples`.
    func row(_ metric: String, unit: String, closedForm value: Double) -> MetricEstimate {
        MetricEstimate(scheme: Self.noScheme, metric: metric, unit: unit, method: .closedForm, estimate: value)
    }

    func row(_ metric: String, unit: String, estimate: Double, low: Double, high: Double) -> MetricEstimate {
        MetricEstimate(scheme: Self.noScheme, metric: metric, unit: unit, method: .monteCarlo, estimate: estimate,
                       ciLow: low, ciHigh: high, samples: samples)
    }

    /// A chunk counter printing a percentage on stderr, or nil when progress is off.
    func progressReporter(label: String, samples: Int) -> MobilityProgress? {
        guard progress || Diagnostics.stderrIsTerminal else { return nil }
        return MobilityProgress(label: label, chunks: (samples + (1 << 15) - 1) >> 15)
    }
}

/// Progress of a Monte Carlo run on stderr: "label: done/total unit (percent),
/// rate unit/s, time left", redrawn at most four times a second. Not shared
/// between threads: the simulations report progress on the calling thread
/// (`ParallelWork`'s emit).
final class MobilityProgress {
    private var done = 0
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last: UInt64 = 0
    let label: String, chunks: Int, unit: String

    /// - Parameter unit: what a step is ("replications" for dmm evaluate, "chunks" of 32768 samples for mobility).
    init(label: String, chunks: Int, unit: String = "chunks") {
        self.label = label
        self.chunks = max(1, chunks)
        self.unit = unit
    }

    /// `step` as the callback the simulations take.
    var callback: () -> Void { { [self] in self.step() } }

    func step() { show(done: done + 1) }

    /// Shows `done` of `chunks` (steps may come several at a time).
    func show(done: Int) {
        self.done = done
        let now = DispatchTime.now().uptimeNanoseconds
        guard done >= chunks || now - last > 250_000_000 else { return }
        last = now
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let left = rate > 0 ? Double(max(0, chunks - done)) / rate : 0
        // The last line stays on the terminal: it says how long the run took.
        let tail = done >= chunks ? "done in \(SweepProgress.clock(seconds))  \n" : "\(SweepProgress.clock(left)) left "
        Diagnostics.write(String(
            format: "\r%@: %d/%d %@ (%.0f%%), %.1f %@/s, ", label, done, chunks, unit,
            100 * Double(done) / Double(chunks), rate, unit) + tail)
    }
}
