/// The table formats of docs/ARCHITECTURE.md
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Pipe table, text left and numbers right, human labels.
    case markdown
    /// RFC 4180: CRLF line ends, fields with comma, quote, CR or LF quoted; machine ids as headers.
    case csv
    /// A complete `table` float (booktabs, tabularx, threeparttable); the preamble it needs is printed as a comment.
    case latex
    /// ASCII artwork at most 69 columns wide (xml2rfc indents artwork by 3), for Internet-Drafts.
    case rfc
    /// xml2rfc v3 `<table>` elements (name, thead, tbody), notes as `<t>` after the table.
    case xml2rfc
    /// An array of objects with the csv's keys.
    case json
}
