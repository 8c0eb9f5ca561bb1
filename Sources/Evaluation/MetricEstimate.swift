/// How a number was obtained.
public enum EvaluationMethod: String, CaseIterable, Sendable, Codable {
    case closedForm = "closed-form"
    case monteCarlo = "monte-carlo"
}

/// One estimate of one metric for one scheme: a row of the tidy output
/// (columns scheme, metric, unit, method, estimate, ci_low, ci_high, samples,
/// handoffs; docs/DATA.md).
///
/// Closed forms have no interval and no sample count (nil). Monte Carlo
/// estimates carry a 95 % interval and `samples`, the independent replications
/// behind it; the latency percentiles also carry `handoffs`, the simulated
/// handoffs their order-statistic interval rests on.
public struct MetricEstimate: Sendable, Equatable {
    /// Scheme id, e.g. "pmipv6".
    public var scheme: String
    /// Metric id, a `MetricKey.id` of the catalogue (a metric, or a per-element failure metric).
    public var metric: String
    /// Unit, a `MetricUnit.rawValue` of the catalogue.
    public var unit: String
    public var method: EvaluationMethod
    public var estimate: Double
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Monte Carlo: independent replications (every Monte Carlo row, percentiles included).
    public var samples: Int?
    /// Monte Carlo latency percentiles only: the handoff latencies observed (the
    /// order statistics' n); nil for every other row.
    public var handoffs: Int?
    /// Monte Carlo only: the standard error of `estimate` (delta method over
    /// replications, `samples` − 1 degrees of freedom), which z-scores use; the
    /// interval is truncated to the metric's support, so its half-width is not
    /// always t·se. Not a tidy column.
    public var standardError: Double?
    /// Monte Carlo only, for metrics that are weighted means of units i.i.d. under the
    /// model (per-(handoff, session) latency functionals, the session-time-averaged
    /// path stretch): the effective number of independent units (Σ w)²/Σ w². With a
    /// unit variance it gives the standard error the model implies
    /// (`ClosedFormComparison`). Not a tidy column.
    public var effectiveUnits: Double?
    /// The variance of one unit's value under the model (closed form: from the latency
    /// law, docs/MODELS.md 6.5; Monte Carlo: a constant of the scenario, the path
    /// stretch's class variance, 5.5), nil when none is known. Not a tidy column.
    public var unitVariance: Double?
    /// Monte Carlo only: why this row's interval is not valid (the variance of what the
    /// simulation averages is infinite under the scenario's laws, `MonteCarloValidity`,
    /// docs/MODELS.md 9.4), nil when it is. The estimate stays; its interval, its standard
    /// error and any z-score built on them mean nothing. Not a tidy column.
    public var intervalCaveat: String?

    public init(
        scheme: String, metric: String, unit: String, method: EvaluationMethod,
        estimate: Double, ciLow: Double? = nil, ciHigh: Double? = nil, samples: Int? = nil,
        standardError: Double? = nil, handoffs: Int? = nil
    ) {
        self.scheme = scheme
        self.metric = metric
        self.unit = unit
        self.method = method
        self.estimate = estimate
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.samples = samples
        self.standardError = standardError
        self.handoffs = handoffs
    }

    /// A row of a catalogue metric: its id and unit as the catalogue spells them.
    public init(
        scheme: String, key: MetricKey, method: EvaluationMethod, estimate: Double, ciLow: Double? = nil,
        ciHigh: Double? = nil, samples: Int? = nil
    ) {
        self.init(
            scheme: scheme, metric: key.id, unit: key.unit.rawValue, method: method, estimate: estimate, ciLow: ciLow,
            ciHigh: ciHigh, samples: samples)
    }

    /// The catalogue key of `metric`, nil for a name the catalogue does not know.
    public var key: MetricKey? { MetricKey(id: metric) }

    /// Every tidy column name, in order; a file holds those its method fills
    /// (`TidyLayout` in Reports, docs/DATA.md).
    public static let columns = ["scheme", "metric", "unit", "method", "estimate", "ci_low", "ci_high", "samples", "handoffs"]
}
