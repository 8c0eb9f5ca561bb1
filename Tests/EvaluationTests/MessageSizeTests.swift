import Evaluation
import Schemes
import Testing

/// Every RFC-layout message size of the default scenario recomputed from its
/// fields (issue 15, message sizes of the standardised fast handovers). The
/// field lengths below are read off the RFCs' figures (docs/MODELS.md 5.2.1 has
/// the same derivations in prose); the sums, the option padding and the alignment
/// pads are computed here, independently of the scenario table, and compared with
/// `Scenario.default`. A 48-bit IEEE 802 link-layer address throughout.
@Suite struct MessageSizeTests {
    /// One option: its fields' octets and its alignment requirement xn+y
    /// (RFC 6275 section 6.2: multi-octet fields on their natural boundaries).
    struct Option {
        var name: String
        var fields: [Int]
        var alignment: (x: Int, y: Int) = (1, 0)
        var length: Int { fields.reduce(0, +) }
    }

    static let ipv6 = 40  // RFC 8200 section 3
    static let mac = 6  // IEEE 802 MAC address: the link-layer address and identifier

    /// A Neighbor Discovery message (ICMPv6): each option is padded to a multiple
    /// of 8 octets (RFC 4861 section 4.6: Length in units of 8 octets).
    static func icmpv6(header: [Int], options: [Option]) -> Int {
        ipv6 + header.reduce(0, +) + options.map { ($0.length + 7) / 8 * 8 }.reduce(0, +)
    }

    /// A Mobility Header message (RFC 6275 section 6.1.1): options in the given
    /// order, each preceded by the Pad1/PadN octets its alignment needs, the header
    /// padded to a multiple of 8 octets (Header Len in units of 8 octets).
    static func mobility(extensionHeaders: Int = 0, fixed: [Int], options: [Option]) -> Int {
        var at = fixed.reduce(0, +)
        for o in options {
            while at % o.alignment.x != o.alignment.y % o.alignment.x { at += 1 }
            at += o.length
        }
        return ipv6 + extensionHeaders + (at + 7) / 8 * 8
    }

