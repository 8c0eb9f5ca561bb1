/// The figure formats of `dmm plot`.
public enum ChartFormat: String, CaseIterable, Sendable {
    /// Self-contained SVG of a physical size (points).
    case svg
    /// A pgfplots figure: compiles standalone with pdflatex, or `\input` in a paper.
    case pgfplots
    /// A Vega-Lite v5 specification with the data inline.
    case vegaLite = "vega-lite"

    /// The format an output file's extension implies: .tex -> pgfplots, .json -> vega-lite, else svg.
    public static func implied(byPath path: String) -> ChartFormat {
        if path.hasSuffix(".tex") { return .pgfplots }
        if path.hasSuffix(".json") { return .vegaLite }
        return .svg
    }
}
