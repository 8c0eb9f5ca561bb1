import Dispatch
import Foundation

/// Runs `count` chunks on `jobs` threads and hands the chunk results to
/// `consume` strictly in index order, as soon as each is ready, so results
/// are merged in the same order whatever the number of threads (byte-identical
/// output for any --jobs) and only the few chunk results waiting for an earlier
/// one stay in memory (memory does not grow with --samples).
///
/// Each worker also owns a `Local` accumulator (the latency histograms) whose
/// merge must be order-independent (integer counts); they are returned at the end.
enum ChunkRunner {
    private final class State<R, Local>: @unchecked Sendable {
        let lock = NSLock()
        var nextToStart = 0
        var nextToConsume = 0
        var waiting: [Int: R] = [:]
        var locals: [Local?]
        let consume: (Int, R) -> Void
        init(workers: Int, consume: @escaping (Int, R) -> Void) {
            locals = Array(repeating: nil, count: workers)
            self.consume = consume
        }
    }

    static func run<R, Local>(
        count: Int, jobs: Int, makeLocal: @escaping @Sendable () -> Local,
        body: @escaping @Sendable (Int, inout Local) -> R,
        consume: @escaping (Int, R) -> Void
    ) -> [Local] {
        let workers = Swift.max(1, Swift.min(jobs, count))
        let state = State<R, Local>(workers: workers, consume: consume)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var local = makeLocal()
            while true {
                state.lock.lock()
                let i = state.nextToStart
                state.nextToStart += 1
                state.lock.unlock()
                if i >= count { break }
                let r = body(i, &local)
                state.lock.lock()
                state.waiting[i] = r
                while let ready = state.waiting.removeValue(forKey: state.nextToConsume) {
                    state.consume(state.nextToConsume, ready)
                    state.nextToConsume += 1
                }
                state.lock.unlock()
            }
            state.lock.lock()
            state.locals[w] = local
            state.lock.unlock()
        }
        return state.locals.map { $0! }
    }
}
