import Evaluation

/// Reads a comma-separated list of metric ids (`--metrics`, `--metric`) into catalogue keys.
enum MetricListOption {
    static func parse(_ list: [String], option: String) throws -> [MetricKey] {
        let ids = list.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw CommandInputError("\(option) is empty; allowed: \(allowed)") }
        var seen = Set<String>()
        return try ids.map { id in
            guard seen.insert(id).inserted else { throw CommandInputError("\(option) lists '\(id)' twice; name each metric once") }
            guard let key = MetricKey(id: id) else {
                throw CommandInputError("\(option) \(id) is not a metric; allowed: \(allowed)")
            }
            return key
        }
    }

    static var allowed: String { Metric.allCases.map(\.id).joined(separator: ", ") + ", " + MetricKey.perElementPattern }
}
