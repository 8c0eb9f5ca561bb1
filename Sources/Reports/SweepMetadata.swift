import Evaluation
import Foundation
import Stochastics

/// The sidecar `<output>.meta.json` of a sweep CSV: provenance (tool
/// version, git commit when known, command line) and everything that defines
/// the rows (full base scenario, axes, seed, schemes, method, samples), plus
/// the shard and whether the run finished.
///
/// Two files belong to the same sweep when `definition` agrees (which holds
/// the SHA-256 of every scheme card and of the full scenario) and their builds
/// are compatible (`BuildInfo.incompatibility`: same version and commit, no
/// dirty build); `--resume` also needs the same shard, `dmm merge` the same N.
/// At finish the sidecar records the row count and the SHA-256 of the CSV
/// body (every byte after the header), which `--resume` and `dmm merge` check.
///
/// `@unchecked Sendable`: `scenario` is an immutable JSON value (dictionaries,
/// arrays, strings, numbers) that is never mutated after `init`.
public struct SweepMetadata: @unchecked Sendable {
    public var build: BuildInfo
    public var version: String { build.version }
    public var gitCommit: String? { build.commit }
    /// SHA-256 of each scheme card file, by scheme id.
    public var cardHashes: [String: String]
    public var commandLine: [String]
    /// JSON-compatible value of the full base scenario.
    public var scenario: Any
    public var axes: [SweepAxis]
    public var seed: UInt64
    /// Other settings that change the rows, e.g. schemes, method, samples.
    public var options: [String: String]
    public var shard: SweepShard
    public var points: Int
    /// True once every point of the shard has been written.
    public var complete: Bool
    /// For a merged file, the shard files it came from.
    public var mergedFrom: [String]?
    /// At finish: CSV rows after the header, and the SHA-256 of those bytes.
    public var rows: Int?
    public var bodySHA256: String?

    public init(
        build: BuildInfo, cardHashes: [String: String] = [:], commandLine: [String], scenario: Any, axes: [SweepAxis],
        seed: UInt64, options: [String: String], shard: SweepShard, points: Int, complete: Bool = false,
        mergedFrom: [String]? = nil, rows: Int? = nil, bodySHA256: String? = nil
    ) {
        self.build = build
        self.cardHashes = cardHashes
        self.rows = rows
        self.bodySHA256 = bodySHA256
        self.commandLine = commandLine
        // Round-trip through JSON so that a value read back from the sidecar
        // compares equal to the one written (number types, key order).
        self.scenario = Self.normalized(scenario)
        self.axes = axes
        self.seed = seed
        self.options = options
        self.shard = shard
        self.points = points
        self.complete = complete
        self.mergedFrom = mergedFrom
    }

    public struct Mismatch: InvalidInput {
        public let message: String
        public var description: String { message }
    }

    public static func path(for csv: String) -> String { csv + ".meta.json" }

    /// The tidy columns of the sweep's rows, from the options that define them:
    /// `method` (closed-form when absent) and `metrics` (comma-separated ids, all
    /// when absent).
    public var layout: TidyLayout {
        let method = options["method"].flatMap(MethodChoice.init(rawValue:)) ?? .closedForm
        let metrics = options["metrics"].map { $0.split(separator: ",").map(String.init) }
        return TidyLayout(method: method, metricIDs: metrics)
    }

    /// The CSV header the sweep writes: the varied paths, then `layout`'s columns.
    public var header: String { SweepCSV.header(paths: axes.map(\.path), layout: layout) }

    var definition: [String: Any] {
        [
            "scenario": scenario,
            "axes": axes.map { ["path": $0.path, "spec": $0.spec, "values": $0.values] as [String: Any] },
            "seed": NSNumber(value: seed),
            "options": options,
            "points": points,
            "cards_sha256": cardHashes,
            "scenario_sha256": SHA256.hex(Self.canonical(scenario)),
        ]
    }

