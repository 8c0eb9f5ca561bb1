import Foundation
import Schemes
import Stochastics

/// One settable scenario value: its dotted path (as in YAML and `--set`), unit,
/// default, the default's source, and what values are allowed.
///
/// This table is the single definition of the defaults: `Scenario.default` is
/// built from it, `dmm evaluate --list-parameters` prints it, and
/// Models/scenarios/default.yaml repeats it with the same sources as comments.
/// A value's text is read here once (`read`), into a typed edit of the scenario
/// (`ScenarioSetting`); nothing downstream parses text again.
public struct ScenarioParameter: Sendable {
    public enum Kind: Sendable {
        /// A finite number in [min, max] (bounds open when flagged).
        case number(min: Double, max: Double, minOpen: Bool, maxOpen: Bool)
        case integer(min: Int, max: Int)
        /// A probability law in the docs/MODELS.md 2.2 spelling; its parameters are paths too.
        case law
        case choice([String])
        case flag

        /// What is allowed, for messages and for the parameter list.
        public var allowed: String {
            switch self {
            case let .number(lo, hi, lo_, hi_):
                let l = lo_ ? "> \(format(lo))" : ">= \(format(lo))"
                if hi == .infinity { return "a finite number \(l)" }
                return "a number in \(lo_ ? "(" : "[")\(format(lo)), \(format(hi))\(hi_ ? ")" : "]")"
            case let .integer(lo, hi): return "an integer in [\(lo), \(hi)]"
            case .law: return "a law such as exponential:mean=60 (families: \(ProbabilityLaw.families.joined(separator: ", ")))"
            case let .choice(words): return "one of \(words.joined(separator: ", "))"
            case .flag: return "true or false"
            }
        }
    }

    public let path: String
    public let unit: String
    public let defaultValue: String
    public let source: String
    public let kind: Kind
    /// The value in a scenario, in the spelling `read` accepts (for listings and sidecars).
    let text: @Sendable (Scenario) -> String
    /// Reads and checks a value's text: the typed edit it stands for.
    let read: @Sendable (String) throws -> ScenarioSetting.Edit
    /// Where a `.law` parameter's law is (its parameters are paths of their own).
    let lawKey: (WritableKeyPath<Scenario, ProbabilityLaw> & Sendable)?

    /// What is allowed, for messages and for the parameter list.
    public var allowed: String { kind.allowed }

    /// The law at this path in `scenario`, for a `.law` parameter.
    public func law(in scenario: Scenario) -> ProbabilityLaw? { lawKey.map { scenario[keyPath: $0] } }

    static func format(_ x: Double) -> String { ProbabilityLaw.format(x) }

