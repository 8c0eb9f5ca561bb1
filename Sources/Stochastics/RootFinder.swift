import CGSL

/// Bracketing root finding over GSL's Brent solver.
public enum RootFinder {
    /// The root of `f` in [lower, upper], where f(lower) and f(upper) differ in sign.
    ///
    /// Converges when the bracket is narrower than epsabs + epsrel·|root|
    /// (`gsl_root_test_interval`). Throws `GSLError` with GSL_EINVAL when the
    /// ends do not bracket a root, and GSL_EMAXITER when `maxIterations` pass.
    public static func brent(
        _ what: @autoclosure () -> String = "root",
        in lower: Double, _ upper: Double,
        epsabs: Double = 1e-12,
        epsrel: Double = 1e-12,
        maxIterations: Int = 200,
        _ f: @escaping (Double) -> Double
    ) throws -> Double {
        GSL.configure()
        let fl = f(lower), fu = f(upper)
        if fl == 0 { return lower }
        if fu == 0 { return upper }
        guard fl.isFinite, fu.isFinite, (fl < 0) != (fu < 0) else {
            throw GSLError(
                code: Int32(GSL_EINVAL),
                context: "\(what()): [\(lower), \(upper)] does not bracket a root (f = \(fl), \(fu))")
        }
        guard let solver = gsl_root_fsolver_alloc(cgsl_root_fsolver_brent()) else {
            fatalError("gsl_root_fsolver_alloc failed: out of memory")
        }
        defer { gsl_root_fsolver_free(solver) }
        return try GSLFunction(f).withFunction { function in
            try GSLError.check(gsl_root_fsolver_set(solver, &function, lower, upper), what())
            for _ in 0..<maxIterations {
                try GSLError.check(gsl_root_fsolver_iterate(solver), what())
                let lo = gsl_root_fsolver_x_lower(solver)
                let hi = gsl_root_fsolver_x_upper(solver)
                let status = gsl_root_test_interval(lo, hi, epsabs, epsrel)
                if status == 0 { return gsl_root_fsolver_root(solver) }
                if Int(status) != Int(GSL_CONTINUE) { try GSLError.check(status, what()) }
            }
            throw GSLError(code: Int32(GSL_EMAXITER), context: "\(what()) after \(maxIterations) iterations")
        }
    }
}