    // Options (octets per field, RFC figure).
    /// RFC 5568 section 6.4: Link-Layer Address option (ICMPv6 type 19): Type, Length, Option-Code, LLA.
    static let lla = Option(name: "LLA", fields: [1, 1, 1, mac])
    /// RFC 5568 section 6.4: IP Address/Prefix option (ICMPv6 type 17): Type, Length, Option-Code,
    /// Prefix Length, Reserved, IPv6 address.
    static let ipAddress = Option(name: "IP Address/Prefix", fields: [1, 1, 1, 1, 4, 16])
    /// RFC 4861 section 4.6.1: Source/Target Link-layer Address option: Type, Length, address.
    static let sllao = Option(name: "S/TLLAO", fields: [1, 1, mac])
    /// RFC 4861 section 4.6.2: Prefix Information option.
    static let pio = Option(name: "PIO", fields: [1, 1, 1, 1, 4, 4, 4, 16])
    /// RFC 6275 section 6.2.5: Alternate Care-of Address, 8n+6.
    static let alternateCoA = Option(name: "ACoA", fields: [1, 1, 16], alignment: (8, 6))
    /// RFC 5568 section 6.4: Binding Authorization Data for FMIPv6: Type, Length, SPI,
    /// Authenticator First(96, HMAC_SHA1) = 12 octets; SPI on a 4-octet boundary.
    static let badf = Option(name: "BADF", fields: [1, 1, 4, 12], alignment: (4, 2))
    /// RFC 5568 section 6.4: Mobility Header IPv6 Address/Prefix: Type, Length, Option-Code,
    /// Prefix Length, IPv6 address (8n+4).
    static let mhAddress = Option(name: "MH IPv6 Address/Prefix", fields: [1, 1, 1, 1, 16], alignment: (8, 4))
    /// RFC 5568 section 6.4: Mobility Header Link-Layer Address: Type, Length, Option-Code, LLA.
    static let mhLLA = Option(name: "MH-LLA", fields: [1, 1, 1, mac])
    /// RFC 4283 section 3: MN-ID: Type, Length, Subtype, NAI (15 octets, ours: "mn0001@mno.net").
    static let mnID = Option(name: "MN-ID", fields: [1, 1, 1, 15])
    /// RFC 5213 section 8.3: Home Network Prefix: Type, Length, Reserved, Prefix Length, prefix (8n+4).
    static let hnp = Option(name: "HNP", fields: [1, 1, 1, 1, 16], alignment: (8, 4))
    /// RFC 5213 section 8.6: Mobile Node Link-layer Identifier: Type, Length, Reserved (2), identifier.
    static let mnLLID = Option(name: "MN LL-ID", fields: [1, 1, 2, mac], alignment: (2, 0))
    /// RFC 5949 section 6: LMA Address option: Type, Length, Option-Code, Reserved, IPv6 address (8n+4).
    static let lmaAddress = Option(name: "LMA address", fields: [1, 1, 1, 1, 16], alignment: (8, 4))
    /// RFC 5213 sections 8.4, 8.5, 8.8: Handoff Indicator and Access Technology Type (Type, Length,
    /// Reserved, value), Timestamp (Type, Length, 8 octets at 8n+2).
    static let handoffIndicator = Option(name: "HI option", fields: [1, 1, 1, 1])
    static let accessTechnology = Option(name: "ATT", fields: [1, 1, 1, 1])
    static let timestamp = Option(name: "Timestamp", fields: [1, 1, 8], alignment: (8, 2))
    /// RFC 6275 section 6.3: Home Address destination option inside a Destination Options
    /// header (Next Header, Hdr Ext Len, the option at 8n+6): 24 octets.
    static let homeAddressHeader = mobilityLikeHeader(fixed: [1, 1], option: Option(name: "HAO", fields: [1, 1, 16], alignment: (8, 6)))
    /// RFC 6275 section 6.4: type 2 Routing header: Next Header, Hdr Ext Len, Routing Type,
    /// Segments Left, Reserved (4), Home Address (16).
    static let routingHeader2 = [1, 1, 1, 1, 4, 16].reduce(0, +)

    static func mobilityLikeHeader(fixed: [Int], option: Option) -> Int {
        mobility(fixed: fixed, options: [option]) - ipv6
    }

    /// MH fixed part: Payload Proto, Header Len, MH Type, Reserved, Checksum.
    static let mh = [1, 1, 1, 1, 2]
    /// Binding Update / Fast Binding Update body: Sequence #, flags + Reserved, Lifetime (RFC 6275 6.1.7, RFC 5568 6.2.2).
    static let buBody = [2, 2, 2]
    /// Binding Acknowledgement / FBack body: Status, flags + Reserved, Sequence #, Lifetime (RFC 6275 6.1.8, RFC 5568 6.2.3).
    static let baBody = [1, 1, 2, 2]
    /// HI / HAck body: Sequence #, flags + Reserved (HAck: Reserved), Code (RFC 5568 6.2.1.1-6.2.1.2, RFC 5949 6).
    static let hiBody = [2, 1, 1]
    /// ICMPv6 FMIPv6 header: Type, Code, Checksum, Subtype, Reserved, Identifier (RFC 5568 6.1.1-6.1.2).
    static let fmipICMP = [1, 1, 2, 1, 1, 2]

