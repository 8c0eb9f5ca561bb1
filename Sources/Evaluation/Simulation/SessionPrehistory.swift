import Foundation
import Mobility
import Stochastics

/// The sessions already live when a replication starts, so that the session
/// population is stationary from its first instant (docs/MODELS.md 9.4).
///
/// Why: a replication that starts empty and warms up for w = 20 E[T] + 2 E[X] misses
/// every session older than w at the measurement's start, a fraction
/// E[(T − w)⁺]/E[T] of the live ones: e^−20 for exponential sessions, but 5.6·10⁻⁴ for a
/// Pareto shape 2.88 of mean 716 s. Those are the sessions furthest from their anchors,
/// and a functional of the latency's tail counts little else: a per-flow scheme's loss
/// beyond a handoff buffer read 1.3·10⁻⁴ packets against a closed form of 1.05·10⁻²
/// (0.0117 with a ten times longer warm-up).
///
/// Model (M/G/∞ in equilibrium with a stationary renewal walk): the live sessions at
/// time 0 are Poisson of mean ρ = λ_s E[T]; each has the covering-interval law of the
/// session law, a length-biased T̃ split by a uniform into age A and residual R
/// (`ProbabilityLaw.sampleLengthBiased`). Its anchor is where the MN was A seconds ago:
/// the walk run backwards from the start cell (time reversal keeps a stationary renewal
/// process's law and the symmetric steps'), through the current residence's age
/// (`ProbabilityLaw.sampleResidualAndAge`, jointly with the residual the run starts with)
/// and then whole residences. Its time at its anchor AR counts every earlier residence
/// there. Everything is drawn from a stream of its own, so the run's other draws are
/// unchanged: with light-tailed sessions none of these sessions outlives the warm-up and
/// the run's numbers are what they were.
///
/// The backward walk stops after `maximumSteps` residences: an older session is anchored
/// where the walk stopped. That is reached only by ages beyond 2^18 mean residences,
/// which a session law with finite E[T²] gives with negligible probability; with infinite
/// E[T²] (Pareto shape ≤ 2) the Monte Carlo's means are already untestable
/// (`MonteCarloValidity`).
struct SessionPrehistory {
    /// Most residences the backward walk takes.
    static let maximumSteps = 1 << 18

    /// The sessions live at time 0, with the MN at (x, y) in a residence of age `currentAge`.
    static func sessions(plan p: SimulationPlan, x: Int, y: Int, currentAge: Double, stream h: RandomStream)
        -> [Trajectory.Session]
    {
        let rho = p.sessionRate * p.session.mean
        guard rho > 0, rho.isFinite else { return [] }
        let n = h.poisson(mean: rho)
        guard n > 0 else { return [] }
        var drawn: [(age: Double, residual: Double, local: Bool, otherHA: Bool)] = []
        drawn.reserveCapacity(n)
        for _ in 0..<n {
            let covering = p.session.sampleLengthBiased(h)
            let u = h.uniform()
            drawn.append((covering * (1 - u), covering * u, h.uniform() < p.localFraction,
                          h.uniform() >= p.sameHAProbability))
        }
        drawn.sort { $0.age < $1.age }
        // The backward walk: residence k (0 the current one) at cell (cx[k], cy[k]) covered
        // the ages [edge[k], edge[k + 1]).
        let moves = p.grid.steps
        var cx = [x], cy = [y], edge = [0.0, currentAge]
        var out: [Trajectory.Session] = []
        out.reserveCapacity(n)
        for s in drawn {
            while s.age >= edge[edge.count - 1] && cx.count < maximumSteps {
                let m = moves[h.uniformInt(moves.count)]
                cx.append(cx[cx.count - 1] + m.0)
                cy.append(cy[cy.count - 1] + m.1)
                edge.append(edge[edge.count - 1] + p.residence.sample(h))
            }
            // The residence covering age A (the last one walked if the walk stopped).
            var k = cx.count - 1
            while k > 0 && edge[k] > s.age { k -= 1 }
            let ax = cx[k], ay = cy[k]
            // Time at the anchor AR before time 0: its part of the anchor's residence after
            // the session started, and every more recent residence at the same AR.
            var atAnchor = k == 0 ? s.age : s.age - edge[k]
            for j in 0..<k where cx[j] == ax && cy[j] == ay { atAnchor += edge[j + 1] - edge[j] }
            out.append(Trajectory.Session(
                start: -s.age, end: s.residual, ax: ax, ay: ay, local: s.local, otherHA: s.otherHA,
                steps: p.grid.distance(ax - x, ay - y), atAnchor: atAnchor))
        }
        return out
    }
}
