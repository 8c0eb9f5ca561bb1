import Yams

extension SchemeCard {
    /// Top-level keys of a card, in the order cards write them.
    public static let cardKeys = [
        "id", "name", "short_name", "documents", "base_protocol", "in_seed_table", "table1",
        "table1_label_in_seed", "table1_reasoning", "attributes", "choices", "procedures",
    ]
    public static let attributeKeys = [
        "mobility_kind", "anchoring", "anchor_placement", "permanent_address", "cn_reachability",
        "control_plane", "anycast", "single_points_of_failure", "security", "routing_loop_risk",
        "rfc7333_requirements",
    ]
    public static let messageKeys = ["message", "from", "to", "size", "repeat", "deregistration"]

    /// Parses and validates one card. `file` names the card in errors.
    ///
    /// Every field is required except `table1_label_in_seed`, and
    /// `table1_reasoning` which is required only when `in_seed_table` is false.
    /// `procedures` must list every event (an empty list for none), so a
    /// missing event is a choice written down rather than an omission.
    /// - Throws: `SchemeCardError` with file, line and field.
    public static func parse(yaml: String, file: String) throws -> SchemeCard {
        let rootNode: Node?
        do {
            rootNode = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
        guard let rootNode else {
            throw SchemeCardError(file: file, line: 1, field: "(card)", problem: .invalid("the file is empty"))
        }
        let root = CardNode(node: rootNode, path: "", file: file, fallbackLine: 1)
        let top = try root.mapping(allowed: cardKeys)

        let idNode = try top.required("id")
        let id = try idNode.string()
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            throw idNode.error(.invalid("'\(id)' must be lowercase ASCII letters, digits, '-' or '_'"))
        }
        let inSeedNode = try top.required("in_seed_table")
        let inSeed = try inSeedNode.bool()

        let cellsMap = try top.required("table1").mapping(allowed: Table1Cells.keys)
        let cells = try Table1Cells.keys.map { try cellsMap.required($0).string() }
        let table1 = Table1Cells(baseProtocol: cells[0], distributedMobilityAnchors: cells[1],
                                 dynamicMobilitySupport: cells[2], splittingLocationAndRouting: cells[3],
                                 hoasPerMN: cells[4], requiredChanges: cells[5])

        let reasoning = try top.optional("table1_reasoning")?.string()
        if !inSeed && reasoning == nil {
            throw root.error(.invalid("required field is missing: a scheme not in the seed's Table 1 must explain its cells"),
                             line: inSeedNode.line, field: "table1_reasoning")
        }

        return SchemeCard(
            id: id,
            name: try top.required("name").string(),
            shortName: try top.required("short_name").string(),
            documents: try nonEmptyList(top.required("documents")),
            baseProtocol: try top.required("base_protocol").string(),
            inSeedTable: inSeed,
            table1: table1,
            table1LabelInSeed: try top.optional("table1_label_in_seed")?.string(),
            table1Reasoning: reasoning,
            attributes: try attributes(top.required("attributes")),
            choices: try top.required("choices").string(),
            procedures: try procedures(top.required("procedures")),
            source: file)
    }

    private static func nonEmptyList(_ node: CardNode) throws -> [String] {
        let list = try node.stringList()
        guard !list.isEmpty else { throw node.error(.invalid("list must not be empty")) }
        return list
    }

    private static func attributes(_ node: CardNode) throws -> SchemeAttributes {
        let map = try node.mapping(allowed: attributeKeys)
        let failuresNode = try map.required("single_points_of_failure")
        let failures = try failuresNode.sequence().map { item -> String in
            let kind = try item.string()
            guard kind.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
                throw item.error(.invalid("'\(kind)' must be an element kind in lowercase snake_case, e.g. ha, lma, map"))
            }
            return kind
        }
        let requirements = try map.required("rfc7333_requirements").sequence().map {
            try $0.word(RFC7333Requirement.self, kind: "RFC 7333 requirement")
        }
        return SchemeAttributes(
            mobilityKind: try map.required("mobility_kind").word(SchemeAttributes.MobilityKind.self, kind: "mobility kind"),
            anchoring: try map.required("anchoring").word(SchemeAttributes.Anchoring.self, kind: "anchoring"),
            anchorPlacement: try map.required("anchor_placement").string(),
            permanentAddress: try map.required("permanent_address").string(),
            cnReachability: try map.required("cn_reachability").string(),
            controlPlane: try map.required("control_plane").string(),
            anycast: try map.required("anycast").bool(),
            singlePointsOfFailure: failures,
            security: try map.required("security").string(),
            routingLoopRisk: try map.required("routing_loop_risk").string(),
            rfc7333Requirements: requirements)
    }

    private static func procedures(_ node: CardNode) throws -> [ProcedureEvent: [SignalingMessage]] {
        let events = ProcedureEvent.allCases.map(\.rawValue)
        guard case .mapping(let pairs) = node.node else {
            throw node.error(.wrongType(expected: "a mapping of events", found: "another shape"))
        }
        // Name an unknown event as an unknown event (not just an unknown key).
        for (keyNode, _) in pairs {
            if case .scalar(let key) = keyNode, ProcedureEvent(rawValue: key.string) == nil {
                throw node.error(.unknownValue(key.string, kind: "event", allowed: events),
                                 line: keyNode.mark?.line, field: "procedures.\(key.string)")
            }
        }
        let map = try node.mapping(allowed: events)
        var result: [ProcedureEvent: [SignalingMessage]] = [:]
        for event in ProcedureEvent.allCases {
            // domain_refresh came later: a card without it has none.
            if event == .domainRefresh, map.optional(event.rawValue) == nil { result[event] = []; continue }
            result[event] = try map.required(event.rawValue).sequence().map(message)
        }
        return result
    }

    private static func message(_ node: CardNode) throws -> SignalingMessage {
        let map = try node.mapping(allowed: messageKeys)
        let from = try map.required("from").word(Role.self, kind: "role")
        let to = try map.required("to").word(Role.self, kind: "role")
        if from == to, from != .peerHA, from != .peerAR {
            throw try map.required("to").error(.invalid("a message from '\(from.rawValue)' to itself costs nothing; remove it or fix a role"))
        }
        return SignalingMessage(
            message: try map.required("message").string(),
            from: from,
            to: to,
            size: try map.required("size").word(MessageSizeKey.self, kind: "size key"),
            repeatRule: try map.required("repeat").word(RepeatRule.self, kind: "repeat rule"),
            deregistration: try map.optional("deregistration")?.bool() ?? false)
    }

    private static func syntaxError(_ error: YamlError, file: String) -> SchemeCardError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let reason = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return SchemeCardError(file: file, line: mark.line, field: "(card)", problem: .syntax(reason))
        default:
            return SchemeCardError(file: file, line: 1, field: "(card)", problem: .syntax("\(error)"))
        }
    }
}
