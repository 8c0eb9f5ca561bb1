import Foundation
import Testing

@Suite("dmm bench")
struct BenchTests {
    @Test func printsCSVWithUnitsInColumnNames() throws {
        let result = try CLI.run(["bench", "--samples", "200", "--repeats", "1", "--generators", "taus2", "--law", "pareto:shape=1.5,mean=60"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "law,generator,draw,ns_per_variate,sample_mean_s,exact_mean_s")
        #expect(lines.map { $0.split(separator: ",").first.map(String.init) ?? "" }
            == ["law", "uniform01", "child_stream", "\"pareto:shape=1.5", "\"pareto:shape=1.5"])
        // Pareto with shape 1.5 has an infinite residual mean: an empty cell, never "inf".
        #expect(lines.last?.hasSuffix(",") == true)
        #expect(!result.stdout.contains("inf") && !result.stdout.contains("nan"))
    }

    @Test func repeatsOutOfRangeExitsWithTwo() throws {
        let result = try CLI.run(["bench", "--repeats", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--repeats 0 is out of range; allowed: 1...100"))
        #expect(result.stdout.isEmpty)
    }
}
