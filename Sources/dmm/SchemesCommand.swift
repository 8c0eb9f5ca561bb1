import ArgumentParser
import Foundation
import Evaluation
import Reports
import Schemes

/// `dmm schemes`: the scheme catalogue, one line each, or one card in full.
struct SchemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemes",
        abstract: "List the schemes of the catalogue, or show one card.",
        discussion: """
            Lists id, name and base protocol of every card in Models/schemes, one a \
            line. --show ID prints one card: Table 1 cells, attributes, choices and \
            the signaling messages of every event.

            Examples:
              dmm schemes
              dmm schemes --show hmipv6
              dmm schemes --models ./my-models --show sail
            """
    )

    @Option(help: "Print the card of this scheme id.")
    var show: String?

    @OptionGroup var modelsOption: ModelsOption

    func run() throws {
        let catalog = try modelsOption.catalog()
        let text = try show.map { SchemeCardText.describe(try catalog.require($0)) } ?? SchemeCardText.list(catalog)
        try StandardStream.write(text)
    }
}
