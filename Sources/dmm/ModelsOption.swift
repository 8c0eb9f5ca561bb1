import ArgumentParser
import Evaluation
import Schemes

/// `--models DIR` and `--schemes a,b,c`: where the cards and scenarios are, and
/// which schemes to evaluate.
struct ModelsOption: ParsableArguments {
    @Option(help: "Models directory holding schemes/ and scenarios/ (default: $DMM_MODELS, else the shipped Models).")
    var models: String?

    /// Every card of the models directory (`SchemeCatalog.load`).
    func catalog() throws -> SchemeCatalog {
        try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
    }
}

/// `--schemes a,b,c` (`SchemeCatalog.select`).
struct SchemesOption: ParsableArguments {
    @Option(help: "Comma-separated scheme ids (default: all, in the catalogue's order).")
    var schemes: String?

    func cards(_ models: ModelsOption) throws -> [SchemeCard] {
        try models.catalog().select(schemes)
    }
}
