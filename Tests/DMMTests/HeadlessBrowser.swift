import Foundation

/// The real tools the report test drives: headless Chromium (screenshot, print to
/// PDF, console log on stderr), ImageMagick (pixel statistics) and pdfinfo.
/// .ci/install-deps installs them; `find` returns nil where they are missing.
enum ExternalTool {
    static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `path` with `args`; terminates it after `timeout` seconds (status 124 then).
    static func run(_ path: String, _ args: [String], timeout: Double = 120) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dmm-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while p.isRunning {
            if Date() > deadline {
                p.terminate()
                timedOut = true
                break
            }
            usleep(50_000)
        }
        p.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: timedOut ? 124 : p.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static let chromiumFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions"]

    /// The page's console messages and load errors as Chromium logs them on stderr.
    static func consoleErrors(_ stderr: String) -> [String] {
        stderr.components(separatedBy: "\n").filter {
            $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("Failed to load resource")
        }
    }
}
