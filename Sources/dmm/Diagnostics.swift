import Foundation

/// Messages for people go to standard error; tables and data go to standard output.
enum Diagnostics {
    static func error(_ message: String) {
        write("error: " + message.replacingOccurrences(of: "Error: ", with: "") + "\n")
    }

    static func note(_ message: String) { write(message + "\n") }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (progress is shown only then, or on --progress).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
