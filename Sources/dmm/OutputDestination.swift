import ArgumentParser
import Foundation
import Reports

/// `--output FILE`, shared by the commands that print one table: `check()` at
/// the start of `run()` refuses a bad target before any long computation, and
/// `emit` writes under `OutputFile`'s policy (atomic for a regular file, in
/// place for a device or FIFO) or to standard output.
struct OutputDestination: ParsableArguments {
    @Option(help: ArgumentHelp("Write to FILE instead of standard output (a regular file atomically; a device or FIFO in place).", valueName: "FILE"))
    var output: String?

    /// Throws `OutputFile.WriteError` (an `InvalidInput`: exit 2, one line, no
    /// usage text) for an empty path, a directory, a missing parent directory,
    /// a read-only file or one of `inputs`.
    /// Called from `run()`, not `validate()`: ArgumentParser wraps errors thrown
    /// from validate() and would print the usage after a message about a file.
    func check(inputs: [String] = []) throws {
        if let output { try OutputFile.checkTarget(output, inputs: inputs) }
    }

    var isFile: Bool { output != nil }

    /// Throws `OutputFile.IOError` (exit 1) when the bytes cannot be written.
    func emit(_ text: String, inputs: [String] = []) throws {
        if let output {
            try OutputFile.write(text, to: output, inputs: inputs)
        } else {
            try StandardStream.write(text)
        }
    }
}
