import Foundation

/// Tick values a reader can take in at a glance.
///
/// Linear axes: Heckbert's "nice numbers" (Graphics Gems, 1990): a step of
/// 1, 2 or 5 times a power of ten, and a domain widened to whole steps.
/// Log axes: the data range padded by 5 % of its log span; ticks at powers
/// of ten, with 2 and 5 times them when the data spans under 2.5 decades,
/// and every integer mantissa when that still gives fewer than three ticks.
public struct AxisTicks: Sendable, Equatable {
    public var domain: ClosedRange<Double>
    public var values: [Double]
    public var labels: [String]

    /// Why [low, high] cannot be drawn (nil when it can): a linear axis needs
    /// a step that is a normal Double (a span of denormals or one beyond
    /// Double's range has none); a log axis needs its padded domain within
    /// normal positive Doubles (about 1e-308...1e308).
    public static func problem(_ low: Double, _ high: Double, log: Bool, target: Int = 6) -> String? {
        guard low.isFinite, high.isFinite, low <= high else { return "the range is not finite" }
        if log {
            guard low > 0 else { return "a log axis needs values > 0" }
            let a = Foundation.log10(low), b = Foundation.log10(high)
            let pad = max((b - a) * 0.05, 0.1)
            let lo = Foundation.pow(10, a - pad), hi = Foundation.pow(10, b + pad)
            guard lo.isNormal, hi.isFinite, hi.isNormal else {
                return "a log axis can show values in about 1e-307...1e307 only"
            }
            return nil
        }
        var lo = low, hi = high
        if hi - lo <= abs(hi) * 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let span = hi - lo
        guard span.isFinite, span > 0 else { return "the span is beyond the range of a Double" }
        let step = nice(span / Double(max(1, target - 1)), round: true)
        guard step.isNormal, step.isFinite, (lo / step).isFinite, (hi / step).rounded(.up) * step + step <= .greatestFiniteMagnitude,
            span / step < 1000
        else { return "the span is too small (below normal Doubles) or too large to draw tick steps" }
        return nil
    }

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
        // The data range widened by 5 % of its log span (at least a tenth of a decade).
        let a = Foundation.log10(low), b = Foundation.log10(high)
        let pad = max((b - a) * 0.05, 0.1)
        let domain = Foundation.pow(10, a - pad)...Foundation.pow(10, b + pad)
        func candidates(_ mantissas: [Double]) -> [Double] {
            var values: [Double] = []
            var e = (a - pad).rounded(.down)
            while e <= (b + pad).rounded(.up) {
                for m in mantissas {
                    let v = m * Foundation.pow(10, e)
                    if domain.contains(v) { values.append(v) }
                }
                e += 1
            }
            return values
        }
        var values = candidates(b - a > 2.5 ? [1] : [1, 2, 5])
        if values.count < 3 { values = candidates([1, 2, 3, 4, 5, 6, 7, 8, 9]) }
        return AxisTicks(domain: domain, values: values, labels: values.map { label($0, decimals: nil) })
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
