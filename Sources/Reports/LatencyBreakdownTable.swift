import Evaluation

/// The table of `dmm evaluate --breakdown latency`: a row per scheme, a column per
/// part of the mean handoff latency (`LatencyBreakdown`) and their sum, ms.
/// csv and json cells are full precision (`MetricTables.exact`), the others four
/// significant digits.
public enum LatencyBreakdownTable {
    public static let columns: [Table.Column] = [
        Table.Column("Scheme", id: "scheme"),
        Table.Column("L2 handoff (ms)", id: "l2_handoff_ms", alignment: .right),
        Table.Column("Movement detection (ms)", id: "movement_detection_ms", alignment: .right),
        Table.Column("DAD (ms)", id: "dad_ms", alignment: .right),
        Table.Column("Signaling and tunnel set-up (ms)", id: "signaling_ms", alignment: .right),
        Table.Column("Handoff latency (ms)", id: "handoff_latency_ms", alignment: .right),
    ]

    public static func table(_ parts: [LatencyBreakdown], format: OutputFormat, scenarioName: String) -> Table {
        let full = format == .csv || format == .json
        func cell(_ x: Double) -> String { full ? MetricTables.exact(x) : MetricTables.cell(x) }
        var t = Table(
            columns: columns,
            caption: "Mean handoff latency by part (closed form), scenario \(scenarioName).",
            label: "tab:latency-breakdown",
            footnotes: [
                "L2 and DAD are each scheme's own dependence on T_L2 and T_DAD; movement detection is RS + RA delay + RA (client) or the network's RA; signaling is the rest (registration, anchor updates, tunnel set-up). The parts sum to the handoff latency (docs/MODELS.md 6.3.1)."
            ])
        for p in parts {
            t.append([p.scheme] + [p.l2HandoffMs, p.movementDetectionMs, p.dadMs, p.signalingMs, p.totalMs].map(cell))
        }
        return t
    }
}
