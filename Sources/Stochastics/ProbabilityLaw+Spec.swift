import Foundation

extension ProbabilityLaw {
    /// The families, in the order DESIGN.md 2.2 lists them.
    public static let families = [
        "exponential", "gamma", "weibull", "lognormal", "hyperexponential", "hypererlang",
        "pareto", "uniform", "deterministic",
    ]

    /// Parameter names of each family, in canonical order.
    static let parameterNames: [String: [String]] = [
        "exponential": ["mean"],
        "gamma": ["shape", "mean"],
        "weibull": ["shape", "mean"],
        "lognormal": ["sigma", "mean"],
        "hyperexponential": ["p", "mean"],
        "hypererlang": ["p", "shape", "mean"],
        "pareto": ["shape", "mean"],
        "uniform": ["min", "max"],
        "deterministic": ["value"],
    ]

    /// The family name, e.g. "gamma".
    public var family: String {
        switch form {
        case .exponential: return "exponential"
        case .gamma: return "gamma"
        case .weibull: return "weibull"
        case .lognormal: return "lognormal"
        case .hyperexponential: return "hyperexponential"
        case .hypererlang: return "hypererlang"
        case .pareto: return "pareto"
        case .uniform: return "uniform"
        case .deterministic: return "deterministic"
        }
    }

    /// The parameters as (name, value text) pairs in canonical order; lists use "/".
    public var parameters: [(name: String, value: String)] {
        switch form {
        case let .exponential(m): return [("mean", Self.format(m))]
        case let .gamma(k, m): return [("shape", Self.format(k)), ("mean", Self.format(m))]
        case let .weibull(b, m, _): return [("shape", Self.format(b)), ("mean", Self.format(m))]
        case let .lognormal(s, m, _): return [("sigma", Self.format(s)), ("mean", Self.format(m))]
        case let .hyperexponential(ph): return [("p", Self.list(ph.p)), ("mean", Self.list(ph.means))]
        case let .hypererlang(ph):
            return [
                ("p", Self.list(ph.p)), ("shape", ph.shapes.map(String.init).joined(separator: "/")),
                ("mean", Self.list(ph.means)),
            ]
        case let .pareto(a, m, _): return [("shape", Self.format(a)), ("mean", Self.format(m))]
        case let .uniform(a, b): return [("min", Self.format(a)), ("max", Self.format(b))]
        case let .deterministic(v): return [("value", Self.format(v))]
        }
    }

    /// The canonical spelling; `try ProbabilityLaw.parse(law.spec) == law`.
    public var spec: String {
        family + ":" + parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
    }

    /// Parses the DESIGN.md 2.2 spelling, e.g. "gamma:shape=2,mean=60".
    ///
    /// Throws `LawError` naming the law, the parameter, the value and the
    /// allowed range for an unknown family, an unknown, missing or repeated
    /// parameter, a value that is not a finite number, or one out of range.
    public static func parse(_ text: String) throws -> ProbabilityLaw {
        let spec = text.trimmingSpaces()
        func fail(_ message: String) -> LawError { LawError(spec: spec, message) }
        var allowedFamilies: String { families.joined(separator: ", ") }  // only for messages
        guard let colon = spec.firstIndex(of: ":") else {
            if let names = parameterNames[spec] {
                throw fail("missing parameters; write \(spec):\(names.map { "\($0)=..." }.joined(separator: ","))")
            }
            throw fail("expected FAMILY:NAME=VALUE,...; families: \(allowedFamilies)")
        }
        let family = spec[..<colon].trimmingSpaces().lowercased()
        guard let names = parameterNames[family] else {
            throw fail("unknown law '\(family)'; allowed: \(allowedFamilies)")
        }
        var raw: [String: String] = [:]
        for item in spec[spec.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw fail("'\(item)' is not NAME=VALUE; \(family) takes \(names.joined(separator: ", "))")
            }
            let name = parts[0].trimmingSpaces()
            guard names.contains(name) else {
                throw fail("unknown parameter '\(name)'; \(family) takes \(names.joined(separator: ", "))")
            }
            guard raw[name] == nil else { throw fail("parameter '\(name)' is given twice") }
            raw[name] = parts[1].trimmingSpaces()
        }
        for name in names where raw[name] == nil {
            throw fail("missing parameter '\(name)'; \(family) takes \(names.joined(separator: ", "))")
        }

