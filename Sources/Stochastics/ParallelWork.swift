import Dispatch
import Synchronization

/// The one parallel-work primitive of dmmkit: items `0..<count` computed on
/// `jobs` threads, their results handed to the caller strictly in index order.
///
/// Determinism: `emit` runs on the calling thread for item 0, 1, 2, ... in that
/// order, whatever finished first, so any fold the caller does in `emit` adds in
/// the same order for every `jobs` (byte-identical output when each item's
/// result depends only on its index, e.g. its random stream is seeded from
/// (seed, index)).
///
/// Memory: a worker claims item i only once fewer than `window` items are
/// computed but not yet emitted, so at most `window` results wait at a time,
/// whatever `count` (a sweep of 10^9 points holds `window` rows).
///
/// Per-worker state: `makeWorker(w)` builds worker w's scratch (a private copy
/// of a plan, a row formatter, histograms whose merge is order-free); it is
/// passed `inout` to `body` and returned at the end, in worker order. Which
/// items a worker computes depends on timing, so nothing that reaches the output
/// may depend on the order of a worker's items except through an order-free merge.
///
/// `jobs <= 1` (or a single item) runs everything on the calling thread with no
/// thread, lock or buffer: the one-job path does no extra work.
///
/// Errors: the first failing item in index order wins; every item before it is
/// emitted first, then the error is rethrown. An `emit` error stops the workers
/// and is rethrown. Workers are always joined before `run` returns or throws.
public enum ParallelWork {
    /// Results allowed to wait for their turn when the caller gives no window:
    /// enough to keep every worker busy past one slow item, few enough to hold.
    public static func defaultWindow(workers: Int) -> Int { Swift.max(64, 16 * workers) }

    /// - Parameters:
    ///   - count: number of items (0 does nothing).
    ///   - jobs: worker threads (>= 1); more than `count` are not started.
    ///   - window: results computed ahead of the next emit (>= 1; nil: `defaultWindow`).
    ///   - makeWorker: worker w's scratch state, w in `0..<min(jobs, count)`.
    ///   - body: computes item `index` with its worker's state.
    ///   - emit: receives each result in index order, on the calling thread.
    /// - Returns: the workers' final states, in worker order.
    @discardableResult
    public static func run<Worker: Sendable, R: Sendable, E: Error>(
        count: Int, jobs: Int, window: Int? = nil,
        makeWorker: @escaping @Sendable (Int) -> Worker,
        body: @escaping @Sendable (_ index: Int, _ worker: inout Worker) throws(E) -> R,
        emit: (_ index: Int, R) throws(E) -> Void
    ) throws(E) -> [Worker] {
        let workers = Swift.max(1, Swift.min(jobs, count))
        if workers == 1 {
            var state = makeWorker(0)
            for i in 0..<Swift.max(0, count) { try emit(i, try body(i, &state)) }
            return [state]
        }
        let shared = Shared<Worker, R, E>(count: count, window: Swift.max(1, window ?? defaultWindow(workers: workers)), workers: workers)
        let group = DispatchGroup()
        for w in 0..<workers {
            DispatchQueue.global().async(group: group) { shared.work(worker: w, makeWorker: makeWorker, body: body) }
        }
        do {
            for i in 0..<count { try emit(i, try shared.take(i)) }
        } catch {
            shared.stop()
            group.wait()
            throw error
        }
        group.wait()
        return shared.finalStates()
    }

    /// `run` without per-worker state.
    public static func run<R: Sendable, E: Error>(
        count: Int, jobs: Int, window: Int? = nil,
        body: @escaping @Sendable (_ index: Int) throws(E) -> R,
        emit: (_ index: Int, R) throws(E) -> Void
    ) throws(E) {
        try run(count: count, jobs: jobs, window: window, makeWorker: { _ in () },
                body: { (i: Int, _: inout Void) throws(E) -> R in try body(i) }, emit: emit)
    }

    /// The results of items `0..<count`, in index order.
    public static func map<R: Sendable, E: Error>(
        count: Int, jobs: Int, _ body: @escaping @Sendable (Int) throws(E) -> R
    ) throws(E) -> [R] {
        var out: [R] = []
        out.reserveCapacity(Swift.max(0, count))
        try run(count: count, jobs: jobs, body: body, emit: { (_: Int, r: R) throws(E) in out.append(r) })
        return out
    }

    /// What the workers and the emitting thread share. Sendable without
    /// `@unchecked`: every mutable field is inside `state` (a Mutex) and the
    /// semaphores are thread-safe.
    private final class Shared<Worker: Sendable, R: Sendable, E: Error>: Sendable {
        struct State {
            var next = 0
            var stopped = false
            var results: [Int: Result<R, E>] = [:]
            var finals: [Worker?]
        }
        let count: Int
        let state: Mutex<State>
        /// Free places in the window: a worker takes one before claiming an item,
        /// the emitter gives it back after emitting.
        let space: DispatchSemaphore
        /// Signalled once per stored result; the emitter waits on it when its item is missing.
        let arrived = DispatchSemaphore(value: 0)
        let workers: Int

        init(count: Int, window: Int, workers: Int) {
            self.count = count
            self.workers = workers
            state = Mutex(State(finals: Array(repeating: nil, count: workers)))
            // Created at 0 and raised: libdispatch traps when a semaphore is freed
            // below its initial value, which an early stop can leave it at.
            space = DispatchSemaphore(value: 0)
            for _ in 0..<window { space.signal() }
        }

        func work(worker w: Int, makeWorker: @Sendable (Int) -> Worker,
                  body: @Sendable (Int, inout Worker) throws(E) -> R) {
            var local = makeWorker(w)
            while true {
                space.wait()
                let index: Int? = state.withLock { s in
                    guard !s.stopped, s.next < count else { return nil }
                    defer { s.next += 1 }
                    return s.next
                }
                guard let index else {
                    space.signal()  // let the next worker see the end too
                    break
                }
                let result: Result<R, E>
                do throws(E) { result = .success(try body(index, &local)) } catch { result = .failure(error) }
                let failed: Bool
                if case .failure = result { failed = true } else { failed = false }
                state.withLock { s in
                    s.results[index] = result
                    // No item after a failure is needed: the emitter stops there.
                    if failed { s.next = Swift.max(s.next, count) }
                }
                arrived.signal()
            }
            let done = local
            state.withLock { $0.finals[w] = done }
        }

        func take(_ index: Int) throws(E) -> R {
            while true {
                let found = state.withLock { $0.results.removeValue(forKey: index) }
                if let found {
                    space.signal()
                    return try found.get()
                }
                arrived.wait()
            }
        }

        /// Ends the run early: no worker claims another item; blocked ones wake.
        func stop() {
            state.withLock { $0.stopped = true }
            for _ in 0..<workers { space.signal() }
        }

        func finalStates() -> [Worker] {
            state.withLock { s in s.finals.map { $0! } }
        }
    }
}
