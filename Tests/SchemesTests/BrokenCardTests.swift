import Evaluation
import Foundation
import Testing
@testable import Schemes

/// A small valid card; each test breaks one line of it. Line numbers in the
/// expectations are counted in this text (line 1 is `id: demo`).
let validCard = """
id: demo
name: Demo scheme
short_name: DEMO
documents: ["RFC 0000"]
base_protocol: MIPv6
in_seed_table: false
table1:
  base_protocol: "MIPv6"
  distributed_mobility_anchors: "Yes"
  dynamic_mobility_support: "No"
  splitting_location_and_routing: "No"
  hoas_per_mn: "Single one"
  required_changes: "HA"
table1_reasoning: because
attributes:
  mobility_kind: client
  anchoring: per-node
  anchor_placement: central HA
  permanent_address: HoA
  cn_reachability: "yes"
  control_plane: HA
  anycast: false
  single_points_of_failure: [ha]
  security: IPsec
  routing_loop_risk: none
  rfc7333_requirements: [REQ3]
choices: none
procedures:
  attach: []
  handoff:
    - {message: BU, from: mn, to: ha, size: bu, repeat: once}
    - {message: BA, from: ha, to: mn, size: ba, repeat: once}
  domain_handoff: []
  session_start: []
  refresh: []
  periodic: []
  failure_recovery: []
"""

func replacing(_ old: String, with new: String) -> String {
    precondition(validCard.contains(old), "test card has no '\(old)'")
    return validCard.replacingOccurrences(of: old, with: new)
}

func cardError(_ yaml: String) -> SchemeCardError? {
    do {
        _ = try SchemeCard.parse(yaml: yaml, file: "demo.yaml")
        return nil
    } catch let error as SchemeCardError {
        return error
    } catch {
        return nil
    }
}

@Suite("Broken scheme cards")
struct BrokenCardTests {
    @Test func theValidCardParses() throws {
        let card = try SchemeCard.parse(yaml: validCard, file: "demo.yaml")
        #expect(card.messages(for: .handoff) == [
            SignalingMessage(message: "BU", from: .mn, to: .ha, size: .bu, repeatRule: .once),
            SignalingMessage(message: "BA", from: .ha, to: .mn, size: .ba, repeatRule: .once),
        ])
        #expect(card.table1.cells == ["MIPv6", "Yes", "No", "No", "Single one", "HA"])
        #expect(card.attributes.singlePointsOfFailure == ["ha"])
    }

    @Test func unknownTopLevelKey() {
        let error = cardError(replacing("choices: none", with: "choices: none\ncolour: blue"))
        #expect(error?.line == 28)
        #expect(error?.field == "colour")
        #expect(error?.problem == .unknownKey(allowed: SchemeCard.cardKeys))
    }

    @Test func unknownNestedKey() {
        let error = cardError(replacing("  anycast: false", with: "  anycats: false"))
        #expect(error?.line == 22)
        #expect(error?.field == "attributes.anycats")
        #expect(error?.problem == .unknownKey(allowed: SchemeCard.attributeKeys))
    }

    @Test func duplicateKey() {
        let error = cardError(replacing("short_name: DEMO", with: "short_name: DEMO\nname: Again"))
        #expect(error?.line == 4)
        #expect(error?.field == "name")
        #expect(error?.problem == .duplicateKey)
    }

    @Test func missingTopLevelField() {
        let error = cardError(replacing("short_name: DEMO\n", with: ""))
        #expect(error?.line == 1)
        #expect(error?.field == "short_name")
        #expect(error?.problem == .missingField)
    }

    @Test func missingTable1Cell() {
        let error = cardError(replacing("  hoas_per_mn: \"Single one\"\n", with: ""))
        #expect(error?.line == 7)
        #expect(error?.field == "table1.hoas_per_mn")
        #expect(error?.problem == .missingField)
    }

    @Test func missingEvent() {
        let error = cardError(replacing("  periodic: []\n", with: ""))
        #expect(error?.line == 28)
        #expect(error?.field == "procedures.periodic")
        #expect(error?.problem == .missingField)
    }

    @Test func missingReasoningForANonSeedScheme() {
        let error = cardError(replacing("table1_reasoning: because\n", with: ""))
        #expect(error?.line == 6)
        #expect(error?.field == "table1_reasoning")
    }

    @Test func wrongTypeForBoolean() {
        let error = cardError(replacing("in_seed_table: false", with: "in_seed_table: maybe"))
        #expect(error?.line == 6)
        #expect(error?.field == "in_seed_table")
        #expect(error?.problem == .wrongType(expected: "true or false", found: "the scalar 'maybe'"))
    }

    @Test func wrongTypeForList() {
        let error = cardError(replacing("documents: [\"RFC 0000\"]", with: "documents: RFC 0000"))
        #expect(error?.line == 4)
        #expect(error?.field == "documents")
        #expect(error?.problem == .wrongType(expected: "a list", found: "the scalar 'RFC 0000'"))
    }

    @Test func unknownSizeKey() {
        let error = cardError(replacing("size: ba,", with: "size: bigba,"))
        #expect(error?.line == 32)
        #expect(error?.field == "procedures.handoff[1].size")
        #expect(error?.problem == .unknownValue("bigba", kind: "size key", allowed: MessageSizeKey.allCases.map(\.rawValue)))
    }

    @Test func unknownRole() {
        let error = cardError(replacing("from: mn, to: ha", with: "from: mn, to: home_agent"))
        #expect(error?.line == 31)
        #expect(error?.field == "procedures.handoff[0].to")
        #expect(error?.problem == .unknownValue("home_agent", kind: "role", allowed: Role.allCases.map(\.rawValue)))
    }

    @Test func unknownRepeatRule() {
        let error = cardError(replacing("size: bu, repeat: once", with: "size: bu, repeat: twice"))
        #expect(error?.line == 31)
        #expect(error?.field == "procedures.handoff[0].repeat")
        #expect(error?.problem == .unknownValue("twice", kind: "repeat rule", allowed: RepeatRule.allCases.map(\.rawValue)))
    }

    @Test func unknownEvent() {
        let error = cardError(replacing("  refresh: []", with: "  refresh: []\n  reboot: []"))
        #expect(error?.line == 36)
        #expect(error?.field == "procedures.reboot")
        #expect(error?.problem == .unknownValue("reboot", kind: "event", allowed: ProcedureEvent.allCases.map(\.rawValue)))
    }

    @Test func missingMessageField() {
        let error = cardError(replacing("{message: BA, from: ha, to: mn, size: ba, repeat: once}", with: "{message: BA, from: ha, to: mn, size: ba}"))
        #expect(error?.line == 32)
        #expect(error?.field == "procedures.handoff[1].repeat")
        #expect(error?.problem == .missingField)
    }

    @Test func unknownRFC7333Requirement() {
        let error = cardError(replacing("[REQ3]", with: "[REQ3, REQ9]"))
        #expect(error?.line == 26)
        #expect(error?.field == "attributes.rfc7333_requirements[1]")
    }

    @Test func syntaxErrorGivesItsLine() {
        let error = cardError(replacing("choices: none", with: "choices: [unclosed"))
        #expect(error?.field == "(card)")
        #expect(error?.line ?? 0 >= 28)
        if case .syntax = error?.problem {} else { Issue.record("expected a syntax error, got \(String(describing: error))") }
    }

    @Test func messageNamesFileLineAndField() {
        let error = cardError(replacing("size: ba,", with: "size: bigba,"))
        #expect(error?.description.hasPrefix("demo.yaml:32: 'procedures.handoff[1].size': 'bigba' is not a known size key; allowed: rs, ra,") == true)
    }
}

