import Foundation
import Testing
@testable import Stochastics

@Suite("Quadrature")
struct QuadratureTests {
    @Test("a known integral over each interval kind")
    func known() throws {
        #expect(abs(try Quadrature.integrate(over: .finite(0, .pi)) { sin($0) }.value - 2) <= 1e-12)
        #expect(abs(try Quadrature.integrate(over: .upperInfinite(from: 1)) { 1 / ($0 * $0) }.value - 1) <= 1e-10)
        #expect(abs(try Quadrature.integrate(over: .lowerInfinite(to: 0)) { exp($0) }.value - 1) <= 1e-10)
        #expect(abs(try Quadrature.integrate(over: .real) { exp(-$0 * $0) }.value - Double.pi.squareRoot()) <= 1e-10)
        // An integrable endpoint singularity: ∫₀¹ x^{-1/2} dx = 2.
        #expect(abs(try Quadrature.integrate(over: .finite(0, 1)) { 1 / $0.squareRoot() }.value - 2) <= 1e-9)
    }

    @Test("a divergent integral throws GSLError instead of returning a number")
    func divergent() throws {
        do {
            let r = try Quadrature.integrate("harmonic tail", over: .upperInfinite(from: 1)) { 1 / $0 }
            Issue.record("∫_1^∞ 1/x returned \(r.value)")
        } catch let error as GSLError {
            #expect(error.code != 0)
            #expect(error.description.hasPrefix("harmonic tail over [1.0, inf): GSL error \(error.code) ("))
            #expect(!error.reason.isEmpty)
        }
        #expect(throws: GSLError.self) {
            try Quadrature.integrate(over: .finite(0, 1)) { 1 / ($0 * $0) }
        }
    }

    @Test("a NaN integrand throws")
    func notANumber() {
        #expect(throws: GSLError.self) { try Quadrature.integrate(over: .finite(0, 1)) { _ in .nan } }
    }
}
