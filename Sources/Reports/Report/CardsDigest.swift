import Foundation

/// The cards hash of the report's provenance: SHA-256 of every `*.yaml` card of a
/// directory, concatenated in file-name order (byte order, as the C locale sorts),
/// so `cat Models/schemes/*.yaml | sha256sum` reproduces it (`SHA256`, as the sweep
/// sidecars' per-card hashes). Throws Foundation's error when the directory or a card
/// cannot be read.
public enum CardsDigest {
    public static func sha256(directory: URL) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var digest = SHA256()
        for name in names {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            data.withUnsafeBytes { digest.update($0) }
        }
        return digest.hexDigest()
    }
}
