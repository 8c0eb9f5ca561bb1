import Evaluation
import Foundation
import Reports
import Stochastics

/// Estimates a command's work before it starts and refuses (exit 2) what
/// would run for more than `limitS` CPU seconds or fill the disk, unless
/// `--force`; the message states the estimate and how to lower it.
///
/// Rates are those of a release build on one core of the reference machine
/// (DESIGN.md 4, `dmm bench-simulation`, `dmm evaluate --bench`, `dmm bench`),
/// rounded down so that the estimate errs long: a debug build is slower still.
enum CostGuard {
    /// Ten minutes of one core.
    static let limitS = 600.0
    /// Simulated handoffs per second, one core, all schemes, at the
    /// default scenario's work per handoff.
    static let handoffsPerS = 4e6
    /// Closed-form scenario-scheme points per second including the CSV, one core.
    static let closedFormPairsPerS = 4e4
    /// Random variates per second (`dmm bench`), one core.
    static let variatesPerS = 2e7

    struct TooCostly: InvalidInput {
        let message: String
        var description: String { message }
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 120 { return String(format: "%.0f s", seconds) }
        if seconds < 7200 { return String(format: "%.0f min", seconds / 60) }
        if seconds < 2 * 86400 { return String(format: "%.1f h", seconds / 3600) }
        return String(format: "%.1f days", seconds / 86400)
    }

    /// CPU seconds of a Monte Carlo run of `samples` handoffs for `schemes` schemes.
    static func monteCarloSeconds(_ scenario: Scenario, samples: Int, schemes: Int) throws -> (seconds: Double, relativeWork: Double) {
        let work = try MonteCarlo.workPerHandoff(scenario: scenario)
        let reference = try MonteCarlo.workPerHandoff(scenario: .default)
        let relative = work / reference
        // Per-event work is shared by the schemes on one trajectory; a third is fixed.
        let schemeShare = (1.0 + 2.0 * Double(schemes) / 11.0) / 3.0
        return (Double(samples) * relative * schemeShare / handoffsPerS, relative)
    }

    static func checkMonteCarlo(_ scenario: Scenario, samples: Int, schemes: Int, force: Bool) throws {
        // The simulator's own guard first: it names the parameter that makes a run endless.
        try MonteCarlo.checkCost(scenario: scenario)
        guard !force else { return }
        let (seconds, relative) = try monteCarloSeconds(scenario, samples: samples, schemes: schemes)
        guard seconds > limitS else { return }
        let fitting = max(MonteCarlo.minimumSamples, Int(Double(samples) * limitS / seconds))
        throw TooCostly(message: "the Monte Carlo would take about \(duration(seconds)) of CPU (\(samples) handoffs x \(String(format: "%.3g", relative)) times the default scenario's work per handoff, \(schemes) schemes; limit \(duration(limitS))); lower --samples (e.g. --samples \(fitting)), choose fewer --schemes or a longer residence, or give --force")
    }

    static func check(seconds: Double, what: String, lower: String, force: Bool) throws {
        guard !force, seconds > limitS else { return }
        throw TooCostly(message: "\(what) would take about \(duration(seconds)) of CPU (limit \(duration(limitS))); \(lower), or give --force")
    }

    /// Free bytes for unprivileged users on the file system of `path`'s directory.
    static func freeBytes(near path: String) -> Double? {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var st = statvfs()
        guard statvfs(directory.isEmpty ? "/" : directory, &st) == 0 else { return nil }
        return Double(st.f_bavail) * Double(st.f_frsize)
    }
}
