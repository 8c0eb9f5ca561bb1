import Foundation
import Mobility
import Stochastics

/// Mobility cases: docs/MODELS.md §2.3-§3.3.
extension ValidationCatalog {
    /// §2.3 V1: η = 1, gamma residence of shape k, exponential sessions of rate μ.
    /// Columns f*(μ), r*(μ), α(0..3), E[K], Var K, each printed to six decimals.
    static let v1Rows: [(mu: String, k: String, values: [String])] = [
        ("0.5", "0.25", ["0.759836", "0.480329", "0.519671", "0.115358", "0.087653", "0.066602", "2", "10.655264"]),
        ("0.5", "1", ["0.666667", "0.666667", "0.333333", "0.222222", "0.148148", "0.098765", "2", "6"]),
        ("0.5", "4", ["0.624295", "0.751410", "0.248590", "0.282308", "0.176244", "0.110028", "2", "4.646653"]),
        ("1", "0.25", ["0.668740", "0.331260", "0.668740", "0.109733", "0.073383", "0.049074", "1", "4.037559"]),
        ("1", "1", ["0.5", "0.5", "0.5", "0.25", "0.125", "0.0625", "1", "2"]),
        ("1", "4", ["0.4096", "0.5904", "0.4096", "0.348572", "0.142775", "0.058481", "1", "1.387534"]),
        ("2", "0.25", ["0.577350", "0.211325", "0.788675", "0.089316", "0.051567", "0.029772", "0.5", "1.616025"]),
        ("2", "1", ["0.333333", "0.333333", "0.666667", "0.222222", "0.074074", "0.024691", "0.5", "0.75"]),
        ("2", "4", ["0.197531", "0.401235", "0.598765", "0.321978", "0.063601", "0.012563", "0.5", "0.496154"]),
    ]
    static let v1Columns = ["fstar", "rstar", "alpha0", "alpha1", "alpha2", "alpha3", "mean", "var"]

    /// Var K from the distribution itself: Σ k² P(K = k) − E[K]² summed until the
    /// remaining tail is below 1e-16 (not from the moment formula of §2.3).
    static func v1Values(mu: Double, k: Double) throws -> [Double] {
        let residence = try ProbabilityLaw.gamma(shape: k, mean: 1)
        let session = try exp(1 / mu)
        let f = try residence.laplace(mu)
        let r = try residence.laplaceComplement(mu) / (mu * residence.mean)
        let crossings = CrossingDistribution(residence: residence, session: session)
        var kmax = 64
        var p = try crossings.probabilities(upTo: kmax)
        while p[kmax] > 1e-18 && kmax < 100_000 {
            kmax *= 4
            p = try crossings.probabilities(upTo: kmax)
        }
        var m1 = 0.0, m2 = 0.0
        for (j, pj) in p.enumerated() { m1 += Double(j) * pj; m2 += Double(j * j) * pj }
        return [f, r, p[0], p[1], p[2], p[3], crossings.mean, m2 - m1 * m1]
    }

    static func crossingTable() -> [Group] {
        v1Rows.map { row in
            let prefix = "v1.mu\(row.mu).k\(row.k)"
            let names = ["f*(μ)", "r*(μ)", "α(0)", "α(1)", "α(2)", "α(3)", "E[K]", "Var K (summed from P(K=k))"]
            return Group(
                ids: v1Columns.map { "\(prefix).\($0)" },
                quantity: "crossings, gamma k=\(row.k) residence, exp sessions μ=\(row.mu)",
                source: "\(am) 2.3 V1",
                build: {
                    let values = try v1Values(mu: Double(row.mu)!, k: Double(row.k)!)
                    return v1Columns.indices.map { i in
                        ValidationCase(
                            id: "\(prefix).\(v1Columns[i])",
                            quantity: "\(names[i]), gamma k=\(row.k) residence (η=1), exp session μ=\(row.mu)",
                            source: "\(am) 2.3 V1", printed: row.values[i], decimals: 6, computed: values[i])
                    }
                })
        }
    }

