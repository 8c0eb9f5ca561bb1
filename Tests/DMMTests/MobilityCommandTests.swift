import Foundation
import Testing

@Suite("dmm mobility")
struct MobilityCommandTests {
    /// Exponential residence (mean 1 s), Erlang-2 sessions of mean 2 s:
    /// P(K = k) = (k+1)/2^(k+2) = 1/4, 1/4, 3/16, 1/8, 5/64 (checked by hand).
    @Test func crossingsClosedFormCSV() throws {
        let r = try CLI.run(["mobility", "crossings", "--residence", "exponential:mean=1", "--session", "gamma:shape=2,mean=2", "--kmax", "4"])
        #expect(r.status == 0)
        #expect(r.stdout == "k,closed_form\r\n0,0.25\r\n1,0.25\r\n2,0.1875\r\n3,0.125\r\n4,0.078125\r\n")
    }

    /// Exponential residence and sessions, equal means, ρ = 1: Ein(1) = 0.7965996 anchors,
    /// ρ(1 − f*(μ)) = 0.5 at the left AR, r*(μ) = 0.5 of the time after the first handoff,
    /// 1 − (1 − p)/AGM(1, √(1 − p²)) = 0.4634090 away from the first AR (Σ_n (C(2n,n)/4^n)² p^{2n}
    /// = (2/π)K(p), evaluated by hand with the arithmetic-geometric mean), p/√(1−p) = 1/√2 steps (p = 1/2).
    @Test func anchorsClosedFormCSV() throws {
        let r = try CLI.run(["mobility", "anchors", "--residence", "exponential:mean=1", "--session", "exponential:mean=1", "--session-rate", "1"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            quantity,closed_form,estimate,ci_low,ci_high\r
            anchors_in_use_at_handoff,0.7965996,,,\r
            distinct_anchor_ars_at_handoff,,,,\r
            sessions_at_left_ar,0.5,,,\r
            active_sessions,1,,,\r
            tunnelled_fraction,0.463409,,,\r
            after_first_handoff_fraction,0.5,,,\r
            mean_anchor_distance_steps,0.7071068,,,\r

            """)
    }

    @Test func monteCarloColumnsAndJobsInvariance() throws {
        let args = ["mobility", "crossings", "--residence", "gamma:shape=2,mean=60", "--session", "exponential:mean=120",
                    "--method", "both", "--samples", "50000", "--seed", "3", "--kmax", "2"]
        let one = try CLI.run(args + ["--jobs", "1"]), two = try CLI.run(args + ["--jobs", "2"])
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        let lines = one.stdout.split(separator: "\r\n")
        #expect(lines.first == "k,closed_form,estimate,ci_low,ci_high")
        #expect(lines.count == 4)
        // closed form with η = 1/60, μ = 1/120: f* = (1 + 60/240)^-2 = 0.64, P(K=0) = 1 − 2(0.36) = 0.28.
        #expect(lines[1].hasPrefix("0,0.28,"))
    }

    @Test func jsonAndMarkdown() throws {
        let j = try CLI.run(["mobility", "crossings", "--residence", "exponential:mean=1", "--session", "exponential:mean=1", "--kmax", "1", "--format", "json"])
        #expect(j.stdout == "[\n  {\"k\": 0, \"closed_form\": 0.5},\n  {\"k\": 1, \"closed_form\": 0.25}\n]\n")
        let m = try CLI.run(["mobility", "crossings", "--residence", "exponential:mean=1", "--session", "exponential:mean=1", "--kmax", "0", "--format", "markdown"])
        #expect(m.stdout.hasPrefix("|   k | closed_form |\n| --: | ----------: |\n|   0 |         0.5 |\n"))
    }

    @Test func helpHasExamples() throws {
        for sub in ["crossings", "anchors"] {
            let r = try CLI.run(["mobility", sub, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Examples:"))
        }
    }
}
