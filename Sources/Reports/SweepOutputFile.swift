import Evaluation
import Foundation

/// The growing CSV of a running sweep: the header, then each point's rows
/// appended with one `write` call as the point completes, so that a killed
/// run leaves only whole rows. The file is written in place (it must be
/// readable while the sweep runs and resumable after a kill), under an
/// exclusive `flock` held from `open` to exit: a second sweep on the same
/// output is refused at once (exit 2) instead of interleaving two runs.
///
/// Resume (`--resume`): the existing file must start with the same header;
/// a trailing partial line is cut; rows are grouped into points by their
/// varied columns; those points must be the first points of the shard, in
/// order. The last point found is cut as well and recomputed, because its
/// write may have been interrupted between rows (recomputing is
/// deterministic, so the completed file equals an uninterrupted run's).
public final class SweepOutputFile {
    public let path: String
    let fd: Int32
    /// SHA-256 of the body (every byte after the header) written so far.
    public private(set) var body = SHA256()
    /// Rows after the header written so far.
    public private(set) var rows = 0

    public struct ResumeError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Opens (creating, not truncating) and locks `path`, a regular file.
    public init(locking path: String) throws {
        self.path = path
        fd = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            Foundation.close(fd)
            throw OutputFile.WriteError(
                path: path,
                reason: busy
                    ? "another dmm sweep is writing it (the file is locked); wait for that run to finish or choose another --output"
                    : "cannot lock it: \(String(cString: strerror(errno)))")
        }
    }

    deinit { Foundation.close(fd) }

    /// Bytes in the file now.
    public var size: Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    /// Empties the file (a fresh start).
    public func truncate() throws {
        guard ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else {
            throw OutputFile.IOError(path: path, reason: String(cString: strerror(errno)))
        }
        body = SHA256()
        rows = 0
    }

    public func writeHeader(_ header: String) throws { try write(header) }

    /// Appends one point's rows with a single write.
    public func append(_ text: String, rows count: Int) throws {
        try write(text)
        var text = text
        text.withUTF8 { body.update(UnsafeRawBufferPointer($0)) }
        rows += count
    }

    /// `append` of UTF-8 bytes (`SweepCSV.RowFormatter.rowBytes`).
    public func append(_ bytes: [UInt8], rows count: Int) throws {
        try bytes.withUnsafeBytes { b in
            try OutputFile.writeAll(fd, b, path: path)
            body.update(b)
        }
        rows += count
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try OutputFile.writeAll(fd, UnsafeRawBufferPointer($0), path: path) }
    }

    /// Reads the whole file (resume).
    func contents() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw OutputFile.IOError(path: path, reason: String(cString: strerror(errno))) }
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputFile.IOError(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// What `--resume` found: complete shard positions kept, and the rows and
    /// SHA-256 of the whole body as it was (to check a finished file against its sidecar).
    public struct Scan {
        public var completedPositions: Int
        public var wholeRows: Int
        public var wholeBodySHA256: String
        public var endsInPartialLine: Bool
    }

    /// Keeps the whole points at the start of the file (see the type's doc)
    /// and positions the file to append the rest.
    public func resume(grid: SweepGrid, indices: StrideTo<Int>, header: String) throws -> Scan {
        let bytes = try contents()
        let (keep, done, keptRows, lines) = try Self.scan(bytes, header: header, grid: grid, indices: indices, path: path)
        var whole = SHA256()
        let headerCount = header.utf8.count
        if bytes.count > headerCount { bytes[headerCount...].withUnsafeBytes { whole.update($0) } }
        let partial = bytes.count > headerCount && !(bytes.count >= 2 && bytes[bytes.count - 2] == 13 && bytes[bytes.count - 1] == 10)
        guard ftruncate(fd, off_t(keep)) == 0, lseek(fd, 0, SEEK_END) >= 0 else {
            throw OutputFile.IOError(path: path, reason: String(cString: strerror(errno)))
        }
        body = SHA256()
        if keep == 0 {
            try write(header)  // the cut was inside the header
        } else if keep > headerCount {
            bytes[headerCount..<keep].withUnsafeBytes { body.update($0) }
        }
        rows = keptRows
        return Scan(completedPositions: done, wholeRows: lines, wholeBodySHA256: whole.hexDigest(), endsInPartialLine: partial)
    }

    /// Bytes to keep, complete shard positions in them, rows kept, and rows in the whole file.
    static func scan(_ bytes: [UInt8], header: String, grid: SweepGrid, indices: StrideTo<Int>, path: String) throws -> (Int, Int, Int, Int) {
        let headerBytes = Array(header.utf8)
        guard bytes.count >= headerBytes.count, Array(bytes[0..<headerBytes.count]) == headerBytes else {
            if bytes.count < headerBytes.count, Array(headerBytes[0..<bytes.count]) == bytes { return (0, 0, 0, 0) }
            throw SweepMetadata.Mismatch(message: "--resume: '\(path)' does not start with this sweep's header \(header.trimmingCharacters(in: .newlines)); it is another sweep's file")
        }
        let lookup = PointLookup(grid: grid)
        let fieldCount = SweepCSV.parse(header).first?.count ?? 0
        var expected = indices.makeIterator()
        var offset = headerBytes.count
        var position = 0  // shard positions seen
        var currentStart = offset
        var currentIndex: Int? = nil
        var lines = 0, rowsBeforeCurrent = 0
        while offset < bytes.count {
            guard let end = findCRLF(bytes, from: offset) else { break }  // partial last line
            let line = String(decoding: bytes[offset..<end], as: UTF8.self)
            guard let record = SweepCSV.parse(line).first, record.count == fieldCount,
                let index = lookup.index(of: Array(record[0..<grid.axes.count]))
            else {
                throw SweepMetadata.Mismatch(message: "--resume: '\(path)' line \"\(line)\" is not a row of this sweep")
            }
            if index != currentIndex {
                guard expected.next() == index else {
                    throw SweepMetadata.Mismatch(message: "--resume: '\(path)' has point \(index) out of order; it was not written by this sweep and shard")
                }
                position += 1
                currentIndex = index
                currentStart = offset
                rowsBeforeCurrent = lines
            }
            lines += 1
            offset = end + 2
        }
        // The last point may be incomplete: cut it and recompute it.
        return currentIndex == nil ? (headerBytes.count, 0, 0, 0) : (currentStart, position - 1, rowsBeforeCurrent, lines)
    }

    static func findCRLF(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == 13, bytes[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// Flushes the rows to disk (before the sidecar says `complete`).
    public func sync() throws {
        guard fsync(fd) == 0 else { throw OutputFile.IOError(path: path, reason: String(cString: strerror(errno))) }
    }
}

/// Maps a row's varied values back to its grid index.
struct PointLookup {
    let grid: SweepGrid
    let maps: [[String: Int]]

    init(grid: SweepGrid) {
        self.grid = grid
        // Rows hold the values as written (`TidyNumber.decimal`: "5" is written "5.0").
        maps = grid.axes.map { axis in
            Dictionary(axis.values.enumerated().map { (TidyNumber.decimal($0.element), $0.offset) }, uniquingKeysWith: { a, _ in a })
        }
    }

    func index(of values: [String]) -> Int? {
        guard values.count == maps.count else { return nil }
        var coordinates: [Int] = []
        for (value, map) in zip(values, maps) {
            guard let c = map[value] else { return nil }
            coordinates.append(c)
        }
        return grid.index(of: coordinates)
    }
}