    var object: [String: Any] {
        var o: [String: Any] = [
            "tool": "dmm", "version": version, "command_line": commandLine,
            "shard": ["k": shard.k, "n": shard.n], "complete": complete,
        ]
        for (k, v) in definition { o[k] = v }
        if let gitCommit { o["git_commit"] = gitCommit }
        o["git_dirty"] = build.dirty
        o["build_kind"] = build.kind
        if let changes = build.changesSHA256 { o["git_changes_sha256"] = changes }
        if let mergedFrom { o["merged_from"] = mergedFrom }
        if let rows { o["rows"] = rows }
        if let bodySHA256 { o["body_sha256"] = bodySHA256 }
        return o
    }

    /// Pretty, key-sorted JSON with a final newline.
    public func json() -> String {
        Self.canonical(object, pretty: true) + "\n"
    }

    static func normalized(_ value: Any) -> Any {
        guard let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]),
            let array = try? JSONSerialization.jsonObject(with: data) as? [Any], let first = array.first
        else { return NSNull() }
        return first
    }

    static func canonical(_ value: Any, pretty: Bool = false) -> String {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        let data = (try? JSONSerialization.data(withJSONObject: value, options: options)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether `other` describes the same rows (same version and definition);
    /// nil when it does, else what differs. With `force`, builds of another
    /// commit or dirty builds are accepted (the version must still agree).
    public func difference(from other: SweepMetadata, force: Bool = false) -> String? {
        if version != other.version { return "tool version \(other.version) vs \(version)" }
        let mine = definition, theirs = other.definition
        if Self.canonical(mine["cards_sha256"]!) != Self.canonical(theirs["cards_sha256"]!) {
            let ids = Set(cardHashes.keys).union(other.cardHashes.keys).sorted()
            let edited = ids.filter { cardHashes[$0] != other.cardHashes[$0] }
            return "scheme card(s) \(edited.joined(separator: ", ")) differ (edited cards give other numbers)"
        }
        for key in mine.keys.sorted() where Self.canonical([key: mine[key]!]) != Self.canonical([key: theirs[key]!]) {
            return "'\(key)' differs"
        }
        if !force, let problem = build.incompatibility(with: other.build) {
            return problem + "; rerun with one clean build, or give --force to accept"
        }
        return nil
    }

    public static func read(csv: String) throws -> SweepMetadata {
        let path = path(for: csv)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Mismatch(message: "'\(path)' is missing; a sweep CSV needs its sidecar (written by dmm sweep)")
        }
        func bad(_ why: String) -> Mismatch { Mismatch(message: "'\(path)': \(why); is it a dmm sweep sidecar?") }
        guard let o = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { throw bad("not a JSON object") }
        guard let version = o["version"] as? String else { throw bad("no 'version'") }
        let build = BuildInfo(
            version: version, commit: o["git_commit"] as? String, dirty: o["git_dirty"] as? Bool ?? false,
            kind: o["build_kind"] as? String ?? "unknown", changesSHA256: o["git_changes_sha256"] as? String)
        guard let axesArray = o["axes"] as? [[String: Any]] else { throw bad("no 'axes'") }
        let axes = try axesArray.map { a -> SweepAxis in
            guard let p = a["path"] as? String, let s = a["spec"] as? String, let v = a["values"] as? [String] else {
                throw bad("malformed 'axes'")
            }
            return SweepAxis(path: p, spec: s, values: v)
        }
        guard let seed = (o["seed"] as? NSNumber)?.uint64Value else { throw bad("no 'seed'") }
        guard let shardObject = o["shard"] as? [String: Any], let k = shardObject["k"] as? Int, let n = shardObject["n"] as? Int,
            let shard = try? SweepShard(k: k, n: n)
        else { throw bad("malformed 'shard'") }
        guard let points = o["points"] as? Int else { throw bad("no 'points'") }
        return SweepMetadata(
            build: build, cardHashes: o["cards_sha256"] as? [String: String] ?? [:],
            commandLine: o["command_line"] as? [String] ?? [],
            scenario: o["scenario"] ?? NSNull(), axes: axes, seed: seed, options: o["options"] as? [String: String] ?? [:],
            shard: shard, points: points, complete: o["complete"] as? Bool ?? false, mergedFrom: o["merged_from"] as? [String],
            rows: o["rows"] as? Int, bodySHA256: o["body_sha256"] as? String)
    }

    public func write(csv: String) throws {
        try OutputFile.write(json(), to: Self.path(for: csv))
    }
}
