import Mobility
import Stochastics

/// Why a Monte Carlo run cannot start; all are bad input (exit 2).
public enum MonteCarloError: Error, InvalidInput, CustomStringConvertible {
    case samples(Int)
    case jobs(Int)
    case noModel(String)
    case grid(String)

    public var description: String {
        switch self {
        case let .samples(n): return "--samples \(n): the number of simulated handoffs must be an integer >= 1"
        case let .jobs(n): return "--jobs \(n): the number of worker threads must be an integer >= 1"
        case let .noModel(id): return "scheme '\(id)': no Swift model exists to simulate it (known: \(SchemeModelsList.ids))"
        case let .grid(name):
            return "mobility.grid '\(name)': allowed: \(GridKind.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}

import Schemes
enum SchemeModelsList { static var ids: String { SchemeModels.all.map(\.id).joined(separator: ", ") } }
