import Foundation
import Testing

/// Expected outputs: the golden files of Tests/ReportsTests/Golden, checked by eye.
func golden(_ name: String) throws -> String {
    let url = CLI.packageRoot.appendingPathComponent("Tests/ReportsTests/Golden").appendingPathComponent(name)
    return String(decoding: try Data(contentsOf: url), as: UTF8.self)
}

/// The seed's Table 1 read from the draft itself (a copy of
/// reference/draft-kuntz-dmm-summary-01.txt): its tab-separated heading lines
/// and four rows after the line starting "Scheme\tBase".
struct DraftTable1 {
    let headings: [String]
    let rows: [[String]]

    static func read() throws -> DraftTable1 {
        let url = CLI.packageRoot.appendingPathComponent("Tests/DMMTests/Fixtures/draft-kuntz-dmm-summary-01.txt")
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Scheme\tBase") })
        let headingLines = lines[start..<start + 3].map { $0.components(separatedBy: "\t") }
        let headings = (0..<7).map { column in
            headingLines.map { column < $0.count ? $0[column] : "" }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        let rows = lines[start + 3..<start + 7].map { $0.components(separatedBy: "\t") }
        return DraftTable1(headings: headings, rows: rows)
    }
}

@Suite("dmm table")
struct TableCommandTests {
    @Test(arguments: [("markdown", "table1.md"), ("csv", "table1.csv"), ("latex", "table1.tex"),
                      ("rfc", "table1.txt"), ("json", "table1.json")])
    func everyFormatMatchesItsGoldenFile(format: String, file: String) throws {
        let result = try CLI.run(["table", "--format", format])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(Array(result.stdout.utf8) == Array(try golden(file).utf8))
    }

    @Test func markdownIsTheDefault() throws {
        let result = try CLI.run(["table"])
        #expect(result.stdout == (try golden("table1.md")))
    }

    /// Every cell of the four rows equals the draft's text; only GHAAH is
    /// printed GHAHA, and the draft's spelling is footnoted.
    @Test func seedRowsEqualTheDraftCellForCell() throws {
        let draft = try DraftTable1.read()
        #expect(draft.rows.count == 4)
        #expect(draft.rows.map(\.count) == [7, 7, 7, 7])
        let json = try CLI.run(["table", "--format", "json"]).stdout
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        let csvHeader = try CLI.run(["table", "--format", "csv"]).stdout.components(separatedBy: "\r\n")[0]
        let keys = csvHeader.components(separatedBy: ",")
        #expect(keys.count == 7)
        #expect(Array(keys.dropFirst()) == Array(draft.headings.dropFirst()))
        #expect(draft.headings[0] == "Scheme name")
        for (row, object) in zip(draft.rows, objects) {
            let expected = row.map { $0 == "GHAAH" ? "GHAHA" : $0 }
            #expect(keys.map { object[$0] ?? "?" } == expected)
        }
        #expect(draft.rows[3][0] == "GHAAH")
        for (format, quoted) in [("markdown", "\"GHAAH\""), ("latex", "``GHAAH''"), ("rfc", "\"GHAAH\"")] {
            #expect(try CLI.run(["table", "--format", format]).stdout.contains(quoted), "\(format)")
        }
    }

    @Test func outputWritesTheFileAndNothingToStdout() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-table-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t.tex")
        let result = try CLI.run(["table", "--format", "latex", "--output", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self) == (try golden("table1.tex")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["t.tex"])
    }

