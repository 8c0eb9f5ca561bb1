import Foundation
import Testing

@Suite("dmm evaluate") struct EvaluateCommandTests {
    func tidy(_ args: [String]) throws -> [String: [String: Double]] {
        let result = try CLI.run(["evaluate", "--format", "csv"] + args)
        #expect(result.status == 0, "\(result.stderr)")
        var out: [String: [String: Double]] = [:]
        for line in result.stdout.components(separatedBy: "\r\n").dropFirst() where !line.isEmpty {
            let f = line.components(separatedBy: ",")
            out[f[0], default: [:]][f[1]] = Double(f[4])
        }
        return out
    }

    @Test func csvIsTidyWithEveryScheme() throws {
        let result = try CLI.run(["evaluate", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Closed forms alone: no interval or sample columns, which would be empty in every row (docs/DATA.md).
        #expect(lines[0] == "scheme,metric,unit,method,estimate,exactness")
        let rows = lines.dropFirst().map { $0.components(separatedBy: ",") }
        #expect(Set(rows.map { $0[0] }) == ["mipv6", "pmipv6", "hmipv6", "fama", "dmi", "ghaha", "dlma", "spmip", "sdpmip", "dma", "sail",
                                            "rfc8885-relay", "rfc8885-proxy", "fmipv6", "fpmipv6"])
        #expect(rows.allSatisfy { $0.count == 6 && $0[3] == "closed-form" && Double($0[4])!.isFinite && Double($0[4])! >= 0 })
        #expect(rows.allSatisfy { $0[4].contains(".") || $0[4].contains("e") })
        // Issue 11: which closed forms are approximations, from ClosedFormAccuracy (FAMA's
        // first-order signaling is one, MIPv6's signaling is exact).
        #expect(rows.allSatisfy { ["exact", "approximate"].contains($0[5]) })
        #expect(rows.contains { $0[0] == "fama" && $0[1] == "signaling_cost" && $0[5] == "approximate" })
        #expect(rows.contains { $0[0] == "mipv6" && $0[1] == "signaling_cost" && $0[5] == "exact" })
        #expect(rows.contains { $0[0] == "fama" && $0[1] == "handoff_latency_new_session" && $0[2] == "ms" })
        #expect(rows.contains { $0[0] == "mipv6" && $0[1] == "blast_radius.ha" && $0[2] == "sessions" })
    }

    /// MIPv6 under the default scenario, from docs/MODELS.md 6.1-6.3 with RP-1
    /// links (q = 0.1, 11 Mb/s, 2 ms; 100 Mb/s, 0.5 + 0.5 ms per hop), T_L2 50 ms,
    /// T_DAD 1000 ms, RS 56 B, RA 96 B, BU = BA = 80 B, h_AR-HA = 8.
    @Test func mipv6LatencyMatchesTheFormula() throws {
        func wl(_ s: Double) -> Double { (1.1 / 0.9) * (8 * s / 11e6 * 1000 + 2) }
        func wd(_ s: Double, _ h: Double) -> Double { h * (8 * s / 1e8 * 1000 + 1) }
        let expected = 50 + wl(56) + wl(96) + 1000 + 2 * wl(80) + 2 * wd(80, 8)
        let m = try tidy(["--schemes", "mipv6,pmipv6"])
        #expect(abs(m["mipv6"]!["handoff_latency"]! - expected) < 1e-9)
        #expect(abs(m["pmipv6"]!["handoff_latency"]! - (50 + 2 * wd(76, 4) + wl(96))) < 1e-9)
        #expect(m.keys.sorted() == ["mipv6", "pmipv6"])
    }

    @Test func setOverridesChangeTheNumbers() throws {
        let optimistic = try tidy(["--schemes", "mipv6", "--set", "links.dad=optimistic"])
        let standard = try tidy(["--schemes", "mipv6"])
        #expect(abs(standard["mipv6"]!["handoff_latency"]! - optimistic["mipv6"]!["handoff_latency"]! - 1000) < 1e-9)
    }

