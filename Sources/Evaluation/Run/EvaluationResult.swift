import Schemes

/// The estimates of one `EvaluationRequest`: closed-form rows (when the method
/// includes them) before Monte Carlo rows, each method in its own metric order.
public struct EvaluationResult: Sendable {
    public let request: EvaluationRequest
    public let rows: [MetricEstimate]

    public init(request: EvaluationRequest, rows: [MetricEstimate]) {
        self.request = request
        self.rows = rows
    }

    /// The rows scheme by scheme in the request's scheme order, closed form before
    /// Monte Carlo within a scheme, each method's metric order kept (the tidy layout).
    public var rowsByScheme: [MetricEstimate] {
        let order = Dictionary(request.cards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Closed form or Monte Carlo alone already lists the schemes in order: check
        // that (a lookup where the scheme changes) before sorting, which was a tenth
        // of a closed-form sweep point.
        var inOrder = true, last = -1, lastScheme: String? = nil
        for row in rows where row.scheme != lastScheme {
            let position = order[row.scheme] ?? 0
            if position < last { inOrder = false; break }
            last = position
            lastScheme = row.scheme
        }
        if inOrder { return rows }
        return rows.enumerated().sorted {
            (order[$0.element.scheme] ?? 0, $0.offset) < (order[$1.element.scheme] ?? 0, $1.offset)
        }.map(\.element)
    }

    /// Per scheme, the metrics whose closed form is a documented approximation
    /// (`ClosedFormAccuracy.approximations`); empty for the Monte Carlo alone.
    /// Every closed-form approximation is marked (‡, and `exactness` in tidy output).
    /// `metrics`: only these metric ids (`dmm sweep --metrics`), nil for all.
    public func approximations(metrics: Set<String>? = nil) throws -> [String: Set<String>] {
        guard request.method.includesClosedForm else { return [:] }
        return try ClosedFormAccuracy.approximations(scenario: request.scenario, cards: request.cards, metrics: metrics)
    }

    /// Why the closed forms of the request's schemes are approximate, one reason
    /// each (`ClosedFormAccuracy.reasons`); nil when no closed form was evaluated.
    public func approximationReasons() throws -> [String]? {
        guard request.method.includesClosedForm else { return nil }
        return try ClosedFormAccuracy.reasons(scenario: request.scenario, cards: request.cards)
    }
}
