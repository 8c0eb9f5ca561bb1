import Foundation
import Stochastics

/// A figure's physical size, in TeX points (1/72.27 in) internally, read from
/// text such as "3.5in", "8.9cm", "89mm", "252pt" or "252bp" (PostScript
/// points, 1/72 in). The default is a paper column: 3.5 in wide (the IEEE and
/// ACM two-column width, 3.5 in / 88.9 mm), and 2.8 in high, room for the
/// legend of fifteen schemes below the axes.
public struct ChartSize: Sendable, Equatable {
    /// Width and height in big points (1/72 in), the unit of SVG's `pt` and PDF.
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    public static let column = ChartSize(width: 3.5 * 72, height: 2.8 * 72)

    /// The default size of a line chart `width` wide: at least `column`'s
    /// height, taller when the legend (one row per three schemes, plus the
    /// coincidence notes) and the panel rows would leave less than 1.5 in of
    /// plot per panel row, so a figure of fifteen schemes keeps a readable plot.
    public static func lineChart(_ chart: LineChart, width: Double = column.width) -> ChartSize {
        let legend = LegendLayout(chart: chart, width: width - 8).height
        let title = Double(ChartText.wrap(chart.title, size: 9 * 1.12, maxWidth: width - 8).count) * 11 + 4
        let columns = chart.panels.count == 1 ? 1 : min(chart.panels.count, width < 5 * 72 ? 2 : 3)
        let rows = Double((chart.panels.count + columns - 1) / columns)
        // x label, tick labels and panel titles around each 1.5 in plot.
        let needed = title + legend + 14 + rows * (1.5 * 72 + 12 + (chart.panels.count > 1 ? 11 : 0)) + 8
        return ChartSize(width: width, height: max(column.height, needed.rounded(.up)))
    }

    public struct SizeError: InvalidInput {
        public let message: String
        public var description: String { message }
    }

    static let units: [(suffix: String, bigPoints: Double)] = [
        ("in", 72), ("cm", 72 / 2.54), ("mm", 72 / 25.4), ("bp", 1), ("pt", 72 / 72.27),
    ]

    /// Big points in `text` ("3.5in"); `option` names the flag in the message.
    /// Allowed: a positive number and one of in, cm, mm, pt, bp, from 1 in to 40 in.
    public static func length(_ text: String, option: String) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            if let v = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), v.isFinite {
                let bp = v * factor
                guard bp >= 72, bp <= 40 * 72 else {
                    throw SizeError(message: "\(option) '\(text)' is out of range; allowed: 1in to 40in (2.54cm to 101.6cm)")
                }
                return bp
            }
        }
        throw SizeError(message: "\(option) '\(text)': expected a length with a unit, e.g. 3.5in, 8.9cm, 89mm or 252pt; allowed units: in, cm, mm, pt, bp")
    }

    /// Inches with up to four decimals, for SVG `width="3.5in"` and TeX lengths.
    public static func inches(_ bp: Double) -> String {
        var s = String(format: "%.4f", bp / 72)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s + "in"
    }
}