@Suite("Catalogue directory")
struct CatalogDirectoryTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-cards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func idMustMatchFileName() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try validCard.write(to: directory.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: SchemeCardError.self) { try SchemeCatalog.load(directory: directory) }
        do {
            _ = try SchemeCatalog.load(directory: directory)
        } catch let error as SchemeCardError {
            #expect(error.line == 1)
            #expect(error.field == "id")
            #expect(error.file.hasSuffix("other.yaml"))
        }
    }

    @Test func brokenCardInADirectoryNamesItsPath() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try replacing("size: ba,", with: "size: bigba,")
            .write(to: directory.appendingPathComponent("demo.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try SchemeCatalog.load(directory: directory)
            Issue.record("a broken card loaded")
        } catch let error as SchemeCardError {
            #expect(error.file == directory.appendingPathComponent("demo.yaml").path)
            #expect(error.line == 32)
        }
    }

    @Test func missingDirectoryIsAnInputError() {
        #expect(throws: SchemeCatalogError.self) {
            try SchemeCatalog.load(directory: URL(fileURLWithPath: "/nonexistent/schemes"))
        }
    }

    @Test func environmentOverrideMustHoldSchemes() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: SchemeCatalogError.self) {
            try ModelsLocator.modelsDirectory(environment: ["DMM_MODELS": directory.path], executable: nil)
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("schemes"), withIntermediateDirectories: true)
        let found = try ModelsLocator.modelsDirectory(environment: ["DMM_MODELS": directory.path], executable: nil)
        #expect(found.path == directory.standardizedFileURL.path)
    }

    @Test func withoutOverridesTheShippedModelsAreFound() throws {
        let found = try ModelsLocator.modelsDirectory(environment: [:], executable: nil)
        #expect(found.appendingPathComponent("schemes").standardizedFileURL.path == shippedSchemes.standardizedFileURL.path)
    }
}
