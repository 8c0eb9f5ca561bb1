import Foundation
@testable import Mobility
import Stochastics
import Testing

/// `LiveAnchorARs` (docs/MODELS.md 3.5): the distinct ARs anchoring a live session at
/// a random instant, against exhaustive enumeration, a direct simulation and the
/// other route of the exponential residence.
@Suite struct LiveAnchorARsTests {
    /// The first-return recursion against every walk of n − 1 steps: for independent
    /// live indicators with probabilities a_k at the walk's positions k = 0 … n − 1,
    /// E[distinct live ARs] = mean over walks of Σ_sites (1 − Π_{k at the site} (1 − a_k)).
    @Test(arguments: [GridKind.square, .hexagonal])
    func distinctMatchesEveryWalk(grid: GridKind) {
        let a = [0.9, 1.0, 0.35, 0.8, 0.6, 0.25]
        let moves = grid.steps
        var total = 0.0, walks = 0
        var code = 0
        let count = Int(pow(Double(moves.count), Double(a.count - 1)))
        while code < count {
            var c = code, x = 0, y = 0
            var dead: [String: Double] = ["0,0": 1 - a[0]]
            for k in 1..<a.count {
                let m = moves[c % moves.count]
                c /= moves.count
                x += m.0; y += m.1
                dead["\(x),\(y)", default: 1] *= 1 - a[k]
            }
            total += dead.values.reduce(0) { $0 + 1 - $1 }
            walks += 1
            code += 1
        }
        let exact = total / Double(walks)
        let recursion = LiveAnchorARs.distinct(a, firstReturns: LiveAnchorARs.firstReturns(grid: grid, count: a.count))
        #expect(abs(recursion - exact) <= 1e-12, "recursion \(recursion) vs enumeration \(exact)")
    }

