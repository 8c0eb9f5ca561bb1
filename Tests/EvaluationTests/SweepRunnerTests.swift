import Evaluation
import Foundation
import Testing

@Suite("Ordered parallel sweep runner")
struct SweepRunnerTests {
    /// Work of uneven duration, so that workers finish out of order.
    static func slowSquare(_ i: Int) -> Int {
        usleep(UInt32((i * 7919) % 5) * 200)
        return i * i
    }

    @Test(arguments: [1, 2, 3, 8])
    func emitsEveryResultInOrder(jobs: Int) throws {
        var seen: [Int] = []
        var progress: [Int] = []
        try SweepRunner.run(
            count: 50, jobs: jobs, lookahead: 4, evaluate: { i, _ in Self.slowSquare(i) },
            emit: { position, value in
                #expect(value == position * position)
                seen.append(position)
            }, progress: { progress.append($0) })
        #expect(seen == Array(0..<50))
        #expect(progress == Array(1...50))
    }

    struct Boom: Error, Equatable { let at: Int }

    @Test(arguments: [1, 4])
    func failureEmitsEverythingBeforeItThenThrows(jobs: Int) {
        var seen: [Int] = []
        #expect(throws: Boom(at: 17)) {
            try SweepRunner.run(
                count: 40, jobs: jobs,
                evaluate: { i, _ -> Int in
                    if i == 17 || i == 30 { throw Boom(at: i) }
                    return Self.slowSquare(i)
                }, emit: { position, _ in seen.append(position) })
        }
        #expect(seen == Array(0..<17))
    }

    @Test func emitFailureStopsTheWorkers() {
        #expect(throws: Boom(at: 3)) {
            try SweepRunner.run(
                count: 1000, jobs: 3, evaluate: { i, _ in i },
                emit: { position, _ in if position == 3 { throw Boom(at: 3) } })
        }
    }
}
