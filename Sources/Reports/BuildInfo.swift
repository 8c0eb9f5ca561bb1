import Foundation

/// What build of dmm is running: version, git commit, dirty flag, build kind.
///
/// Sources, first that answers: a file `dmm.build-info.json` next to the
/// executable (`{"commit": "<40 hex>", "dirty": false, "kind": "static-release"}`,
/// written by the distribution script into the tarball); else git, asked about
/// the checkout the executable was built in (it sits in `<root>/.build/...`);
/// else the commit is unknown. Sweep sidecars record it, and `--resume` and
/// `dmm merge` refuse files of another commit or of a dirty build.
public struct BuildInfo: Sendable, Equatable {
    public var version: String
    /// 40 hex digits, or nil when unknown.
    public var commit: String?
    /// Uncommitted changes in the checkout the executable was built from.
    public var dirty: Bool
    /// "debug", "release" or what the distribution says ("static-release").
    public var kind: String
    /// For a dirty checkout: SHA-256 of `git diff HEAD` (tracked changes) when
    /// dmm ran, which tells two dirty builds of the same changes from others.
    /// Nil when unknown (a distribution marked dirty).
    public var changesSHA256: String?

    public init(version: String, commit: String?, dirty: Bool, kind: String, changesSHA256: String? = nil) {
        self.version = version
        self.commit = commit
        self.dirty = dirty
        self.kind = kind
        self.changesSHA256 = changesSHA256
    }

    public static let version = "0.1.0"

    #if DEBUG
    static let compiledKind = "debug"
    #else
    static let compiledKind = "release"
    #endif

    /// The running executable's build, computed once.
    public static let current: BuildInfo = detect(executable: Bundle.main.executableURL)

    public static func detect(executable: URL?) -> BuildInfo {
        guard let executable else { return BuildInfo(version: version, commit: nil, dirty: false, kind: compiledKind) }
        let directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        if let info = fromFile(directory.appendingPathComponent("dmm.build-info.json")) { return info }
        if let commit = git(["rev-parse", "HEAD"], in: directory), commit.count == 40 {
            // Only tracked files count: a scratch file does not make the build dirty.
            let diff = git(["diff", "HEAD", "--no-ext-diff", "--binary"], in: directory) ?? ""
            return BuildInfo(
                version: version, commit: commit, dirty: !diff.isEmpty, kind: compiledKind,
                changesSHA256: diff.isEmpty ? nil : SHA256.hex(diff))
        }
        return BuildInfo(version: version, commit: nil, dirty: false, kind: compiledKind)
    }

    static func fromFile(_ url: URL) -> BuildInfo? {
        guard let data = FileManager.default.contents(atPath: url.path),
            let o = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let commit = o["commit"] as? String, commit.count == 40, commit.allSatisfy(\.isHexDigit)
        else { return nil }
        return BuildInfo(
            version: version, commit: commit.lowercased(), dirty: o["dirty"] as? Bool ?? false,
            kind: o["kind"] as? String ?? compiledKind)
    }

    static func git(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `0.1.0 (commit 1a2b3c4d5e6f, dirty, release build)`.
    public var description: String {
        let commitText = commit.map { "commit " + $0.prefix(12) } ?? "commit unknown"
        return "\(version) (\(commitText)\(dirty ? ", dirty" : ""), \(kind) build)"
    }

    /// Whether files written by `self` and `other` can be joined: same version
    /// and commit, and no dirty build unless both have the same known changes.
    /// Nil when they can, else what differs.
    public func incompatibility(with other: BuildInfo) -> String? {
        if version != other.version { return "dmm version \(other.version) vs \(version)" }
        if commit != other.commit {
            return "built from commit \(commit ?? "unknown"), not \(other.commit ?? "unknown")"
        }
        if dirty != other.dirty || (dirty && (changesSHA256 == nil || changesSHA256 != other.changesSHA256)) {
            return "written by \(dirty ? "a dirty" : "a clean") build of commit \(commit ?? "unknown"), not \(other.dirty ? "a dirty" : "a clean") one with the same changes (uncommitted changes differ or are unknown)"
        }
        return nil
    }
}
