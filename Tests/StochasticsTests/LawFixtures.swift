import Foundation
@testable import Stochastics

/// The laws every law test runs over: each family with at least two parameter
/// sets, one with CV² well below 1 and one well above 1 where the family
/// allows it (the uniform law has CV² ≤ 1/3, the hyperexponential ≥ 1, the
/// exponential exactly 1, the deterministic 0).
enum LawFixtures {
    static let specs = [
        "exponential:mean=60", "exponential:mean=0.5",
        "gamma:shape=4,mean=60", "gamma:shape=0.25,mean=60",
        "weibull:shape=2,mean=60", "weibull:shape=0.5,mean=60",
        "lognormal:sigma=0.5,mean=60", "lognormal:sigma=1,mean=60",
        "hyperexponential:p=0.5/0.5,mean=50/70", "hyperexponential:p=0.9/0.1,mean=30/330",
        "hypererlang:p=0.5/0.5,shape=4/4,mean=50/70", "hypererlang:p=0.9/0.1,shape=1/2,mean=20/500",
        "pareto:shape=5,mean=60", "pareto:shape=2.2,mean=60",
        "uniform:min=0,max=120", "uniform:min=50,max=70",
        "deterministic:value=60",
    ]

    static var laws: [ProbabilityLaw] { specs.map { try! ProbabilityLaw.parse($0) } }

    /// E[Xⁿ] from textbook formulas written here independently of the library
    /// (its code computes at most the second moment, and via other expressions);
    /// infinite when the moment does not exist.
    static func rawMoment(_ law: ProbabilityLaw, _ n: Int) -> Double {
        let nd = Double(n)
        switch law.form {
        case let .exponential(m):
            return tgamma(nd + 1) * pow(m, nd)
        case let .gamma(k, m):
            return erlangLikeMoment(shape: k, mean: m, n)
        case let .weibull(b, m, _):
            let lambda = m / tgamma(1 + 1 / b)
            return pow(lambda, nd) * tgamma(1 + nd / b)
        case let .lognormal(s, m, _):
            let mu = log(m) - s * s / 2
            return exp(nd * mu + nd * nd * s * s / 2)
        case let .hyperexponential(ph), let .hypererlang(ph):
            return (0..<ph.p.count).reduce(0) {
                $0 + ph.p[$1] * erlangLikeMoment(shape: Double(ph.shapes[$1]), mean: ph.means[$1], n)
            }
        case let .pareto(a, m, _):
            let xm = m * (a - 1) / a
            return a > nd ? a * pow(xm, nd) / (a - nd) : .infinity
        case let .uniform(a, b):
            return (pow(b, nd + 1) - pow(a, nd + 1)) / ((nd + 1) * (b - a))
        case let .deterministic(v):
            return pow(v, nd)
        }
    }

    /// Gamma(k, θ = m/k): E[Xⁿ] = θⁿ k(k+1)…(k+n−1).
    static func erlangLikeMoment(shape k: Double, mean m: Double, _ n: Int) -> Double {
        let theta = m / k
        return (0..<n).reduce(1.0) { $0 * (k + Double($1)) * theta }
    }

    static func mean(_ law: ProbabilityLaw) -> Double { rawMoment(law, 1) }

    static func variance(_ law: ProbabilityLaw) -> Double {
        let m = rawMoment(law, 1)
        return rawMoment(law, 2) - m * m
    }

    /// Fourth central moment μ₄ = E[X⁴] − 4μE[X³] + 6μ²E[X²] − 3μ⁴.
    static func fourthCentralMoment(_ law: ProbabilityLaw) -> Double {
        let m = rawMoment(law, 1)
        return rawMoment(law, 4) - 4 * m * rawMoment(law, 3) + 6 * m * m * rawMoment(law, 2) - 3 * pow(m, 4)
    }

    /// Where the law's support ends (nil when unbounded) and starts: quadrature
    /// must not straddle a jump of the density.
    static func support(_ law: ProbabilityLaw) -> (low: Double, high: Double?) {
        switch law.form {
        case let .pareto(_, _, xm): return (xm, nil)
        case let .uniform(a, b): return (a, b)
        case let .deterministic(v): return (v, v)
        default: return (0, nil)
        }
    }

    /// ∫ f over [a, b] where b may be infinite.
    static func integral(from a: Double, to b: Double?, _ f: @escaping (Double) -> Double) throws -> Double {
        if let b {
            return b > a ? try Quadrature.integrate(over: .finite(a, b), f).value : 0
        }
        return try Quadrature.integrate(over: .upperInfinite(from: a), f).value
    }
}

/// Sample mean and variance of `n` draws with their standard errors.
struct SampleSummary {
    let stats: RunningStatistics
    var mean: Double { stats.mean }
    var variance: Double { stats.variance }
    var n: Double { Double(stats.count) }

    init(_ n: Int, _ draw: () -> Double) {
        var s = RunningStatistics()
        for _ in 0..<n { s.add(draw()) }
        stats = s
    }
}
