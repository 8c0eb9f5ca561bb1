import Foundation
import Stochastics
import Testing

@testable import Evaluation

/// The simulator's air-leg draw skips the inversion F = ⌊log u / log q⌋ for u past
/// `Trajectory.firstAttemptCut` and returns F = 0 (`Trajectory.failures`). The skip
/// must not change any draw, so these tests compare it with the inversion itself,
/// written out here, at the uniforms where they could differ: just past the cut, and
/// across (cut, 1), for frame losses across their range and far below it.
@Suite struct AirFailureDrawTests {
    static func inversion(_ u: Double, _ q: Double) -> Double { (log(u) / log(q)).rounded(.down) }

    /// Losses 10^-300 … 0.5 (the scenario allows 0–0.5; the tiny ones have the largest
    /// |log q|, where the cut's margin over rounding is smallest).
    static let losses: [Double] = (0...60).map { pow(10, -300 + Double($0) * 4.95) } + [0.01, 0.1, 0.25, 0.3, 0.5]

    @Test func theSkipAgreesWithTheInversionJustPastTheCut() {
        for q in Self.losses {
            let cut = Trajectory.firstAttemptCut(loss: q)
            var u = cut.nextUp
            for _ in 0..<64 {
                #expect(Self.inversion(u, q) == 0, "q \(q), u \(u)")
                #expect(Trajectory.failures(u, logQ: log(q), cut: cut) == Self.inversion(u, q))
                u = u.nextUp
            }
        }
    }

    @Test func theSkipAgreesWithTheInversionAcrossTheUnitInterval() {
        let stream = RandomStream(seed: 41)
        var skipped = 0
        for q in Self.losses {
            let cut = Trajectory.firstAttemptCut(loss: q), logQ = log(q)
            for _ in 0..<4000 {
                // Half the draws spread over (0, 1), half packed into (q/2, 2q) around the cut.
                let v = stream.uniformPositive()
                let u = Swift.min(stream.uniform() < 0.5 ? v : q * (0.5 + 1.5 * v), 1.0.nextDown)
                if u > cut { skipped += 1 }
                #expect(Trajectory.failures(u, logQ: logQ, cut: cut) == Self.inversion(u, q), "q \(q), u \(u)")
            }
        }
        // The comparison did reach the skipped branch, and often.
        #expect(skipped > Self.losses.count * 2000)
    }

    /// Below the cut the inversion runs: a uniform in (q, cut] still has F = 0, one at
    /// or below q has F ≥ 1 (q^F ≥ u > q^(F+1)).
    @Test func belowTheCutTheInversionRuns() {
        let q = 0.1, cut = Trajectory.firstAttemptCut(loss: q)
        #expect(Trajectory.failures(0.05, logQ: log(q), cut: cut) == 1)
        #expect(Trajectory.failures(0.005, logQ: log(q), cut: cut) == 2)
        #expect(Trajectory.failures(cut, logQ: log(q), cut: cut) == 0)
    }
}
