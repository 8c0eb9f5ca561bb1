import Foundation
import Schemes
import Stochastics

/// One settable scenario value: its dotted path (as in YAML and `--set`), unit,
/// default, the default's source, and what values are allowed.
///
/// This table is the single definition of the defaults: `Scenario.default` is
/// built from it, `dmm evaluate --list-parameters` prints it, and
/// Models/scenarios/default.yaml repeats it with the same sources as comments.
public struct ScenarioParameter: Sendable {
    public enum Kind: Sendable {
        /// A finite number in [min, max] (bounds open when flagged).
        case number(min: Double, max: Double, minOpen: Bool, maxOpen: Bool)
        case integer(min: Int, max: Int)
        /// A probability law in the DESIGN.md 2.2 spelling; its parameters are paths too.
        case law
        case choice([String])
        case flag
    }

    public let path: String
    public let unit: String
    public let defaultValue: String
    public let source: String
    public let kind: Kind
    let get: @Sendable (Scenario) -> String
    let set: @Sendable (inout Scenario, String) throws -> Void

    /// What is allowed, for messages and for the parameter list.
    public var allowed: String {
        switch kind {
        case let .number(lo, hi, lo_, hi_):
            let l = lo_ ? "> \(Self.format(lo))" : ">= \(Self.format(lo))"
            if hi == .infinity { return "a finite number \(l)" }
            return "a number in \(lo_ ? "(" : "[")\(Self.format(lo)), \(Self.format(hi))\(hi_ ? ")" : "]")"
        case let .integer(lo, hi): return "an integer in [\(lo), \(hi)]"
        case .law: return "a law such as exponential:mean=60 (families: \(ProbabilityLaw.families.joined(separator: ", ")))"
        case let .choice(words): return "one of \(words.joined(separator: ", "))"
        case .flag: return "true or false"
        }
    }

    static func format(_ x: Double) -> String { ProbabilityLaw.format(x) }

    // MARK: Builders

    static func number(
        _ path: String, _ key: WritableKeyPath<Scenario, Double> & Sendable, unit: String, _ value: String,
        min: Double = 0, max: Double = .infinity, minOpen: Bool = false, maxOpen: Bool = false, source: String
    ) -> ScenarioParameter {
        let kind = Kind.number(min: min, max: max, minOpen: minOpen, maxOpen: maxOpen)
        return ScenarioParameter(
            path: path, unit: unit, defaultValue: value, source: source, kind: kind,
            get: { format($0[keyPath: key]) },
            set: { scenario, text in
                let t = text.trimmingCharacters(in: .whitespaces)
                guard let x = Double(t), x.isFinite,
                    minOpen ? x > min : x >= min, maxOpen ? x < max : x <= max
                else { throw ScenarioError("scenario parameter '\(path)' = '\(text)' is not allowed; allowed: \(describe(kind))") }
                scenario[keyPath: key] = x
            })
    }

    static func integer(
        _ path: String, _ key: WritableKeyPath<Scenario, Int> & Sendable, unit: String, _ value: String,
        min: Int, max: Int, source: String
    ) -> ScenarioParameter {
        let kind = Kind.integer(min: min, max: max)
        return ScenarioParameter(
            path: path, unit: unit, defaultValue: value, source: source, kind: kind,
            get: { String($0[keyPath: key]) },
            set: { scenario, text in
                guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n >= min, n <= max else {
                    throw ScenarioError("scenario parameter '\(path)' = '\(text)' is not allowed; allowed: \(describe(kind))")
                }
                scenario[keyPath: key] = n
            })
    }

    static func law(
        _ path: String, _ key: WritableKeyPath<Scenario, ProbabilityLaw> & Sendable, unit: String, _ value: String,
        source: String
    ) -> ScenarioParameter {
        ScenarioParameter(
            path: path, unit: unit, defaultValue: value, source: source, kind: .law,
            get: { $0[keyPath: key].spec },
            set: { scenario, text in
                do { scenario[keyPath: key] = try ProbabilityLaw.parse(text) } catch let error as LawError {
                    throw ScenarioError("scenario parameter '\(path)': \(error.description)")
                }
            })
    }

    static func choice(
        _ path: String, _ key: WritableKeyPath<Scenario, String> & Sendable, _ words: [String], _ value: String,
        source: String
    ) -> ScenarioParameter {
        ScenarioParameter(
            path: path, unit: "-", defaultValue: value, source: source, kind: .choice(words),
            get: { $0[keyPath: key] },
            set: { scenario, text in
                let t = text.trimmingCharacters(in: .whitespaces)
                guard words.contains(t) else {
                    throw ScenarioError("scenario parameter '\(path)' = '\(text)' is not allowed; allowed: one of \(words.joined(separator: ", "))")
                }
                scenario[keyPath: key] = t
            })
    }

    static func flag(
        _ path: String, _ key: WritableKeyPath<Scenario, Bool> & Sendable, _ value: String, source: String
    ) -> ScenarioParameter {
        ScenarioParameter(
            path: path, unit: "-", defaultValue: value, source: source, kind: .flag,
            get: { $0[keyPath: key] ? "true" : "false" },
            set: { scenario, text in
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "true", "yes", "on": scenario[keyPath: key] = true
                case "false", "no", "off": scenario[keyPath: key] = false
                default: throw ScenarioError("scenario parameter '\(path)' = '\(text)' is not allowed; allowed: true or false")
                }
            })
    }

    static func size(_ key: MessageSizeKey, _ bytes: String, source: String) -> ScenarioParameter {
        let path = "messages.\(key.rawValue)"
        let kind = Kind.number(min: 0, max: 65535, minOpen: true, maxOpen: false)
        return ScenarioParameter(
            path: path, unit: "bytes", defaultValue: bytes, source: source, kind: kind,
            get: { format($0.messages.sizes[key] ?? 0) },
            set: { scenario, text in
                guard let x = Double(text.trimmingCharacters(in: .whitespaces)), x.isFinite, x > 0, x <= 65535 else {
                    throw ScenarioError("scenario parameter '\(path)' = '\(text)' is not allowed; allowed: \(describe(kind))")
                }
                scenario.messages.sizes[key] = x
            })
    }

    private static func describe(_ kind: Kind) -> String {
        ScenarioParameter(path: "", unit: "", defaultValue: "", source: "", kind: kind, get: { _ in "" }, set: { _, _ in }).allowed
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

    /// Known paths close to `path` (edit distance, or the same last component), best first.
    static func closeMatches(to path: String, limit: Int = 3) -> [String] {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        let scored = all.map { p -> (String, Int) in
            var d = editDistance(p.path, path)
            if p.path.split(separator: ".").last.map(String.init) == last { d = min(d, 1) }
            return (p.path, d)
        }
        let threshold = max(3, path.count / 3)
        return scored.filter { $0.1 <= threshold }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
            .prefix(limit).map(\.0)
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
