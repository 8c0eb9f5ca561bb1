import Stochastics

/// Monte Carlo of `DomainCrossing.fraction`: random-walk steps on the AR grid,
/// counting the steps that change domain (docs/MODELS.md §2.6).
///
/// Each chunk of `SampleChunks.chunkSize` steps starts at a uniformly chosen
/// AR of a domain (the walk's stationary law within a domain) and is one batch;
/// the interval is the batch-means Student-t interval over chunks, which
/// accounts for the correlation between successive steps.
public struct DomainCrossingSimulation: Sendable {
    public let grid: GridKind
    public let domainSize: Int

    public init(grid: GridKind, domainSize: Int) {
        self.grid = grid
        self.domainSize = domainSize
    }

    /// Estimates p_d from `steps` walk steps.
    public func run(steps: Int, seed: UInt64, jobs: Int = 1) -> ConfidenceInterval {
        let (count, size) = SampleChunks.layout(samples: steps)
        let grid = self.grid, m = self.domainSize
        let cells = DomainCrossing.cells(grid: grid, domainSize: m)
        let moves = grid.steps
        let parts = ParallelWork.map(count: count, jobs: jobs) { i -> Double in
            let stream = SampleChunks.stream(seed: seed, index: i)
            var (x, y) = cells[stream.uniformInt(cells.count)]
            var d = DomainCrossing.domain(of: x, y, grid: grid, domainSize: m)
            var crossings = 0
            let n = size(i)
            for _ in 0..<n {
                let s = moves[stream.uniformInt(moves.count)]
                x += s.0
                y += s.1
                let e = DomainCrossing.domain(of: x, y, grid: grid, domainSize: m)
                if e != d { crossings += 1; d = e }
            }
            return Double(crossings) / Double(n)
        }
        if parts.count == 1 { return ConfidenceInterval(mean: parts[0], standardError: 0, count: 1) }
        return RunningStatistics(parts).confidenceInterval()
    }
}
