import Foundation
import Testing

/// `dmm validate --campaign` end to end: the csv columns, the summary on standard
/// error, a worst row's reproduction command run through the tool giving the same
/// closed form and estimate, the exit status against the targets, and bad input.
@Suite struct CampaignCommandTests {
    static let header = "rank,kind,scenario,scheme,metric,form,closed_form,monte_carlo,standard_error,z,relative_gap,result,error,reproduce"
    /// The header when a listed pair had a confirmation rerun (docs/DATA.md).
    static let rerunHeader = "rank,kind,scenario,scheme,metric,form,closed_form,monte_carlo,standard_error,z,relative_gap,rerun_monte_carlo,rerun_standard_error,rerun_z,result,error,reproduce"

    /// Splits one RFC 4180 line (quoted fields may hold commas).
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { out.append(field); field = "" } else { field.append(c) }
        }
        out.append(field)
        return out
    }

    @Test func aSmallCampaignAndItsReproductionCommand() throws {
        let r = try CLI.run(["validate", "--campaign", "2", "--seed", "4", "--samples", "65536", "--laws", "exponential,gamma", "--jobs", "2", "--format", "csv"])
        #expect(r.status == 0 || r.status == 1)
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == Self.header || lines.first == Self.rerunHeader)
        let width = lines.first == Self.header ? 14 : 17
        #expect(r.stderr.hasPrefix("2 scenarios ("))
        #expect(r.stderr.contains("targets \(r.status == 0 ? "met" : "missed")."))
        let top = Self.fields(try #require(lines.dropFirst().first))
        #expect(top.count == width && top[0] == "1" && top[1] == "pair")
        let command = top[width - 1].split(separator: " ").map(String.init)
        #expect(command.prefix(2) == ["dmm", "evaluate"] && command.contains("--set") && command.contains("--seed"))
        let again = try CLI.run(Array(command.dropFirst()))
        #expect(again.status == 0, "\(again.stderr)")
        let rows = again.stdout.components(separatedBy: "\r\n").map(Self.fields)
        let scheme = top[3], metric = top[4]
        let cf = rows.first { $0.count > 4 && $0[0] == scheme && $0[1] == metric && $0[3] == "closed-form" }
        let mc = rows.first { $0.count > 4 && $0[0] == scheme && $0[1] == metric && $0[3] == "monte-carlo" }
        #expect(cf?[4] == top[6])
        #expect(mc?[4] == top[7])
    }
}
