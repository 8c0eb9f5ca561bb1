import CGSL

/// Adaptive quadrature over GSL's QAGS family (QUADPACK).
///
/// The integrand is a Swift closure, passed to GSL through `GSLFunction`.
public enum Quadrature {
    /// Where to integrate.
    public enum Interval: Sendable, Equatable, CustomStringConvertible {
        /// [a, b], QAGS.
        case finite(Double, Double)
        /// [a, ∞), QAGIU.
        case upperInfinite(from: Double)
        /// (−∞, b], QAGIL.
        case lowerInfinite(to: Double)
        /// (−∞, ∞), QAGI.
        case real

        public var description: String {
            switch self {
            case let .finite(a, b): return "[\(a), \(b)]"
            case let .upperInfinite(a): return "[\(a), inf)"
            case let .lowerInfinite(b): return "(-inf, \(b)]"
            case .real: return "(-inf, inf)"
            }
        }
    }

    /// A value and GSL's estimate of its absolute error.
    public struct Result: Sendable, Equatable {
        public let value: Double
        public let absoluteError: Double
    }

    /// ∫ f over `interval`, to |error| ≤ max(epsabs, epsrel·|value|).
    ///
    /// Throws `GSLError` (with GSL's reason and `what`) when GSL reports a
    /// failure: a divergent or slowly convergent integral comes back from GSL
    /// as a status with a plausible-looking number, so the number is never
    /// returned in that case. Also throws when the value is not finite. When
    /// the integrand throws, GSL sees NaN from then on and the integrand's
    /// first error is rethrown (it says more than GSL's status would).
    /// Defaults follow analytic-models.md §10 (epsabs 1e-12, epsrel 1e-10, limit 200).
    public static func integrate(
        _ what: @autoclosure () -> String = "quadrature",
        over interval: Interval,
        epsabs: Double = 1e-12,
        epsrel: Double = 1e-10,
        limit: Int = 200,
        _ f: @escaping (Double) throws -> Double
    ) throws -> Result {
        GSL.configure()
        guard let workspace = gsl_integration_workspace_alloc(limit) else {
            fatalError("gsl_integration_workspace_alloc failed: out of memory")
        }
        defer { gsl_integration_workspace_free(workspace) }
        var result = 0.0
        var abserr = 0.0
        let integrand = ThrowingIntegrand(f)
        let status: Int32 = GSLFunction(integrand.evaluate).withFunction { function in
            switch interval {
            case let .finite(a, b):
                return gsl_integration_qags(&function, a, b, epsabs, epsrel, limit, workspace, &result, &abserr)
            case let .upperInfinite(a):
                return gsl_integration_qagiu(&function, a, epsabs, epsrel, limit, workspace, &result, &abserr)
            case let .lowerInfinite(b):
                return gsl_integration_qagil(&function, b, epsabs, epsrel, limit, workspace, &result, &abserr)
            case .real:
                return gsl_integration_qagi(&function, epsabs, epsrel, limit, workspace, &result, &abserr)
            }
        }
        if let error = integrand.error { throw error }
        try GSLError.check(status, "\(what()) over \(interval)")
        guard result.isFinite else {
            throw GSLError(code: Int32(GSL_EDIVERGE), context: "\(what()) over \(interval) is not finite")
        }
        return Result(value: result, absoluteError: abserr)
    }

    /// A throwing integrand seen by GSL as a plain one: the first error is kept
    /// and NaN returned, so GSL stops early and `integrate` rethrows the error.
    /// Used on one thread only (one quadrature call).
    final class ThrowingIntegrand {
        let f: (Double) throws -> Double
        var error: Error?
        init(_ f: @escaping (Double) throws -> Double) { self.f = f }

        func evaluate(_ x: Double) -> Double {
            if error != nil { return .nan }
            do { return try f(x) } catch {
                self.error = error
                return .nan
            }
        }
    }
}
