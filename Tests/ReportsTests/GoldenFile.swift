import Foundation
import Testing

/// Golden files live in Tests/ReportsTests/Golden (a resource of this target).
/// With DMM_WRITE_GOLDEN=DIR set, the rendered text is also written to DIR so
/// a changed golden can be reviewed by eye before it is copied in.
enum GoldenFile {
    static func text(_ name: String) throws -> String {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard let url = Bundle.module.url(forResource: parts[0], withExtension: parts[1], subdirectory: "Golden") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Golden/\(name)"])
        }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let directory = ProcessInfo.processInfo.environment["DMM_WRITE_GOLDEN"] {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        let expected = try text(name)
        #expect(Array(actual.utf8) == Array(expected.utf8), "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }
}
