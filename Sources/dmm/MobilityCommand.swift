import ArgumentParser
import Foundation
import Mobility
import Reports
import Stochastics

/// `dmm mobility`: renewal theory of movement and sessions (DESIGN.md 2.3).
struct MobilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mobility",
        abstract: "Crossings during a session and DMM anchors in use, closed form and Monte Carlo.",
        discussion: """
            Laws use the spelling of DESIGN.md 2.2, e.g. exponential:mean=60,
            gamma:shape=2,mean=60, lognormal:sigma=1,mean=300,
            hyperexponential:p=0.9/0.1,mean=30/330. Times are in seconds.

            Examples:
              dmm mobility crossings --residence gamma:shape=2,mean=60 --session exponential:mean=120
              dmm mobility anchors --residence exponential:mean=60 --session exponential:mean=60 --session-rate 0.0166667
            """,
        subcommands: [MobilityCrossings.self, MobilityAnchors.self]
    )
}

/// How a mobility quantity is computed.
enum MobilityMethod: String, CaseIterable, ExpressibleByArgument {
    case closedForm = "closed-form", monteCarlo = "monte-carlo", both

    var closedForm: Bool { self != .monteCarlo }
    var monteCarlo: Bool { self != .closedForm }
}

extension GridKind: ExpressibleByArgument {}

/// Options shared by the mobility subcommands.
struct MobilityCommonOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Residence-time law at an AR (DESIGN.md 2.2 spelling).", valueName: "LAW"))
    var residence: String

    @Option(help: ArgumentHelp("Session-duration law (DESIGN.md 2.2 spelling).", valueName: "LAW"))
    var session: String

    @Option(help: "closed-form, monte-carlo or both.")
    var method: MobilityMethod = .closedForm

    @Option(parsing: .unconditional, help: "Monte Carlo samples (2...1000000000000).")
    var samples: Int = 1_000_000

    @Option(parsing: .unconditional, help: "Seed of the Monte Carlo run, an integer 0...18446744073709551615 (same seed, same output, whatever --jobs).")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Worker threads (1...1024); default: the number of cores.")
    var jobs: Int = ProcessorAffinity.availableCPUCount

    @Option(help: "Output format: csv, json, markdown, latex or rfc.")
    var format: OutputFormat = .csv

    @OptionGroup var destination: OutputDestination

    @Flag(help: "Show Monte Carlo progress on standard error even when it is not a terminal.")
    var progress = false

    func validateCommon() throws {
        _ = try law(residence, "--residence")
        _ = try law(session, "--session")
        // Two at least: a Student-t interval from one sample has no width to report.
        guard (2...1_000_000_000_000).contains(samples) else {
            throw ValidationError("--samples \(samples) is out of range; allowed: 2...1000000000000 (an interval needs two samples)")
        }
        guard (1...1024).contains(jobs) else {
            throw ValidationError("--jobs \(jobs) is out of range; allowed: 1...1024")
        }
    }

    /// A Monte Carlo sample walks this many residences at most on average before the
    /// run is refused: a residence of microseconds next to sessions of minutes would
    /// make even one sample take hours (at the default 1e6 samples, 1e4 residences a
    /// sample is ~1e10 draws, a few minutes in a release build).
    static let maxResidencesPerSample = 1e4

    /// Refuses a Monte Carlo run whose samples would each walk more than
    /// `maxResidencesPerSample` residences (`walk`, the expected count; `why` says what it is).
    func checkMonteCarloCost(residencesPerSample walk: Double, _ why: String) throws {
        guard method.monteCarlo else { return }
        guard walk.isFinite, walk <= Self.maxResidencesPerSample else {
            throw ValidationError(
                "--method \(method.rawValue): each sample would walk about \(String(format: "%.3g", walk)) residences (\(why)); allowed: at most \(String(format: "%.0f", Self.maxResidencesPerSample)). Use --method closed-form, or a longer --residence or shorter --session")
        }
    }

    func law(_ text: String, _ option: String) throws -> ProbabilityLaw {
        do { return try ProbabilityLaw.parse(text) } catch { throw ValidationError("\(option): \(error)") }
    }

    func laws() throws -> (ProbabilityLaw, ProbabilityLaw) {
        (try law(residence, "--residence"), try law(session, "--session"))
    }

    func emit(_ table: Table) throws {
        try destination.emit(TableRenderer.render(table, as: format))
    }

    /// A chunk counter printing a percentage on stderr, or nil when progress is off.
    func progressReporter(label: String, samples: Int) -> MobilityProgress? {
        guard progress || Diagnostics.stderrIsTerminal else { return nil }
        return MobilityProgress(label: label, chunks: (samples + (1 << 15) - 1) >> 15)
    }
}

/// Progress of a Monte Carlo run, on stderr.
final class MobilityProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0, shown = -1
    let label: String, chunks: Int

    init(label: String, chunks: Int) {
        self.label = label
        self.chunks = max(1, chunks)
    }

    /// `step` as the callback the simulations take.
    var callback: @Sendable () -> Void { { [self] in self.step() } }

    func step() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let percent = done * 100 / chunks
        if percent != shown {
            shown = percent
            Diagnostics.write("\r\(label): \(percent)%" + (done == chunks ? "\n" : ""))
        }
    }
}
