import Dispatch
import Evaluation
import Foundation
import Stochastics

/// Runs one sweep (or one shard of it) into its CSV and sidecar.
///
/// Order of events: the sidecar is written first (`complete: false`), then
/// the header, then each point's rows with one write as soon as the point
/// and all before it are done; finally the sidecar is rewritten with
/// `complete: true`. Points are evaluated and formatted on `jobs` threads;
/// the file is the same for any `jobs`.
public struct SweepJob {
    public var grid: SweepGrid
    public var metadata: SweepMetadata
    public var output: String
    public var resume: Bool
    public var jobs: Int

    public init(grid: SweepGrid, metadata: SweepMetadata, output: String, resume: Bool, jobs: Int) {
        self.grid = grid
        self.metadata = metadata
        self.output = output
        self.resume = resume
        self.jobs = jobs
    }

    public struct Summary: Sendable {
        /// Points of the shard, points computed by this run, estimates written by this run.
        public var shardPoints: Int, computedPoints: Int, estimates: Int
        public var seconds: Double
    }

    /// - Parameters:
    ///   - evaluate: one point's estimates; runs on any thread.
    ///   - progress: (points done, points in the shard), on the calling thread.
    public func run(
        evaluate: @escaping @Sendable (SweepPoint) throws -> [MetricEstimate],
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> Summary {
        let indices = Array(metadata.shard.indices(in: grid.count))
        try OutputFile.checkTarget(output)
        try OutputFile.checkTarget(SweepMetadata.path(for: output))
        if resume {
            let existing: SweepMetadata
            do { existing = try SweepMetadata.read(csv: output) } catch {
                throw SweepMetadata.Mismatch(message: "--resume: \(error)")
            }
            if let difference = metadata.difference(from: existing) {
                throw SweepMetadata.Mismatch(message: "--resume: '\(output)' holds a different sweep (\(difference)); use another --output or drop --resume to start over")
            }
            guard existing.shard == metadata.shard else {
                throw SweepMetadata.Mismatch(message: "--resume: '\(output)' is shard \(existing.shard.text), not \(metadata.shard.text)")
            }
        } else {
            try metadata.write(csv: output)
        }
        let file = try SweepOutputFile(path: output, grid: grid, indices: indices, resume: resume)
        let first = file.completedPositions
        let grid = self.grid
        let start = DispatchTime.now().uptimeNanoseconds
        var estimates = 0
        let counts = Counter()
        let formatters = Formatters(count: max(1, jobs))
        do {
            try SweepRunner.run(
                count: indices.count - first, jobs: jobs,
                evaluate: { position, worker -> String in
                    let point = grid.point(indices[first + position])
                    let rows: [MetricEstimate]
                    do { rows = try evaluate(point) } catch let error as InvalidInput {
                        // Bad input stays bad input (exit 2), now naming the point.
                        throw SweepError(SweepPointError(point: point, underlying: error).description)
                    } catch {
                        throw SweepPointError(point: point, underlying: error)
                    }
                    counts.add(rows.count)
                    return try formatters.all[worker].rows(values: point.assignments.map(\.value), estimates: rows)
                },
                emit: { _, rows in try file.append(rows) },
                progress: progress.map { report in { done in report(first + done, indices.count) } })
        } catch {
            try? file.close()
            throw error
        }
        try file.close()
        estimates = counts.value
        var finished = metadata
        if resume { finished = (try? SweepMetadata.read(csv: output)) ?? metadata }
        finished.complete = true
        try finished.write(csv: output)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Summary(shardPoints: indices.count, computedPoints: indices.count - first, estimates: estimates, seconds: seconds)
    }

    /// One row formatter per worker (the runner never runs one worker number on two threads).
    final class Formatters: @unchecked Sendable {
        let all: [SweepCSV.RowFormatter]
        init(count: Int) { all = (0..<count).map { _ in SweepCSV.RowFormatter() } }
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var value = 0
        func add(_ n: Int) {
            lock.lock()
            value += n
            lock.unlock()
        }
    }
}
