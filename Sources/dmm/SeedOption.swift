import ArgumentParser

/// `--seed N`: the seed of a Monte Carlo run (every value of UInt64 is allowed).
struct SeedOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "Monte Carlo: seed of the run, an integer 0...18446744073709551615 (same seed, same output, whatever --jobs).")
    var seed: UInt64 = 1
}
