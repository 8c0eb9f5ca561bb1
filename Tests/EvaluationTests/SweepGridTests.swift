import Evaluation
import Stochastics
import Testing

@Suite("Sweep grid, seeds and shards")
struct SweepGridTests {
    let grid = try! SweepGrid(
        axes: [
            SweepAxis(path: "a", spec: "", values: ["a0", "a1"]),
            SweepAxis(path: "b", spec: "", values: ["b0", "b1", "b2"]),
        ], seed: 42)

    @Test func lastAxisVariesFastest() {
        #expect(grid.count == 6)
        let order = (0..<6).map { grid.point($0).assignments.map(\.value).joined(separator: "/") }
        #expect(order == ["a0/b0", "a0/b1", "a0/b2", "a1/b0", "a1/b1", "a1/b2"])
    }

    @Test func indexAndCoordinatesAreInverse() {
        for i in 0..<grid.count { #expect(grid.index(of: grid.coordinates(of: i)) == i) }
        #expect(grid.coordinates(of: 5) == [1, 2])
    }

    @Test func pointSeedMixesRunSeedWithCoordinates() {
        let p = grid.point(4)  // coordinates (1, 1)
        #expect(p.seed == SeedMixer.mix(seed: SeedMixer.mix(seed: SeedMixer.finalize(42), index: 1), index: 1))
        #expect(Set((0..<6).map { grid.point($0).seed }).count == 6)
    }

    @Test func roundRobinShardsPartitionTheGrid() throws {
        let shards = try (1...4).map { try SweepShard(k: $0, n: 4) }
        let parts = shards.map { Array($0.indices(in: 10)) }
        #expect(parts == [[0, 4, 8], [1, 5, 9], [2, 6], [3, 7]])
        for i in 0..<10 { #expect(shards.filter { $0.contains(i) }.count == 1) }
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "a/b", "2", "1/2/3"])
    func shardOutsideRangeIsRefused(text: String) {
        #expect(throws: SweepError.self) { try SweepShard.parse(text) }
    }

    @Test func repeatedPathIsRefused() {
        let a = SweepAxis(path: "a", spec: "1", values: ["1"])
        #expect(throws: SweepError("--vary a is given twice; vary each path once")) { try SweepGrid(axes: [a, a], seed: 1) }
        #expect(throws: SweepError.self) { try SweepGrid(axes: [], seed: 1) }
    }
}