    @Test func wideFormatsHaveUnitsInTheHeader() throws {
        let md = try CLI.run(["evaluate", "--schemes", "pmipv6,dma"])
        #expect(md.status == 0)
        let header = md.stdout.components(separatedBy: "\n")[0]
        for column in ["Scheme", "Signaling cost (byte-hops/s)", "Signaling rate (msgs/s)", "Handoff latency (ms)",
                       "Path stretch (ratio)", "Tunnelled fraction (ratio)", "Blast radius (sessions)", "Outage (s)",
                       "Disruption (session-s/MN-year)"] {
            #expect(header.contains("| \(column) "), "\(column)")
        }
        let rfc = try CLI.run(["evaluate", "--format", "rfc"])
        #expect(rfc.status == 0)
        #expect(rfc.stdout.split(separator: "\n").allSatisfy { $0.count <= 69 })
        let json = try CLI.run(["evaluate", "--format", "json", "--schemes", "sail"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        // json has the csv's keys: closed forms alone, no interval keys (docs/DATA.md).
        #expect(objects.allSatisfy { Set($0.keys) == ["scheme", "metric", "unit", "method", "estimate", "exactness"] })
    }

    @Test func listParametersGivesPathUnitValueAndSource() throws {
        let result = try CLI.run(["evaluate", "--list-parameters", "--format", "csv", "--scenario", "campus"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "path,unit,value,source")
        #expect(lines.contains("mobility.residence,s,exponential:mean=600,ours: one minute per AR (urban small cells); exponential is the reference case of docs/MODELS.md 2.3"))
        #expect(lines.contains("mobility.residence.mean,s,600,parameter of mobility.residence"))
        #expect(lines.contains("failure.anchor_mtbf_h,h,8760,docs/MODELS.md 7.1 (ours: one failure a year)"))
        #expect(lines.contains { $0.hasPrefix("messages.binding_sync,bytes,80,") })
    }

    @Test func scenarioErrorsExitTwoWithTheExactMessage() throws {
        let cases: [([String], String)] = [
            (["--set", "traffic.sesion_rate=1"],
             "error: unknown scenario parameter 'traffic.sesion_rate'; did you mean traffic.session_rate? ('dmm evaluate --list-parameters' lists every path)\n"),
            (["--set", "links.wireless.loss=1.5"],
             "error: scenario parameter 'links.wireless.loss' = '1.5' is not allowed; allowed: a number in [0, 1)\n"),
            (["--set", "topology.global_ha_count=2.5"],
             "error: scenario parameter 'topology.global_ha_count' = '2.5' is not allowed; allowed: an integer in [1, 100000]\n"),
            (["--set", "mobility.residence.mean=-1"],
             "error: scenario parameter 'mobility.residence.mean': law 'exponential:mean=-1': parameter 'mean' = -1 is out of range; allowed: a number > 0\n"),
            (["--set", "mobility.residense.mean=3"],
             "error: unknown scenario parameter 'mobility.residense.mean'; did you mean mobility.residence.mean? ('dmm evaluate --list-parameters' lists every path)\n"),
            (["--scenario", "nosuch"],
             "error: unknown scenario 'nosuch'; available: campus, default, urban-cdn, vehicular, or a path to a YAML file\n"),
        ]
        for (args, message) in cases {
            let result = try CLI.run(["evaluate"] + args)
            #expect(result.status == 2, "\(args)")
            #expect(result.stderr == message, "\(args)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func bothMethodsSideBySide() throws {
        let md = try CLI.run(["evaluate", "--method", "both", "--schemes", "mipv6,dma", "--samples", "50000"])
        #expect(md.status == 0, "\(md.stderr)")
        let lines = md.stdout.components(separatedBy: "\n")
        let header = lines[0].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(header == [
            "Scheme", "Signaling cost (byte-hops/s)", "Signaling cost, handoffs (byte-hops/s)",
            "Signaling cost, refreshes (byte-hops/s)", "Signaling cost, session setup (byte-hops/s)",
            "Signaling cost, overhead (byte-hops/s)", "Signaling rate (msgs/s)", "Handoff latency (ms)",
            "Handoff latency, new sessions (ms)", "Handoff latency p50 (ms)", "Handoff latency p95 (ms)", "Handoff latency p99 (ms)",
            "Path stretch (ratio)", "Tunnelled fraction (ratio)", "Tunnel overhead (byte-hops/packet)", "Blast radius (sessions)",
            "Unreachable MNs (MNs)", "Outage (s)", "Failure probability (ratio)", "Disruption (session-s/MN-year)",
            "Handover failure probability (ratio)", "Handoff packet loss (packets)", "Handoff packet loss, buffered (packets)",
            "Packet delivery cost (byte-hops/s)",
        ])
        // MIPv6's outage is the anchor's repair time: closed form and simulation agree, interval of width 0.
        #expect(lines[2].contains("| 14400 (MC 14400 \u{00B1} 0) |"))
        #expect(md.stdout.contains("\nMetrics per MN: closed form (MC Monte Carlo estimate \u{00B1} 95 % half-width; 50000 handoffs, seed 1), scenario default."))

        let csv = try CLI.run(["evaluate", "--method", "both", "--schemes", "pmipv6", "--samples", "50000", "--format", "csv"])
        #expect(csv.status == 0)
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(rows[0] == ["scheme", "metric", "unit", "method", "estimate", "ci_low", "ci_high", "samples", "handoffs", "exactness"])
        let cf = rows.dropFirst().filter { $0[3] == "closed-form" }, mc = rows.dropFirst().filter { $0[3] == "monte-carlo" }
        #expect(cf.allSatisfy { $0[9] == "exact" } && mc.allSatisfy { $0[9].isEmpty })
        #expect(cf.allSatisfy { $0[5].isEmpty && $0[6].isEmpty && $0[7].isEmpty && $0[8].isEmpty })
        // samples is the replication count in every Monte Carlo row (50000 handoffs: 13 of 4096);
        // only the percentiles carry handoffs, the latencies their order statistics count.
        #expect(mc.allSatisfy { $0[7] == "13" })
        #expect(mc.allSatisfy { $0[1].hasPrefix("handoff_latency_p") != $0[8].isEmpty })
        #expect(mc.filter { !$0[8].isEmpty }.allSatisfy { Int($0[8])! > 13 })
        // A metric whose event never occurred in the run (here PMIPv6's session setup: it
        // has none) has estimate 0, ci_low 0 and an empty ci_high: no false [0, 0].
        for row in mc {
            let (e, lo) = (Double(row[4])!, Double(row[5])!)
            if row[6].isEmpty {
                #expect(e == 0 && lo == 0, "\(row)")
            } else {
                #expect(lo <= e && e <= Double(row[6])!, "\(row)")
            }
            #expect(Int(row[7])! >= 1)
        }
        #expect(mc.contains { $0[1] == "signaling_cost.session_setup" && $0[4] == "0.0" && $0[6].isEmpty })
        // One row per (scheme, metric, method): every closed-form metric has its Monte Carlo row.
        #expect(Set(cf.map { $0[1] }).isSubset(of: Set(mc.map { $0[1] })))
        #expect(Set(mc.map { $0[1] }).subtracting(cf.map { $0[1] })
                == ["handoff_latency_p50", "handoff_latency_p95", "handoff_latency_p99"])
    }

    @Test func sameSeedSameBytesForAnyJobs() throws {
        let args = ["evaluate", "--method", "monte-carlo", "--samples", "60000", "--seed", "9", "--format", "csv"]
        let one = try CLI.run(args + ["--jobs", "1"])
        #expect(one.status == 0)
        for jobs in ["2", "4"] {
            let other = try CLI.run(args + ["--jobs", jobs])
            #expect(other.stdout == one.stdout, "--jobs \(jobs)")
        }
        #expect(try CLI.run(args.dropLast(4) + ["--seed", "10", "--format", "csv", "--jobs", "1"]).stdout != one.stdout)
    }

    @Test func yamlSyntaxErrorNamesFileLineAndColumn() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-bad-\(UUID().uuidString).yaml")
        try "mobility:\n  residence: [a\ntraffic: 1\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["evaluate", "--scenario", file.path])
        #expect(result.status == 2)
        #expect(result.stderr == "error: \(file.path):3:8: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)\n")
    }

    @Test func tableExtendedCarriesTheMetrics() throws {
        let result = try CLI.run(["table", "--extended", "--format", "csv", "--set", "topology.global_ha_count=8"])
        #expect(result.status == 0)
        let header = result.stdout.components(separatedBy: "\r\n")[0]
        #expect(header.hasSuffix(",signaling_cost_byte_hops_per_s,signaling_rate_msgs_per_s,handoff_latency_ms,path_stretch_ratio,tunnelled_fraction_ratio,blast_radius_sessions,outage_s,disruption_session_s_per_mn_year"))
        let bad = try CLI.run(["table", "--set", "topology.global_ha_count=8"])
        #expect(bad.status == 2)
    }
}
