import Foundation
import Testing
@testable import Mobility
@testable import Stochastics

@Suite("Erlang residences, exponential sessions: the lazy threshold counts what the exact route counts")
struct ErlangExponentialCrossingsTests {
    /// The inline U^r stays within a fifth of the band of libm's threshold E (the bound the
    /// exact decisions rest on), on 10⁶ uniforms including the extreme 2⁻³² and 1 − 2⁻³².
    @Test(arguments: [(2.0, 120.0), (1.0, 5000.0), (8.0, 30.0), (3.0, 20.0)])
    func approximationWithinTheBand(shape k: Double, sessionMean: Double) throws {
        let erlang = try #require(ErlangSampler(shape: k, scale: 60 / k))
        let session = ExponentialSampler(mean: sessionMean)
        let pair = try #require(ErlangExponentialCrossings(residence: erlang, session: session))
        let stream = RandomStream(seed: 5)
        var worst = 0.0
        let us = [0x1p-32, 1 - 0x1p-32] + (0..<1_000_000).map { _ in stream.uniformPositive() }
        pair.logCell.withUnsafeBufferPointer { l in
            pair.inverseCell.withUnsafeBufferPointer { v in
                pair.exp2Cell.withUnsafeBufferPointer { x in
                    for u in us {
                        let p = pair.ratio * ErlangExponentialCrossings.minusLog(u, l.baseAddress!, v.baseAddress!)
                        guard p <= 699 else { continue }
                        let a = ErlangExponentialCrossings.expMinus(p, x.baseAddress!)
                        let e = erlang.threshold(within: session.value(ofUniform: u))
                        worst = max(worst, abs(a / e - 1))
                    }
                }
            }
        }
        #expect(worst <= pair.bandWidth / 5, "worst \(worst), band \(pair.bandWidth)")
    }

    /// Draw for draw and count for count the route of `session.draw` then
    /// `residence.crossings(within:)`, with the default band and with a band so wide
    /// (0.5) that most comparisons go to the exact threshold; states equal afterwards.
    @Test(arguments: [1.0, 2.0, 3.0, 8.0])
    func sameCountsAsTheExactRoute(shape k: Double) throws {
        let erlang = try #require(ErlangSampler(shape: k, scale: 30 / k))
        for sessionMean in [120.0, 9000.0] {
            let session = ExponentialSampler(mean: sessionMean)
            for band in [nil, 0.5] {
                guard let pair = ErlangExponentialCrossings(residence: erlang, session: session, bandWidth: band) else {
                    // r = μ/θ above 1000 is left to the uniform route by design.
                    #expect(sessionMean / erlang.scale > 1000)
                    continue
                }
                let a = RandomStream(seed: 77), b = RandomStream(seed: 77)
                var exact: [Int] = [], lazy: [Int] = []
                _ = a.withTaus2State { g in
                    for _ in 0..<50_000 { exact.append(erlang.crossings(within: session.draw(&g), &g)) }
                }
                _ = b.withTaus2State { g in
                    pair.logCell.withUnsafeBufferPointer { l in
                        pair.inverseCell.withUnsafeBufferPointer { v in
                            pair.exp2Cell.withUnsafeBufferPointer { x in
                                for _ in 0..<50_000 { lazy.append(pair.crossings(&g, l.baseAddress!, v.baseAddress!, x.baseAddress!)) }
                            }
                        }
                    }
                }
                #expect(exact == lazy, "k = \(k), session mean \(sessionMean), band \(String(describing: band))")
                #expect(a.uniform() == b.uniform(), "the states advanced alike")
            }
        }
    }
}