    /// The batched recursion (eight sequences in lock step, `mean`'s route) returns, bit for
    /// bit, what the scalar recursion returns for each sequence, whatever their lengths
    /// (padding, a group of fewer than eight, sequences past 128 steps and past the
    /// 4096-step horizon where blocks are summed), with first returns longer and shorter
    /// than the 127 unit steps; the memoised first returns are the directly computed ones,
    /// bit for bit, at every count.
    @Test(arguments: [GridKind.square, .hexagonal])
    func batchedRecursionIsTheScalarOne(grid: GridKind) {
        let stream = RandomStream(seed: 16)
        let lengths = [1, 2, 7, 130, 129, 600, 5000, 4097, 3, 64, 300]
        let sequences = lengths.map { n in (0..<n).map { k in stream.uniform() * exp(-Double(k) / 200) } }
        for count in [5001, 50, 1] {
            let f = LiveAnchorARs.firstReturns(grid: grid, count: count)
            let batched = LiveAnchorARs.distinct(sequences, firstReturns: f)
            for (i, a) in sequences.enumerated() {
                let scalar = LiveAnchorARs.distinct(a, firstReturns: f)
                #expect(batched[i].bitPattern == scalar.bitPattern,
                        "length \(a.count), \(count) first returns: \(batched[i]) vs \(scalar)")
            }
        }
        for count in [1, 2, 50, 700, 4097, 6000] {
            let memo = LiveAnchorARs.firstReturns(grid: grid, count: count)
            let direct = LiveAnchorARs.computeFirstReturns(grid: grid, count: count)
            #expect(memo.map(\.bitPattern) == direct.map(\.bitPattern), "count \(count)")
        }
    }

    /// Deterministic residence v = 100 s, uniform sessions on [50, 250] s, λ_s = 0.02/s
    /// (ρ = 3), hexagonal grid, the exact case: a direct simulation of the random instant
    /// (the current residence's age uniform on [0, v], backward Poisson arrivals alive
    /// when their duration exceeds their age, a fresh walk through the residences) covers
    /// the closed form within 4 standard errors (seed fixed).
    @Test func deterministicResidenceMatchesADirectSimulation() throws {
        let v = 100.0, rate = 0.02, grid = GridKind.hexagonal
        let session = try ProbabilityLaw.parse("uniform:min=50,max=250")
        let form = LiveAnchorARs(residence: try .deterministic(value: v), session: session, sessionRate: rate, grid: grid)
        #expect(form.isExact)
        let closed = try form.mean()
        let stream = RandomStream(seed: 20261201)
        let moves = grid.steps
        var stats = RunningStatistics()
        var positions: [(Int, Int)] = []
        for _ in 0..<200_000 {
            let age = v * stream.uniform()
            positions.removeAll(keepingCapacity: true)
            positions.append((0, 0))
            var live = Set<Int>()
            var s = stream.exponential(mean: 1 / rate)
            while s < 250 {
                if session.sample(stream) > s {
                    let k = s < age ? 0 : 1 + Int((s - age) / v)
                    while positions.count <= k {
                        let m = moves[stream.uniformInt(moves.count)], last = positions[positions.count - 1]
                        positions.append((last.0 + m.0, last.1 + m.1))
                    }
                    live.insert((positions[k].0 + 1000) * 4096 + positions[k].1 + 1000)
                }
                s += stream.exponential(mean: 1 / rate)
            }
            stats.add(Double(live.count))
        }
        let se = stats.standardDeviation / Double(stats.count).squareRoot()
        #expect(abs(closed - stats.mean) <= 4 * se, "closed form \(closed) vs simulation \(stats.mean) ± \(se)")
    }

    /// The renewal-reward integral over the current residence's age, counting every
    /// residence with a live session (no merging), against E[N_a] at a handoff by the
    /// exact closed forms of 3.3 (`SessionAnchoring`: the exponential integral, the
    /// series), which PASTA makes the count at a random instant for exponential residence.
    /// Gamma shape 1 is the same law by another route of `AnchorResidences`. Within 1e-4
    /// relative (the ψ grid's 2e-4 and the panels').
    @Test(arguments: [(60.0, 300.0, 0.01), (300.0, 120.0, 0.02), (30.0, 600.0, 0.005)])
    func ageIntegralMatchesPASTA(residenceMean: Double, sessionMean: Double, rate: Double) throws {
        let session = try ProbabilityLaw.exponential(mean: sessionMean)
        for spec in ["exponential:mean=\(residenceMean)", "gamma:shape=1,mean=\(residenceMean)"] {
            let residence = try ProbabilityLaw.parse(spec)
            let exact = try SessionAnchoring(
                residence: try .exponential(mean: residenceMean), session: session, sessionRate: rate, grid: .square
            ).anchorsInUseAtHandoff()
            let integral = try LiveAnchorARs(residence: residence, session: session, sessionRate: rate, grid: .square)
                .mean(merging: false)
            #expect(abs(integral - exact) <= 1e-4 * exact, "\(spec): integral \(integral) vs E[N_a] \(exact)")
            // Merging revisits only removes bindings.
            let merged = try LiveAnchorARs(residence: residence, session: session, sessionRate: rate, grid: .square).mean()
            #expect(merged < integral)
        }
    }

    /// The Gauss–Legendre panels over the current age: panels 4 times narrower (and a
    /// finer geometric start) move E[N_b] by less than 1e-4 relative, for a heavy
    /// residence law with a kinked session law and for a gamma residence.
    @Test(arguments: [("lognormal:sigma=1.3,mean=36.5", "uniform:min=14.3,max=65.9", 0.0368),
                      ("gamma:shape=2.5,mean=120", "lognormal:sigma=0.9,mean=300", 0.01)])
    func panelsConverge(residence: String, session: String, rate: Double) throws {
        let form = LiveAnchorARs(
            residence: try .parse(residence), session: try .parse(session), sessionRate: rate, grid: .hexagonal)
        let coarse = try form.mean(merging: true), fine = try form.mean(merging: true, refinement: 4)
        #expect(abs(coarse - fine) <= 1e-4 * fine, "panels \(coarse) vs 4x finer \(fine)")
    }
}
