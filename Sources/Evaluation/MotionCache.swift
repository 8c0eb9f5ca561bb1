import Mobility
import Schemes
import Synchronization

/// Remembers the mobility quantities of recent scenarios, keyed by exactly the
/// inputs they are computed from (`SchemeContext.Motion.Inputs`), so that a
/// sweep over topology, sizes, links, timers or failures does not redo the
/// Mobility quadratures at every point; and, by their own narrower inputs, the
/// parts that do not read the session rate (`walkAverages`) or the sessions at
/// all (`ResidenceQuantities`), so that a sweep over traffic does not redo those. Safe to share between threads (sweeps
/// evaluate in parallel): the tables sit behind a `Mutex`; the computation runs
/// outside it, so two threads may both compute a missing entry (the same value).
/// A table is emptied when it reaches `capacity`.
final class MotionCache: Sendable {
    static let shared = MotionCache()

    let capacity = 4096

    private struct Tables {
        var motions: [SchemeContext.Motion.Inputs: SchemeContext.Motion] = [:]
        var walks: [SchemeContext.Motion.Inputs.Walk: SessionAnchoring.WalkAverages] = [:]
        var residences: [SchemeContext.Motion.Inputs.Residence: SchemeContext.Motion.ResidenceQuantities] = [:]
    }

    private let tables = Mutex(Tables())

    func motion(_ s: Scenario, sessionAnchoring: Bool, liveAnchors: Bool = true,
                distanceLaw: Bool = true) throws -> SchemeContext.Motion {
        let inputs = try SchemeContext.Motion.Inputs(
            scenario: s, sessionAnchoring: sessionAnchoring, liveAnchors: liveAnchors, distanceLaw: distanceLaw)
        if let hit = tables.withLock({ $0.motions[inputs] }) { return hit }
        let walk = inputs.walk
        let motion = try SchemeContext.Motion(closedFormFor: inputs, walkAverages: { anchoring in
            if let hit = self.tables.withLock({ $0.walks[walk] }) { return hit }
            let value = try anchoring.walkAverages()
            self.tables.withLock { t in
                if t.walks.count >= self.capacity { t.walks.removeAll(keepingCapacity: true) }
                t.walks[walk] = value
            }
            return value
        }, residenceQuantities: { residence in
            if let hit = self.tables.withLock({ $0.residences[residence] }) { return hit }
            let value = try SchemeContext.Motion.ResidenceQuantities(residence)
            self.tables.withLock { t in
                if t.residences.count >= self.capacity { t.residences.removeAll(keepingCapacity: true) }
                t.residences[residence] = value
            }
            return value
        })
        tables.withLock { t in
            if t.motions.count >= capacity { t.motions.removeAll(keepingCapacity: true) }
            t.motions[inputs] = motion
        }
        return motion
    }
}
