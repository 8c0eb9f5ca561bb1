import Stochastics

/// How a Monte Carlo of `samples` draws is cut into chunks, and each chunk's
/// random stream. Chunk i draws from `stream(seed:index:kind:)` (=
/// `RandomStream(seed:kind:).child(i)`) only; with `ParallelWork` folding the
/// chunks in index order, a run's output depends on (seed, samples) and never
/// on `jobs` (docs/MODELS.md 9).
enum SampleChunks {
    /// Samples per chunk: large enough to amortise a stream's set-up, small
    /// enough that two threads stay balanced.
    static let chunkSize = 1 << 15

    /// (number of chunks, samples in chunk i).
    static func layout(samples: Int) -> (count: Int, size: @Sendable (Int) -> Int) {
        let count = (samples + chunkSize - 1) / chunkSize
        return (count, { i in i == count - 1 ? samples - chunkSize * (count - 1) : chunkSize })
    }

    /// Chunk i's stream: the root stream's child i, without allocating the root.
    static func stream(seed: UInt64, index: Int, kind: GeneratorKind = .default) -> RandomStream {
        RandomStream(seed: SeedMixer.mix(seed: seed, index: UInt64(index)), kind: kind)
    }
}
