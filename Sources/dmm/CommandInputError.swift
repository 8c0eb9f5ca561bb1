import Stochastics

/// A command-line value that cannot be used (exit 2).
struct CommandInputError: InvalidInput {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
