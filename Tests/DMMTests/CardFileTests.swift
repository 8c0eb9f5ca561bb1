import Foundation
import Testing

/// A card that is a symlink loop, a dangling link or a FIFO is reported as
/// such (exit 2), not as "cannot be read as UTF-8 text" (and a FIFO no
/// longer blocks the loader).
@Suite("Unreadable scheme cards are named for what they are")
struct CardFileTests {
    func models(_ prepare: (String) throws -> Void) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-cards-\(UUID().uuidString)").path
        let schemes = root + "/schemes"
        try FileManager.default.createDirectory(atPath: schemes, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.packageRoot.path + "/Models/schemes/mipv6.yaml", toPath: schemes + "/mipv6.yaml")
        try prepare(schemes)
        return root
    }

    func error(_ root: String) throws -> CLIResult { try CLI.run(["schemes", "--models", root]) }

    @Test func symlinkLoop() throws {
        let root = try models { dir in
            try FileManager.default.createSymbolicLink(atPath: dir + "/loop.yaml", withDestinationPath: "loop.yaml")
        }
        let r = try error(root)
        #expect(r.status == 2)
        #expect(r.stderr == "error: \(root)/schemes/loop.yaml:1: '(card)': is a symbolic link loop (too many levels of symbolic links); point the link at a card file\n")
    }

    @Test func danglingLink() throws {
        let root = try models { dir in
            try FileManager.default.createSymbolicLink(atPath: dir + "/gone.yaml", withDestinationPath: "nowhere.yaml")
        }
        let r = try error(root)
        #expect(r.status == 2)
        #expect(r.stderr == "error: \(root)/schemes/gone.yaml:1: '(card)': is a symbolic link to a missing file; point it at a card file or remove it\n")
    }

    @Test func fifo() throws {
        let root = try models { dir in #expect(mkfifo(dir + "/pipe.yaml", 0o600) == 0) }
        let r = try error(root)
        #expect(r.status == 2)
        #expect(r.stderr == "error: \(root)/schemes/pipe.yaml:1: '(card)': is a FIFO, not a file; a card must be a regular YAML file\n")
    }

    @Test(.enabled(if: geteuid() != 0, "root reads files without read permission"))
    func unreadable() throws {
        let root = try models { dir in
            try "id: x\n".write(toFile: dir + "/x.yaml", atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: dir + "/x.yaml")
        }
        let r = try error(root)
        #expect(r.status == 2)
        #expect(r.stderr == "error: \(root)/schemes/x.yaml:1: '(card)': cannot be read (Permission denied); make it readable (chmod a+r)\n")
    }
}
