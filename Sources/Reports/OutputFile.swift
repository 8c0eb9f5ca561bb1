import Foundation
import Stochastics

/// Writes output files atomically: to a temporary file in the same directory,
/// then renamed over the target, so a failure never leaves a half-written file.
public enum OutputFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// Checks, before any work or any byte is written, that `path` can name an
    /// output file: not empty, not a directory (existing, or spelled with a
    /// trailing '/'), in a directory that exists. Commands that write several
    /// files (a sweep's CSV and sidecar) check every target first, so that a bad
    /// --output leaves nothing behind.
    public static func checkTarget(_ path: String) throws {
        guard !path.isEmpty else {
            throw WriteError(path: path, reason: "the file name is empty; allowed: a file path such as out.csv")
        }
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw WriteError(path: path, reason: "it is a directory; allowed: a file path such as \(path.hasSuffix("/") ? path : path + "/")out.csv")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteError(path: path, reason: "directory '\(directory.path)' does not exist")
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try checkTarget(path)
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw WriteError(path: path, reason: reason)
            }
        } catch let error as WriteError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: error.localizedDescription)
        }
    }
}

/// A file that cannot be written is a problem with the --output the user
/// gave (no such directory, no permission): exit code 2.
extension OutputFile.WriteError: InvalidInput {}
