import Foundation
import Schemes

/// Finds the Models directory (holding schemes/ and scenarios/) at run time.
///
/// Order: an explicit path (the CLI's `--models DIR`), then the environment
/// variable `DMM_MODELS`; either one, when given, must hold `schemes/` (no
/// silent fallback). Otherwise the first of these that holds `schemes/`:
/// `Models` next to the executable, `../share/dmmkit/Models` from the
/// executable (an installed layout), `Models` in any directory above the
/// executable (`.build/debug/dmm` inside a checkout), and the package root
/// this file was compiled from.
public enum ModelsLocator {
    public static let environmentVariable = "DMM_MODELS"

    public static func modelsDirectory(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL
    ) throws -> URL {
        if let explicit {
            return try checked(URL(fileURLWithPath: explicit), from: "--models")
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return try checked(URL(fileURLWithPath: fromEnvironment), from: environmentVariable)
        }
        for candidate in candidates(executable: executable) where holdsSchemes(candidate) {
            return candidate.standardizedFileURL
        }
        throw SchemeCatalogError("cannot find the Models directory (with schemes/); pass --models DIR or set \(environmentVariable)=DIR")
    }

    /// `Models/schemes` of `modelsDirectory(...)`.
    public static func schemesDirectory(explicit: String? = nil) throws -> URL {
        try modelsDirectory(explicit: explicit).appendingPathComponent("schemes")
    }

    static func candidates(executable: URL?) -> [URL] {
        var list: [URL] = []
        if let executable {
            let directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            list.append(directory.appendingPathComponent("Models"))
            list.append(directory.appendingPathComponent("../share/dmmkit/Models"))
            var up = directory
            while up.path != "/" && !up.path.isEmpty {
                up = up.deletingLastPathComponent()
                list.append(up.appendingPathComponent("Models"))
            }
        }
        // Sources/Evaluation/ModelsLocator.swift -> package root.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        list.append(packageRoot.appendingPathComponent("Models"))
        return list
    }

    private static func holdsSchemes(_ models: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: models.appendingPathComponent("schemes").path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    private static func checked(_ models: URL, from source: String) throws -> URL {
        guard holdsSchemes(models) else {
            throw SchemeCatalogError("\(source) '\(models.path)' has no schemes/ directory; give the Models directory of dmmkit (it holds schemes/ and scenarios/)")
        }
        return models.standardizedFileURL
    }
}
