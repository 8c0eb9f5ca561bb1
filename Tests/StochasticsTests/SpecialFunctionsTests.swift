import Foundation
import Stochastics
import Testing

@Suite("Checked GSL special functions")
struct SpecialFunctionsTests {
    /// The checked gamma cdf/ccdf are GSL's `gsl_cdf_gamma_P/Q` bit for bit
    /// (the law's cdf and ccdf call those directly), on both sides of the branch x/θ = shape.
    @Test(arguments: [0.25, 1.0, 2.5, 7.0, 40.0])
    func gammaDistributionFunctionsAreGSLsBitForBit(shape: Double) throws {
        let mean = 3.0
        let law = try ProbabilityLaw.gamma(shape: shape, mean: mean)
        for x in [0.0, 1e-9, 0.01, 0.5, 1, 2.9, 3, 3.1, 7, 30, 300] {
            #expect(try SpecialFunctions.gammaCCDF(x, shape: shape, scale: mean / shape) == law.ccdf(x), "x = \(x)")
            #expect(try SpecialFunctions.gammaCDF(x, shape: shape, scale: mean / shape) == law.cdf(x), "x = \(x)")
            if let d = law.density(x), x > 0 {
                #expect(try SpecialFunctions.gammaDensity(x, shape: shape, scale: mean / shape) == d)
            }
        }
    }

    /// P + Q = 1, and the standard normal cdf against erfc.
    @Test func incompleteGammaAndNormal() throws {
        for (a, x) in [(0.5, 0.1), (3.0, 2.0), (30.0, 45.0)] {
            #expect(abs(try SpecialFunctions.gammaP(a, x) + SpecialFunctions.gammaQ(a, x) - 1) < 1e-14)
        }
        #expect(abs(try SpecialFunctions.gammaQ(1, 2) - exp(-2)) < 1e-16)
        for z in [-3.0, -0.2, 0, 1.7] {
            #expect(abs(try SpecialFunctions.normalCDF(z) - erfc(-z / 2.0.squareRoot()) / 2) < 1e-15)
        }
    }

    /// A bad argument is a typed error naming the GSL function and its arguments, not a NaN.
    @Test func statusFailuresThrowNamingTheCall() {
        #expect {
            _ = try SpecialFunctions.gammaQ(-1, 2)
        } throws: { error in
            "\(error)".contains("gsl_sf_gamma_inc_Q_e(a=-1.0, x=2.0)")
        }
        #expect {
            _ = try SpecialFunctions.gammaP(2, -1)
        } throws: { error in
            "\(error)".contains("gsl_sf_gamma_inc_P_e(a=2.0, x=-1.0)")
        }
        #expect(throws: GSLError.self) { _ = try SpecialFunctions.normalCDF(.nan) }
    }

    struct Stop: Error {}

    /// An integrand that throws makes the quadrature throw that error.
    @Test func throwingIntegrandIsRethrown() {
        #expect(throws: Stop.self) {
            _ = try Quadrature.integrate(over: .finite(0, 1)) { x in
                if x > 0.7 { throw Stop() }
                return x
            }
        }
    }
}
