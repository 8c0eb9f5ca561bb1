import Foundation
import Stochastics

/// The one output policy of every `--output` (DESIGN.md 4):
/// - a regular file (or a new name) is written atomically: a temporary file in
///   the same directory, fsync, rename over the target, so a failure never
///   leaves a half-written file; a symlink is written through to the file it
///   points to (the link stays a link); a read-only file is refused;
/// - a character device (/dev/null, a terminal), a FIFO, /dev/stdout or
///   /dev/fd/N is written directly and never replaced;
/// - a directory, a block device or socket, and an output that is one of the
///   command's inputs are refused.
/// Refusals are `WriteError` (bad input, exit 2); a failing write (full disk,
/// /dev/full, a closed pipe) is `IOError` (exit 1), naming the file.
public enum OutputFile {
    /// The target cannot be an output (exit 2).
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// Writing failed (exit 1): the disk is full, the device refused, ...
    public struct IOError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "writing '\(path)' failed: \(reason)" }
    }

    /// Where the bytes of `path` go.
    public enum Target: Equatable, Sendable {
        /// A regular file, existing or new, at this resolved path: atomic replace.
        case regular(String)
        /// A character device or FIFO: opened and written in place.
        case device(String)
        /// An inherited file descriptor (/dev/stdout, /dev/fd/N).
        case descriptor(Int32)
    }

    /// Resolves and checks `path` before any work: the policy above, with
    /// `inputs` (files the command reads) refused as targets.
    public static func target(_ path: String, inputs: [String] = []) throws -> Target {
        guard !path.isEmpty else {
            throw WriteError(path: path, reason: "the file name is empty; allowed: a file path such as out.csv")
        }
        if path.hasSuffix("/") {
            throw WriteError(path: path, reason: "it is a directory; allowed: a file path such as \(path)out.csv")
        }
        let resolved = try resolve(path)
        if let fd = descriptorNumber(resolved) { return .descriptor(fd) }
        var st = stat()
        if stat(resolved, &st) == 0 {
            let kind = st.st_mode & S_IFMT
            if kind == S_IFDIR {
                throw WriteError(path: path, reason: "it is a directory; allowed: a file path such as \(path)/out.csv")
            }
            for input in inputs where sameFile(st, input) {
                throw WriteError(path: path, reason: "it is also an input ('\(input)'); writing it would destroy what is read; choose another --output")
            }
            if kind == S_IFCHR || kind == S_IFIFO { return .device(resolved) }
            guard kind == S_IFREG else {
                throw WriteError(path: path, reason: "it is neither a regular file nor a character device or FIFO; allowed: a file path such as out.csv")
            }
            // No write bit at all is read-only even for root, whom access() lets write.
            guard access(resolved, W_OK) == 0, st.st_mode & 0o222 != 0 else {
                throw WriteError(path: path, reason: "it is read-only; make it writable (chmod u+w) or choose another --output")
            }
        }
        let dir = directory(of: resolved)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteError(path: path, reason: "directory '\(URL(fileURLWithPath: dir).path)' does not exist")
        }
        guard access(dir, W_OK) == 0 else {
            throw WriteError(path: path, reason: "directory '\(dir)' is not writable")
        }
        return .regular(resolved)
    }

    /// Checks `path` (see `target`); kept for commands that check first and write later.
    public static func checkTarget(_ path: String, inputs: [String] = []) throws {
        _ = try target(path, inputs: inputs)
    }

    /// Writes `text` to `path` under the policy above.
    public static func write(_ text: String, to path: String, inputs: [String] = []) throws {
        let writer = try Writer(path, inputs: inputs)
        do {
            try writer.write(text)
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Follows symlinks (a dangling one too: its target will be created), so
    /// that writing goes through the link. Stops at /proc/self/fd and /dev/fd
    /// names, which stand for inherited descriptors.
    static func resolve(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            if descriptorNumber(current) != nil { return current }
            var st = stat()
            guard lstat(current, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : directory(of: current) + "/" + link
        }
        throw WriteError(path: path, reason: "too many levels of symbolic links (a loop?)")
    }

    /// N for /dev/stdout (1), /dev/stderr (2), /dev/fd/N and /proc/self/fd/N.
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// The directory part of `path` ("." for a bare name); no Foundation path
    /// API, which traps on some relative names.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func sameFile(_ st: stat, _ other: String) -> Bool {
        var o = stat()
        return stat(other, &o) == 0 && o.st_dev == st.st_dev && o.st_ino == st.st_ino
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    /// An output being written: bytes go to a temporary file (committed by
    /// rename) or straight to the device. One writer per output; not thread-safe.
    public final class Writer {
        public let path: String
        let target: Target
        let fd: Int32
        let temporary: String?
        var buffer: [UInt8] = []
        var closed = false
        var hasher: SHA256?
        var hashFrom = 0
        static let bufferSize = 1 << 20
        nonisolated(unsafe) static var counter = 0  // temp names; only touched under `lock`
        static let lock = NSLock()

        public init(_ path: String, inputs: [String] = []) throws {
            self.path = path
            target = try OutputFile.target(path, inputs: inputs)
            switch target {
            case .descriptor(let n):
                fd = n
                temporary = nil
            case .device(let resolved):
                fd = open(resolved, O_WRONLY | O_CLOEXEC)
                temporary = nil
                guard fd >= 0 else { throw IOError(path: path, reason: String(cString: strerror(errno))) }
            case .regular(let resolved):
                // A short name (".dmm-<pid>-<n>.tmp"): an output name of 255 bytes still works.
                Self.lock.lock()
                Self.counter += 1
                let n = Self.counter
                Self.lock.unlock()
                let directory = OutputFile.directory(of: resolved)
                let temp = directory + "/.dmm-\(getpid())-\(n).tmp"
                var st = stat()
                let mode: mode_t = stat(resolved, &st) == 0 ? st.st_mode & 0o7777 : 0o666
                fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
                guard fd >= 0 else { throw IOError(path: path, reason: "cannot create a temporary file in '\(directory)': \(String(cString: strerror(errno)))") }
                if st.st_mode != 0 { fchmod(fd, mode) }  // keep an existing file's permissions
                temporary = temp
            }
        }

        public func write(_ text: String) throws {
            var text = text
            try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
        }

        /// From now on, every byte written is hashed (`bodyDigest`).
        public func startHashing() {
            hasher = SHA256()
            hashFrom = buffer.count
        }

        /// SHA-256 of the bytes written since `startHashing`, after `commit`.
        public var bodyDigest: String? { hasher?.hexDigest() }

        public func write(_ bytes: UnsafeRawBufferPointer) throws {
            if buffer.count + bytes.count > Self.bufferSize { try flush() }
            if bytes.count >= Self.bufferSize {
                hasher?.update(bytes)
                try OutputFile.writeAll(fd, bytes, path: path)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }

        func flush() throws {
            guard !buffer.isEmpty else { return }
            if hasher != nil {
                buffer.withUnsafeBytes { hasher!.update(UnsafeRawBufferPointer(rebasing: $0[hashFrom...])) }
                hashFrom = 0
            }
            try buffer.withUnsafeBytes { try OutputFile.writeAll(fd, $0, path: path) }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Flushes, syncs and (for a regular file) renames into place.
        public func commit() throws {
            try flush()
            closed = true
            switch target {
            case .descriptor: return
            case .device:
                if close(fd) != 0 { throw IOError(path: path, reason: String(cString: strerror(errno))) }
            case .regular(let resolved):
                guard fsync(fd) == 0 else { throw IOError(path: path, reason: String(cString: strerror(errno))) }
                guard close(fd) == 0 else { throw IOError(path: path, reason: String(cString: strerror(errno))) }
                guard rename(temporary!, resolved) == 0 else {
                    let reason = String(cString: strerror(errno))
                    unlink(temporary!)
                    throw IOError(path: path, reason: reason)
                }
            }
        }

        /// Drops a failed output: the temporary file is removed, the target untouched.
        public func abandon() {
            if case .regular = target { unlink(temporary!) }
            guard !closed else { return }
            closed = true
            switch target {
            case .descriptor: return
            case .device: close(fd)
            case .regular: close(fd)
            }
        }
    }
}

/// A target that cannot be an output is a problem with the --output the user
/// gave (no such directory, read-only, an input): exit code 2.
extension OutputFile.WriteError: InvalidInput {}

/// Standard output and standard error written with checked writes: a failure
/// (full disk, closed pipe) is an `OutputFile.IOError`, never a trap.
public enum StandardStream {
    public static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try OutputFile.writeAll(1, UnsafeRawBufferPointer($0), path: "standard output") }
    }

    public static func writeError(_ text: String) throws {
        var text = text
        try text.withUTF8 { try OutputFile.writeAll(2, UnsafeRawBufferPointer($0), path: "standard error") }
    }
}
