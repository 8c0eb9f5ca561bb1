import Mobility
import Schemes
import Synchronization

/// Remembers the mobility quantities of recent scenarios, keyed by exactly the
/// inputs they are computed from (`SchemeContext.Motion.Inputs`), so that a
/// sweep over topology, sizes, links, timers or failures does not redo the
/// Mobility quadratures at every point. Safe to share between threads (sweeps
/// evaluate in parallel): the tables sit behind a `Mutex`; the computation runs
/// outside it, so two threads may both compute a missing entry (the same value).
/// A table is emptied when it reaches `capacity`.
final class MotionCache: Sendable {
    static let shared = MotionCache()

    let capacity = 4096

    private struct Tables {
        var motions: [SchemeContext.Motion.Inputs: SchemeContext.Motion] = [:]
        var walks: [SchemeContext.Motion.Inputs.Walk: SessionAnchoring.WalkAverages] = [:]
    }

    private let tables = Mutex(Tables())

    func motion(_ s: Scenario, sessionAnchoring: Bool, liveAnchors: Bool = true,
                distanceLaw: Bool = true) throws -> SchemeContext.Motion {
        let inputs = try SchemeContext.Motion.Inputs(
            scenario: s, sessionAnchoring: sessionAnchoring, liveAnchors: liveAnchors, distanceLaw: distanceLaw)
        if let hit = tables.withLock({ $0.motions[inputs] }) { return hit }
        let walk = inputs.walk
        let motion = try SchemeContext.Motion(closedFormFor: inputs) { anchoring in
            if let hit = self.tables.withLock({ $0.walks[walk] }) { return hit }
            let value = try anchoring.walkAverages()
            self.tables.withLock { t in
                if t.walks.count >= self.capacity { t.walks.removeAll(keepingCapacity: true) }
                t.walks[walk] = value
            }
            return value
        }
        tables.withLock { t in
            if t.motions.count >= capacity { t.motions.removeAll(keepingCapacity: true) }
            t.motions[inputs] = motion
        }
        return motion
    }
}
