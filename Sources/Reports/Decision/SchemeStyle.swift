/// One fixed colour per scheme for the decision figures (regime maps, the report's
/// bar charts), so a scheme looks the same in every figure whatever subset is drawn.
///
/// Provisional: DESIGN.md 3 asks for one style (colour, dash, marker) per scheme
/// everywhere, and the plot command's styles are being reworked in parallel; this
/// is the single place the decision figures take colours from, to be unified with
/// the plot styles (issue 14 item 5). Colours: Okabe & Ito's colour-blind-safe set
/// (2008) for the first seven schemes, Paul Tol's "muted" tones for the rest.
public struct SchemeStyle: Sendable, Equatable {
    /// "#RRGGBB".
    public var colour: String

    public static let byScheme: [String: String] = [
        "mipv6": "#0072B2", "pmipv6": "#E69F00", "hmipv6": "#009E73", "fama": "#CC79A7", "dmi": "#56B4E9",
        "ghaha": "#D55E00", "dlma": "#882255", "spmip": "#999933", "sdpmip": "#332288", "dma": "#44AA99",
        "sail": "#DDCC77",
    ]

    /// Colours for schemes outside the eleven and for shared wins (greys, by first use).
    static let spare = ["#777777", "#BBBBBB", "#555555", "#999999", "#DDDDDD", "#333333"]

    public static func of(_ scheme: String) -> SchemeStyle {
        if let c = byScheme[scheme] { return SchemeStyle(colour: c) }
        var h: UInt32 = 2166136261
        for b in scheme.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        return SchemeStyle(colour: spare[Int(h % UInt32(spare.count))])
    }

    /// Colours of the regions of a map: a scheme's own colour, and a grey of
    /// `spare` per shared-win label in order of first appearance.
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
