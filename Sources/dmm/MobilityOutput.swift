import Foundation
import Reports

/// Number formatting of `dmm mobility` (tables render through `TableRenderer`).
enum MobilityOutput {
    /// Seven significant digits (%.7g); never prints NaN or infinity.
    static func number(_ x: Double) -> String {
        // A non-finite value is never printed as a number: the cell stays empty.
        guard x.isFinite else { return "" }
        if x == 0 { return "0" }
        return String(format: "%.7g", x)
    }

    /// `number(x)` for a computed quantity; a NaN or infinity is an
    /// evaluation failure (exit 1) naming `quantity` and the laws, never an
    /// empty cell or a blank after "E[K] =".
    static func finite(_ x: Double, _ quantity: String, laws: String) throws -> String {
        guard x.isFinite else { throw NonFiniteQuantity(quantity: quantity, value: x, laws: laws) }
        return number(x)
    }

    struct NonFiniteQuantity: Error, CustomStringConvertible {
        let quantity: String, value: Double, laws: String
        var description: String {
            "\(quantity) came out as \(value.isNaN ? "NaN" : "infinity") for \(laws): the laws are outside what the closed form can compute in floating point; use means within about 1e-300...1e300 s"
        }
    }
}
