import Foundation
import Testing

@Suite("dmm mobility")
struct MobilityCommandTests {
    /// Exponential residence (mean 1 s), Erlang-2 sessions of mean 2 s:
    /// P(K = k) = (k+1)/2^(k+2) = 1/4, 1/4, 3/16, 1/8, 5/64 (checked by hand).
    @Test func crossingsClosedFormCSV() throws {
        let r = try CLI.run(["mobility", "crossings", "--residence", "exponential:mean=1", "--session", "gamma:shape=2,mean=2", "--kmax", "4"])
        #expect(r.status == 0)
        // The tidy shape of dmm evaluate (docs/DATA.md): E[K] = E[T]/E[X] = 2 closes the list.
        #expect(r.stdout == """
            scheme,metric,unit,method,estimate,exactness\r
            -,crossing_probability.0,probability,closed-form,0.25,exact\r
            -,crossing_probability.1,probability,closed-form,0.25,exact\r
            -,crossing_probability.2,probability,closed-form,0.1875,exact\r
            -,crossing_probability.3,probability,closed-form,0.125,exact\r
            -,crossing_probability.4,probability,closed-form,0.078125,exact\r
            -,mean_crossings,crossings,closed-form,2.0,exact\r

            """)
    }

    /// Exponential residence and sessions, equal means, ρ = 1: Ein(1) = 0.7965996 anchors,
    /// ρ(1 − f*(μ)) = 0.5 at the left AR, r*(μ) = 0.5 of the time after the first handoff,
    /// 1 − (1 − p)/AGM(1, √(1 − p²)) = 0.4634090 away from the first AR (Σ_n (C(2n,n)/4^n)² p^{2n}
    /// = (2/π)K(p), evaluated by hand with the arithmetic-geometric mean), p/√(1−p) = 1/√2 steps (p = 1/2).
    @Test func anchorsClosedFormCSV() throws {
        let r = try CLI.run(["mobility", "anchors", "--residence", "exponential:mean=1", "--session", "exponential:mean=1", "--session-rate", "1"])
        #expect(r.status == 0)
        // The tidy shape, full precision; distinct_anchor_ars_at_handoff has no closed form, so no row.
        let rows = r.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["scheme", "metric", "unit", "method", "estimate", "exactness"])
        let expected: [(String, String, Double)] = [
            ("anchors_in_use_at_handoff", "anchors", 0.7965996), ("sessions_at_left_ar", "sessions", 0.5),
            ("active_sessions", "sessions", 1), ("tunnelled_fraction", "ratio", 0.4634090),
            ("after_first_handoff_fraction", "ratio", 0.5), ("mean_anchor_distance_steps", "steps", 0.5.squareRoot()),
        ]
        #expect(rows.count == 1 + expected.count)
        for (row, (metric, unit, value)) in zip(rows.dropFirst(), expected) {
            #expect(Array(row.prefix(4)) == ["-", metric, unit, "closed-form"])
            #expect(abs(Double(row[4])! - value) < 1e-6, "\(metric): \(row[4])")
            #expect(row[5] == "exact")
        }
    }

    @Test func monteCarloColumnsAndJobsInvariance() throws {
        let args = ["mobility", "crossings", "--residence", "gamma:shape=2,mean=60", "--session", "exponential:mean=120",
                    "--method", "both", "--samples", "50000", "--seed", "3", "--kmax", "2"]
        let one = try CLI.run(args + ["--jobs", "1"]), two = try CLI.run(args + ["--jobs", "2"])
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        let lines = one.stdout.split(separator: "\r\n")
        #expect(lines.first == "scheme,metric,unit,method,estimate,ci_low,ci_high,samples,exactness")
        #expect(lines.count == 1 + 2 * 4)  // k = 0, 1, 2 and E[K], each closed form then Monte Carlo
        // closed form with η = 1/60, μ = 1/120: f* = (1 + 60/240)^-2 = 0.64, P(K=0) = 1 − 2(0.36) = 0.28.
        #expect(lines[1].hasPrefix("-,crossing_probability.0,probability,closed-form,0.28"))
        #expect(lines[2].hasPrefix("-,crossing_probability.0,probability,monte-carlo,"))
        #expect(lines[2].hasSuffix(",50000,"))
    }

    @Test func jsonAndMarkdown() throws {
        let j = try CLI.run(["mobility", "crossings", "--residence", "exponential:mean=1", "--session", "exponential:mean=1", "--kmax", "1", "--format", "json"])
        #expect(j.stdout == """
            [
              {"scheme": "-", "metric": "crossing_probability.0", "unit": "probability", "method": "closed-form", "estimate": 0.5, "exactness": "exact"},
              {"scheme": "-", "metric": "crossing_probability.1", "unit": "probability", "method": "closed-form", "estimate": 0.25, "exactness": "exact"},
              {"scheme": "-", "metric": "mean_crossings", "unit": "crossings", "method": "closed-form", "estimate": 1.0, "exactness": "exact"}
            ]

            """)
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