    @Test func outputIntoAMissingDirectoryExitsTwo() throws {
        let result = try CLI.run(["table", "--output", "/nonexistent-dmm-dir/t.md"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot write '/nonexistent-dmm-dir/t.md': directory '/nonexistent-dmm-dir' does not exist\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownFormatExitsTwo() throws {
        let result = try CLI.run(["table", "--format", "xml"])
        #expect(result.status == 2)
        for format in ["markdown", "csv", "latex", "rfc", "xml2rfc", "json"] {
            #expect(result.stderr.contains("  - \(format)\n"), "\(format)")
        }
    }

    @Test func extendedListsEverySchemeInEveryFormat() throws {
        let csv = try CLI.run(["table", "--extended", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 16)
        #expect(lines.dropFirst().map { $0.components(separatedBy: ",")[0] }
                == ["MIPv6", "PMIPv6", "HMIPv6", "FAMA", "DMI", "GHAHA", "DLMA", "S-PMIP", "SD-PMIP", "DMA", "SAIL",
                    "RFC8885-R", "RFC8885-P", "FMIPv6", "FPMIPv6"])
        let json = try CLI.run(["table", "--extended", "--format", "json"]).stdout
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects.count == 15)
        #expect(objects.allSatisfy { $0["CN reachability"] != nil && $0["RFC 7333 requirements met"] != nil })
        #expect(objects.first { $0["Scheme"] as? String == "GHAHA" }?["Anycast"] as? String == "yes")
        #expect(objects.first { $0["Scheme"] as? String == "MIPv6" }?["Single points of failure"] as? String == "ha")
        let rfc = try CLI.run(["table", "--extended", "--format", "rfc"]).stdout
        #expect(rfc.split(separator: "\n").allSatisfy { $0.count <= 69 })
        for format in ["markdown", "latex"] {
            #expect(try CLI.run(["table", "--extended", "--format", format]).status == 0)
        }
    }

    @Test func brokenCardInModelsExitsTwoWithFileAndLine() throws {
        let models = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-models-\(UUID().uuidString)")
        let schemes = models.appendingPathComponent("schemes")
        try FileManager.default.createDirectory(at: schemes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: models) }
        let card = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Models/schemes/fama.yaml"), encoding: .utf8)
        let broken = card.replacingOccurrences(of: "size: ba, repeat: per_active_old_anchor}\n  domain_handoff",
                                               with: "size: bax, repeat: per_active_old_anchor}\n  domain_handoff")
        #expect(broken != card)
        try broken.write(to: schemes.appendingPathComponent("fama.yaml"), atomically: true, encoding: .utf8)
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("size: bax") }! + 1
        let result = try CLI.run(["table", "--models", models.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(schemes.path)/fama.yaml:\(line): 'procedures.handoff[1].size': 'bax' is not a known size key; allowed: "))
        #expect(result.stdout.isEmpty)
    }
}

@Suite("dmm schemes")
struct SchemesCommandTests {
    @Test func listsOneLinePerScheme() throws {
        let result = try CLI.run(["schemes"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            mipv6          Mobile IPv6                                          MIPv6
            pmipv6         Proxy Mobile IPv6                                    PMIPv6
            hmipv6         Hierarchical Mobile IPv6                             MIPv6
            fama           Flat Access and Mobility Architecture                MIPv6
            dmi            Dynamic Mobile IP                                    MIPv6
            ghaha          Global HA to HA                                      MIPv6
            dlma           Dynamic Local Mobility Anchors                       PMIPv6
            spmip          Signal-driven PMIP                                   PMIPv6
            sdpmip         Signal-driven Distributed PMIP                       PMIPv6
            dma            Dynamic Mobility Anchoring                           PMIPv6
            sail           SAIL: A Scalable Approach for Wide-Area IP Mobility  MIPv6
            rfc8885-relay  PMIPv6-based DMM, CMD as PBU/PBA relay               PMIPv6
            rfc8885-proxy  PMIPv6-based DMM, CMD as MAAR proxy                  PMIPv6
            fmipv6         Mobile IPv6 Fast Handovers                           MIPv6
            fpmipv6        Fast Handovers for Proxy Mobile IPv6                 PMIPv6

            """)
    }

    @Test func showPrintsOneCard() throws {
        let result = try CLI.run(["schemes", "--show", "hmipv6"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("hmipv6: Hierarchical Mobile IPv6 (HMIPv6)\nDocuments: RFC 5380\nBase protocol: MIPv6\n"))
        #expect(result.stdout.contains("  handoff:\n    LBU: mn -> map, lbu, once\n    LBA: map -> mn, lba, once\n  domain_handoff:\n    BU: mn -> ha, bu, once\n"))
        #expect(result.stdout.contains("  Number of HoAs per MN: Single one\n"))
    }

    @Test func showUnknownIdExitsTwoListingKnownIds() throws {
        let result = try CLI.run(["schemes", "--show", "mip"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: unknown scheme 'mip'; known: mipv6, pmipv6, hmipv6, fama, dmi, ghaha, dlma, spmip, sdpmip, dma, sail, rfc8885-relay, rfc8885-proxy, fmipv6, fpmipv6\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func modelsWithoutSchemesExitsTwo() throws {
        let result = try CLI.run(["schemes", "--models", "/tmp"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--models '/tmp' has no schemes/ directory"))
    }

    @Test func helpHasExamples() throws {
        for command in ["table", "schemes"] {
            let result = try CLI.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Examples:"))
        }
    }
}
