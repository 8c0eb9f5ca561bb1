import Foundation

/// The fluid-flow cell-boundary crossing rate (docs/MODELS.md §2.7).
///
/// Assumptions: the MN moves in straight lines at constant speed v with a
/// direction uniform on [0, 2π) and a uniform position; then the mean crossing
/// rate of a cell with perimeter L and area S is η = v·L/(π·S) (Cauchy–Crofton).
/// Only the mean rate: a residence law with mean 1/η has to be assumed on top.
public enum FluidFlow {
    public enum CellShape: String, CaseIterable, Sendable, Codable {
        /// Disc of radius R: L = 2πR, S = πR², η = 2v/(πR).
        case circle
        /// Square of side a: L = 4a, S = a², η = 4v/(πa).
        case square
        /// Regular hexagon of side a: L = 6a, S = (3√3/2)a², η = 4v/(√3·π·a).
        case hexagon
    }

    /// Crossings per second for `speed` in m/s and `cellSize` in metres: the
    /// radius for a circle, the side for a square or a hexagon.
    public static func crossingRate(speed: Double, cellSize: Double, shape: CellShape) -> Double {
        let (perimeter, area) = geometry(cellSize: cellSize, shape: shape)
        return speed * perimeter / (Double.pi * area)
    }

    /// Mean residence time 1/η in seconds.
    public static func meanResidence(speed: Double, cellSize: Double, shape: CellShape) -> Double {
        1 / crossingRate(speed: speed, cellSize: cellSize, shape: shape)
    }

    /// (perimeter L in m, area S in m²).
    public static func geometry(cellSize a: Double, shape: CellShape) -> (Double, Double) {
        switch shape {
        case .circle: return (2 * Double.pi * a, Double.pi * a * a)
        case .square: return (4 * a, a * a)
        case .hexagon: return (6 * a, 3 * 3.0.squareRoot() / 2 * a * a)
        }
    }
}
