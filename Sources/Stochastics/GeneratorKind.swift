import CGSL

/// The GSL generators dmmkit offers by name.
///
/// `taus2` is the default. Measured with `dmm bench --repeats 5` (release
/// build, 2026-11, 2-core x86_64 Linux VM, GSL 2.7.1): taus2 and gfsr4 draw
/// variates equally fast (uniform 4.9 ns, exponential 6.1 ns, gamma(2)
/// 11.7-11.9 ns; summed over all laws 266 vs 265 ns), mt19937 about 1.7x and
/// ranlxd1 about 11x slower. What decides is a child stream: taus2 seeds 3
/// words (69 ns per `child(_:)`), gfsr4 fills a 16384-word table (0.75 ms),
/// and Monte Carlo work splits into many child streams. taus2 is also
/// maximally equidistributed (L'Ecuyer 1996). `mt19937` is GSL's own default,
/// selectable for comparison with other tools; `ranlxd1` for a
/// luxury-level check when a result looks generator-sensitive.
public enum GeneratorKind: String, CaseIterable, Sendable, Codable {
    case taus2
    case gfsr4
    case mt19937
    case ranlxd1

    /// The generator used when none is named.
    public static let `default`: GeneratorKind = .taus2

    var gslType: UnsafePointer<gsl_rng_type> {
        switch self {
        case .taus2: return cgsl_rng_taus2()
        case .gfsr4: return cgsl_rng_gfsr4()
        case .mt19937: return cgsl_rng_mt19937()
        case .ranlxd1: return cgsl_rng_ranlxd1()
        }
    }
}
