import Dispatch
import Stochastics

/// Runs `count` chunks of Monte Carlo work on `jobs` threads and returns the
/// chunk results in index order.
///
/// Chunk i draws from `RandomStream(seed:).child(i)` only, and callers merge
/// the results in index order, so a run's output depends on (seed, samples)
/// and never on `jobs` (DESIGN.md 2.6). Memory is one small result per chunk.
enum ParallelChunks {
    /// Samples per chunk: large enough to amortise a stream's set-up, small
    /// enough that two threads stay balanced.
    static let chunkSize = 1 << 15

    /// (number of chunks, samples in chunk i).
    static func layout(samples: Int) -> (count: Int, size: @Sendable (Int) -> Int) {
        let count = (samples + chunkSize - 1) / chunkSize
        return (count, { i in i == count - 1 ? samples - chunkSize * (count - 1) : chunkSize })
    }

    private final class Slots<T>: @unchecked Sendable {
        var values: [T?]
        init(_ n: Int) { values = Array(repeating: nil, count: n) }
    }

    static func run<T>(count: Int, jobs: Int, progress: (@Sendable () -> Void)? = nil,
                       _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        let workers = Swift.max(1, Swift.min(jobs, count))
        slots.values.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only its own indices (w, w + workers, ...): no two threads share a slot.
            nonisolated(unsafe) let base = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var i = w
                while i < count {
                    base[i] = body(i)
                    progress?()
                    i += workers
                }
            }
        }
        return slots.values.map { $0! }
    }
}
