import Dispatch
import Evaluation
import Foundation
import Stochastics

/// Runs one sweep (or one shard of it) into its CSV and sidecar.
///
/// Steps, each safe to be killed after (`--resume` then completes the file
/// to the bytes of an uninterrupted run):
/// 1. the CSV is opened and locked (a second writer is refused), and, for a
///    fresh start, emptied;
/// 2. the sidecar is written with `complete: false`;
/// 3. the header is written;
/// 4. each point's rows, with one write as soon as the point and all before
///    it are done;
/// 5. the CSV is synced and the sidecar rewritten with `complete: true`, the
///    row count and the SHA-256 of the body.
/// A resume of an empty or missing CSV starts over (the kill came before any
/// row); of a finished one checks it against its sidecar and stops.
/// Points are evaluated and formatted on `jobs` threads; the file is the
/// same for any `jobs`.
public struct SweepJob {
    public var grid: SweepGrid
    public var metadata: SweepMetadata
    public var output: String
    public var resume: Bool
    public var jobs: Int
    /// Files the sweep reads (the --scenario file): refused as the output.
    public var inputs: [String] = []
    /// Accept a sidecar of another commit or of a dirty build on --resume.
    public var force = false
    /// Called after each step with its number (1, 2, 3, then 3 + points, then
    /// the last); tests use it to kill the run at every step.
    public var afterStep: ((Int) -> Void)? = nil

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

    /// The CSV's resolved path: a sweep writes a regular file (it must be
    /// resumable and carry a sidecar); a symlink is followed.
    public static func checkOutput(_ output: String, inputs: [String]) throws -> String {
        guard case .regular(let path) = try OutputFile.target(output, inputs: inputs) else {
            throw OutputFile.WriteError(path: output, reason: "a sweep writes a resumable file with a sidecar; give a regular file such as out.csv")
        }
        try OutputFile.checkTarget(SweepMetadata.path(for: output), inputs: inputs)
        return path
    }

    /// - Parameters:
    ///   - evaluate: one point's estimates; runs on any thread.
    ///   - progress: (points done, points in the shard), on the calling thread.
    public func run(
        evaluate: @escaping @Sendable (SweepPoint) throws -> [MetricEstimate],
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> Summary {
        try run(evaluatePoint: { PointRows(rows: try evaluate($0)) }, progress: progress)
    }

    /// One point's rows and, per scheme, the metric ids whose closed form is an
    /// approximation (`ClosedFormAccuracy`; the exactness column).
    public struct PointRows: Sendable {
        public var rows: [MetricEstimate]
        public var approximations: [String: Set<String>]
        public init(rows: [MetricEstimate], approximations: [String: Set<String>] = [:]) {
            self.rows = rows
            self.approximations = approximations
        }
    }

    /// `run(evaluate:)` with each point's exactness verdicts.
    public func run(
        evaluatePoint evaluate: @escaping @Sendable (SweepPoint) throws -> PointRows,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> Summary {
        let indices = metadata.shard.indices(in: grid.count)
        let csvPath = try Self.checkOutput(output, inputs: inputs)
        let header = metadata.header
        let file = try SweepOutputFile(locking: csvPath)
        var step = 0
        func done() { step += 1; afterStep?(step) }
        var firstPosition = 0
        var recorded = metadata
        if resume, file.size > 0 {
            let existing: SweepMetadata
            do { existing = try SweepMetadata.read(csv: output) } catch {
                throw SweepMetadata.Mismatch(message: "--resume: \(error)")
            }
            if let difference = metadata.difference(from: existing, force: force) {
                throw SweepMetadata.Mismatch(message: "--resume: '\(output)' holds a different sweep (\(difference)); use another --output or drop --resume to start over")
            }
            guard existing.shard == metadata.shard else {
                throw SweepMetadata.Mismatch(message: "--resume: '\(output)' is shard \(existing.shard.text), not \(metadata.shard.text)")
            }
            recorded = existing
            let scan = try file.resume(grid: grid, indices: indices, header: header)
            if existing.complete {
                // A finished file: check it against its sidecar before anything else.
                if let rows = existing.rows, rows != scan.wholeRows || scan.endsInPartialLine {
                    throw SweepMetadata.Mismatch(message: "--resume: '\(output)' has \(scan.wholeRows) rows\(scan.endsInPartialLine ? " and a partial last line" : "") but its finished sidecar records \(rows): rows were deleted, added or cut; drop --resume to recompute it")
                }
                if let sha = existing.bodySHA256, sha != scan.wholeBodySHA256 {
                    throw SweepMetadata.Mismatch(message: "--resume: '\(output)' body SHA-256 \(scan.wholeBodySHA256) differs from \(sha) in its finished sidecar: rows were edited; drop --resume to recompute it")
                }
            }
            // The scan cut the last point found: it is recomputed (deterministically).
            firstPosition = scan.completedPositions
        } else {
            try file.truncate()
            done()  // 1
            try metadata.write(csv: output)
            done()  // 2
            try file.writeHeader(header)
            done()  // 3
        }
        if step == 0 { step = 3 }
        let grid = self.grid
        let indexArray = Array(indices)
        let first = firstPosition
        let start = DispatchTime.now().uptimeNanoseconds
        var estimates = 0
        try ParallelWork.run(
            count: indexArray.count - first, jobs: jobs,
            makeWorker: { [layout = metadata.layout] _ in SweepCSV.RowFormatter(layout: layout) },
            body: { position, formatter -> ([UInt8], Int) in
                let point = grid.point(indexArray[first + position])
                let result: PointRows
                do { result = try evaluate(point) } catch let error as InvalidInput {
                    // Bad input stays bad input (exit 2), now naming the point.
                    throw SweepError(SweepPointError(point: point, underlying: error).description)
                } catch {
                    throw SweepPointError(point: point, underlying: error)
                }
                // Rows come scheme by scheme: look the scheme's set up once per run of its rows.
                var lastScheme: String? = nil, schemeSet: Set<String>? = nil
                let text = try formatter.rowBytes(
                    values: point.assignments.map(\.value), estimates: result.rows,
                    approximate: { scheme, metric in
                        if scheme != lastScheme { lastScheme = scheme; schemeSet = result.approximations[scheme] }
                        return schemeSet?.contains(metric) ?? false
                    })
                return (text, result.rows.count)
            },
            emit: { position, rows in
                try file.append(rows.0, rows: rows.1)
                estimates += rows.1
                done()
                progress?(first + position + 1, indexArray.count)
            })
        try file.sync()
        var finished = recorded
        finished.complete = true
        finished.rows = file.rows
        finished.bodySHA256 = file.body.hexDigest()
        try finished.write(csv: output)
        done()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Summary(shardPoints: indexArray.count, computedPoints: indexArray.count - first, estimates: estimates, seconds: seconds)
    }
}
