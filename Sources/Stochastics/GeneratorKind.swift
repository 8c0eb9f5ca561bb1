import CGSL

/// The GSL generators dmmkit offers by name.
///
/// `taus2` is the default: `dmm bench` measured it fastest of the three
/// full-period generators here (see README, "Benchmarks"), and GSL documents it
/// as maximally equidistributed (L'Ecuyer 1996). `mt19937` is GSL's own default
/// and is selectable for comparison with other tools.
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
