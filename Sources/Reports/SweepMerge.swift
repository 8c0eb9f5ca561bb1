import Evaluation
import Foundation

/// Joins the shards of one sweep (`dmm merge`) into the file an unsharded
/// run would have written: same header, rows in grid order.
///
/// Refuses (InvalidInput, exit 2) shards of different versions or
/// definitions, shards of different N, a missing or repeated shard, an
/// unfinished shard, and a shard whose points are not exactly its share.
public enum SweepMerge {
    public struct Result {
        public var csv: String
        public var metadata: SweepMetadata
    }

    public static func merge(_ paths: [String], commandLine: [String]) throws -> Result {
        func fail(_ message: String) -> SweepMetadata.Mismatch { SweepMetadata.Mismatch(message: "merge: " + message) }
        guard !paths.isEmpty else { throw fail("no input files; give the shard CSVs of one sweep") }
        let metas = try paths.map { try SweepMetadata.read(csv: $0) }
        let first = metas[0]
        let n = first.shard.n
        var owner: [Int: String] = [:]
        for (path, meta) in zip(paths, metas) {
            if let difference = meta.difference(from: first) {
                throw fail("'\(path)' is not a shard of the same sweep as '\(paths[0])': \(difference)")
            }
            guard meta.shard.n == n else {
                throw fail("'\(path)' is shard \(meta.shard.text) but '\(paths[0])' is shard \(first.shard.text); all shards must share N")
            }
            if let other = owner[meta.shard.k] {
                throw fail("shard \(meta.shard.text) is given twice ('\(other)' and '\(path)')")
            }
            guard meta.complete else {
                throw fail("'\(path)' (shard \(meta.shard.text)) is unfinished; complete it with the same dmm sweep command plus --resume")
            }
            owner[meta.shard.k] = path
        }
        let missing = (1...n).filter { owner[$0] == nil }
        guard missing.isEmpty else {
            throw fail("missing shard(s) \(missing.map { "\($0)/\(n)" }.joined(separator: ", ")) of \(n)")
        }
        let grid = try SweepGrid(axes: first.axes, seed: first.seed)
        let header = SweepCSV.header(paths: grid.paths)
        let lookup = PointLookup(grid: grid)
        var rows = [Substring](repeating: "", count: grid.count)
        for (path, meta) in zip(paths, metas) {
            guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot read '\(path)'") }
            let text = String(decoding: data, as: UTF8.self)
            guard text.hasPrefix(header) else { throw fail("'\(path)' does not start with the header its sidecar implies") }
            var expected = meta.shard.indices(in: grid.count).makeIterator()
            var current: Int? = nil
            var start = text.index(text.startIndex, offsetBy: header.count)
            var cursor = start
            func close(at end: String.Index) { if let current { rows[current] = text[start..<end] } }
            while cursor < text.endIndex {
                guard let crlf = text.range(of: "\r\n", range: cursor..<text.endIndex) else {
                    throw fail("'\(path)' ends with a partial line; complete the shard with --resume")
                }
                let line = String(text[cursor..<crlf.lowerBound])
                guard let record = SweepCSV.parse(line).first, record.count == grid.axes.count + MetricEstimate.columns.count,
                    let index = lookup.index(of: Array(record[0..<grid.axes.count]))
                else { throw fail("'\(path)': \"\(line)\" is not a row of this sweep") }
                if index != current {
                    guard index == expected.next() else {
                        throw fail("'\(path)' has point \(index) where shard \(meta.shard.text) does not expect it (overlap or gap)")
                    }
                    close(at: cursor)
                    current = index
                    start = cursor
                }
                cursor = crlf.upperBound
            }
            close(at: cursor)
            if let gap = expected.next() { throw fail("'\(path)' lacks point \(gap) of shard \(meta.shard.text) (gap)") }
        }
        var csv = header
        csv.reserveCapacity(rows.reduce(header.utf8.count) { $0 + $1.utf8.count })
        for r in rows { csv += r }
        var metadata = first
        metadata.shard = .whole
        metadata.complete = true
        metadata.commandLine = commandLine
        metadata.mergedFrom = paths
        return Result(csv: csv, metadata: metadata)
    }
}
