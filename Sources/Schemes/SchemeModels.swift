/// The Swift half of every scheme, by card id (docs/ARCHITECTURE.md).
public enum SchemeModels {
    /// The registry: adding a scheme adds its model here (one line).
    public static let all: [any SchemeModel] = [
        MIPv6Model(), PMIPv6Model(), HMIPv6Model(), FAMAModel(), DMIModel(), GHAHAModel(), DLMAModel(),
        SPMIPModel(), SDPMIPModel(), DMAModel(), SAILModel(), RFC8885RelayModel(), RFC8885ProxyModel(),
        FMIPv6Model(), FPMIPv6Model(),
    ]

    /// The model for a card id among `models`, or nil when no Swift model exists for it.
    public static func model(for id: String, in models: [any SchemeModel] = all) -> (any SchemeModel)? {
        models.first { $0.id == id }
    }

    /// The model of `card` among `models`, or `SchemeCatalogError` (exit 2) naming the models there are.
    public static func require(_ card: SchemeCard, in models: [any SchemeModel] = all) throws -> any SchemeModel {
        guard let model = model(for: card.id, in: models) else {
            throw SchemeCatalogError(
                "scheme '\(card.id)' has a card but no Swift model; models exist for \(models.map(\.id).joined(separator: ", "))")
        }
        return model
    }
}
