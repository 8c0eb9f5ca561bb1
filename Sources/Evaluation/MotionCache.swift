import Foundation
import Mobility
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

    /// The inputs of `SessionAnchoring.walkAverages`: it does not read the session
    /// rate, so a sweep over λ_s (or SMR) computes it once per pair of laws.
    struct WalkKey: Hashable {
        let residence: ProbabilityLaw
        let session: ProbabilityLaw
        let grid: GridKind
    }

    static let shared = MotionCache()
    private var walks: [WalkKey: SessionAnchoring.WalkAverages] = [:]

    func walk(_ anchoring: SessionAnchoring) throws -> SessionAnchoring.WalkAverages {
        let key = WalkKey(residence: anchoring.residence, session: anchoring.session, grid: anchoring.grid)
        lock.lock()
        let hit = walks[key]
        lock.unlock()
        if let hit { return hit }
        let value = try anchoring.walkAverages()
        lock.lock()
        if walks.count >= capacity { walks.removeAll(keepingCapacity: true) }
        walks[key] = value
        lock.unlock()
        return value
    }

    let capacity = 4096
    private var entries: [Key: SchemeContext.Motion] = [:]
    private let lock = NSLock()

    func motion(_ s: Scenario, sessionAnchoring: Bool) throws -> SchemeContext.Motion {
        let key = Key(s, sessionAnchoring: sessionAnchoring)
        lock.lock()
        let hit = entries[key]
        lock.unlock()
        if let hit { return hit }
        let motion = try SchemeContext.Motion(closedFormFor: s, sessionAnchoring: sessionAnchoring, walkAverages: walk)
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = motion
        lock.unlock()
        return motion
    }
}
