import Foundation

/// One varied parameter of a sweep: a scenario path and the values it takes.
///
/// SPEC grammar (`--vary PATH=SPEC`), tried in this order:
///
/// 1. `A;B;C` — a list separated by semicolons. Use it whenever a value holds
///    commas, as probability-law specs do:
///    `traffic.session_duration=exponential:mean=60;gamma:shape=2,mean=60`.
///    A single law is written with a trailing `;` (`gamma:shape=2,mean=60;`).
/// 2. `START:STOP:COUNT` — COUNT evenly spaced numbers from START to STOP
///    inclusive; `START:STOP:COUNT:log` — COUNT numbers evenly spaced in
///    log scale (START and STOP > 0). START, STOP are finite numbers, COUNT an
///    integer 1...1000000. Generated values are rounded to 12 significant
///    digits so that `0:1:11` gives 0.3, not 0.30000000000000004.
/// 3. `a,b,c` — a list separated by commas (numbers or words, kept verbatim).
///    A comma list (two or more items) whose items contain `=` is refused: law specs
///    have commas of their own; write them with `;`. A single value without a
///    comma (`exponential:mean=60`) is a one-item list.
///
/// Values of one axis must be distinct, so that a row's varied columns
/// identify its grid point.
public struct SweepAxis: Sendable, Equatable, Codable {
    /// Dotted scenario path, e.g. "mobility.residence_time".
    public var path: String
    /// The SPEC as the user wrote it.
    public var spec: String
    /// The values, as text handed to `Scenario.setting(path, to:)`.
    public var values: [String]

    public init(path: String, spec: String, values: [String]) {
        self.path = path
        self.spec = spec
        self.values = values
    }

    public static let maximumCount = 1_000_000

    /// Parses `PATH=SPEC`.
    public static func parse(_ argument: String) throws -> SweepAxis {
        guard let eq = argument.firstIndex(of: "=") else {
            throw SweepError("--vary '\(argument)': expected PATH=SPEC, e.g. mobility.residence=exponential:mean=30;exponential:mean=60 or links.wireless.loss=0:0.1:11")
        }
        let path = argument[..<eq].trimmingCharacters(in: .whitespaces)
        let spec = argument[argument.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty, path.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }) else {
            throw SweepError("--vary '\(argument)': '\(path)' is not a dotted scenario path (letters, digits, '_', '.', '-')")
        }
        return SweepAxis(path: path, spec: spec, values: try values(of: spec, path: path))
    }

    /// The values a SPEC stands for (grammar above).
    public static func values(of spec: String, path: String) throws -> [String] {
        func fail(_ why: String) -> SweepError {
            SweepError("--vary \(path)=\(spec): \(why); allowed: a list a,b,c (or A;B;C when values hold commas), a range START:STOP:COUNT or START:STOP:COUNT:log")
        }
        guard !spec.isEmpty else { throw fail("empty SPEC") }
        var items: [String]
        if spec.contains(";") {
            items = spec.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if items.last == "" { items.removeLast() }
        } else if let range = try range(spec, fail: fail) {
            return range
        } else {
            items = spec.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if items.count > 1, items.contains(where: { $0.contains("=") }) {
                throw fail("a comma list item contains '=' (a law spec?); separate law specs with ';', and end a single one with ';'")
            }
        }
        if items.isEmpty || items.contains("") { throw fail("empty list item") }
        for item in items where item.contains("\"") || item.contains("\n") || item.contains("\r") {
            throw fail("value '\(item)' holds a quote or a line break")
        }
        var seen = Set<String>()
        for item in items where !seen.insert(item).inserted {
            throw fail("value '\(item)' appears twice")
        }
        return items
    }

    /// A linear or log range, nil when the SPEC is not shaped like one.
    static func range(_ spec: String, fail: (String) -> SweepError) throws -> [String]? {
        let fields = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        // A law spec starts with a family name; a range with a number. No value
        // a path takes starts with a number and holds a ':', so such a SPEC is a
        // range, and a wrong number of fields is a range error, not a bad value.
        guard fields.count > 1, let first = fields[0].first, first.isNumber || first == "-" || first == "+" || first == "."
        else { return nil }
        guard fields.count == 3 || (fields.count == 4 && fields[3] == "log") else {
            if fields.count == 4 { throw fail("range '\(spec)': the fourth field must be 'log', not '\(fields[3])'") }
            throw fail("range '\(spec)' has \(fields.count) fields; write START:STOP:COUNT (e.g. \(fields[0]):\(fields.count > 1 && !fields[1].isEmpty ? fields[1] : "STOP"):10)")
        }
        guard let start = finite(fields[0]) else { throw fail("START '\(fields[0])' is not a finite number") }
        guard let stop = finite(fields[1]) else { throw fail("STOP '\(fields[1])' is not a finite number") }
        guard let count = Int(fields[2]) else { throw fail("COUNT '\(fields[2])' is not an integer") }
        guard (1...maximumCount).contains(count) else { throw fail("COUNT \(count) is out of range 1...\(maximumCount)") }
        let log = fields.count == 4
        if log, !(start > 0 && stop > 0) { throw fail("a log range needs START > 0 and STOP > 0") }
        if count == 1 { return [format(start)] }
        var values: [String] = []
        values.reserveCapacity(count)
        for i in 0..<count {
            let t = Double(i) / Double(count - 1)
            let x: Double
            if i == 0 { x = start } else if i == count - 1 { x = stop } else if log {
                x = Foundation.exp(Foundation.log(start) + t * (Foundation.log(stop) - Foundation.log(start)))
            } else {
                x = start + (stop - start) * Double(i) / Double(count - 1)
            }
            values.append(format(round12(x)))
        }
        var seen = Set<String>()
        for v in values where !seen.insert(v).inserted {
            throw fail("COUNT \(count) is too fine for \(format(start))...\(format(stop)): value \(v) appears twice at 12 significant digits")
        }
        return values
    }

    static func finite(_ text: String) -> Double? {
        guard let x = Double(text), x.isFinite else { return nil }
        return x
    }

    static func round12(_ x: Double) -> Double {
        Double(String(format: "%.12g", x)) ?? x
    }

    /// Shortest text that reads back to the same Double; integers without ".0".
    public static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
