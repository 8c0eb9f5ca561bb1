import Foundation
import Stochastics
import Synchronization
import Testing

@Suite("ParallelWork: ordered, bounded, deterministic")
struct ParallelWorkTests {
    /// Work of uneven duration, so that workers finish out of order.
    static func slowSquare(_ i: Int) -> Int {
        usleep(UInt32((i * 7919) % 5) * 200)
        return i * i
    }

    @Test(arguments: [1, 2, 3, 8])
    func emitsEveryResultInOrder(jobs: Int) {
        var seen: [Int] = []
        ParallelWork.run(count: 50, jobs: jobs, window: 4, body: { Self.slowSquare($0) }) { position, value in
            #expect(value == position * position)
            seen.append(position)
        }
        #expect(seen == Array(0..<50))
    }

    /// No item is started while `window` earlier results wait to be emitted (the
    /// one being emitted has left the window: `emitted` counts it only once `emit` returns).
    @Test(arguments: [(2, 1), (3, 2), (4, 5)])
    func neverRunsMoreThanTheWindowAhead(jobs: Int, window: Int) {
        let emitted = Atomic<Int>(0)
        let violations = Atomic<Int>(0)
        ParallelWork.run(count: 200, jobs: jobs, window: window, body: { i -> Int in
            if i > emitted.load(ordering: .sequentiallyConsistent) + window { violations.add(1, ordering: .relaxed) }
            return Self.slowSquare(i)
        }) { position, _ in
            usleep(UInt32(position % 3) * 100)  // a slow consumer, so the workers would run ahead
            emitted.store(position + 1, ordering: .sequentiallyConsistent)
        }
        #expect(violations.load(ordering: .relaxed) == 0)
    }

    @Test(arguments: [1, 2, 5])
    func workerStatesComeBackAndSawEveryItemOnce(jobs: Int) {
        let states = ParallelWork.run(count: 37, jobs: jobs, makeWorker: { w in [w] },
                                      body: { (i: Int, seen: inout [Int]) -> Int in seen.append(i); return i },
                                      emit: { _, _ in })
        #expect(states.count == min(jobs, 37))
        #expect(states.map { $0[0] } == Array(0..<states.count))
        #expect(states.flatMap { $0.dropFirst() }.sorted() == Array(0..<37))
    }

    /// The fold a Monte Carlo does: floating sums that would differ if added in another order.
    @Test func floatingFoldIsTheSameForAnyJobs() {
        func fold(jobs: Int) -> Double {
            var total = 0.0
            ParallelWork.run(count: 300, jobs: jobs, body: { i -> Double in
                usleep(UInt32((i * 31) % 4) * 50)
                return 1 / Double(i + 1) * (i % 2 == 0 ? 1e16 : 1)
            }) { _, x in total += x }
            return total
        }
        let one = fold(jobs: 1)
        for jobs in [2, 3, 7] { #expect(fold(jobs: jobs).bitPattern == one.bitPattern) }
    }

    @Test func mapKeepsIndexOrder() {
        #expect(ParallelWork.map(count: 25, jobs: 4) { Self.slowSquare($0) } == (0..<25).map { $0 * $0 })
        #expect(ParallelWork.map(count: 0, jobs: 4) { $0 }.isEmpty)
    }

    struct Boom: Error, Equatable { let at: Int }

    @Test(arguments: [1, 4])
    func failureEmitsEverythingBeforeItThenThrows(jobs: Int) {
        var seen: [Int] = []
        #expect(throws: Boom(at: 17)) {
            try ParallelWork.run(count: 40, jobs: jobs, body: { (i: Int) throws(Boom) -> Int in
                if i == 17 || i == 30 { throw Boom(at: i) }
                return Self.slowSquare(i)
            }) { (position: Int, _: Int) throws(Boom) in seen.append(position) }
        }
        #expect(seen == Array(0..<17))
    }

    /// Stopping early leaves claimed, unemitted items behind: the run must still
    /// join every worker and free its semaphores without a trap.
    @Test(arguments: [1, 2, 64])
    func emitFailureStopsTheWorkers(window: Int) {
        let started = Atomic<Int>(0)
        #expect(throws: Boom(at: 3)) {
            try ParallelWork.run(count: 100_000, jobs: 3, window: window, body: { (i: Int) throws(Boom) -> Int in
                started.add(1, ordering: .relaxed)
                return i
            }) { (position: Int, _: Int) throws(Boom) in if position == 3 { throw Boom(at: 3) } }
        }
        #expect(started.load(ordering: .relaxed) <= 4 + window + 3)
    }
}
