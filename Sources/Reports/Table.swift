/// A rectangular table of text cells, the one thing every renderer takes.
///
/// Numbers are formatted before they become cells (see `NumberFormat`), so a
/// renderer never decides precision and never sees a NaN.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right }

    public struct Column: Sendable, Equatable {
        /// Header text; carries the unit, e.g. "handoff_latency_ms".
        public var name: String
        public var alignment: Alignment
        public init(_ name: String, alignment: Alignment = .left) {
            self.name = name
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    /// Each row has exactly `columns.count` cells; an empty string is an empty cell.
    public var rows: [[String]]
    /// Shown as "Table N: caption" in rfc text and as \caption-free text elsewhere.
    public var caption: String?
    /// Footnotes, for the formats that have them (markdown, latex, rfc).
    public var footnotes: [String]
    /// The N of "Table N: caption".
    public var number: Int

    public init(columns: [Column], rows: [[String]] = [], caption: String? = nil, footnotes: [String] = [], number: Int = 1) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
        self.footnotes = footnotes
        self.number = number
    }

    /// "Table N: caption", or nil without a caption.
    public var captionLine: String? { caption.map { "Table \(number): \($0)" } }

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells, table has \(columns.count) columns")
        rows.append(row)
    }
}
