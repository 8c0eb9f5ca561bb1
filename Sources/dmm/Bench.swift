import ArgumentParser
import Dispatch
import Stochastics

/// `dmm bench`: nanoseconds per variate for each law and generator (release build).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure nanoseconds per random variate for each law and generator.",
        discussion: """
            Build in release mode first: debug timings mean nothing.

            Examples:
              swift build -c release && .build/release/dmm bench
              .build/release/dmm bench --samples 2000000 --generators taus2,mt19937
            """
    )

    @Option(help: "Variates drawn per law and generator (1...1000000000).")
    var samples: Int = 2_000_000

    @Option(help: "Comma-separated generators: \(GeneratorKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var generators: String = GeneratorKind.allCases.map(\.rawValue).joined(separator: ",")

    @Option(name: .customLong("law"), help: "A law to time (repeatable); default: one of each family.")
    var laws: [String] = []

    @Option(help: "Seed of every stream.")
    var seed: UInt64 = 1

    mutating func validate() throws {
        guard (1...1_000_000_000).contains(samples) else {
            throw ValidationError("--samples \(samples) is out of range; allowed: 1...1000000000")
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

    func run() throws {
        let kinds = generators.split(separator: ",").compactMap { GeneratorKind(rawValue: String($0)) }
        let chosen = try (laws.isEmpty ? Self.defaultLaws : laws).map(ProbabilityLaw.parse)
        print("law,generator,draw,ns_per_variate,checksum_mean")
        for kind in kinds {
            let stream = RandomStream(seed: seed, kind: kind)
            let (ns, mean) = Self.time(samples) { stream.uniform() }
            print("uniform,\(kind.rawValue),sample,\(Self.fixed(ns)),\(Self.fixed(mean))")
        }
        for law in chosen {
            for kind in kinds {
                let stream = RandomStream(seed: seed, kind: kind)
                let (ns, mean) = Self.time(samples) { law.sample(stream) }
                print("\"\(law.spec)\",\(kind.rawValue),sample,\(Self.fixed(ns)),\(Self.fixed(mean))")
                let (nsr, meanr) = Self.time(samples) { law.sampleResidual(stream) }
                print("\"\(law.spec)\",\(kind.rawValue),residual,\(Self.fixed(nsr)),\(Self.fixed(meanr))")
            }
        }
    }

    /// Mean nanoseconds per call, and the mean of the draws (which keeps the
    /// optimiser from dropping the loop and doubles as a sanity check).
    static func time(_ n: Int, _ draw: () -> Double) -> (Double, Double) {
        var sum = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<n { sum += draw() }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        return (Double(elapsed) / Double(n), sum / Double(n))
    }

    static func fixed(_ x: Double) -> String {
        let scaled = (x * 1000).rounded() / 1000
        return ProbabilityLaw.format(scaled)
    }
}