    /// §2.4: E[R]·η = residualMean of laws of mean 1.
    static func residuals() -> [Group] {
        let rows: [(String, String, String, () throws -> ProbabilityLaw)] = [
            ("residual.exponential", "exponential", "1", { try exp(1) }),
            ("residual.gamma0.25", "gamma k=0.25", "2.5", { try .gamma(shape: 0.25, mean: 1) }),
            ("residual.gamma4", "gamma k=4", "0.625", { try .gamma(shape: 4, mean: 1) }),
            ("residual.weibull0.5", "Weibull β=0.5", "3.0", { try .weibull(shape: 0.5, mean: 1) }),
            ("residual.weibull2", "Weibull β=2", "0.636620", { try .weibull(shape: 2, mean: 1) }),
            ("residual.lognormal1", "lognormal σ=1", "1.359141", { try .lognormal(sigma: 1, mean: 1) }),
        ]
        return rows.map { id, name, printed, law in
            one(id, "E[R]·η, \(name)", "\(am) 2.4") {
                ValidationCase(id: id, quantity: "E[R]·η, \(name) residence", source: "\(am) 2.4",
                               printed: printed, decimals: 6, computed: try law().residualMean)
            }
        }
    }

    /// §2.6 V5 domain-crossing fractions and §2.7 V7 fluid-flow rates.
    static func geometry() -> [Group] {
        var out: [Group] = []
        let v5: [(GridKind, Int, String, String)] = [
            (.square, 2, "square side 2 (N=4)", "0.5"), (.square, 3, "square side 3 (N=9)", "0.333333"),
            (.square, 5, "square side 5 (N=25)", "0.2"), (.hexagonal, 1, "hexagonal n=1 (N=7)", "0.428571"),
            (.hexagonal, 2, "hexagonal n=2 (N=19)", "0.263158"), (.hexagonal, 3, "hexagonal n=3 (N=37)", "0.189189"),
        ]
        for (grid, size, name, printed) in v5 {
            let id = "domain.\(grid == .square ? "square" : "hex")\(size)"
            out.append(one(id, "p_d", "\(am) 2.6 V5") {
                ValidationCase(id: id, quantity: "domain-crossing fraction p_d, \(name)", source: "\(am) 2.6 V5",
                               printed: printed, decimals: 6,
                               computed: try DomainCrossing.fraction(grid: grid, domainSize: size))
            })
        }
        let v7: [(FluidFlow.CellShape, String, String)] = [
            (.circle, "0.0127324", "78.540"), (.square, "0.0254648", "39.270"), (.hexagon, "0.0147021", "68.017"),
        ]
        for (shape, rate, residence) in v7 {
            let base = "fluid.\(shape.rawValue)"
            out.append(one(base + ".rate", "η", "\(am) 2.7 V7") {
                ValidationCase(id: base + ".rate", quantity: "fluid-flow η (1/s), \(shape.rawValue) 500 m, 10 m/s",
                               source: "\(am) 2.7 V7", printed: rate,
                               computed: FluidFlow.crossingRate(speed: 10, cellSize: 500, shape: shape))
            })
            out.append(one(base + ".residence", "1/η", "\(am) 2.7 V7") {
                ValidationCase(id: base + ".residence", quantity: "mean residence 1/η (s), \(shape.rawValue) 500 m, 10 m/s",
                               source: "\(am) 2.7 V7", printed: residence,
                               computed: FluidFlow.meanResidence(speed: 10, cellSize: 500, shape: shape))
            })
        }
        return out
    }

