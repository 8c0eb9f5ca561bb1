import Mobility
import Stochastics

extension Scenario {
    /// The mobility values every metric reads, computed from the scenario's
    /// inputs once (when `mobility` changes, by its observer), so that the
    /// closed forms, the Monte Carlo and the motion cache key do not each redo
    /// the fluid-flow rescaling.
    public struct Derived: Sendable, Equatable {
        /// The residence law the metrics use: `mobility.residence`, or with
        /// `crossing_model: fluid_flow` the same shape rescaled to the fluid-flow
        /// mean residence 1/η = πS/(vL) (analytic-models.md 2.7), seconds.
        public let residence: ProbabilityLaw
        /// AR crossings per second, η = 1/E[X] of `residence`.
        public let crossingRate: Double

        /// The derived values of `m`, or the error that makes them impossible
        /// (a fluid-flow mean residence that is 0 or not finite).
        static func of(_ m: Scenario.Mobility) -> Result<Derived, ScenarioError> {
            let residence: ProbabilityLaw
            switch m.crossingModel {
            case .residence:
                residence = m.residence
            case .fluidFlow:
                let mean = FluidFlow.meanResidence(speed: m.speedMps, cellSize: m.cellSizeM, shape: m.cellShape)
                do { residence = try m.residence.withMean(mean) } catch {
                    return .failure(ScenarioError(
                        "mobility.crossing_model fluid_flow: speed_mps \(ProbabilityLaw.format(m.speedMps)) and cell_size_m \(ProbabilityLaw.format(m.cellSizeM)) (\(m.cellShape.rawValue)) give a mean residence of \(ProbabilityLaw.format(mean)) s; allowed: a finite mean > 0 (change the speed or the cell size)"))
                }
            }
            return .success(Derived(residence: residence, crossingRate: 1 / residence.mean))
        }
    }

    /// The derived values (`Derived`); throws `ScenarioError` (exit 2) when the
    /// mobility inputs admit none.
    public func derived() throws -> Derived { try derivation.get() }

    /// The residence law the metrics use (`Derived.residence`).
    public func effectiveResidence() throws -> ProbabilityLaw { try derivation.get().residence }
}
