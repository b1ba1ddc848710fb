/// The outcome of ``RepresentativeDays/select(features:count:seed:keep:)``: which days stand for the year, and for how
/// many days each.
public struct RepresentativeDaySelection: Sendable, Hashable, Codable {
    /// One representative day and the days it stands for.
    public struct Day: Sendable, Hashable, Codable {
        /// The day (0-based day of the year) that represents the cluster.
        public var medoid: Int
        /// The days it stands for, in increasing order (the medoid among them).
        public var members: [Int]
        /// How many days it stands for (= `members.count`).
        public var weightDays: Double
        /// Whether the day was asked to be kept (e.g. a region's peak day).
        public var isKept: Bool

        /// The medoid's hours in the typical year (UTC hour indices of ``HourlySeries``).
        public var hours: Range<Int> { medoid * HourlySeries.hoursPerDay ..< (medoid + 1) * HourlySeries.hoursPerDay }
    }

    /// The representative days, in calendar order of their medoids.
    public var days: [Day]
    /// For each input day, the index into `days` of the day that represents it.
    public var assignment: [Int]
    /// Clustering error: the sum over all days of the distance from the day to its medoid (feature units).
    public var error: Double
    /// Alternations of assignment and medoid update performed.
    public var iterations: Int
    /// Whether the medoids stopped changing before the iteration cap.
    public var converged: Bool

    /// Sum of the weights: the number of input days (365 for a typical year).
    public var totalWeightDays: Double { days.reduce(0) { $0 + $1.weightDays } }
}

/// Why representative days cannot be chosen.
public enum RepresentativeDaysError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No days were given, or more than ``RepresentativeDays/maximumDays``.
    case dayCount(Int)
    /// Day `day` has `found` features where day 0 has `expected` (or `expected` is 0).
    case featureCount(day: Int, found: Int, expected: Int)
    /// Day `day` has a NaN or infinite feature.
    case notFinite(day: Int)
    /// `count` is not between 1 and the number of days.
    case count(Int, days: Int)
    /// A day to keep is not a day of the input.
    case keptDayOutOfRange(Int, days: Int)
    /// More days must be kept than representative days are asked for.
    case tooManyKept(kept: Int, count: Int)

    public var description: String {
        switch self {
        case .dayCount(let count):
            return "representative days need 1 to \(RepresentativeDays.maximumDays) days of features, found \(count)"
        case .featureCount(let day, let found, let expected):
            return expected == 0 ? "days have no features; expected at least one per day"
                : "day \(day) has \(found) features; expected \(expected), as day 0"
        case .notFinite(let day):
            return "day \(day) has a feature that is NaN or infinite; expected finite numbers"
        case .count(let count, let days):
            return "\(count) representative days asked for; expected 1 to \(days)"
        case .keptDayOutOfRange(let day, let days):
            return "day \(day) is to be kept but is not a day of the input (expected 0 to \(days - 1))"
        case .tooManyKept(let kept, let count):
            return "\(kept) days must be kept (e.g. peak days) but only \(count) representative days are asked for; ask for at least \(kept)"
        }
    }
}
