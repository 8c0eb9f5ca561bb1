/// A rectangular table of text cells, the one thing every renderer takes.
///
/// Numbers are formatted before they become cells (see `NumberFormat`), so a
/// renderer never decides precision and never sees a NaN.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right }

    public struct Column: Sendable, Equatable {
        /// Human header with its unit, e.g. "Handoff latency (ms)" (markdown,
        /// latex, rfc, xml2rfc and the terminal).
        public var name: String
        /// Machine key, e.g. "handoff_latency_ms" (csv header, json key); the
        /// name when the column has no separate id.
        public var id: String
        public var alignment: Alignment
        public init(_ name: String, id: String? = nil, alignment: Alignment = .left) {
            self.name = name
            self.id = id ?? name
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    /// Each row has exactly `columns.count` cells; an empty string is an empty cell.
    public var rows: [[String]]
    /// The caption (no "Table N:": the document numbers its tables).
    public var caption: String?
    /// Cross-reference key: LaTeX \label, xml2rfc anchor; nil for none.
    public var label: String?
    /// Notes below the table, for the formats that have them (markdown, latex,
    /// rfc, xml2rfc). A note that starts with one of `marks` explains that mark
    /// where it is used in cells; the others are general notes.
    public var footnotes: [String]

    public init(columns: [Column], rows: [[String]] = [], caption: String? = nil, label: String? = nil, footnotes: [String] = []) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
        self.label = label
        self.footnotes = footnotes
    }

    /// The characters that mark a cell for a note (the note starts with the mark).
    public static let marks: [Character] = ["\u{2020}", "\u{2021}", "\u{00A7}"]

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells, table has \(columns.count) columns")
        rows.append(row)
    }

    /// The table restricted to the columns at `indices`, in that order (caption, label and notes kept).
    public func selecting(_ indices: [Int]) -> Table {
        Table(columns: indices.map { columns[$0] }, rows: rows.map { row in indices.map { row[$0] } },
              caption: caption, label: label, footnotes: footnotes)
    }

    /// Rows become columns: the first column's cells become the headers, the
    /// old headers the first column (an aligned "value" view for one or few rows).
    public func transposed() -> Table {
        guard let first = columns.first else { return self }
        var out = Table(
            columns: [Column(first.name, id: first.id)] + rows.map { Column($0[0], alignment: .right) },
            caption: caption, label: label, footnotes: footnotes)
        for column in columns.indices.dropFirst() {
            out.append([columns[column].name] + rows.map { $0[column] })
        }
        // A column of text cells stays left-aligned after transposing.
        let numeric = columns.dropFirst().allSatisfy { $0.alignment == .right }
        if !numeric { out.columns = out.columns.map { Column($0.name, id: $0.id, alignment: .left) } }
        return out
    }

    /// Splits the columns after the first into groups, each repeated with the
    /// first column, so that `fits` holds for every group (a group always has
    /// at least one column). The notes go with the last group only.
    public func columnGroups(fits: (Table) -> Bool) -> [Table] {
        guard columns.count > 2 else { return [self] }
        var groups: [[Int]] = []
        var current: [Int] = []
        for column in columns.indices.dropFirst() {
            if !current.isEmpty && !fits(selecting([0] + current + [column])) {
                groups.append(current)
                current = []
            }
            current.append(column)
        }
        groups.append(current)
        return groups.enumerated().map { index, group in
            var part = selecting([0] + group)
            if groups.count > 1 {
                part.caption = caption.map { "\($0) (part \(index + 1) of \(groups.count))" }
                part.label = label.map { "\($0)-\(index + 1)" }
            }
            if index < groups.count - 1 { part.footnotes = [] }
            return part
        }
    }
}
