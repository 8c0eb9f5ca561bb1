import Evaluation
import Foundation

/// Reads one shard CSV of a merge point by point through a fixed buffer,
/// checking each row's shape and point and hashing the body as it goes; at
/// the end compares rows and body SHA-256 with the shard's sidecar.
final class ShardReader {
    let path: String
    let shard: SweepShard
    let columns: Int
    let axes: Int
    let fd: Int32
    let size: Int
    var buffer: [UInt8]
    var start = 0, end = 0
    var hashedUpTo = 0
    var eof = false
    var body = SHA256()
    var rows = 0
    var consumed = 0
    var expected: StrideTo<Int>.Iterator
    /// Bytes of the current point's varied columns (with their commas).
    var prefix: [UInt8] = []

    func fail(_ message: String) -> SweepMetadata.Mismatch {
        SweepMetadata.Mismatch(message: "merge: '\(path)' (shard \(shard.text)): \(message)")
    }

    init(path: String, shard: SweepShard, header: String, columns: Int, axes: Int) throws {
        self.path = path
        self.shard = shard
        self.columns = columns
        self.axes = axes
        expected = shard.indices(in: Int.max).makeIterator()
        buffer = [UInt8](repeating: 0, count: 1 << 18)
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw SweepMetadata.Mismatch(message: "merge: cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        var st = stat()
        size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        let headerBytes = Array(header.utf8)
        while end - start < headerBytes.count, try fill() {}
        guard end - start >= headerBytes.count, Array(buffer[0..<headerBytes.count]) == headerBytes else {
            Foundation.close(fd)
            throw SweepMetadata.Mismatch(message: "merge: '\(path)' (shard \(shard.text)) does not start with the header its sidecar implies")
        }
        start = headerBytes.count
        hashedUpTo = start
        consumed = start
    }

    deinit { Foundation.close(fd) }

    /// Reads more bytes, compacting (and hashing what was consumed) first; false at end of file.
    func fill() throws -> Bool {
        if eof { return false }
        if start > 0 {
            hashConsumed()
            buffer.withUnsafeMutableBytes { b in
                if end > start { memmove(b.baseAddress!, b.baseAddress! + start, end - start) }
            }
            end -= start
            hashedUpTo -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        while true {
            let n = buffer.withUnsafeMutableBytes { b in Foundation.read(fd, b.baseAddress! + end, b.count - end) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { eof = true; return false }
            end += n
            return true
        }
    }

    func hashConsumed() {
        guard start > hashedUpTo else { return }
        buffer.withUnsafeBytes { body.update(UnsafeRawBufferPointer(rebasing: $0[hashedUpTo..<start])) }
        hashedUpTo = start
    }

    /// The next CRLF-terminated line as buffer offsets [lineStart, crlf), or nil at a clean end.
    func nextLine() throws -> (Int, Int)? {
        var scanFrom = start
        while true {
            var i = scanFrom
            let found: Int? = buffer.withUnsafeBytes { b -> Int? in
                while i < end {
                    if let p = memchr(b.baseAddress! + i, 10, end - i) {
                        let at = b.baseAddress!.distance(to: UnsafeRawPointer(p))
                        return at
                    }
                    i = end
                }
                return nil
            }
            if let lf = found {
                guard lf > start, buffer[lf - 1] == 13 else { throw fail("a line ends without CRLF at byte \(consumed + lf - start); the shard was edited") }
                return (start, lf - 1)
            }
            let scanned = end - start
            if try !fill() {
                if end > start { throw fail("ends with a partial line (cut); complete the shard with dmm sweep --resume") }
                return nil
            }
            scanFrom = start + scanned
        }
    }

    /// Copies every row of point `index` (which must be this shard's next point) to `writer`.
    func copyPoint(_ index: Int, lookup: PointLookup, to writer: OutputFile.Writer) throws {
        guard expected.next() == index else { throw fail("internal: point \(index) is not this shard's") }
        var first = true
        while let (lineStart, lineEnd) = try nextLine() {
            let (fields, prefixEnd) = buffer.withUnsafeBytes { Self.fields($0, lineStart, lineEnd, axes: axes) }
            guard fields == columns else {
                throw fail("row \(rows + 1) has \(fields) fields, not \(columns); the shard was edited")
            }
            let samePoint = buffer.withUnsafeBytes { b in
                prefix.count == prefixEnd - lineStart && prefix.withUnsafeBytes { memcmp($0.baseAddress!, b.baseAddress! + lineStart, prefix.count) == 0 }
            }
            if first {
                let text = String(decoding: buffer[lineStart..<lineEnd], as: UTF8.self)
                guard let record = SweepCSV.parse(text).first, let found = lookup.index(of: Array(record.prefix(axes))) else {
                    throw fail("row \(rows + 1) \"\(text)\" is not a row of this sweep")
                }
                guard found == index else {
                    throw fail("has point \(found) where point \(index) comes next (a duplicated, deleted or reordered point)")
                }
                prefix = Array(buffer[lineStart..<prefixEnd])
                first = false
            } else if !samePoint {
                return  // the next point's first line stays in the buffer
            }
            try buffer.withUnsafeBytes { try writer.write(UnsafeRawBufferPointer(rebasing: $0[lineStart..<(lineEnd + 2)])) }
            consumed += lineEnd + 2 - start
            start = lineEnd + 2
            rows += 1
        }
        if first { throw fail("lacks point \(index) (the shard was cut or rows deleted)") }
    }

    /// Fields of the line and the offset just past the comma ending the `axes`-th field.
    static func fields(_ b: UnsafeRawBufferPointer, _ from: Int, _ to: Int, axes: Int) -> (Int, Int) {
        var count = 1, quoted = false, prefixEnd = from
        var i = from
        while i < to {
            let c = b[i]
            if c == 34 { quoted.toggle() } else if c == 44, !quoted {
                if count == axes { prefixEnd = i + 1 }
                count += 1
            }
            i += 1
        }
        return (count, prefixEnd)
    }

    /// After the last point: nothing may follow, and rows and body must match the sidecar.
    func finish(expected meta: SweepMetadata) throws {
        if let (s, e) = try nextLine() {
            throw fail("has rows after its last point, e.g. \"\(String(decoding: buffer[s..<e], as: UTF8.self))\" (a duplicated or foreign row)")
        }
        hashConsumed()
        if let recorded = meta.rows, recorded != rows {
            throw fail("has \(rows) rows but its sidecar records \(recorded) (rows deleted, duplicated or cut)")
        }
        let digest = body.hexDigest()
        if let recorded = meta.bodySHA256, recorded != digest {
            throw fail("body SHA-256 \(digest) differs from \(recorded) in its sidecar (a row was edited)")
        }
    }
}
