import Dispatch
import Stochastics

/// Runs `count` chunks of Monte Carlo work on `jobs` threads and returns the
/// chunk results in index order.
///
/// Chunk i draws from `stream(seed:index:kind:)` (= `RandomStream(seed:kind:).child(i)`)
/// only, and results are folded in index order, so a run's output depends on
/// (seed, samples) and never on `jobs` (docs/MODELS.md 9). `fold` holds at most
/// `window(workers:)` chunk results at a time, so memory does not grow with samples.
enum ParallelChunks {
    /// Samples per chunk: large enough to amortise a stream's set-up, small
    /// enough that two threads stay balanced.
    static let chunkSize = 1 << 15

    /// (number of chunks, samples in chunk i).
    static func layout(samples: Int) -> (count: Int, size: @Sendable (Int) -> Int) {
        let count = (samples + chunkSize - 1) / chunkSize
        return (count, { i in i == count - 1 ? samples - chunkSize * (count - 1) : chunkSize })
    }

    /// Chunk i's stream: the root stream's child i, without allocating the root.
    static func stream(seed: UInt64, index: Int, kind: GeneratorKind = .default) -> RandomStream {
        RandomStream(seed: SeedMixer.mix(seed: seed, index: UInt64(index)), kind: kind)
    }

    /// Chunks run between two folds: enough to keep every worker busy, few enough to hold.
    static func window(workers: Int) -> Int { 16 * workers }

    /// `combine`s the results of chunks 0..<count into `initial`, in index order,
    /// running a window of chunks at a time on `jobs` threads.
    static func fold<T, A>(count: Int, jobs: Int, progress: (@Sendable () -> Void)? = nil, into initial: A,
                           _ body: @escaping @Sendable (Int) -> T, _ combine: (inout A, T) -> Void) -> A {
        let workers = Swift.max(1, Swift.min(jobs, count))
        var accumulator = initial
        var start = 0
        while start < count {
            let first = start, n = Swift.min(window(workers: workers), count - start)
            for part in run(count: n, jobs: workers, progress: progress, { body(first + $0) }) { combine(&accumulator, part) }
            start += n
        }
        return accumulator
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
