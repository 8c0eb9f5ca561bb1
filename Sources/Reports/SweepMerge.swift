import Dispatch
import Evaluation
import Foundation

/// Joins the shards of one sweep (`dmm merge`) into the file an unsharded
/// run would have written: same header, rows in grid order.
///
/// Streaming: point i of the grid belongs to shard i mod N + 1, so grid order
/// takes one point from each shard in turn (a k-way merge whose order is
/// known): each shard is read line by line through a fixed buffer and the
/// output is written through one, so memory is O(shards), whatever the size
/// of the output. The checks are O(shards) too: no list of every shard or
/// point is built.
///
/// Refuses (InvalidInput, exit 2) shards of different versions, builds,
/// cards or definitions, shards of different N, a missing or repeated
/// shard, an unfinished shard, a shard whose points are not exactly its
/// share, and a shard whose rows or body SHA-256 differ from what its sidecar
/// recorded at finish (an edited, deleted, duplicated or cut row). Each
/// message names the shard and what differs.
public enum SweepMerge {
    /// Bytes read and written so far, for progress.
    public struct Progress {
        public var read: Int
        public var total: Int
    }

    public static func merge(
        _ paths: [String], output: String, commandLine: [String], force: Bool = false,
        progress: ((Progress) -> Void)? = nil
    ) throws -> SweepMetadata {
        func fail(_ message: String) -> SweepMetadata.Mismatch { SweepMetadata.Mismatch(message: "merge: " + message) }
        guard !paths.isEmpty else { throw fail("no input files; give the shard CSVs of one sweep") }
        let metas = try paths.map { try SweepMetadata.read(csv: $0) }
        let first = metas[0]
        let n = first.shard.n
        var owner: [Int: String] = [:]
        for (path, meta) in zip(paths, metas) {
            let name = "'\(path)' (shard \(meta.shard.text))"
            if let difference = meta.difference(from: first, force: force) {
                throw fail("\(name) is not a shard of the same sweep as '\(paths[0])': \(difference)")
            }
            guard meta.shard.n == n else {
                throw fail("'\(path)' is shard \(meta.shard.text) but '\(paths[0])' is shard \(first.shard.text); all shards must share N")
            }
            if let other = owner[meta.shard.k] {
                throw fail("shard \(meta.shard.text) is given twice ('\(other)' and '\(path)')")
            }
            guard meta.complete else {
                throw fail("\(name) is unfinished; complete it with the same dmm sweep command plus --resume")
            }
            guard meta.rows != nil, meta.bodySHA256 != nil else {
                throw fail("\(name): its sidecar records no row count or body SHA-256 (written by an older dmm); recompute the shard")
            }
            owner[meta.shard.k] = path
        }
        if owner.count < n {
            // The first few missing shards, found from the sorted given ones: O(shards), bounded text.
            var missing: [Int] = []
            var next = 1  // the smallest shard number not yet accounted for
            for k in owner.keys.sorted() {
                while next < k, missing.count < 5 { missing.append(next); next += 1 }
                if missing.count == 5 { break }
                next = k &+ 1
            }
            while missing.count < 5, next <= n, next > 0 { missing.append(next); next = next == n ? 0 : next + 1 }
            let more = n - owner.count > missing.count ? ", ..." : ""
            throw fail("\(n - owner.count) of \(n) shards missing (\(missing.map { "\($0)/\(n)" }.joined(separator: ", "))\(more)); give every shard 1/\(n)...\(n)/\(n) once")
        }
        let grid = try SweepGrid(axes: first.axes, seed: first.seed)
        let header = first.header
        let lookup = PointLookup(grid: grid)
        let columns = grid.axes.count + first.layout.columns.count
        // Readers in shard order: reader j holds shard j + 1.
        let byShard = (1...min(n, max(1, paths.count))).map { owner[$0]! }
        let metaByPath = Dictionary(zip(paths, metas), uniquingKeysWith: { a, _ in a })
        let readers = try byShard.map { path -> ShardReader in
            let r = try ShardReader(path: path, shard: metaByPath[path]!.shard, header: header, columns: columns, axes: grid.axes.count)
            return r
        }
        let total = readers.reduce(0) { $0 + $1.size }
        let writer = try OutputFile.Writer(output, inputs: paths + paths.map(SweepMetadata.path(for:)))
        var done = 0
        do {
            try writer.write(header)
            var lastReport = DispatchTime.now().uptimeNanoseconds
            for index in 0..<grid.count {
                let j = index % n
                try readers[j].copyPoint(index, lookup: lookup, to: writer)
                if progress != nil, index % 1024 == 0 {
                    let now = DispatchTime.now().uptimeNanoseconds
                    if now - lastReport > 250_000_000 {
                        lastReport = now
                        done = readers.reduce(0) { $0 + $1.consumed }
                        progress?(Progress(read: done, total: total))
                    }
                }
            }
            for (j, meta) in zip(readers.indices, byShard.map { metaByPath[$0]! }) { try readers[j].finish(expected: meta) }
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
        progress?(Progress(read: total, total: total))
        var metadata = first
        metadata.shard = .whole
        metadata.complete = true
        metadata.commandLine = commandLine
        metadata.mergedFrom = paths
        metadata.rows = readers.reduce(0) { $0 + $1.rows }
        // Not hashed again: hashing the output too would halve merge speed; the
        // body is exactly the shards' verified rows in grid order.
        metadata.bodySHA256 = nil
        return metadata
    }
}
