import Foundation

/// Text helpers the chart renderers share: estimated widths for layout,
/// wrapping, number formatting for coordinates, and escaping.
enum ChartText {
    /// Approximate advance of a Helvetica-like sans-serif, in em: good enough
    /// to lay out legends and margins without font metrics.
    static func width(_ text: String, size: Double) -> Double {
        var em = 0.0
        for c in text {
            switch c {
            case "i", "l", "j", "'", ".", ",", ":", ";", "|", "!", " ", "(", ")", "[", "]", "f", "t", "r", "I": em += 0.3
            case "m", "w", "M", "W", "%": em += 0.85
            case _ where c.isUppercase: em += 0.72
            default: em += 0.6
            }
        }
        return em * size
    }

    /// Words wrapped to lines no wider than `maxWidth`.
    static func wrap(_ text: String, size: Double, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty, width(candidate, size: size) > maxWidth {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Two decimals: sub-point enough, and stable text for golden files.
    static func f(_ x: Double) -> String {
        var s = String(format: "%.2f", x)
        if s == "-0.00" { s = "0.00" }
        if s.hasSuffix(".00") { return String(s.dropLast(3)) }
        if s.hasSuffix("0") { return String(s.dropLast()) }
        return s
    }

    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// TeX text: the ten special characters made literal.
    static func tex(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "_", "%": out += "\\\(c)"
            case "^": out += "\\textasciicircum{}"
            case "~": out += "\\textasciitilde{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "\u{2248}": out += "\\ensuremath{\\approx}"
            default: out.append(c)
            }
        }
        return out
    }

    /// A number as pgfplots reads it (no exponent beyond its range).
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.10g", x)
    }
}
