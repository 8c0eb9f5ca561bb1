import Dispatch
import Foundation

/// Evaluates sweep points in parallel and hands the results back in order.
///
/// Workers (`jobs` threads) take points in list order; `emit` and `progress`
/// run on the calling thread, strictly in list order, whatever finished
/// first. Out-of-order completions wait in a buffer no longer than
/// `lookahead` points, so memory stays bounded. Because every point's seed
/// depends only on the point (`SweepGrid.point`), the emitted sequence is the
/// same for any `jobs`.
///
/// Evaluation neither prints nor writes files: `emit` is the caller's.
public enum SweepRunner {
    /// - Parameters:
    ///   - count: number of work items; item `position` is `0..<count`.
    ///   - jobs: worker threads (1 runs everything on the calling thread).
    ///   - evaluate: computes one item (position, worker number in
    ///     `0..<jobs`); may run on any thread, but one worker number is never
    ///     used by two threads at once, so per-worker scratch state is safe.
    ///   - emit: receives each result in position order on the calling thread.
    ///   - progress: called after each emit with the number emitted.
    /// - Throws: the first error of `evaluate` (after emitting every earlier
    ///   item) or of `emit`.
    public static func run<R: Sendable>(
        count: Int, jobs: Int, lookahead: Int? = nil,
        evaluate: @escaping @Sendable (Int, Int) throws -> R,
        emit: (Int, R) throws -> Void,
        progress: ((Int) -> Void)? = nil
    ) throws {
        if jobs <= 1 || count <= 1 {
            for position in 0..<count {
                try emit(position, try evaluate(position, 0))
                progress?(position + 1)
            }
            return
        }
        let state = State<R>(count: count, window: lookahead ?? max(64, jobs * 16))
        let group = DispatchGroup()
        let workers = min(jobs, count)
        for worker in 0..<workers {
            DispatchQueue.global().async(group: group) { state.work(worker, evaluate) }
        }
        defer {
            state.cancel()
            group.wait()
        }
        for position in 0..<count {
            let result = try state.take(position)
            try emit(position, result)
            progress?(position + 1)
        }
    }

    /// Shared between the workers and the emitting thread; every field is
    /// read and written under `condition`'s lock.
    final class State<R: Sendable>: @unchecked Sendable {
        let condition = NSCondition()
        let count: Int
        let window: Int
        var next = 0
        var emitted = 0
        var results: [Int: R] = [:]
        var failure: (position: Int, error: Error)?
        var cancelled = false

        init(count: Int, window: Int) {
            self.count = count
            self.window = window
        }

        func work(_ worker: Int, _ evaluate: (Int, Int) throws -> R) {
            while true {
                condition.lock()
                while !cancelled, failure == nil, next < count, next >= emitted + window { condition.wait() }
                guard !cancelled, failure == nil, next < count else {
                    condition.unlock()
                    return
                }
                let position = next
                next += 1
                condition.unlock()
                do {
                    let result = try evaluate(position, worker)
                    condition.lock()
                    results[position] = result
                } catch {
                    condition.lock()
                    if failure == nil || failure!.position > position { failure = (position, error) }
                }
                condition.broadcast()
                condition.unlock()
            }
        }

        func take(_ position: Int) throws -> R {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = results.removeValue(forKey: position) {
                    emitted = position + 1
                    condition.broadcast()
                    return result
                }
                if let failure, failure.position <= position { throw failure.error }
                condition.wait()
            }
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
