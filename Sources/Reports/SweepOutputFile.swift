import Evaluation
import Foundation

/// The growing CSV of a running sweep: the header, then each point's rows
/// appended with one `write` call as the point completes, so that a killed
/// run leaves only whole rows.
///
/// Resume (`--resume`): the existing file must start with the same header;
/// a trailing partial line is cut; rows are grouped into points by their
/// varied columns; those points must be the first points of the shard, in
/// order. The last point found is cut as well and recomputed, because its
/// write may have been interrupted between rows (recomputing is
/// deterministic, so the completed file equals an uninterrupted run's).
public final class SweepOutputFile {
    public let path: String
    let handle: FileHandle

    /// Shard positions already in the file (the next point to compute).
    public let completedPositions: Int

    public struct ResumeError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Creates (truncating) or, with `resume`, reopens `path`.
    /// - Parameters:
    ///   - indices: the shard's grid indices, in order.
    public init(path: String, grid: SweepGrid, indices: [Int], resume: Bool) throws {
        self.path = path
        let header = SweepCSV.header(paths: grid.paths)
        if !resume {
            guard FileManager.default.createFile(atPath: path, contents: Data(header.utf8)) else {
                throw OutputFile.WriteError(path: path, reason: "cannot create the file (does its directory exist?)")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            completedPositions = 0
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SweepMetadata.Mismatch(message: "--resume: '\(path)' does not exist; run without --resume to start the sweep")
        }
        let (keep, done) = try Self.scan(data, header: header, grid: grid, indices: indices, path: path)
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(keep))
        try handle.seekToEnd()
        if keep == 0 { try handle.write(contentsOf: Data(header.utf8)) }  // the cut was inside the header
        completedPositions = done
    }

    /// Bytes to keep and number of complete shard positions in them.
    static func scan(_ data: Data, header: String, grid: SweepGrid, indices: [Int], path: String) throws -> (Int, Int) {
        let bytes = [UInt8](data)
        let headerBytes = Array(header.utf8)
        guard bytes.count >= headerBytes.count, Array(bytes[0..<headerBytes.count]) == headerBytes else {
            if bytes.count < headerBytes.count, Array(headerBytes[0..<bytes.count]) == bytes { return (0, 0) }
            throw SweepMetadata.Mismatch(message: "--resume: '\(path)' does not start with this sweep's header \(header.trimmingCharacters(in: .newlines)); it is another sweep's file")
        }
        let lookup = PointLookup(grid: grid)
        var offset = headerBytes.count
        var position = 0  // shard position of the current point
        var currentStart = offset
        var currentIndex: Int? = nil
        while offset < bytes.count {
            guard let end = findCRLF(bytes, from: offset) else { break }  // partial last line
            let line = String(decoding: bytes[offset..<end], as: UTF8.self)
            guard let record = SweepCSV.parse(line).first, record.count == grid.axes.count + MetricEstimate.columns.count,
                let index = lookup.index(of: Array(record[0..<grid.axes.count]))
            else {
                throw SweepMetadata.Mismatch(message: "--resume: '\(path)' line \"\(line)\" is not a row of this sweep")
            }
            if index != currentIndex {
                guard position < indices.count, indices[position] == index else {
                    throw SweepMetadata.Mismatch(message: "--resume: '\(path)' has point \(index) out of order; it was not written by this sweep and shard")
                }
                position += 1
                currentIndex = index
                currentStart = offset
            }
            offset = end + 2
        }
        // The last point may be incomplete: cut it and recompute it.
        return currentIndex == nil ? (headerBytes.count, 0) : (currentStart, position - 1)
    }

    static func findCRLF(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == 13, bytes[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// Appends one point's rows with a single write.
    public func append(_ rows: String) throws {
        try handle.write(contentsOf: Data(rows.utf8))
    }

    public func close() throws { try handle.close() }
}

/// Maps a row's varied values back to its grid index.
struct PointLookup {
    let grid: SweepGrid
    let maps: [[String: Int]]

    init(grid: SweepGrid) {
        self.grid = grid
        maps = grid.axes.map { axis in Dictionary(uniqueKeysWithValues: axis.values.enumerated().map { ($0.element, $0.offset) }) }
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
