import Foundation
import Testing
@testable import Reports

/// A table with every escaping case: CSV commas, quotes and line breaks;
/// LaTeX specials; markdown pipes; JSON numbers, nulls and control
/// characters; non-ASCII text for rfc; and a cell long enough to wrap.
let escapingTable = Table(
    columns: [Table.Column("Case", id: "case"), Table.Column("Text", id: "text"), Table.Column("Value (ms)", id: "value_ms", alignment: .right)],
    rows: [
        ["plain", "simple text", "12.5"],
        ["csv", "comma, and \"quotes\"\nand a second line", "-3"],
        ["latex", "& % $ # _ { } ~ ^ \\ < > --show \"quoted\"", ""],
        ["marked", "a mark in a number cell", "4.566e-05\u{2020}"],
        ["markdown", "a | pipe", "1e-3"],
        ["non-ascii", "café – ≤ 5 µs → x ☃", "n/a"],
        ["long", "This cell is long enough that the rfc renderer has to wrap it over several lines, on word boundaries only, inside 72 columns.", "0"],
    ],
    caption: "Escaping & wrapping_cases",
    label: "tab:escaping",
    footnotes: ["A note with LaTeX specials: 50% & $5 #1 and blast_radius.<element>.", "\u{2020} A note explaining the mark."])

/// Too many columns for 69 characters side by side: rfc, xml2rfc and latex split it into column groups.
let wideTable = Table(
    columns: (1...9).map { Table.Column("Metric number \($0) (ms)", id: "metric_number_\($0)_ms") },
    rows: [
        (1...9).map { "value \($0)" },
        (1...9).map { $0 == 5 ? "a long value in the fifth column that has to wrap in the block layout as well, without cutting words" : "v\($0)" },
    ],
    caption: "A wide table")

@Suite("Table renderers against golden files")
struct RendererGoldenTests {
    @Test func markdown() throws {
        try GoldenFile.check(TableRenderer.render(escapingTable, as: .markdown), against: "escaping.md")
    }

    @Test func csv() throws {
        try GoldenFile.check(TableRenderer.render(escapingTable, as: .csv), against: "escaping.csv")
    }

    @Test func latex() throws {
        try GoldenFile.check(TableRenderer.render(escapingTable, as: .latex), against: "escaping.tex")
    }

    @Test func rfc() throws {
        try GoldenFile.check(TableRenderer.render(escapingTable, as: .rfc), against: "escaping.txt")
    }

    @Test func json() throws {
        try GoldenFile.check(TableRenderer.render(escapingTable, as: .json), against: "escaping.json")
    }

    @Test func xml2rfc() throws {
        try GoldenFile.check(TableRenderer.render(escapingTable, as: .xml2rfc), against: "escaping.xml")
    }

    @Test func rfcColumnGroupsForAWideTable() throws {
        try GoldenFile.check(TableRenderer.render(wideTable, as: .rfc), against: "wide.txt")
    }

    @Test func latexColumnGroupsForAWideTable() throws {
        try GoldenFile.check(TableRenderer.render(wideTable, as: .latex), against: "wide.tex")
    }

    /// 120 short rows cannot fit one page (550 pt of text height, 11 pt a row):
    /// the float is split by rows, every part repeats the header, the rows stay
    /// in order, each once, and the parts are numbered. pdflatex checks the
    /// fit itself on the real outputs (RealToolTests).
    @Test func latexRowGroupsForATallTable() throws {
        let tall = Table(
            columns: [Table.Column("Row", id: "row"), Table.Column("Value (ms)", id: "value_ms", alignment: .right)],
            rows: (1...120).map { ["row \($0)", "\($0).5"] },
            caption: "A tall table", label: "tab:tall", footnotes: ["A general note."])
        let text = TableRenderer.render(tall, as: .latex)
        let floats = text.components(separatedBy: "\\begin{table}").dropFirst()
        // 120 rows of 11 pt need more than two pages of 550 pt; a part holds
        // at least 24 rows (the page half full at worst).
        #expect((3...5).contains(floats.count), "\(floats.count) floats")
        for (index, float) in floats.enumerated() {
            #expect(float.contains("\\caption{A tall table (part \(index + 1) of \(floats.count))}"))
            #expect(float.contains("\\label{tab:tall-\(index + 1)}"))
            #expect(float.contains("Row & Value (ms) \\\\"))
            #expect(float.contains("A general note.") == (index == floats.count - 1))
        }
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("row ") }.map { String($0.split(separator: " ")[1]) }
        #expect(rows == (1...120).map(String.init))
    }

    @Test func terminalViewAt40Columns() throws {
        try GoldenFile.check(TableRenderer.render(escapingTable, as: .markdown, options: RenderOptions(terminalWidth: 40)), against: "escaping-terminal.txt")
    }
}