        func number(_ name: String) throws -> [Double] {
            let value = raw[name]!
            guard let x = Double(value), x.isFinite else {
                throw fail("parameter '\(name)' = '\(value)' is not a finite number")
            }
            return [x]
        }
        func numbers(_ name: String) throws -> [Double] {
            let value = raw[name]!
            return try value.split(separator: "/", omittingEmptySubsequences: false).map {
                guard let x = Double($0), x.isFinite else {
                    throw fail("parameter '\(name)' = '\(value)': '\($0)' is not a finite number; write V1/V2/...")
                }
                return x
            }
        }
        var values: [String: [Double]] = [:]
        for name in names {
            switch (family, name) {
            case ("hyperexponential", _), ("hypererlang", "p"), ("hypererlang", "mean"): values[name] = try numbers(name)
            case ("hypererlang", "shape"):
                // Integers as written: "2.0" is not an Erlang shape.
                let value = raw[name]!
                values[name] = try value.split(separator: "/", omittingEmptySubsequences: false).map {
                    guard let k = Int($0), k >= 1, k <= 1000 else {
                        throw fail("parameter 'shape' = '\(value)': '\($0)' is not an integer in 1...1000")
                    }
                    return Double(k)
                }
            default: values[name] = try number(name)
            }
        }
        return try build(family, values, spec: spec)
    }

    /// The law of `family` with these parameter values (one number per scalar
    /// parameter, one per phase for lists): the one place where every family's
    /// ranges are checked. `parse`, `setting` and the typed constructors
    /// (`gamma(shape:mean:)`, ...) all end here, so a law built from text and
    /// one built from numbers obey the same rules; `spec` (evaluated only for a
    /// message) names the law as the caller wrote it.
    static func build(_ family: String, _ values: [String: [Double]], spec: @autoclosure () -> String) throws -> ProbabilityLaw {
        func fail(_ message: String) -> LawError { LawError(spec: spec(), message) }
        let names = parameterNames[family]!
        let isList = family.hasPrefix("hyper")
        for name in names {
            guard let xs = values[name] else { throw fail("missing parameter '\(name)'; \(family) takes \(names.joined(separator: ", "))") }
            for x in xs where !x.isFinite {
                throw fail(isList
                    ? "parameter '\(name)' = '\(list(xs))': '\(format(x))' is not a finite number; write V1/V2/..."
                    : "parameter '\(name)' = '\(format(x))' is not a finite number")
            }
            if !isList, xs.count != 1 {
                throw fail("parameter '\(name)' = '\(list(xs))' is not a finite number")
            }
        }
        func scalar(_ name: String) -> Double { values[name]![0] }
        func check(_ name: String, _ x: Double, _ ok: Bool, _ allowed: String) throws {
            if !ok { throw fail("parameter '\(name)' = \(format(x)) is out of range; allowed: \(allowed)") }
        }
        func positive(_ name: String) throws -> Double {
            let x = scalar(name)
            try check(name, x, x > 0, "a number > 0")
            return x
        }

        switch family {
        case "exponential":
            return ProbabilityLaw(form: .exponential(mean: try positive("mean")))
        case "gamma":
            let k = scalar("shape")
            try check("shape", k, k >= 0.01 && k <= 1e4, "0.01 <= shape <= 10000")
            return ProbabilityLaw(form: .gamma(shape: k, mean: try positive("mean")))
        case "weibull":
            let b = scalar("shape")
            try check("shape", b, b >= 0.1 && b <= 100, "0.1 <= shape <= 100")
            let m = try positive("mean")
            return ProbabilityLaw(form: .weibull(shape: b, mean: m, scale: m / tgamma(1 + 1 / b)))
        case "lognormal":
            let s = scalar("sigma")
            try check("sigma", s, s > 0 && s <= 5, "0 < sigma <= 5")
            let m = try positive("mean")
            return ProbabilityLaw(form: .lognormal(sigma: s, mean: m, zeta: log(m) - s * s / 2))
        case "hyperexponential", "hypererlang":
            let p = values["p"]!, means = values["mean"]!
            let erlang = family == "hypererlang"
            let shapeValues = values["shape"] ?? Array(repeating: 1, count: p.count)
            for k in shapeValues where !(k == k.rounded() && k >= 1 && k <= 1000) {
                throw fail("parameter 'shape' = '\(list(shapeValues))': '\(format(k))' is not an integer in 1...1000")
            }
            let shapes = shapeValues.map { Int($0) }
            guard p.count == means.count, p.count == shapes.count else {
                throw fail("p, \(erlang ? "shape, " : "")mean must list the same number of phases (got \(p.count), \(erlang ? "\(shapes.count), " : "")\(means.count))")
            }
            for x in p { try check("p", x, x > 0 && x <= 1, "each 0 < p <= 1") }
            let total = p.reduce(0, +)
            guard abs(total - 1) <= 1e-9 else {
                throw fail("parameter 'p' = \(list(p)) sums to \(format(total)); allowed: probabilities summing to 1")
            }
            for x in means { try check("mean", x, x > 0, "each mean > 0") }
            let phases = Phases(p: p, shapes: shapes, means: means)
            return ProbabilityLaw(form: erlang ? .hypererlang(phases) : .hyperexponential(phases))
        case "pareto":
            let a = scalar("shape")
            try check("shape", a, a > 1 && a <= 1e4, "1 < shape <= 10000 (the mean must exist)")
            let m = try positive("mean")
            return ProbabilityLaw(form: .pareto(shape: a, mean: m, scale: m * (a - 1) / a))
        case "uniform":
            let a = scalar("min"), b = scalar("max")
            try check("min", a, a >= 0, "min >= 0 (durations are non-negative)")
            try check("max", b, b > a, "max > min = \(format(a))")
            return ProbabilityLaw(form: .uniform(min: a, max: b))
        default:  // deterministic
            return ProbabilityLaw(form: .deterministic(value: try positive("value")))
        }
    }

    /// The parameters as numbers in canonical order (`build`'s input); shapes of a hyper-Erlang law as whole numbers.
    var parameterValues: [String: [Double]] {
        switch form {
        case let .exponential(m): return ["mean": [m]]
        case let .gamma(k, m): return ["shape": [k], "mean": [m]]
        case let .weibull(b, m, _): return ["shape": [b], "mean": [m]]
        case let .lognormal(s, m, _): return ["sigma": [s], "mean": [m]]
        case let .hyperexponential(ph): return ["p": ph.p, "mean": ph.means]
        case let .hypererlang(ph): return ["p": ph.p, "shape": ph.shapes.map(Double.init), "mean": ph.means]
        case let .pareto(a, m, _): return ["shape": [a], "mean": [m]]
        case let .uniform(a, b): return ["min": [a], "max": [b]]
        case let .deterministic(v): return ["value": [v]]
        }
    }

    /// Every parameter name of any family (`mean`, `shape`, ...), for the paths of a law's parameters.
    public static let allParameterNames: [String] = {
        var seen: [String] = []
        for family in families { for name in parameterNames[family]! where !seen.contains(name) { seen.append(name) } }
        return seen
    }()

    /// This law with one parameter changed, e.g. `setting("mean", to: "30")`.
    ///
    /// For hyperexponential and hyper-Erlang laws a single number given for
    /// `mean` is the law's overall mean: every phase mean is scaled by the same
    /// factor, so the shape (p, CV²) is kept. The same rule applies to `mean`
    /// for uniform and deterministic laws (scale min/max, or value).
    public func setting(_ name: String, to value: String) throws -> ProbabilityLaw {
        let names = Self.parameterNames[family]!
        let rescale = name == "mean" && (!names.contains("mean") || (family.hasPrefix("hyper") && !value.contains("/")))
        var numbers: [Double] = []
        for item in value.split(separator: "/", omittingEmptySubsequences: false).map({ $0.trimmingSpaces() }) {
            guard let x = Double(item), x.isFinite else {
                // The message `parse` gives for the same text in the law's spelling.
                guard names.contains(name) || name == "mean" else { break }
                if rescale { throw LawError(spec: spec, "parameter 'mean' = '\(value)' is not a finite number") }
                let rebuilt = family + ":" + parameters.map { "\($0.name)=\($0.name == name ? value : $0.value)" }.joined(separator: ",")
                throw LawError(spec: rebuilt, family.hasPrefix("hyper")
                    ? "parameter '\(name)' = '\(value.trimmingSpaces())': '\(item)' is not a finite number; write V1/V2/..."
                    : "parameter '\(name)' = '\(value.trimmingSpaces())' is not a finite number")
            }
            numbers.append(x)
        }
        return try setting(name, to: numbers, text: value)
    }

    /// This law with parameter `name` set to `values` (one number, or one per
    /// phase), by the rules of `setting(_:to:)`; `text` is how the caller wrote
    /// the value, for messages. No text is parsed: a `--set` value is read once.
    public func setting(_ name: String, to values: [Double], text: String) throws -> ProbabilityLaw {
        let names = Self.parameterNames[family]!
        if name == "mean", !names.contains("mean") || (values.count == 1 && family.hasPrefix("hyper")) {
            guard values.count == 1, let m = values.first, m.isFinite else {
                throw LawError(spec: spec, "parameter 'mean' = '\(text)' is not a finite number")
            }
            guard m > 0 else {
                throw LawError(spec: spec, "parameter 'mean' = \(Self.format(m)) is out of range; allowed: a number > 0")
            }
            return try withMean(m)
        }
        guard names.contains(name) else {
            throw LawError(spec: spec, "unknown parameter '\(name)'; \(family) takes \(names.joined(separator: ", "))\(names.contains("mean") ? "" : ", or mean to rescale")")
        }
        var changed = parameterValues
        changed[name] = values
        let rebuilt = parameters.map { "\($0.name)=\($0.name == name ? text : $0.value)" }
        return try Self.build(family, changed, spec: family + ":" + rebuilt.joined(separator: ","))
    }

    /// This law scaled in time so that its mean is `m` (shape and CV² unchanged).
    public func withMean(_ m: Double) throws -> ProbabilityLaw {
        let factor = m / mean
        var values = parameterValues
        switch form {
        case .hyperexponential, .hypererlang: values["mean"] = values["mean"]!.map { $0 * factor }
        case .uniform: values["min"] = values["min"]!.map { $0 * factor }; values["max"] = values["max"]!.map { $0 * factor }
        case .deterministic: values["value"] = [m]
        default: values["mean"] = [m]
        }
        return try Self.build(family, values, spec: Self.spelling(family, values))
    }

    /// The canonical spelling of `family` with these values (lists joined by "/").
    static func spelling(_ family: String, _ values: [String: [Double]]) -> String {
        family + ":" + parameterNames[family]!.map { name in
            let xs = values[name] ?? []
            let text = family == "hypererlang" && name == "shape" && xs.allSatisfy({ $0 == $0.rounded() && abs($0) < 1e15 })
                ? xs.map { String(Int64($0)) }.joined(separator: "/") : list(xs)
            return "\(name)=\(text)"
        }.joined(separator: ",")
    }

    /// Shortest text that parses back to exactly `x`: integers without ".0".
    public static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    static func list(_ xs: [Double]) -> String { xs.map(format).joined(separator: "/") }
}

extension ProbabilityLaw: LosslessStringConvertible {
    /// Parses the spec; nil when it is malformed (use `parse` for the reason).
    public init?(_ description: String) {
        guard let law = try? Self.parse(description) else { return nil }
        self = law
    }
}

extension ProbabilityLaw: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Self.parse(text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(spec)
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` (tab and Unicode space separators
    /// trimmed at both ends) without the round trip through NSString, which was
    /// a quarter of a closed-form sweep's time (laws are re-parsed at each point).
    func trimmingSpaces() -> String {
        func isSpace(_ c: Character) -> Bool {
            c.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