    /// §3.1 fraction after the first handoff, §3.2 anchor distances, §3.3 Ein(1).
    static func anchoring() -> [Group] {
        var out: [Group] = []
        out.append(one("fraction.after-first.erlang2", "1 − α(0)", "\(am) 3.1") {
            let a = SessionAnchoring(residence: try exp(1), session: try .gamma(shape: 2, mean: 2), sessionRate: 1, grid: .square)
            return ValidationCase(
                id: "fraction.after-first.erlang2",
                quantity: "session time after the first handoff, exp residence η=1, Erlang-2 session mean 2",
                source: "\(am) 3.1", printed: "0.625", computed: try a.afterFirstHandoffFraction(),
                note: "our after_first_handoff_fraction; tunnelled_fraction also excludes returns to the start AR")
        })
        out.append(one("fraction.after-first.exponential", "1 − α(0)", "\(am) 3.1") {
            let a = SessionAnchoring(residence: try exp(1), session: try exp(2), sessionRate: 1, grid: .square)
            return ValidationCase(
                id: "fraction.after-first.exponential",
                quantity: "session time after the first handoff, exp residence η=1, exp session mean 2",
                source: "\(am) 3.1", reference: 2.0 / 3, computed: try a.afterFirstHandoffFraction(),
                tolerance: 1e-12, toleranceBasis: "exact fraction 2/3: rounding only", referenceText: "2/3")
        })
        let square: [(Int, String)] = [(1, "1"), (2, "1.5"), (3, "1.875"), (4, "2.1875"), (5, "2.4609375"), (20, "5.01483")]
        for (j, printed) in square {
            let id = "distance.square.j\(j)"
            out.append(one(id, "E[D_j]", "\(am) 3.2") {
                ValidationCase(id: id, quantity: "E[D_\(j)] anchor distance (AR hops), square grid",
                               source: "\(am) 3.2", printed: printed, decimals: j == 20 ? nil : 7,
                               computed: AnchorDistance.meanDistances(grid: .square, count: j + 1)[j])
            })
        }
        let hex = ["1", "1.333333", "1.666667", "1.925926", "2.160494"]
        for (i, printed) in hex.enumerated() {
            let j = i + 1, id = "distance.hex.j\(j)"
            out.append(one(id, "E[D_j]", "\(am) 3.2") {
                ValidationCase(id: id, quantity: "E[D_\(j)] anchor distance (AR hops), hexagonal grid",
                               source: "\(am) 3.2", printed: printed, decimals: 6,
                               computed: AnchorDistance.meanDistances(grid: .hexagonal, count: j + 1)[j])
            })
        }
        out.append(one("anchors.ein1", "E[N_a]", "\(am) 3.3") {
            let a = SessionAnchoring(residence: try exp(1), session: try exp(1), sessionRate: 1, grid: .square)
            return ValidationCase(
                id: "anchors.ein1", quantity: "E[N_a] anchors in use at a handoff, exp/exp, ρ=1, a=η/μ=1",
                source: "\(am) 3.3 (Ein(1))", printed: "0.7965996", computed: try a.anchorsInUseAtHandoff())
        })
        return out
    }

    /// Special cases: laws known in closed form.
    static func specialCases() -> [Group] {
        [
            one("special.geometric", "max |P(K=k) − geometric|", "§2.3 special case") {
                // Exponential residence (η = 1), exponential sessions μ = 0.3: K ~ geometric.
                let mu = 0.3, eta = 1.0
                let p = try CrossingDistribution(residence: try exp(1 / eta), session: try exp(1 / mu)).probabilities(upTo: 40)
                let gap = p.indices.map { k in abs(p[k] - mu / (eta + mu) * pow(eta / (eta + mu), Double(k))) }.max()!
                return ValidationCase(
                    id: "special.geometric",
                    quantity: "max over k ≤ 40 of |P(K=k) − (μ/(η+μ))(η/(η+μ))^k|, exp residence η=1, exp session μ=0.3",
                    source: "\(am) 2.3 special case (geometric K)", reference: 0, computed: gap, tolerance: 1e-12,
                    toleranceBasis: "exact algebra: rounding only", referenceText: "0")
            },
            one("special.erlang2", "max |P(K=k) − (k+1)/2^(k+2)|", "exact algebra") {
                // Poisson(η) crossings over an Erlang-2 session of stage rate η: (k+1)/2^(k+2).
                let p = try CrossingDistribution(residence: try exp(1), session: try .gamma(shape: 2, mean: 2)).probabilities(upTo: 40)
                let gap = p.indices.map { k in abs(p[k] - Double(k + 1) / pow(2, Double(k + 2))) }.max()!
                return ValidationCase(
                    id: "special.erlang2",
                    quantity: "max over k ≤ 40 of |P(K=k) − (k+1)/2^(k+2)|, exp residence η=1, Erlang-2 session mean 2",
                    source: "exact algebra: ∫ Poisson(ηt) Erlang-2 density dt", reference: 0, computed: gap,
                    tolerance: 1e-12, toleranceBasis: "exact algebra: rounding only", referenceText: "0")
            },
        ]
    }
}
