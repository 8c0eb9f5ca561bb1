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
}
