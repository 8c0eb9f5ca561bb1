import Evaluation
import Foundation
import Testing
@testable import Schemes

/// The package's Models/schemes, found from this file's location.
let shippedSchemes = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Models/schemes")

@Suite("Shipped scheme cards")
struct ShippedCardsTests {
    @Test func everyShippedCardLoadsInCanonicalOrder() throws {
        let catalog = try SchemeCatalog.load(directory: shippedSchemes)
        #expect(catalog.ids == ["mipv6", "pmipv6", "hmipv6", "fama", "dmi", "ghaha",
                                "dlma", "spmip", "sdpmip", "dma", "sail", "rfc8885-relay", "rfc8885-proxy",
                                "fmipv6", "fpmipv6"])
    }

    @Test func exactlyTheSeedsFourSchemesAreInTheSeedTable() throws {
        let catalog = try SchemeCatalog.load(directory: shippedSchemes)
        #expect(catalog.cards.filter(\.inSeedTable).map(\.id) == ["hmipv6", "fama", "dmi", "ghaha"])
        #expect(catalog.cards.filter { !$0.inSeedTable }.allSatisfy { $0.table1Reasoning != nil })
        #expect(try catalog.require("ghaha").table1LabelInSeed == "GHAAH")
    }

    /// Message counts per intra-domain handoff from docs/MODELS.md 8,
    /// with k old anchors, N HAs and no route optimisation (c = 0).
    @Test func handoffMessageCountsFollowSchemesSection8() throws {
        let catalog = try SchemeCatalog.load(directory: shippedSchemes)
        func count(_ id: String, k: Int, n: Int, predictive: Bool = true) throws -> Int {
            try catalog.require(id).messages(for: .handoff).reduce(0) { total, message in
                switch message.repeatRule {
                case .once: return total + 1
                case .perActiveOldAnchor: return total + k
                case .perPeerHA: return total + (n - 1)
                case .perMAGInDomain, .perCN, .perCNPerMAGInDomain: return total  // c = 0 CNs: section 8 lists these as "+ per CMAG"
                case .predictive: return total + (predictive ? 1 : 0)
                case .reactive: return total + (predictive ? 0 : 1)
                }
            }
        }
        #expect(try count("mipv6", k: 3, n: 5) == 2)
        #expect(try count("pmipv6", k: 3, n: 5) == 4)
        #expect(try count("hmipv6", k: 3, n: 5) == 2)
        #expect(try count("fama", k: 3, n: 5) == 6)
        #expect(try count("dmi", k: 3, n: 5) == 8)
        #expect(try count("dma", k: 3, n: 5) == 6)
        #expect(try count("ghaha", k: 3, n: 5) == 2 + 4)
        #expect(try count("sail", k: 3, n: 5) == 3)
        #expect(try count("spmip", k: 3, n: 5) == 2)
        #expect(try count("sdpmip", k: 3, n: 5) == 0)
        // RFC 8885: PBU/PBA with the CMD and a PBU/PBA pair per P-MAAR (sections 3.2, 3.4).
        #expect(try count("rfc8885-relay", k: 3, n: 5) == 2 + 2 * 3)
        #expect(try count("rfc8885-proxy", k: 3, n: 5) == 2 + 2 * 3)
        // FMIPv6: RtSolPr, PrRtAdv, UNA, BU, BA; predictive FBU, HI, HAck, FBack x2; reactive FBU x2, FBack x2.
        #expect(try count("fmipv6", k: 3, n: 5) == 5 + 5)
        #expect(try count("fmipv6", k: 3, n: 5, predictive: false) == 5 + 4)
        // FPMIPv6: HI/HAck in either direction plus PMIPv6's four.
        #expect(try count("fpmipv6", k: 3, n: 5) == 6)
        #expect(try count("fpmipv6", k: 3, n: 5, predictive: false) == 6)
        #expect(try catalog.require("hmipv6").messages(for: .domainHandoff).map(\.size) == [.bu, .ba])
        #expect(try catalog.require("ghaha").messages(for: .periodic).map(\.size) == [.haHello])
        #expect(try catalog.require("sdpmip").messages(for: .sessionStart).first?.repeatRule == .perMAGInDomain)
    }

    @Test func requireNamesTheKnownIds() throws {
        let catalog = try SchemeCatalog.load(directory: shippedSchemes)
        #expect(throws: SchemeCatalogError("unknown scheme 'nope'; known: mipv6, pmipv6, hmipv6, fama, dmi, ghaha, dlma, spmip, sdpmip, dma, sail, rfc8885-relay, rfc8885-proxy, fmipv6, fpmipv6")) {
            try catalog.require("nope")
        }
    }
}
