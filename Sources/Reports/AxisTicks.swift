import Foundation

/// Tick values a reader can take in at a glance.
///
/// Linear axes: Heckbert's "nice numbers" (Graphics Gems, 1990): a step of
/// 1, 2 or 5 times a power of ten, and a domain widened to whole steps.
/// Log axes: the powers of ten covering the data, with 2 and 5 added when
/// the data spans less than two decades.
public struct AxisTicks: Sendable, Equatable {
    public var domain: ClosedRange<Double>
    public var values: [Double]
    public var labels: [String]

    public static func linear(_ low: Double, _ high: Double, target: Int = 6) -> AxisTicks {
        var lo = low, hi = high
        if hi - lo <= abs(hi) * 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let step = nice((hi - lo) / Double(max(1, target - 1)), round: true)
        let start = (lo / step).rounded(.down) * step
        let end = (hi / step).rounded(.up) * step
        var values: [Double] = []
        var k = 0.0
        while start + k * step <= end + step * 1e-9 {
            let v = start + k * step
            values.append(abs(v) < step * 1e-9 ? 0 : v)
            k += 1
        }
        let decimals = max(0, Int(-Foundation.log10(step).rounded(.down)))
        let labels = values.map { label($0, decimals: decimals) }
        return AxisTicks(domain: start...end, values: values, labels: labels)
    }

    public static func logarithmic(_ low: Double, _ high: Double) -> AxisTicks {
        let lo = Foundation.log10(low).rounded(.down), hi = max(Foundation.log10(high).rounded(.up), lo + 1)
        var values: [Double] = []
        var e = lo
        while e <= hi {
            let decade = Foundation.pow(10, e)
            values.append(decade)
            if hi - lo < 2, e < hi { values += [2 * decade, 5 * decade] }
            e += 1
        }
        values.sort()
        return AxisTicks(domain: Foundation.pow(10, lo)...Foundation.pow(10, hi), values: values, labels: values.map { label($0, decimals: nil) })
    }

    static func nice(_ x: Double, round: Bool) -> Double {
        let exponent = Foundation.log10(x).rounded(.down)
        let fraction = x / Foundation.pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * Foundation.pow(10, exponent)
    }

    static func label(_ v: Double, decimals: Int?) -> String {
        let magnitude = abs(v)
        if v != 0, magnitude >= 1e6 || magnitude < 1e-4 { return String(format: "%g", v) }
        if let decimals { return String(format: "%.\(decimals)f", v) }
        return String(format: "%g", v)
    }
}
