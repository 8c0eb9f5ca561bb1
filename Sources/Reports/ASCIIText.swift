import Foundation

/// Turns text into ASCII for Internet-Draft text (RFC 7997 keeps plain-text
/// drafts ASCII outside names): accents are dropped (é -> e), common symbols
/// get their usual ASCII spelling (– -> -, ≤ -> <=, → -> ->, µ -> u; the marks † ‡ §
/// -> * ** #, and § before a number -> "Section"), and
/// anything else becomes `[U+XXXX]`, so nothing is lost silently and nothing fails.
public enum ASCIIText {
    static let replacements: [UInt32: String] = [
        0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " ",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "--", 0x2212: "-",
        0x2018: "'", 0x2019: "'", 0x201C: "\"", 0x201D: "\"", 0x00AB: "<<", 0x00BB: ">>",
        0x2026: "...", 0x00D7: "x", 0x00F7: "/", 0x00B1: "+/-", 0x2264: "<=", 0x2265: ">=",
        0x2260: "!=", 0x2248: "~", 0x221E: "inf", 0x2192: "->", 0x2190: "<-", 0x2194: "<->",
        0x21D2: "=>", 0x00B5: "u", 0x03BC: "u", 0x00B7: ".", 0x2022: "*", 0x2020: "*", 0x2021: "**", 0x00B0: " deg",
        0x00B2: "^2", 0x00B3: "^3", 0x00BD: "1/2", 0x00BC: "1/4", 0x00DF: "ss", 0x00E6: "ae",
        0x00C6: "AE", 0x00F8: "o", 0x00D8: "O", 0x0153: "oe", 0x0152: "OE",
        0x00A9: "(c)", 0x00AE: "(R)", 0x2122: "(TM)", 0x03BB: "lambda", 0x03C1: "rho",
        0x03C3: "sigma", 0x03B1: "alpha", 0x03B2: "beta", 0x03B3: "gamma", 0x03B7: "eta",
        0x03C4: "tau", 0x0394: "Delta", 0x03B4: "delta", 0x03C0: "pi",
    ]

    public static func transliterate(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        var out = ""
        let scalars = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar.value == 0x00A7 {
                // § before a number cites a section ("§2.3" -> "Section 2.3"); anywhere else
                // it is the tables' third mark after † (*) and ‡ (**): "#".
                let next = scalars[(i + 1)...].first { $0 != " " }
                if let next, ("0"..."9").contains(Character(next)) {
                    out += "Section"
                    if scalars.indices.contains(i + 1), scalars[i + 1] != " " { out += " " }
                } else {
                    out += "#"
                }
            } else if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else if (0x0300...0x036F).contains(scalar.value) {
                continue  // combining accent of the previous letter
            } else if let ascii = replacements[scalar.value] {
                out += ascii
            } else {
                out += "[U+" + String(format: "%04X", scalar.value) + "]"
            }
        }
        return out
    }
}
