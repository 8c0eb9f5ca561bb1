import Foundation
import Schemes

extension SchemeCatalog {
    /// Loads every `*.yaml` card of `directory`. A card's `id` must equal its
    /// file name without `.yaml`, and ids must be unique.
    /// - Throws: `SchemeCatalogError` for a missing or empty directory,
    ///   `SchemeCardError` (file, line, field) for the first broken card.
    public static func load(directory: URL) throws -> SchemeCatalog {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SchemeCatalogError("scheme directory '\(directory.path)' does not exist; point --models or \(ModelsLocator.environmentVariable) at a Models directory that holds schemes/")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
            .sorted()
        guard !names.isEmpty else {
            throw SchemeCatalogError("scheme directory '\(directory.path)' holds no *.yaml cards")
        }
        var cards: [SchemeCard] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let path = url.path
            let text: String
            if let problem = CardFile.problem(path) {
                throw SchemeCardError(file: path, line: 1, field: "(card)", problem: .invalid(problem))
            }
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw SchemeCardError(file: path, line: 1, field: "(card)", problem: .invalid("cannot read the file as UTF-8 text"))
            }
            let card = try SchemeCard.parse(yaml: text, file: path)
            let stem = String(name.dropLast(".yaml".count))
            guard card.id == stem else {
                throw SchemeCardError(file: path, line: idLine(in: text), field: "id",
                                      problem: .invalid("id '\(card.id)' differs from the file name; name the file '\(card.id).yaml' or set id: \(stem)"))
            }
            cards.append(card)
        }
        return SchemeCatalog(cards: cards)
    }

    private static func idLine(in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.hasPrefix("id:") } ?? 0) + 1
    }
}
