/// The Swift half of every scheme, by card id (DESIGN.md 2.4).
public enum SchemeModels {
    public static let all: [any SchemeModel] = [
        MIPv6Model(), PMIPv6Model(), HMIPv6Model(), FAMAModel(), DMIModel(), GHAHAModel(), DLMAModel(),
        SPMIPModel(), SDPMIPModel(), DMAModel(), SAILModel(),
    ]

    /// The model for a card id, or nil when no Swift model exists for it.
    public static func model(for id: String) -> (any SchemeModel)? { all.first { $0.id == id } }
}
