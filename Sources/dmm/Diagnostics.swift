import Foundation
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

    /// A set-once flag read at exit; the lock makes it safe from any thread.
    final class Flag: @unchecked Sendable {  // all access goes through `lock`
        private let lock = NSLock()
        private var value = false
        func store(_ v: Bool) { lock.lock(); value = v; lock.unlock() }
        func load() -> Bool { lock.lock(); defer { lock.unlock() }; return value }
    }
}
