/// Marks an error caused by the user's input (a spec, a file, an option value)
/// rather than by a computation. The command-line tool exits with status 2 for
/// these and 1 for everything else (docs/ARCHITECTURE.md, exit codes).
public protocol InvalidInput: Error, CustomStringConvertible {}

extension LawError: InvalidInput {}
