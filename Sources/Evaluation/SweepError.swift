import Stochastics

/// A sweep request the user got wrong: a malformed SPEC, a zero count, a
/// shard outside 1..N, a resume against a different sweep. The CLI exits 2.
public struct SweepError: InvalidInput, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A point whose evaluation failed (for example a quadrature that did not
/// converge): names the point so the user can reproduce it with `--set`.
public struct SweepPointError: Error, CustomStringConvertible {
    public let point: SweepPoint
    public let underlying: Error
    public init(point: SweepPoint, underlying: Error) {
        self.point = point
        self.underlying = underlying
    }
    public var description: String {
        let at = point.assignments.map { "\($0.path)=\($0.value)" }.joined(separator: " ")
        return "sweep point \(point.index) (\(at)): \(underlying)"
    }
}
