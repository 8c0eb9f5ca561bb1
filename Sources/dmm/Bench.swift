import ArgumentParser
import Dispatch
import Foundation
import Reports
import Stochastics

/// `dmm bench`: nanoseconds per variate for each law and generator (release build).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure nanoseconds per random variate for each law and generator.",
        discussion: """
            Build in release mode first: debug timings mean nothing. Each figure is \
            the fastest of --repeats timed loops over one stream (the run least \
            disturbed by other processes); sample_mean_s next to exact_mean_s is a \
            sanity check and keeps the optimiser from dropping the loop (a cell is \
            empty where the mean is infinite). Output is \
            CSV on stdout; times are wall-clock nanoseconds on one core. The \
            child_stream rows time creating a child stream (samples/100 of them).

            Examples:
              swift build -c release && .build/release/dmm bench
              .build/release/dmm bench --samples 2000000 --generators taus2,gfsr4
              .build/release/dmm bench --law "pareto:shape=1.5,mean=60" --repeats 5
            """
    )

    @Option(parsing: .unconditional, help: "Variates drawn per law and generator (1...1000000000).")
    var samples: Int = 1_000_000

    @Option(parsing: .unconditional, help: "Timed loops per row; the fastest is reported (1...100).")
    var repeats: Int = 3

    @Option(help: "Comma-separated generators: \(GeneratorKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var generators: String = GeneratorKind.allCases.map(\.rawValue).joined(separator: ",")

    @Option(name: .customLong("law"), help: "A law to time (repeatable); default: one of each family.")
    var laws: [String] = []

    @Option(parsing: .unconditional, help: "Seed of every stream (an integer 0...18446744073709551615).")
    var seed: UInt64 = 1

    mutating func validate() throws {
        guard (1...1_000_000_000).contains(samples) else {
            throw ValidationError("--samples \(samples) is out of range; allowed: 1...1000000000")
        }
        guard (1...100).contains(repeats) else {
            throw ValidationError("--repeats \(repeats) is out of range; allowed: 1...100")
        }
        guard !generators.split(separator: ",").isEmpty else {
            throw ValidationError("--generators is empty; allowed: a comma-separated list of \(GeneratorKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for name in generators.split(separator: ",") where GeneratorKind(rawValue: String(name)) == nil {
            throw ValidationError("--generators: unknown generator '\(name)'; allowed: \(GeneratorKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for spec in laws {
            do { _ = try ProbabilityLaw.parse(spec) } catch { throw ValidationError("--law: \(error)") }
        }
    }

    static let defaultLaws = [
        "exponential:mean=60", "gamma:shape=2,mean=60", "gamma:shape=0.5,mean=60",
        "weibull:shape=0.7,mean=60", "lognormal:sigma=1,mean=60",
        "hyperexponential:p=0.9/0.1,mean=30/330", "hypererlang:p=0.5/0.5,shape=2/3,mean=30/90",
        "pareto:shape=2.5,mean=60", "uniform:min=0,max=120", "deterministic:value=60",
    ]

    @Flag(help: "Run even when the estimated time is beyond the cost limit (10 minutes of CPU).")
    var force = false

    func run() throws {
        let lawCount = laws.isEmpty ? Self.defaultLaws.count : laws.count
        let generatorCount = generators.split(separator: ",").count
        let draws = Double(samples) * Double(repeats) * Double(generatorCount) * Double(2 * lawCount + 1)
        try CostGuard.check(
            seconds: draws / CostGuard.variatesPerS, what: "dmm bench (\(String(format: "%.3g", draws)) variates)",
            lower: "lower --samples, --repeats, --generators or --law", force: force)
        let kinds = generators.split(separator: ",").compactMap { GeneratorKind(rawValue: String($0)) }
        let chosen = try (laws.isEmpty ? Self.defaultLaws : laws).map(ProbabilityLaw.parse)
        try Self.line("law,generator,draw,ns_per_variate,sample_mean_s,exact_mean_s")
        for kind in kinds {
            let stream = RandomStream(seed: seed, kind: kind)
            let (ns, mean) = Self.time(samples, repeats) { stream.uniform() }
            try Self.line("uniform01,\(kind.rawValue),sample,\(Self.fixed(ns)),\(Self.fixed(mean)),0.5")
        }
        // Creating (and freeing) a child stream: what splitting work into many
        // small tasks costs per task. The draw is the child's first uniform.
        for kind in kinds {
            let root = RandomStream(seed: seed, kind: kind)
            var index = 0
            let (ns, mean) = Self.time(Swift.max(1, samples / 100), repeats) {
                index += 1
                return root.child(index).uniform()
            }
            try Self.line("child_stream,\(kind.rawValue),setup,\(Self.fixed(ns)),\(Self.fixed(mean)),0.5")
        }
        for law in chosen {
            for kind in kinds {
                let stream = RandomStream(seed: seed, kind: kind)
                let (ns, mean) = Self.time(samples, repeats) { law.sample(stream) }
                try Self.line("\"\(law.spec)\",\(kind.rawValue),sample,\(Self.fixed(ns)),\(Self.fixed(mean)),\(Self.fixed(law.mean))")
                let (nsr, meanr) = Self.time(samples, repeats) { law.sampleResidual(stream) }
                try Self.line("\"\(law.spec)\",\(kind.rawValue),residual,\(Self.fixed(nsr)),\(Self.fixed(meanr)),\(Self.fixed(law.residualMean))")
            }
        }
    }

    /// Fastest mean nanoseconds per call over `repeats` loops of `n` calls, and
    /// the mean of all draws (which keeps the optimiser from dropping the loop
    /// and doubles as a sanity check against the exact mean).
    static func time(_ n: Int, _ repeats: Int, _ draw: () -> Double) -> (Double, Double) {
        var sum = 0.0
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n { sum += draw() }
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            best = min(best, Double(elapsed) / Double(n))
        }
        return (best, sum / Double(n * repeats))
    }

    /// Three decimals; an empty cell for an infinite value (the residual mean of
    /// a Pareto law with shape <= 2): CSV output never holds "inf" or "nan".
    static func fixed(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        // Rounding to thousandths only where x * 1000 cannot overflow (|x| < 1e300):
        // above, x is already an integer and the product would be infinite.
        let scaled = abs(x) < 1e300 ? (x * 1000).rounded() / 1000 : x
        return ProbabilityLaw.format(scaled)
    }

    /// One line of output on stdout; a failed write (a full disk, a closed
    /// pipe) throws `OutputFile.IOError`: exit 1 naming standard output.
    static func line(_ text: String) throws { try StandardStream.write(text + "\n") }
}