@Suite("Table renderer properties")
struct RendererPropertyTests {
    @Test(arguments: [escapingTable, wideTable])
    func rfcIsASCIIAndAtMost69Columns(table: Table) {
        let text = TableRenderer.render(table, as: .rfc)
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 69 })
        #expect(!text.contains(table.caption ?? "-"), "rfc prints the caption only when asked (xml2rfc's <name> carries it)")
        // Never key/value records: every group has the header underline.
        #expect(text.contains("----"))
    }

    /// Every cell and header appears in exactly one column group, the first column in each.
    @Test func columnGroupsKeepEveryColumnOnce() {
        let groups = wideTable.columnGroups { $0.columns.count <= 4 }
        #expect(groups.count == 3)
        #expect(groups.allSatisfy { $0.columns.first == wideTable.columns.first })
        #expect(groups.flatMap { $0.columns.dropFirst() } == Array(wideTable.columns.dropFirst()))
        #expect(groups.map(\.footnotes.isEmpty) == [true, true, wideTable.footnotes.isEmpty])
    }

    @Test(arguments: [20, 40, 80, 120])
    func terminalViewFitsItsWidth(width: Int) {
        for table in [escapingTable, wideTable] {
            let text = TableRenderer.render(table, as: .markdown, options: RenderOptions(terminalWidth: width))
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= width }, "a line is wider than \(width)")
        }
    }

    @Test func markdownEscapesAngleBrackets() {
        let text = TableRenderer.render(escapingTable, as: .markdown)
        #expect(text.contains("blast_radius.&lt;element&gt;"))
        #expect(!text.contains("Table 7") && !text.contains("Table 1:"))
    }

    @Test func latexTypesetsMarksExponentsAndDashes() {
        let text = TableRenderer.render(escapingTable, as: .latex)
        #expect(text.contains("\\ensuremath{4.566\\times 10^{-5}}\\tnote{\\dag}"))
        #expect(text.contains("\\item[\\dag] A note explaining the mark."))
        #expect(text.contains("-{}-show ``quoted''"))
        #expect(text.contains("\\label{tab:escaping}") && text.contains("\\caption{Escaping \\& wrapping\\_cases}"))
    }

    /// Wrapping never cuts a word: every word of every cell appears whole.
    @Test func rfcKeepsEveryWordWhole() {
        let text = TableRenderer.render(escapingTable, as: .rfc)
        let present = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        let longCell = escapingTable.rows[6][1]
        for word in longCell.split(separator: " ") {
            #expect(present.contains(String(word)), "word '\(word)' was cut")
        }
    }

    @Test func csvAndJSONHaveTheSameKeys() throws {
        let csvHeader = TableRenderer.render(escapingTable, as: .csv).components(separatedBy: "\r\n")[0]
        let json = TableRenderer.render(escapingTable, as: .json)
        let objects = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(csvHeader == "case,text,value_ms")
        #expect(objects?.count == escapingTable.rows.count)
        #expect(objects?.allSatisfy { Set($0.keys) == ["case", "text", "value_ms"] } == true)
        // Parsed back, strings round-trip exactly.
        #expect(objects?[1]["text"] as? String == "comma, and \"quotes\"\nand a second line")
        #expect(objects?[0]["value_ms"] as? Double == 12.5)
        #expect(objects?[2]["value_ms"] is NSNull)
        #expect(objects?[5]["value_ms"] as? String == "n/a")
    }

    @Test(arguments: [("0", true), ("-12", true), ("0.5", true), ("1e-3", true), ("2E+10", true),
                      ("01", false), ("1.", false), (".5", false), ("+1", false), ("nan", false),
                      ("inf", false), ("1e", false), ("", false), ("1 ms", false)])
    func jsonNumberGrammar(text: String, isNumber: Bool) {
        #expect(JSONRenderer.isJSONNumber(text) == isNumber)
    }

    @Test func transliterationKeepsUnknownCharactersVisible() {
        #expect(ASCIIText.transliterate("Café – ≤ µs ☃") == "Cafe - <= us [U+2603]")
    }

    /// The tables' marks † ‡ § read * ** # in ASCII text; § citing a section reads "Section".
    @Test func sectionSignIsAMarkOrASection() {
        #expect(ASCIIText.transliterate("121§ and 3†, 4‡") == "121# and 3*, 4**")
        #expect(ASCIIText.transliterate("§ Monte Carlo variance infinite") == "# Monte Carlo variance infinite")
        #expect(ASCIIText.transliterate("§2.3 special case") == "Section 2.3 special case")
        #expect(ASCIIText.transliterate("RFC 4862 § 5.4.2") == "RFC 4862 Section 5.4.2")
    }
}
