/// How a table is laid out beyond its format.
public struct RenderOptions: Sendable, Equatable {
    /// LaTeX: set the table in a `landscape` page (pdflscape), so column groups are as wide as the text height.
    public var landscape: Bool
    /// Markdown only: the terminal's width in columns. When set, the table is
    /// drawn as aligned text that fits it (see `TextGrid`), not as a pipe table.
    public var terminalWidth: Int?
    /// rfc only: print the caption above the artwork (off by default: xml2rfc's `<name>` carries it).
    public var rfcCaption: Bool

    public init(landscape: Bool = false, terminalWidth: Int? = nil, rfcCaption: Bool = false) {
        self.landscape = landscape
        self.terminalWidth = terminalWidth
        self.rfcCaption = rfcCaption
    }
}

/// The one entry point from a `Table` to text in any of the formats of
/// docs/ARCHITECTURE.md Every format ends with a line break; none can fail.
public enum TableRenderer {
    public static func render(_ table: Table, as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
        switch format {
        case .markdown:
            if let width = options.terminalWidth { return TextGrid.render(table, width: width, ascii: false, caption: true) }
            return MarkdownRenderer.render(table)
        case .csv: return CSVRenderer.render(table)
        case .latex: return LaTeXRenderer.render(table, landscape: options.landscape)
        case .rfc: return RFCTextRenderer.render(table, caption: options.rfcCaption)
        case .xml2rfc: return XML2RFCRenderer.render(table)
        case .json: return JSONRenderer.render(table)
        }
    }
}
