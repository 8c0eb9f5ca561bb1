/// The time conversions every model and estimator uses, defined once.
public enum TimeConstants {
    /// Seconds per hour: MTBF and MTTR are given in hours, rates and outages in seconds.
    public static let secondsPerHour = 3600.0
    /// Hours per (365-day) year, as the MTBF defaults (8760 h): the "year" of per-MN-year figures.
    public static let hoursPerYear = 8760.0
    /// Seconds per year, hoursPerYear × secondsPerHour.
    public static let secondsPerYear = hoursPerYear * secondsPerHour
}
