import CGSL

/// Process-wide GSL set-up.
///
/// GSL's default error handler prints and calls `abort()`. dmmkit switches it off
/// once, before any GSL call, and checks every status instead (GSL manual,
/// "Error handling": the recommended behaviour for production programs).
public enum GSL {
    /// Switches GSL's aborting error handler off. Idempotent and thread-safe:
    /// every Stochastics entry point that calls GSL calls this first.
    public static func configure() {
        _ = handlerOff
    }

    private static let handlerOff: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// GSL's own text for a status code, e.g. "maximum number of subdivisions reached".
    public static func reason(for status: Int32) -> String {
        guard let text = gsl_strerror(status) else { return "GSL status \(status)" }
        return String(cString: text)
    }
}

/// A GSL routine returned a non-zero status.
public struct GSLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The GSL status code (GSL_EMAXITER, GSL_EDIVERGE, ...).
    public let code: Int32
    /// GSL's reason text for `code`.
    public let reason: String
    /// What dmmkit was computing, with its parameters, so the user can act.
    public let context: String

    public init(code: Int32, context: String) {
        self.code = code
        self.reason = GSL.reason(for: code)
        self.context = context
    }

    public var description: String {
        "\(context): GSL error \(code) (\(reason))"
    }

    /// Throws when `status` is not GSL_SUCCESS.
    @inlinable
    public static func check(_ status: Int32, _ context: @autoclosure () -> String) throws {
        if status != 0 { throw GSLError(code: status, context: context()) }
    }
}
