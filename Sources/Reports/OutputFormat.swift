/// The table formats of docs/ARCHITECTURE.md
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Pipe table, text left and numbers right.
    case markdown
    /// RFC 4180: CRLF line ends, fields with comma, quote, CR or LF quoted.
    case csv
    /// booktabs tabular; needs \usepackage{booktabs}.
    case latex
    /// Plain text no wider than 72 columns with "Table N: caption", for Internet-Drafts.
    case rfc
    /// An array of objects with the csv's keys.
    case json
}