    private static func refused(_ path: String, _ text: String, _ kind: Kind) -> ScenarioError {
        ScenarioError("scenario parameter '\(path)' = '\(text)' is not allowed; allowed: \(kind.allowed)")
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, skipping Foundation's scan when
    /// `text` starts and ends with an ASCII byte other than space or tab (the only
    /// ASCII members of `.whitespaces`), as every value of a sweep axis does: the
    /// scan was a thirtieth of a closed-form sweep point.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
            first != 0x20, first != 0x09, last != 0x20, last != 0x09
        {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    // MARK: Builders

    static func number(
        _ path: String, _ key: WritableKeyPath<Scenario, Double> & Sendable, unit: String, _ value: String,
        min: Double = 0, max: Double = .infinity, minOpen: Bool = false, maxOpen: Bool = false, source: String
    ) -> ScenarioParameter {
        let kind = Kind.number(min: min, max: max, minOpen: minOpen, maxOpen: maxOpen)
        return ScenarioParameter(
            path: path, unit: unit, defaultValue: value, source: source, kind: kind,
            text: { format($0[keyPath: key]) },
            read: { text in
                guard let x = Double(trimmed(text)), x.isFinite,
                    minOpen ? x > min : x >= min, maxOpen ? x < max : x <= max
                else { throw refused(path, text, kind) }
                return { $0[keyPath: key] = x }
            }, lawKey: nil)
    }

    static func integer(
        _ path: String, _ key: WritableKeyPath<Scenario, Int> & Sendable, unit: String, _ value: String,
        min: Int, max: Int, source: String
    ) -> ScenarioParameter {
        let kind = Kind.integer(min: min, max: max)
        return ScenarioParameter(
            path: path, unit: unit, defaultValue: value, source: source, kind: kind,
            text: { String($0[keyPath: key]) },
            read: { text in
                guard let n = Int(trimmed(text)), n >= min, n <= max else {
                    throw refused(path, text, kind)
                }
                return { $0[keyPath: key] = n }
            }, lawKey: nil)
    }

    static func law(
        _ path: String, _ key: WritableKeyPath<Scenario, ProbabilityLaw> & Sendable, unit: String, _ value: String,
        source: String
    ) -> ScenarioParameter {
        ScenarioParameter(
            path: path, unit: unit, defaultValue: value, source: source, kind: .law,
            text: { $0[keyPath: key].spec },
            read: { text in
                let law: ProbabilityLaw
                do { law = try ProbabilityLaw.parse(text) } catch let error as LawError {
                    throw ScenarioError("scenario parameter '\(path)': \(error.description)")
                }
                return { $0[keyPath: key] = law }
            }, lawKey: key)
    }

    /// A word of a fixed vocabulary, stored as its enum (`GridKind`, `Scenario.DADMode`, ...).
    static func choice<Word: RawRepresentable & CaseIterable & Sendable>(
        _ path: String, _ key: WritableKeyPath<Scenario, Word> & Sendable, _ value: String, source: String
    ) -> ScenarioParameter where Word.RawValue == String {
        let kind = Kind.choice(Word.allCases.map(\.rawValue))
        return ScenarioParameter(
            path: path, unit: "-", defaultValue: value, source: source, kind: kind,
            text: { $0[keyPath: key].rawValue },
            read: { text in
                guard let word = Word(rawValue: text.trimmingCharacters(in: .whitespaces)) else {
                    throw refused(path, text, kind)
                }
                return { $0[keyPath: key] = word }
            }, lawKey: nil)
    }

    static func flag(
        _ path: String, _ key: WritableKeyPath<Scenario, Bool> & Sendable, _ value: String, source: String
    ) -> ScenarioParameter {
        ScenarioParameter(
            path: path, unit: "-", defaultValue: value, source: source, kind: .flag,
            text: { $0[keyPath: key] ? "true" : "false" },
            read: { text in
                let on: Bool
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "true", "yes", "on": on = true
                case "false", "no", "off": on = false
                default: throw refused(path, text, .flag)
                }
                return { $0[keyPath: key] = on }
            }, lawKey: nil)
    }

    static func size(_ key: MessageSizeKey, _ bytes: String, source: String) -> ScenarioParameter {
        let path = "messages.\(key.rawValue)"
        let kind = Kind.number(min: 0, max: 65535, minOpen: true, maxOpen: false)
        return ScenarioParameter(
            path: path, unit: "bytes", defaultValue: bytes, source: source, kind: kind,
            text: { format($0.messages.sizes[key] ?? 0) },
            read: { text in
                guard let x = Double(text.trimmingCharacters(in: .whitespaces)), x.isFinite, x > 0, x <= 65535 else {
                    throw refused(path, text, kind)
                }
                return { $0.messages.sizes[key] = x }
            }, lawKey: nil)
    }

    // MARK: Lookup

    /// The parameter with this exact path, if any.
    public static func named(_ path: String) -> ScenarioParameter? { index[path] }

    /// The unit of a path's values: the parameter's own unit, or for a law
    /// parameter (`mobility.residence.mean`) the law's unit for its time-valued
    /// parameters (mean, min, max, value) and "" for its shape parameters
    /// (shape, sigma, p). nil for an unknown path.
    public static func unit(ofPath path: String) -> String? {
        if let p = named(path) { return p.unit }
        guard let dot = path.lastIndex(of: "."), let law = named(String(path[..<dot])) else { return nil }
        switch path[path.index(after: dot)...] {
        case "mean", "min", "max", "value": return law.unit
        case "shape", "sigma", "p": return ""
        default: return nil
        }
    }

    private static let index: [String: ScenarioParameter] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.path, $0) })

    /// Paths of law parameters: `<law path>.<name>` for every name a law family takes.
    static let lawParameterPaths: [String] = all.flatMap { p -> [String] in
        guard case .law = p.kind else { return [] }
        return ProbabilityLaw.allParameterNames.map { p.path + "." + $0 }
    }

    /// Whether `path` is a group of parameters (`mobility`, `links.wireless`).
    static func isGroup(_ path: String) -> Bool {
        all.contains { $0.path.hasPrefix(path + ".") }
    }

    /// Known paths close to `path`, best first: those within one edit of the
    /// best match (a typo in any component, also of a law parameter such as
    /// `mobility.residence.mean`); a parameter with the same last component
    /// (`global_ha_count` in the wrong group) counts as one edit away.
    static func closeMatches(to path: String, limit: Int = 3) -> [String] {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        let scored = all.map { p -> (String, Int) in
            var d = editDistance(p.path, path)
            if p.path.split(separator: ".").last.map(String.init) == last { d = min(d, 1) }
            return (p.path, d)
        } + lawParameterPaths.map { ($0, editDistance($0, path)) }
        let threshold = max(3, path.count / 3)
        let close = scored.filter { $0.1 <= threshold }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best = close.first?.1 else { return [] }
        return close.filter { $0.1 <= best + 1 }.prefix(limit).map(\.0)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
