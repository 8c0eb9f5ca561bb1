import Dispatch
import Foundation

/// Runs `count` replications on `jobs` threads so that the result does not
/// depend on `jobs` and no lock is taken per replication.
///
/// The replications are cut into `lanes` contiguous blocks, a number fixed
/// independently of `jobs`. A worker claims a whole lane (one lock per lane,
/// not per replication), folds the lane's replications in increasing index
/// order into the lane's own accumulator, then claims the next lane. After all
/// workers finish, the lane accumulators are merged in lane order. Floating
/// sums are therefore added in the same order whatever the number of threads
/// (byte-identical output for any --jobs), and memory is `lanes` accumulators
/// plus one `Local` per worker, whatever `count`.
///
/// `Local` is per-worker scratch whose merge must not depend on order (the
/// latency histograms: integer counts); the caller merges the returned ones.
enum ChunkRunner {
    /// Lanes per run: enough for two to a few dozen workers to balance, few
    /// enough that the per-lane accumulators stay small.
    static let lanes = 64

    private final class Claims: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var accumulators: [Any?]
        var locals: [Any?]
        init(lanes: Int, workers: Int) {
            accumulators = Array(repeating: nil, count: lanes)
            locals = Array(repeating: nil, count: workers)
        }
        func claim() -> Int {
            lock.lock(); defer { lock.unlock() }
            let lane = next
            next += 1
            return lane
        }
        func store(lane: Int, _ a: Any) { lock.lock(); accumulators[lane] = a; lock.unlock() }
        func store(worker: Int, _ l: Any) { lock.lock(); locals[worker] = l; lock.unlock() }
    }

    /// The lane accumulators merged in lane order (nil when `count` is 0) and the workers' locals.
    static func run<Accumulator, Local>(
        count: Int, jobs: Int,
        makeAccumulator: @escaping @Sendable () -> Accumulator,
        makeLocal: @escaping @Sendable () -> Local,
        body: @escaping @Sendable (_ index: Int, _ local: inout Local, _ accumulator: inout Accumulator) -> Void,
        merge: (inout Accumulator, Accumulator) -> Void
    ) -> (Accumulator?, [Local]) {
        let lanes = Swift.max(1, Swift.min(Self.lanes, count))
        let workers = Swift.max(1, Swift.min(jobs, lanes))
        let claims = Claims(lanes: lanes, workers: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var local = makeLocal()
            while true {
                let lane = claims.claim()
                if lane >= lanes { break }
                var accumulator = makeAccumulator()
                for i in (lane * count / lanes)..<((lane + 1) * count / lanes) { body(i, &local, &accumulator) }
                claims.store(lane: lane, accumulator)
            }
            claims.store(worker: w, local)
        }
        var total: Accumulator? = nil
        for a in claims.accumulators {
            let a = a as! Accumulator
            if total == nil { total = a } else { merge(&total!, a) }
        }
        return (total, claims.locals.map { $0 as! Local })
    }
}
