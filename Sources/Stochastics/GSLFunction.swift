import CGSL

/// A Swift closure seen by GSL as a `gsl_function`.
///
/// `gsl_function` takes a C function pointer, which cannot capture, so the
/// closure travels in `params` as an unretained pointer to this box, and a
/// non-capturing closure literal calls it back. The box must outlive every
/// GSL call that uses the function: `withFunction` guarantees that.
final class GSLFunction {
    let f: (Double) -> Double

    init(_ f: @escaping (Double) -> Double) { self.f = f }

    /// Calls `body` with a `gsl_function` that evaluates `f`.
    func withFunction<R>(_ body: (inout gsl_function) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) {
            var function = gsl_function(
                function: { x, params in
                    Unmanaged<GSLFunction>.fromOpaque(params!).takeUnretainedValue().f(x)
                },
                params: Unmanaged.passUnretained(self).toOpaque()
            )
            return try body(&function)
        }
    }
}
