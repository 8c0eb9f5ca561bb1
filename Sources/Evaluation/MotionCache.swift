import Foundation
import Schemes
import Stochastics

/// Remembers the mobility quantities of recent scenarios, keyed by exactly the
/// inputs they depend on, so that a sweep over topology, sizes, links, timers
/// or failures does not redo the Mobility quadratures at every point.
/// Thread-safe (sweeps evaluate in parallel); emptied when it reaches `capacity`.
final class MotionCache: @unchecked Sendable {
    struct Key: Hashable {
        let residence: ProbabilityLaw
        let session: ProbabilityLaw
        let sessionRate: Double
        let grid: String
        let domainSize: Int
        let crossing: [String]
        let refresh: Bool
        let lifetime: Double
        let sessionAnchoring: Bool

        init(_ s: Scenario, sessionAnchoring: Bool) {
            residence = s.mobility.residence
            session = s.traffic.sessionDuration
            sessionRate = s.traffic.sessionRate
            grid = s.mobility.grid
            domainSize = s.mobility.domainSize
            crossing = s.mobility.crossingModel == "fluid_flow"
                ? [s.mobility.cellShape, "\(s.mobility.speedMps)", "\(s.mobility.cellSizeM)"] : []
            refresh = s.timers.refresh
            lifetime = s.timers.bindingLifetimeS
            self.sessionAnchoring = sessionAnchoring
        }
    }

    static let shared = MotionCache()
    let capacity = 4096
    private var entries: [Key: SchemeContext.Motion] = [:]
    private let lock = NSLock()

    func motion(_ s: Scenario, sessionAnchoring: Bool) throws -> SchemeContext.Motion {
        let key = Key(s, sessionAnchoring: sessionAnchoring)
        lock.lock()
        let hit = entries[key]
        lock.unlock()
        if let hit { return hit }
        let motion = try SchemeContext.Motion(closedFormFor: s, sessionAnchoring: sessionAnchoring)
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = motion
        lock.unlock()
        return motion
    }
}
