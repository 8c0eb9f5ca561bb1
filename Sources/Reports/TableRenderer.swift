/// The one entry point from a `Table` to text in any of the formats of
/// docs/ARCHITECTURE.md Every format ends with a line break; none can fail.
public enum TableRenderer {
    public static func render(_ table: Table, as format: OutputFormat) -> String {
        switch format {
        case .markdown: return MarkdownRenderer.render(table)
        case .csv: return CSVRenderer.render(table)
        case .latex: return LaTeXRenderer.render(table)
        case .rfc: return RFCTextRenderer.render(table)
        case .json: return JSONRenderer.render(table)
        }
    }
}
