import Foundation
import Stochastics

/// Monte Carlo of the `SessionAnchoring` quantities by simulating movement on
/// the AR grid and sessions (docs/MODELS.md §3), not by evaluating formulas.
///
/// Two independent experiments of `samples` each:
/// - At a handover (time 0, the MN enters the serving AR at the origin): the
///   active sessions are Poisson(ρ) in number with i.i.d. ages drawn from the
///   session law's equilibrium residual (the stationary state of M/G/∞); the
///   past is walked backwards, residence by residence (full residences: a
///   handover is a renewal epoch), step by step on the grid (the reversed
///   symmetric walk is the same walk), and each session is assigned to the
///   residence and the AR where it started. Counted: residences holding a
///   session (`anchors_in_use_at_handoff`), distinct ARs other than the serving
///   one holding a session (`distinct_anchor_ars_at_handoff`), sessions started
///   at the AR being left, and active sessions.
/// - A session from its start: duration T, first residence the equilibrium
///   residual, then full residences and grid steps until T; measured: time
///   spent away from the first AR (grid distance ≠ 0: a walk that comes back
///   to it is not tunnelled), time after the first handover, and the
///   time-weighted grid distance to the first AR. The fractions are ratio
///   estimators ΣA/ΣT with delta-method intervals.
///
/// Determinism as in `CrossingSimulation`: chunk i uses stream child(i),
/// chunk results are merged in index order.
public struct AnchoringSimulation: Sendable {
    public let model: SessionAnchoring
    public let generator: GeneratorKind

    public init(_ model: SessionAnchoring, generator: GeneratorKind = .default) {
        self.model = model
        self.generator = generator
    }

    struct Sums: Sendable {
        var anchors = RunningStatistics(), distinctARs = RunningStatistics()
        var leftAR = RunningStatistics(), active = RunningStatistics()
        var n = 0.0, t = 0.0, a = 0.0, d = 0.0, tt = 0.0, aa = 0.0, dd = 0.0, at = 0.0, dt = 0.0
        var f = 0.0, ff = 0.0, ft = 0.0

        mutating func merge(_ o: Sums) {
            anchors.merge(o.anchors); distinctARs.merge(o.distinctARs)
            leftAR.merge(o.leftAR); active.merge(o.active)
            n += o.n; t += o.t; a += o.a; d += o.d; tt += o.tt; aa += o.aa; dd += o.dd; at += o.at; dt += o.dt
            f += o.f; ff += o.ff; ft += o.ft
        }
    }

    /// 95 % intervals for every `SessionAnchoring.Quantity`; `progress` is called
    /// once per chunk, on the calling thread.
    public func run(samples: Int, seed: UInt64, jobs: Int = 1, progress: (() -> Void)? = nil)
        -> [SessionAnchoring.Quantity: ConfidenceInterval]
    {
        precondition(samples >= 1 && jobs >= 1)
        let (count, size) = SampleChunks.layout(samples: samples)
        let model = self.model, generator = self.generator
        var total = Sums()
        ParallelWork.run(count: count, jobs: jobs) { i in
            model.residence.withSampler(AnchorResidenceVisit(model: model, n: size(i),
                                                              stream: SampleChunks.stream(seed: seed, index: i, kind: generator)))
        } emit: { _, part in
            total.merge(part)
            progress?()
        }
        func ratio(_ num: Double, _ numSq: Double, _ cross: Double) -> ConfidenceInterval {
            let n = total.n, r = num / total.t
            let v = Swift.max(0, (numSq - 2 * r * cross + r * r * total.tt) / Swift.max(1, n - 1))
            let se = n > 1 ? (v / n).squareRoot() / (total.t / n) : 0
            return ConfidenceInterval(mean: r, standardError: se, count: Int(n))
        }
        return [
            .anchorsInUseAtHandoff: total.anchors.confidenceInterval(),
            .distinctAnchorARsAtHandoff: total.distinctARs.confidenceInterval(),
            .sessionsAtLeftAR: total.leftAR.confidenceInterval(),
            .activeSessions: total.active.confidenceInterval(),
            .tunnelledFraction: ratio(total.a, total.aa, total.at),
            .afterFirstHandoffFraction: ratio(total.f, total.ff, total.ft),
            .meanAnchorDistanceSteps: ratio(total.d, total.dd, total.dt),
        ]
    }
}

