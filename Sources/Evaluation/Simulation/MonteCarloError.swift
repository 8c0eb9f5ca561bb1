import Mobility
import Stochastics

/// Why a Monte Carlo run cannot start; all are bad input (exit 2).
public enum MonteCarloError: Error, InvalidInput, CustomStringConvertible {
    case samples(Int)
    case jobs(Int)
    /// The simulator's work per handoff (`SimulationPlan.workPerHandoff`) is beyond `SimulationPlan.maxWorkPerHandoff`.
    case tooCostly(work: Double, residenceS: Double, refreshS: Double?, sessionRate: Double, activeSessions: Double, warmupS: Double)

    public var description: String {
        switch self {
        case let .samples(n):
            return "--samples \(n) is out of range; allowed: \(MonteCarlo.samplesRange) (the 95 % interval needs at least two replications of \(SimulationPlan.handoffsPerReplication) simulated handoffs)"
        case let .jobs(n): return "--jobs \(n): the number of worker threads must be an integer >= 1"
        case let .tooCostly(work, x, refresh, rate, rho, warm):
            let g = { (v: Double) in String(format: "%.3g", v) }
            return "Monte Carlo: this scenario needs about \(g(work)) simulated events x live sessions per handoff"
                + " (mean residence \(g(x)) s" + (refresh.map { ", a binding refresh every \(g($0)) s" } ?? "")
                + ", \(g(rate)) sessions/s, \(g(rho)) active sessions, warm-up \(g(warm)) s); allowed: at most "
                + "\(g(SimulationPlan.maxWorkPerHandoff)) (the default scenario needs about 5). Use --method closed-form, or"
                + " a residence that is not tiny next to the binding lifetime and the session durations"
        }
    }
}

