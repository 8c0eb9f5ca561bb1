import Foundation
import Testing
@testable import Stochastics

@Suite("RootFinder")
struct RootFinderTests {
    @Test("known roots")
    func known() throws {
        #expect(abs(try RootFinder.brent(in: 0, 2) { $0 * $0 - 2 } - 2.squareRoot()) <= 1e-12)
        // The Dottie number, the fixed point of cos: 0.7390851332151607 (OEIS A003957).
        #expect(abs(try RootFinder.brent(in: 0, 1) { cos($0) - $0 } - 0.7390851332151607) <= 1e-12)
        #expect(try RootFinder.brent(in: 3, 5) { $0 - 3 } == 3)
    }

    @Test("the median of a law by root finding")
    func median() throws {
        let law = try ProbabilityLaw.parse("exponential:mean=1")
        #expect(abs(try RootFinder.brent(in: 0, 10) { law.cdf($0) - 0.5 } - log(2)) <= 1e-11)
    }

    @Test("a non-bracketing interval throws GSLError naming the interval")
    func notBracketing() {
        do {
            let x = try RootFinder.brent("x^2 + 1", in: -1, 1) { $0 * $0 + 1 }
            Issue.record("returned \(x)")
        } catch let error as GSLError {
            #expect(error.code == 4)  // GSL_EINVAL
            #expect(error.context == "x^2 + 1: [-1.0, 1.0] does not bracket a root (f = 2.0, 2.0)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