private struct AnchorResidenceVisit: SamplerVisitor {
    let model: SessionAnchoring, n: Int, stream: RandomStream
    func visit<R: VariateSampler>(_ r: R) -> AnchoringSimulation.Sums {
        model.session.withSampler(AnchorSessionVisit(residence: r, model: model, n: n, stream: stream))
    }
}

private struct AnchorSessionVisit<R: VariateSampler>: SamplerVisitor {
    let residence: R, model: SessionAnchoring, n: Int, stream: RandomStream
    func visit<S: VariateSampler>(_ s: S) -> AnchoringSimulation.Sums {
        AnchoringSimulation.chunk(residence: residence, session: s, rho: model.rho, grid: model.grid, n: n, stream: stream)
    }
}

extension AnchoringSimulation {
    @inline(never)
    static func chunk<R: VariateSampler, S: VariateSampler>(residence: R, session: S, rho: Double, grid: GridKind,
                                                            n: Int, stream: RandomStream) -> Sums {
        var sums = Sums()
        let moves = grid.steps
        let degree = moves.count
        var ages = [Double](), seen = [Int64]()
        ages.reserveCapacity(64)
        seen.reserveCapacity(64)
        @inline(__always) func key(_ x: Int, _ y: Int) -> Int64 { Int64(x) << 32 ^ Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: y))) }

        for _ in 0..<n {
            // Handover at time 0: look back.
            let active = stream.poisson(mean: rho)
            ages.removeAll(keepingCapacity: true)
            for _ in 0..<active { ages.append(session.drawResidual(stream)) }
            ages.sort()
            seen.removeAll(keepingCapacity: true)
            var m = moves[stream.uniformInt(degree)]
            var x = m.0, y = m.1  // the AR being left is a neighbour of the serving AR
            var start = 0.0, idx = 0, j = 0, anchors = 0, left = 0
            while idx < active {
                let end = start + residence.draw(stream)
                var holds = false
                while idx < active && ages[idx] < end {
                    holds = true
                    idx += 1
                    if j == 0 { left += 1 }
                }
                if holds {
                    anchors += 1
                    let k = key(x, y)
                    if (x != 0 || y != 0) && !seen.contains(k) { seen.append(k) }
                }
                start = end
                j += 1
                m = moves[stream.uniformInt(degree)]
                x += m.0
                y += m.1
            }
            sums.anchors.add(Double(anchors))
            sums.distinctARs.add(Double(seen.count))
            sums.leftAR.add(Double(left))
            sums.active.add(Double(active))

            // A session from its start.
            let t = session.draw(stream)
            var clock = residence.drawResidual(stream)
            let afterFirst = Swift.max(0, t - clock)
            var distanceTime = 0.0, away = 0.0
            var px = 0, py = 0
            while clock < t {
                m = moves[stream.uniformInt(degree)]
                px += m.0
                py += m.1
                let stay = residence.draw(stream)
                let distance = grid.distance(px, py), spent = Swift.min(stay, t - clock)
                distanceTime += Double(distance) * spent
                if distance != 0 { away += spent }
                clock += stay
            }
            sums.n += 1
            sums.t += t; sums.tt += t * t
            sums.a += away; sums.aa += away * away; sums.at += away * t
            sums.f += afterFirst; sums.ff += afterFirst * afterFirst; sums.ft += afterFirst * t
            sums.d += distanceTime; sums.dd += distanceTime * distanceTime; sums.dt += distanceTime * t
        }
        return sums
    }
}
