/// The six cells after "Scheme" in a row of the seed draft's Table 1
/// (draft-kuntz-dmm-summary-01 section 4). For the four schemes in the seed's
/// table they are the seed's text verbatim; for the others, judgment recorded
/// in the card's `table1_reasoning`.
public struct Table1Cells: Sendable, Equatable {
    public var baseProtocol: String
    public var distributedMobilityAnchors: String
    public var dynamicMobilitySupport: String
    public var splittingLocationAndRouting: String
    public var hoasPerMN: String
    public var requiredChanges: String

    public init(baseProtocol: String, distributedMobilityAnchors: String, dynamicMobilitySupport: String,
                splittingLocationAndRouting: String, hoasPerMN: String, requiredChanges: String) {
        self.baseProtocol = baseProtocol
        self.distributedMobilityAnchors = distributedMobilityAnchors
        self.dynamicMobilitySupport = dynamicMobilitySupport
        self.splittingLocationAndRouting = splittingLocationAndRouting
        self.hoasPerMN = hoasPerMN
        self.requiredChanges = requiredChanges
    }

    /// The cells in the seed's column order.
    public var cells: [String] {
        [baseProtocol, distributedMobilityAnchors, dynamicMobilitySupport,
         splittingLocationAndRouting, hoasPerMN, requiredChanges]
    }

    /// Card keys in the seed's column order.
    public static let keys = [
        "base_protocol", "distributed_mobility_anchors", "dynamic_mobility_support",
        "splitting_location_and_routing", "hoas_per_mn", "required_changes",
    ]
}
