import ArgumentParser
import Stochastics

/// `--jobs N`, worker threads, validated here once for every command that takes it.
struct JobsOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "Worker threads (1...1024); default: the number of cores. The output does not depend on it.")
    var jobs: Int = ProcessorAffinity.availableCPUCount

    func validate() throws {
        guard (1...1024).contains(jobs) else {
            throw ValidationError("--jobs \(jobs) is out of range; allowed: 1...1024")
        }
    }
}
