import Foundation
import Testing

/// `dmm validate` end to end: exact header and summary, exit codes.
@Suite struct ValidateCommandTests {
    static let header = "id,quantity,source,reference,dmmkit,tolerance,tolerance_rule,result"

    /// One case, checked by hand: MIPv6 BU + BA of 80 B over 1 air hop + 8 wired hops = 160 × 9 = 1440.
    @Test func oneCaseExactCSV() throws {
        let r = try CLI.run(["validate", "--only", "cost.mipv6", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout == Self.header + "\r\n"
            + "cost.mipv6,MIPv6 (BT) handoff signaling (byte-hops per handoff),\"docs/MODELS.md 5.4 (card procedures, RP-1)\",1440.0,1440.0,0.5,half a unit in the last printed digit,pass\r\n")
        #expect(r.stderr == "1 passed, 0 failed\n")
    }

    @Test func wholeCataloguePasses() throws {
        let r = try CLI.run(["validate", "--samples", "262144", "--format", "csv"])
        #expect(r.status == 0)
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == Self.header)
        let rows = lines.count - 1
        #expect(rows >= 130)
        #expect(r.stderr == "\(rows) passed, 0 failed\n")
    }

    @Test func markdownEndsWithTheSummary() throws {
        let r = try CLI.run(["validate", "--only", "anchors.ein1"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "| id           | quantity                                                  | source                      | reference |      dmmkit | tolerance | result |")
        #expect(r.stdout.hasSuffix("\n1 passed, 0 failed\n"))
    }

    @Test func aWrongReferenceIsAFailure() throws {
        let r = try CLI.run(["validate", "--only", "cost.", "--test-perturb-reference", "cost.mipv6", "--format", "csv"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\r\ncost.mipv6,MIPv6 (BT) handoff signaling (byte-hops per handoff),\"docs/MODELS.md 5.4 (card procedures, RP-1)\",1441.0,1440.0,0.5,half a unit in the last printed digit,FAIL\r\n"))
        #expect(r.stderr == "5 passed, 1 failed\n")
    }

    @Test func badInputExitsTwo() throws {
        let none = try CLI.run(["validate", "--only", "nope"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("--only 'nope' matches no case id"))
        #expect(none.stdout.isEmpty)
    }
}
