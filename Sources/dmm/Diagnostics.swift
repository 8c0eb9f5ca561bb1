import Foundation
import Synchronization
import Reports

/// Messages for people go to standard error; tables and data go to standard output.
enum Diagnostics {
    static func error(_ message: String) {
        write("error: " + message.replacingOccurrences(of: "Error: ", with: "") + "\n")
    }

    static func note(_ message: String) { write(message + "\n") }

    /// A failed write to stderr (full disk, closed descriptor) cannot be
    /// reported there; it is remembered and `DMM.main` ends with exit 1
    /// (never a trap, never exit 0 with diagnostics lost).
    static func write(_ text: String) {
        do { try StandardStream.writeError(text) } catch { StderrState.failed.store(true) }
    }

    /// Whether standard error is a terminal (progress is shown only then, or on --progress).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}

/// Whether a write to standard error has failed during this run.
enum StderrState {
    static let failed = Flag()

    /// A set-once flag read at exit, safe from any thread.
    final class Flag: Sendable {
        private let value = Atomic<Bool>(false)
        func store(_ v: Bool) { value.store(v, ordering: .sequentiallyConsistent) }
        func load() -> Bool { value.load(ordering: .sequentiallyConsistent) }
    }
}
