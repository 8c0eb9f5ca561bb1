import Foundation

/// A numeric scenario parameter varied over an interval, for `dmm crossover` and
/// `dmm map`: `PATH=START:STOP[:COUNT][:log]`.
///
/// `log` spaces the points evenly in log scale (START, STOP > 0). COUNT is the
/// number of grid points including both ends; when omitted the command's default
/// resolution applies. START < STOP, both finite.
public struct ParameterRange: Sendable, Equatable {
    public var path: String
    public var start: Double
    public var stop: Double
    public var log: Bool
    /// Grid points, both ends included (at least 2).
    public var count: Int

    public init(path: String, start: Double, stop: Double, log: Bool = false, count: Int) {
        self.path = path
        self.start = start
        self.stop = stop
        self.log = log
        self.count = count
    }

    /// The largest COUNT accepted on one axis.
    public static let maximumCount = 100_000

    /// Parses `PATH=START:STOP[:COUNT][:log]`; `option` names the flag in messages.
    public static func parse(_ argument: String, option: String, defaultCount: Int) throws -> ParameterRange {
        func fail(_ why: String) -> DecisionError {
            DecisionError("\(option) '\(argument)': \(why); allowed: PATH=START:STOP, PATH=START:STOP:log, PATH=START:STOP:COUNT or PATH=START:STOP:COUNT:log with finite numbers START < STOP (both > 0 for log) and COUNT 2...\(maximumCount), e.g. mobility.residence.mean=5:600:log")
        }
        guard let eq = argument.firstIndex(of: "=") else { throw fail("expected PATH=START:STOP") }
        let path = argument[..<eq].trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else { throw fail("empty PATH") }
        var fields = argument[argument.index(after: eq)...].split(separator: ":", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var log = false
        if fields.last == "log" {
            log = true
            fields.removeLast()
        }
        guard fields.count == 2 || fields.count == 3 else { throw fail("expected two or three ':'-separated numbers") }
        guard let start = Double(fields[0]), start.isFinite else { throw fail("START '\(fields[0])' is not a finite number") }
        guard let stop = Double(fields[1]), stop.isFinite else { throw fail("STOP '\(fields[1])' is not a finite number") }
        guard start < stop else { throw fail("START must be below STOP") }
        if log, !(start > 0) { throw fail("a log range needs START > 0") }
        var count = defaultCount
        if fields.count == 3 {
            guard let c = Int(fields[2]) else { throw fail("COUNT '\(fields[2])' is not an integer") }
            count = c
        }
        guard (2...maximumCount).contains(count) else { throw fail("COUNT \(count) is out of range") }
        return ParameterRange(path: path, start: start, stop: stop, log: log, count: count)
    }

    /// Grid point i of 0..<count: the ends exactly, linear or log spacing between.
    public func value(_ i: Int) -> Double {
        if i <= 0 { return start }
        if i >= count - 1 { return stop }
        let t = Double(i) / Double(count - 1)
        return log ? Foundation.exp(Foundation.log(start) + t * (Foundation.log(stop) - Foundation.log(start)))
            : start + t * (stop - start)
    }

    public var values: [Double] { (0..<count).map(value) }

    /// The text handed to `Scenario.setting`: the shortest spelling that reads back
    /// to the same Double, so a root located to 1e-6 is evaluated where it was found.
    public static func text(_ x: Double) -> String { SweepAxis.format(x) }

    /// The spec as a user writes it, e.g. "5:600:log".
    public var spec: String { "\(Self.text(start)):\(Self.text(stop)):\(count)\(log ? ":log" : "")" }
}
