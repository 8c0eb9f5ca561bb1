import Foundation
import Testing

@Suite("dmm root command")
struct RootCommandTests {
    @Test func versionPrintsTheVersion() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("dmm 0.1.0 (commit "))
    }

    @Test func helpListsSubcommands() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("SUBCOMMANDS:"))
        #expect(result.stdout.contains("bench"))
    }

    @Test func unknownOptionExitsWithTwo() throws {
        let result = try CLI.run(["bench", "--nope"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--nope'"))
        #expect(result.stdout.isEmpty)
    }

    @Test func badLawNamesParameterAndRange() throws {
        let result = try CLI.run(["bench", "--law", "gamma:shape=-2,mean=60", "--samples", "10"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("law 'gamma:shape=-2,mean=60': parameter 'shape' = -2 is out of range; allowed: 0.01 <= shape <= 10000"))
    }
}
