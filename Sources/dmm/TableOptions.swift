import ArgumentParser
import Evaluation
import Foundation
import Reports

/// The options of every command that prints a table: caption and label,
/// column choice, transposition, LaTeX landscape, and the terminal view.
///
/// When standard output is a terminal (and the format is markdown, the
/// default), the table is drawn as aligned text that fits the terminal's width
/// (`TextGrid`: wrapped cells, column groups); a file, a pipe or `--full` gets
/// the pipe table as before. The width is `--terminal-width` (hidden, for
/// tests), else $COLUMNS, else the terminal's, else 80.
struct TableOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Caption of the table (markdown, latex, xml2rfc; rfc prints it only when given).", valueName: "TEXT"))
    var caption: String?

    @Option(help: ArgumentHelp("Cross-reference label: LaTeX \\label, xml2rfc anchor.", valueName: "KEY"))
    var label: String?

    @Option(help: ArgumentHelp("Comma-separated columns to keep, by header or csv id (the first column is always kept).", valueName: "COLUMNS"))
    var columns: String?

    @Flag(help: "Swap rows and columns (one column per row of the table).")
    var transpose = false

    @Flag(help: "LaTeX: set each table float on a landscape page (pdflscape), so wider column groups fit.")
    var landscape = false

    @Flag(help: "On a terminal: print the markdown pipe table unchanged instead of the view that fits the terminal.")
    var full = false

    @Option(name: .customLong("terminal-width"), help: .hidden)
    var terminalWidth: Int?

    /// Whether output goes to a terminal view (markdown, standard output a terminal or a width given).
    func isTerminal(_ format: OutputFormat, _ destination: OutputDestination) -> Bool {
        format == .markdown && !destination.isFile && !full && (terminalWidth != nil || isatty(STDOUT_FILENO) == 1)
    }

    /// The width of the terminal view, in columns.
    var width: Int {
        if let terminalWidth { return terminalWidth }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    func check() throws {
        if let terminalWidth, !(20...1000).contains(terminalWidth) {
            throw CommandInputError("--terminal-width \(terminalWidth) is out of range; allowed: 20...1000")
        }
        if let label, label.isEmpty || label.contains(where: { $0.isWhitespace || "\\{}%#$&^~".contains($0) }) {
            throw CommandInputError("--label '\(label)': give a key without spaces or any of \\ { } % # $ & ^ ~ (e.g. tab:metrics)")
        }
    }

    /// `table` with the caption, label and column choice applied, rendered in `format`.
    func render(_ table: Table, as format: OutputFormat, to destination: OutputDestination) throws -> String {
        try check()
        var table = table
        if let caption { table.caption = caption }
        if let label { table.label = label }
        if let columns { table = try Self.select(columns, from: table) }
        if transpose { table = table.transposed() }
        let options = RenderOptions(
            landscape: landscape, terminalWidth: isTerminal(format, destination) ? width : nil, rfcCaption: caption != nil)
        return TableRenderer.render(table, as: format, options: options)
    }

    /// The first column and the named ones, in the order named.
    static func select(_ list: String, from table: Table) throws -> Table {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw CommandInputError("--columns is empty; give comma-separated column ids") }
        var indices = [0]
        for name in names {
            guard let index = table.columns.firstIndex(where: { $0.id.lowercased() == name.lowercased() || $0.name.lowercased() == name.lowercased() }) else {
                throw CommandInputError("--columns: no column '\(name)'; allowed: \(table.columns.map(\.id).joined(separator: ", "))")
            }
            if !indices.contains(index) { indices.append(index) }
        }
        return table.selecting(indices)
    }

    /// The metrics `--metrics` names ("headline", "all", or comma-separated ids), or nil when not given.
    static func metrics(_ list: String?) throws -> [MetricKey]? {
        guard let list else { return nil }
        switch list {
        case "all": return MetricTables.wideMetrics
        case "headline": return MetricTables.extendedMetrics
        default:
            let ids = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !ids.isEmpty else { throw CommandInputError("--metrics is empty; give headline, all or comma-separated metric ids") }
            return try ids.map { id in
                guard let key = MetricKey(id: id) else {
                    throw CommandInputError("--metrics: unknown metric '\(id)'; allowed: headline, all, \(Metric.allCases.map(\.id).joined(separator: ", ")), \(MetricKey.perElementPattern)")
                }
                return key
            }
        }
    }
}
