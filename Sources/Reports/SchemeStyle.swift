/// The one drawing style of each scheme (colour, dash pattern, marker), used by
/// every figure dmm draws: line charts, bar charts and regime maps, in SVG,
/// pgfplots and Vega-Lite alike, so that a scheme looks the same in every
/// figure of a paper and with either method.
///
/// Colours: Okabe & Ito's colour-blind-safe palette (2008) without its yellow
/// (too pale on white), completed with eight of Paul Tol's "muted" colours
/// (2021) that stay apart from it (the last four for the issue 15 schemes); each scheme also has its own dash pattern
/// and marker, so schemes stay apart in greyscale print too. How the methods
/// differ is fixed here as well: a closed form is a line with filled markers,
/// a Monte Carlo estimate an open marker with its 95 % interval as an error
/// bar (or, with no closed form to pair it with, a line with a band).
public struct SchemeStyle: Sendable, Equatable {
    /// A point marker. `pgfplots` is the mark name and options that draw it.
    public enum Marker: String, CaseIterable, Sendable {
        case circle, square, triangle, diamond, triangleDown, pentagon, cross, plus, star, asterisk, oplus
        case otimes, triangleLeft, triangleRight, bar

        /// Whether the shape has an inside that can be filled (open for Monte Carlo).
        public var isFilled: Bool {
            switch self {
            case .circle, .square, .triangle, .diamond, .triangleDown, .pentagon, .oplus, .otimes, .triangleLeft, .triangleRight: return true
            case .cross, .plus, .star, .asterisk, .bar: return false
            }
        }

        /// pgfplots `mark=` value and extra `mark options`, filled or open.
        public func pgfplots(filled: Bool) -> (mark: String, options: String) {
            let f = filled ? "*" : ""
            switch self {
            case .circle: return (filled ? "*" : "o", "")
            case .square: return ("square\(f)", "")
            case .triangle: return ("triangle\(f)", "")
            case .diamond: return ("diamond\(f)", "")
            case .triangleDown: return ("triangle\(f)", "rotate=180")
            case .pentagon: return ("pentagon\(f)", "")
            case .cross: return ("x", "")
            case .plus: return ("+", "")
            case .star: return ("star", "")
            case .asterisk: return ("asterisk", "")
            case .oplus: return (filled ? "oplus*" : "oplus", "")
            case .otimes: return (filled ? "otimes*" : "otimes", "")
            case .triangleLeft: return ("triangle\(f)", "rotate=90")
            case .triangleRight: return ("triangle\(f)", "rotate=270")
            case .bar: return ("|", "")
            }
        }
    }

    /// "#RRGGBB".
    public var colour: String
    /// On-off lengths in points; empty for a solid line.
    public var dash: [Double]
    public var marker: Marker

    public init(colour: String, dash: [Double], marker: Marker) {
        self.colour = colour
        self.dash = dash
        self.marker = marker
    }

    /// The schemes, in `SchemeCatalog.canonicalOrder`. Baselines get
    /// the strongest contrasts (black solid, blue dashed).
    public static let table: [(scheme: String, style: SchemeStyle)] = [
        ("mipv6", SchemeStyle(colour: "#000000", dash: [], marker: .circle)),
        ("pmipv6", SchemeStyle(colour: "#0072B2", dash: [4, 2], marker: .square)),
        ("hmipv6", SchemeStyle(colour: "#56B4E9", dash: [1, 1.5], marker: .triangle)),
        ("fama", SchemeStyle(colour: "#D55E00", dash: [6, 2, 1, 2], marker: .diamond)),
        ("dmi", SchemeStyle(colour: "#E69F00", dash: [3, 1.5], marker: .triangleDown)),
        ("ghaha", SchemeStyle(colour: "#009E73", dash: [7, 2], marker: .pentagon)),
        ("dlma", SchemeStyle(colour: "#CC79A7", dash: [1, 1.5, 3, 1.5], marker: .cross)),
        ("spmip", SchemeStyle(colour: "#332288", dash: [5, 1.5, 1, 1.5, 1, 1.5], marker: .plus)),
        ("sdpmip", SchemeStyle(colour: "#44AA99", dash: [2, 2], marker: .star)),
        ("dma", SchemeStyle(colour: "#882255", dash: [5, 1, 1, 1], marker: .asterisk)),
        ("sail", SchemeStyle(colour: "#999933", dash: [9, 2.5], marker: .oplus)),
        ("rfc8885-relay", SchemeStyle(colour: "#117733", dash: [2, 1], marker: .otimes)),
        ("rfc8885-proxy", SchemeStyle(colour: "#CC6677", dash: [8, 1.5, 2, 1.5], marker: .triangleLeft)),
        ("fmipv6", SchemeStyle(colour: "#AA4499", dash: [4, 1, 1, 1, 1, 1], marker: .triangleRight)),
        ("fpmipv6", SchemeStyle(colour: "#8C510A", dash: [1, 3], marker: .bar)),
    ]

    private static let index: [String: SchemeStyle] = Dictionary(uniqueKeysWithValues: table.map { ($0.scheme, $0.style) })

    /// Styles for schemes outside the table (a twelfth card): grey, each with
    /// one of the markers and dashes, chosen from the id so a scheme keeps its
    /// style from figure to figure.
    public static func of(_ scheme: String) -> SchemeStyle {
        if let style = index[scheme] { return style }
        // FNV-1a: Swift's hashValue is seeded per process.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in scheme.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let k = Int(h % UInt64(table.count))
        return SchemeStyle(colour: "#777777", dash: table[k].style.dash, marker: table[(k + 5) % table.count].style.marker)
    }

    /// A TeX colour name for a scheme: letters only (digits become A-J, other
    /// characters Z), since `\definecolor` names must not hold digits in pgfplots keys.
    public static func texColourName(_ scheme: String) -> String {
        "dmm" + String(scheme.unicodeScalars.map { c -> Character in
            if ("a"..."z").contains(c) || ("A"..."Y").contains(c) { return Character(c) }
            if let d = Int(String(c)) { return Character(UnicodeScalar(UInt8(65 + d))) }
            return "Z"
        })
    }
}

extension SchemeStyle {
    /// Greys for regions of a regime map won by several schemes together, by first use.
    static let spare = ["#777777", "#BBBBBB", "#555555", "#999999", "#DDDDDD", "#333333"]

    /// Colours of the regions of a map: a scheme's own colour, and a grey of
    /// `spare` per shared-win label ("ghaha=sail") in order of first appearance.
    static func regionColours(_ labels: [String]) -> [String: String] {
        var out: [String: String] = [:]
        var next = 0
        for l in labels where out[l] == nil {
            if l.contains("=") {
                out[l] = spare[next % spare.count]
                next += 1
            } else {
                out[l] = of(l).colour
            }
        }
        return out
    }
}