    static let expected: [(MessageSizeKey, Int)] = [
        // RFC 5568 (FMIPv6)
        (.rtSolPr, icmpv6(header: fmipICMP, options: [lla /* MN */, lla /* new AP */])),
        (.prRtAdv, icmpv6(header: fmipICMP, options: [lla /* new AP */, lla /* NAR */, ipAddress /* NAR address */, ipAddress /* NAR prefix */])),
        (.fbu, mobility(fixed: mh + buBody, options: [alternateCoA, badf])),
        (.fbuReactive, mobility(fixed: mh + buBody, options: [badf])),
        (.fback, mobility(fixed: mh + baBody, options: [badf])),
        (.hi, mobility(fixed: mh + hiBody, options: [mhLLA, mhAddress /* PCoA */, mhAddress /* NCoA */])),
        (.hack, mobility(fixed: mh + hiBody, options: [])),
        (.una, icmpv6(header: [1, 1, 2, 4, 16] /* RFC 4861 4.4 NA */, options: [sllao /* target */])),
        // RFC 5949 (FPMIPv6)
        (.pmipHI, mobility(fixed: mh + hiBody, options: [mnID, hnp, mnLLID, lmaAddress])),
        (.pmipHAck, mobility(fixed: mh + hiBody, options: [mnID, hnp])),
        // RFC 4861 and RFC 6275, checked the same way
        (.rs, icmpv6(header: [1, 1, 2, 4], options: [sllao])),
        (.ra, icmpv6(header: [1, 1, 2, 1, 1, 2, 4, 4], options: [sllao, pio])),
        (.nsDAD, icmpv6(header: [1, 1, 2, 4, 16], options: [])),  // unspecified source: no SLLAO (RFC 4861 4.3)
        (.bu, mobility(extensionHeaders: homeAddressHeader, fixed: mh + buBody, options: [])),
        (.ba, mobility(extensionHeaders: routingHeader2, fixed: mh + baBody, options: [])),
        (.lbu, mobility(extensionHeaders: homeAddressHeader, fixed: mh + buBody, options: [])),
        (.lba, mobility(extensionHeaders: routingHeader2, fixed: mh + baBody, options: [])),
        (.hoti, mobility(fixed: mh + [2, 8], options: [])),  // Reserved, Home Init Cookie (RFC 6275 6.1.3)
        (.coti, mobility(fixed: mh + [2, 8], options: [])),
        (.hot, mobility(fixed: mh + [2, 8, 8], options: [])),  // Nonce Index, cookie, keygen token (6.1.5)
        (.cot, mobility(fixed: mh + [2, 8, 8], options: [])),
        (.heartbeat, mobility(fixed: mh + [1, 1, 4], options: [])),  // Reserved, flags, Sequence (RFC 5847 3.1)
    ]

    @Test func everyRFCLayoutSizeMatchesItsFields() {
        for (key, bytes) in Self.expected {
            #expect(Scenario.default.size(key) == Double(bytes), "\(key.rawValue): fields give \(bytes)")
        }
    }

    /// The layout arithmetic itself on the cases whose totals the RFCs state: a
    /// 6-octet address fills an LLA option to 9 octets, two 8-octet units; the
    /// Destination Options header with a Home Address option is 24 octets (RFC 6275
    /// 6.3: PadN 4 before the option at 8n+6); a Binding Update without options has
    /// a 12-octet message padded to 16.
    @Test func layoutRules() {
        #expect(Self.lla.length == 9 && Self.icmpv6(header: [], options: [Self.lla]) == Self.ipv6 + 16)
        #expect(Self.homeAddressHeader == 24)
        #expect(Self.mobility(fixed: Self.mh + Self.buBody, options: []) == Self.ipv6 + 16)
        // The alternate care-of address option after a 12-octet BU starts at 14 (8n+6).
        #expect(Self.mobility(fixed: Self.mh + Self.buBody, options: [Self.alternateCoA]) == Self.ipv6 + 32)
    }

    /// The RFC-minimal PBU and PBA that docs/MODELS.md 5.2 quotes beside the literature's 76
    /// (the scenario's default): MN-ID, HNP, handoff indicator, access technology type and
    /// timestamp (RFC 5213 section 8) come to 112 octets.
    @Test func rfcMinimalProxyBindingUpdateIs112() {
        let options = [Self.hnp, Self.handoffIndicator, Self.accessTechnology, Self.mnID, Self.timestamp]
        #expect(Self.mobility(fixed: Self.mh + Self.buBody, options: options) == 112)
        #expect(Self.mobility(fixed: Self.mh + Self.baBody, options: options) == 112)
    }
}
