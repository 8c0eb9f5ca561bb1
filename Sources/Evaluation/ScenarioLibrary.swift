import Foundation
import Schemes
import Yams

/// Finds and reads scenario files (Models/scenarios/*.yaml).
///
/// A scenario file sets values over `Scenario.default`: default.yaml repeats
/// every default, a preset sets only what differs. Keys nest as the dotted
/// paths do (`traffic: {session_rate: 0.01}` is `traffic.session_rate`);
/// the key `description` at the top is free text.
public enum ScenarioLibrary {
    /// Models/scenarios, found as the scheme catalogue finds Models
    /// (`ModelsLocator`: --models, $DMM_MODELS, next to or above the executable,
    /// the package root).
    public static func scenariosDirectory(models: String? = nil) throws -> URL {
        try ModelsLocator.modelsDirectory(explicit: models).appendingPathComponent("scenarios")
    }

    /// Names of the scenarios in Models/scenarios, sorted.
    public static func names(models: String? = nil) -> [String] {
        guard let dir = try? scenariosDirectory(models: models),
            let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The scenario named `nameOrFile`: a path to a YAML file (it contains a
    /// "/" or ends in .yaml/.yml), else a name in Models/scenarios.
    public static func load(_ nameOrFile: String, models: String? = nil) throws -> Scenario {
        let isFile = nameOrFile.contains("/") || nameOrFile.hasSuffix(".yaml") || nameOrFile.hasSuffix(".yml")
        let url: URL
        if isFile {
            url = URL(fileURLWithPath: nameOrFile)
        } else {
            let dir: URL
            do { dir = try scenariosDirectory(models: models) } catch {
                // default.yaml repeats the built-in defaults (a test keeps them equal).
                if nameOrFile == "default" { return .default }
                throw ScenarioError("scenario '\(nameOrFile)': \(error); or give a scenario file path")
            }
            if nameOrFile == "default", !FileManager.default.fileExists(atPath: dir.path) { return .default }
            url = dir.appendingPathComponent(nameOrFile + ".yaml")
            guard FileManager.default.fileExists(atPath: url.path) else {
                let available = names(models: models)
                guard !available.isEmpty else {
                    throw ScenarioError("unknown scenario '\(nameOrFile)': no scenarios in \(dir.path) (missing or empty); give a path to a YAML file, or --models a directory holding scenarios/")
                }
                throw ScenarioError("unknown scenario '\(nameOrFile)'; available: \(available.joined(separator: ", ")), or a path to a YAML file")
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScenarioError("scenario file '\(url.path)' cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError("scenario file '\(url.path)' is not UTF-8 text")
        }
        return try parse(text, file: isFile ? nameOrFile : url.path, over: .default)
    }

    /// Applies the YAML text's values over `base`. Errors name the file, line and column.
    public static func parse(_ text: String, file: String, over base: Scenario) throws -> Scenario {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioError("\(file):\(describe(error))")
        }
        guard let root = node else { return base }
        guard case let .mapping(mapping) = root else {
            throw ScenarioError("\(file):\(position(root)): a scenario file is a mapping of groups (mobility, traffic, ...)")
        }
        var scenario = base
        try apply(mapping, prefix: "", file: file, to: &scenario)
        return scenario
    }

    /// Reads every value of `mapping` once (`ScenarioSetting`) and applies it.
    /// A key given twice at one level is refused, as in scheme cards: YAML would
    /// silently keep the last one. A group left empty (`mobility:` with every
    /// line commented out) sets nothing, as `mobility: {}` does.
    private static func apply(_ mapping: Node.Mapping, prefix: String, file: String, to scenario: inout Scenario) throws {
        var seen: [String: Int] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                throw ScenarioError("\(file):\(position(keyNode)): keys must be plain words")
            }
            let path = prefix.isEmpty ? key : prefix + "." + key
            if let first = seen[key] {
                throw ScenarioError("\(file):\(position(keyNode)): key '\(path)' appears more than once (first at line \(first)); keep one")
            }
            seen[key] = keyNode.mark?.line ?? 0
            if prefix.isEmpty, key == "description" { continue }
            switch value {
            case let .mapping(inner):
                try apply(inner, prefix: path, file: file, to: &scenario)
            case let .scalar(scalar):
                if scalar.isEmptyValue, ScenarioParameter.named(path) == nil, ScenarioParameter.isGroup(path) { continue }
                do {
                    try ScenarioSetting(path: path, value: scalar.string).apply(to: &scenario)
                } catch let error as ScenarioError {
                    throw ScenarioError("\(file):\(position(value)): \(error.message)")
                }
            case .sequence:
                throw ScenarioError("\(file):\(position(value)): '\(path)' must be a single value, not a list")
            }
        }
    }

    private static func position(_ node: Node) -> String {
        guard let mark = node.mark else { return "?" }
        return "\(mark.line):\(mark.column)"
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let ctx = context.map { " (\($0.text))" } ?? ""
            return "\(mark.line):\(mark.column): YAML syntax error: \(problem)\(ctx)"
        default:
            return " YAML error: \(error)"
        }
    }
}

extension Node.Scalar {
    /// A plain null (`key:` with nothing after it, `~`, `null`): no value given.
    fileprivate var isEmptyValue: Bool {
        style == .plain && ["", "~", "null", "Null", "NULL"].contains(string)
    }
}
