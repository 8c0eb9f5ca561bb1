import ArgumentParser
import Foundation
import Reports

/// `--output FILE`, shared by the commands that print one table: `check()` at
/// the start of `run()` refuses a bad target before any long computation, and
/// `emit` writes the file atomically (`OutputFile.write`) or to standard output.
struct OutputDestination: ParsableArguments {
    @Option(help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    /// Throws `OutputFile.WriteError` (an `InvalidInput`: exit 2, one line, no
    /// usage text) for an empty path, a directory or a missing parent directory.
    /// Called from `run()`, not `validate()`: ArgumentParser wraps errors thrown
    /// from validate() and would print the usage after a message about a file.
    func check() throws {
        if let output { try OutputFile.checkTarget(output) }
    }

    var isFile: Bool { output != nil }

    func emit(_ text: String) throws {
        if let output {
            try OutputFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
