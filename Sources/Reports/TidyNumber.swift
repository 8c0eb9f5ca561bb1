import Foundation

/// How csv and json write numbers so that pandas, polars and duckdb infer the
/// right type without options (docs/DATA.md): a real value always carries a
/// decimal point or an exponent ("288.0", "0.04", "4.56e-05"), since polars and
/// duckdb type a column from its first values and a column that starts "5, 10"
/// and later holds "0.04" would be read as integers (polars then refuses the
/// file). Counts (samples, handoffs, k) stay integers. Text is the shortest
/// that reads back as the same Double.
public enum TidyNumber {
    /// A NaN or infinity reached the output: the model produced it, never a cell.
    public struct NonFinite: Error, CustomStringConvertible {
        public let scheme: String, metric: String, field: String
        public var description: String {
            "\(scheme) \(metric): \(field) is not a finite number; the model produced NaN or infinity here"
        }
    }

    /// `x` as a real-valued cell (see the type), nil for a NaN or an infinity.
    @inline(__always)
    public static func real(_ x: Double) -> String? {
        guard x.isFinite else { return nil }
        // Swift's description is the shortest round-trip text and always has "." or "e".
        return x.description
    }

    /// `real(x)`, or `NonFinite` naming the row and field.
    public static func real(_ x: Double, scheme: String, metric: String, field: String) throws -> String {
        guard let text = real(x) else { throw NonFinite(scheme: scheme, metric: metric, field: field) }
        return text
    }

    /// Appends `real(x)` to `out`, or throws `NonFinite` naming the row and field.
    /// The same bytes as `real(x)`: `Double`'s `TextOutputStreamable` conformance
    /// writes the shortest round-trip digits that `description` returns (one
    /// formatter in the standard library, `_float64ToString`), straight into
    /// `out` without building a String per number (17-digit numbers do not fit
    /// a small string: an allocation per cell of a sweep). `TidyNumberTests`
    /// checks the two agree over random and edge-case doubles.
    @inline(__always)
    public static func appendReal(
        _ x: Double, to out: inout some TextOutputStream, scheme: String, metric: String, field: String
    ) throws {
        guard x.isFinite else { throw NonFinite(scheme: scheme, metric: metric, field: field) }
        x.write(to: &out)
    }

    /// A number given as text (a varied value of a sweep, a printf result) as a
    /// real-valued cell: a number written without a
    /// decimal point or exponent ("5", "-3") gets ".0" so that the axis column is
    /// real-valued in every row ("5.0" then "0.04"); other numbers and words
    /// (law specs) are kept verbatim.
    public static func decimal(_ value: String) -> String {
        var digits = value.utf8[...]
        if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return value }
        return value + ".0"
    }
}
