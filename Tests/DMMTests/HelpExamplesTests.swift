import Foundation
import Testing

/// Help examples paste as they are (issue 13 item 7): at the 80 columns the help
/// is laid out for when stdout is not a terminal, no example line is wrapped by
/// the help formatter, so every line of an Examples block starts a command or
/// continues one whose previous line ends in a backslash.
@Suite("Help examples")
struct HelpExamplesTests {
    static let commands: [[String]] = [
        [], ["schemes"], ["table"], ["evaluate"], ["mobility"], ["mobility", "crossings"], ["mobility", "anchors"],
        ["sweep"], ["merge"], ["plot"], ["validate"], ["compare"], ["crossover"], ["map"], ["report"], ["bench-simulation"],
    ]

    @Test(arguments: commands)
    func examplesAreNotHardWrapped(command: [String]) throws {
        let result = try CLI.run(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(command): \(result.stderr)")
        var inExamples = false, previous = ""
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("Examples:") { inExamples = true; previous = ""; continue }
            if line.hasPrefix("USAGE") || line.hasPrefix("OPTIONS") || line.hasPrefix("SUBCOMMANDS") { inExamples = false }
            guard inExamples, !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let startsCommand = line.range(of: #"^  (DMM_MODELS=\S+ )?(\.build/release/)?dmm( |$)"#, options: .regularExpression) != nil
            #expect(startsCommand || previous.hasSuffix("\\"), "\(command): a wrapped example line: '\(line)' after '\(previous)'")
            previous = line
        }
    }

    /// Prose is wrapped once, by the help formatter: a discussion paragraph is
    /// one logical line in the source, so at 80 columns (the formatter fills 79)
    /// every prose line is as
    /// full as it can be (the next word would not fit), with no ragged
    /// fragments such as "at" or "the" left by re-wrapping lines that were
    /// already broken at 80.
    @Test(arguments: commands + [["bench"]])
    func proseIsWrappedOnce(command: [String]) throws {
        let result = try CLI.run(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(command): \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let end = lines.firstIndex { $0.hasPrefix("USAGE") } ?? lines.count
        for (a, b) in zip(lines[..<end], lines[..<end].dropFirst()) {
            // The formatter breaks an indented line (a list, a table) without its indentation.
            #expect(a.count <= 79, "\(command): '\(a)' is wider than 79 columns")
            // Prose only: unindented lines of one paragraph.
            guard !a.isEmpty, !b.isEmpty, !a.hasPrefix(" "), !b.hasPrefix(" "), !a.hasPrefix("Examples:") else { continue }
            let next = b.split(separator: " ").first.map(String.init) ?? ""
            #expect(a.count + 1 + next.count > 79, "\(command): '\(a)' could take '\(next)' (re-wrapped prose)")
        }
    }
}
