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
            Lists id, name and base protocol of every card in Models/schemes, one a
            line. --show ID prints one card: Table 1 cells, attributes, choices and
            the signaling messages of every event.

            Examples:
              dmm schemes
              dmm schemes --show hmipv6
              dmm schemes --models ./my-models --show sail
            """
    )

    @Option(help: "Print the card of this scheme id.")
    var show: String?

    @Option(help: "Models directory holding schemes/ (default: $DMM_MODELS, else the shipped Models).")
    var models: String?

    func run() throws {
        let catalog = try SchemeCatalog.load(directory: ModelsLocator.schemesDirectory(explicit: models))
        let text: String
        if let show {
            text = Self.describe(try catalog.require(show))
        } else {
            text = Self.list(catalog)
        }
        try StandardStream.write(text)
    }

    static func list(_ catalog: SchemeCatalog) -> String {
        let idWidth = catalog.cards.map(\.id.count).max() ?? 0
        let nameWidth = catalog.cards.map(\.name.count).max() ?? 0
        return catalog.cards.map { card in
            card.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                + card.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + card.baseProtocol + "\n"
        }.joined()
    }

    static func describe(_ card: SchemeCard) -> String {
        let a = card.attributes
        var out = "\(card.id): \(card.name) (\(card.shortName))\n"
        out += "Documents: \(card.documents.joined(separator: "; "))\n"
        out += "Base protocol: \(card.baseProtocol)\n"
        out += "In the seed's Table 1: \(card.inSeedTable ? "yes" : "no")"
        if let label = card.table1LabelInSeed { out += " (spelled \"\(label)\" there)" }
        out += "\n\nTable 1 cells:\n"
        let headings = ["Base protocol", "Distributed mobility anchors", "Dynamic mobility support",
                        "Splitting location & routing", "Number of HoAs per MN", "Required changes"]
        for (heading, cell) in zip(headings, card.table1.cells) { out += "  \(heading): \(cell)\n" }
        if let reasoning = card.table1Reasoning { out += paragraph("Why", reasoning) }
        out += "\nAttributes:\n"
        let attributes: [(String, String)] = [
            ("Mobility kind", a.mobilityKind.rawValue),
            ("Anchoring", a.anchoring.rawValue),
            ("Anchor placement", a.anchorPlacement),
            ("Permanent address", a.permanentAddress),
            ("CN reachability", a.cnReachability),
            ("Control plane", a.controlPlane),
            ("Anycast", a.anycast ? "yes" : "no"),
            ("Single points of failure", a.singlePointsOfFailure.isEmpty ? "none" : a.singlePointsOfFailure.joined(separator: ", ")),
            ("Security", a.security),
            ("Routing loop risk", a.routingLoopRisk),
            ("RFC 7333 requirements met", a.rfc7333Requirements.isEmpty ? "none" : a.rfc7333Requirements.map(\.rawValue).joined(separator: ", ")),
        ]
        for (name, value) in attributes { out += "  \(name): \(value)\n" }
        out += "\nSignaling procedures (message: from -> to, size key, repeat):\n"
        for event in ProcedureEvent.allCases {
            let messages = card.messages(for: event)
            out += "  \(event.rawValue):" + (messages.isEmpty ? " none\n" : "\n")
            for m in messages {
                out += "    \(m.message): \(m.from.rawValue) -> \(m.to.rawValue), \(m.size.rawValue), \(m.repeatRule.rawValue)\n"
            }
        }
        out += paragraph("Choices", card.choices, indent: "")
        out += "\nCard: \(card.source)\n"
        return out
    }

    /// "Title:" and the text wrapped to 78 columns under it.
    static func paragraph(_ title: String, _ text: String, indent: String = "  ") -> String {
        var out = (indent.isEmpty ? "\n" : "") + indent + title + ":\n"
        var line = indent + "  "
        for word in text.split(whereSeparator: { $0 == " " || $0.isNewline }) {
            if line.count + word.count + 1 > 78 && line.trimmingCharacters(in: .whitespaces).count > 0 {
                out += line + "\n"
                line = indent + "  "
            }
            line += (line.trimmingCharacters(in: .whitespaces).isEmpty ? "" : " ") + word
        }
        return out + line + "\n"
    }
}
