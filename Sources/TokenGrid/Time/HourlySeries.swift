/// One value per hour of a typical year, in UTC: 8,760 values, index 0 = 1 January 00:00–01:00 UTC of a non-leap year.
///
/// The typical year is cyclic: hour 8,759 (31 December 23:00 UTC) is followed by hour 0. What the values mean (MW of
/// load, a capacity factor, a relative demand shape) is said by whoever holds the series; ``provenance`` says where
/// they come from. See `docs/time-series.md`.
public struct HourlySeries: Sendable, Hashable, Codable {
    /// Hours in the typical (non-leap) year.
    public static let hoursPerYear = 8760
    /// Days in the typical year.
    public static let daysPerYear = 365
    /// Hours in a day.
    public static let hoursPerDay = 24

    /// The values, `hoursPerYear` of them, index 0 = 1 January 00:00 UTC.
    public private(set) var values: [Double]
    /// Where the values come from.
    public var provenance: Provenance

    /// Where a series comes from.
    public struct Provenance: Sendable, Hashable, Codable {
        /// How the series was made.
        public enum Origin: String, Sendable, Hashable, Codable {
            /// Read from an hourly CSV file (``HourlyCSVReader``).
            case csv
            /// Expanded from a 12 × 24 local-time ``Profile``.
            case profile
            /// Built in code (tests, synthetic data).
            case computed
        }

        public var origin: Origin
        /// The file the values were read from, as reported in diagnostics (CSV), if any.
        public var sourceFile: String?
        /// The calendar year the data describe (a CSV's year in its own clock, or a profile's `year`), if known.
        public var dataYear: Int?
        /// The fixed UTC offset used to convert local time to UTC, hours (nil when the data were already in UTC or
        /// carried their own offsets in every stamp).
        public var utcOffsetHours: Double?
        /// The cited source (a profile's `source`), if any.
        public var source: String?
        /// Whether a leap year's 29 February was dropped (CSV).
        public var droppedLeapDay: Bool
        /// How many tiny positive values were set to 0 (CSV; see `docs/time-series.md`).
        public var flushedTinyValues: Int

        public init(origin: Origin, sourceFile: String? = nil, dataYear: Int? = nil, utcOffsetHours: Double? = nil,
                    source: String? = nil, droppedLeapDay: Bool = false, flushedTinyValues: Int = 0) {
            self.origin = origin
            self.sourceFile = sourceFile
            self.dataYear = dataYear
            self.utcOffsetHours = utcOffsetHours
            self.source = source
            self.droppedLeapDay = droppedLeapDay
            self.flushedTinyValues = flushedTinyValues
        }
    }

    /// A series from exactly `hoursPerYear` values (a programming error otherwise).
    public init(values: [Double], provenance: Provenance = Provenance(origin: .computed)) {
        precondition(values.count == Self.hoursPerYear, "an hourly series has \(Self.hoursPerYear) values, not \(values.count)")
        self.values = values
        self.provenance = provenance
    }

    private enum CodingKeys: String, CodingKey { case values, provenance }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let values = try container.decode([Double].self, forKey: .values)
        guard values.count == Self.hoursPerYear else {
            throw DecodingError.dataCorruptedError(forKey: .values, in: container,
                                                   debugDescription: "expected \(Self.hoursPerYear) values, found \(values.count)")
        }
        self.values = values
        provenance = try container.decode(Provenance.self, forKey: .provenance)
    }

    /// The value in hour `hour` (0 ..< 8,760).
    public subscript(hour: Int) -> Double { values[hour] }

    // MARK: Statistics

    /// Largest value.
    public var maximum: Double { values.max() ?? 0 }
    /// Smallest value.
    public var minimum: Double { values.min() ?? 0 }
    /// Sum over the year (for MW: MWh per year).
    public var sum: Double { values.reduce(0, +) }
    /// Mean over the year.
    public var mean: Double { sum / Double(Self.hoursPerYear) }
    /// Hour of the largest value; the earliest hour when several share it.
    public var indexOfMaximum: Int {
        var best = 0
        for hour in 1 ..< values.count where values[hour] > values[best] { best = hour }
        return best
    }
    /// Day (0 … 364) holding the largest value.
    public var peakDay: Int { Self.day(ofHour: indexOfMaximum) }
    /// Mean ÷ maximum (0 when the series is zero everywhere).
    public var loadFactor: Double {
        let peak = maximum
        return peak > 0 ? mean / peak : 0
    }

    /// The 24 values of day `day` (0 … 364), 00:00 … 23:00 UTC.
    public func values(onDay day: Int) -> ArraySlice<Double> {
        values[day * Self.hoursPerDay ..< (day + 1) * Self.hoursPerDay]
    }

    // MARK: Rescaling

    /// Every value multiplied by `factor`.
    public func scaled(by factor: Double) -> HourlySeries {
        HourlySeries(values: values.map { $0 * factor }, provenance: provenance)
    }

    /// Scaled so that the maximum equals `target` (unchanged when the series is zero everywhere).
    public func scaled(toMaximum target: Double) -> HourlySeries {
        let peak = maximum
        return peak > 0 ? scaled(by: target / peak) : self
    }

    /// Scaled so that the mean equals `target` (unchanged when the series is zero everywhere).
    public func scaled(toMean target: Double) -> HourlySeries {
        let average = mean
        return average > 0 ? scaled(by: target / average) : self
    }

    // MARK: The typical year's calendar

    /// Days in each month of the typical (non-leap) year.
    public static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// Day of the year (0 … 364) of hour `hour`.
    public static func day(ofHour hour: Int) -> Int { hour / hoursPerDay }

    /// Hour of the day (0 … 23, UTC) of hour `hour`.
    public static func hourOfDay(ofHour hour: Int) -> Int { hour % hoursPerDay }

    /// Month (1 … 12) and day of the month (1 … 31) of day of the year `day` (0 … 364).
    public static func monthAndDay(ofDay day: Int) -> (month: Int, day: Int) {
        var remaining = day
        for (index, length) in daysInMonth.enumerated() {
            if remaining < length { return (index + 1, remaining + 1) }
            remaining -= length
        }
        return (12, 31)
    }

    /// Month (1 … 12) of hour `hour`.
    public static func month(ofHour hour: Int) -> Int { monthAndDay(ofDay: day(ofHour: hour)).month }

    /// The hour index of `month` (1 … 12), `day` (1 … 31) and `hour` (0 … 23) in the typical year, UTC.
    public static func hourIndex(month: Int, day: Int, hour: Int) -> Int {
        let daysBefore = daysInMonth.prefix(month - 1).reduce(0, +)
        return (daysBefore + day - 1) * hoursPerDay + hour
    }

    /// A readable label of hour `hour`, e.g. `19 Jul 21:00 UTC`.
    public static func label(ofHour hour: Int) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let (month, day) = monthAndDay(ofDay: Self.day(ofHour: hour))
        let clock = hourOfDay(ofHour: hour)
        return "\(day) \(names[month - 1]) \(clock < 10 ? "0" : "")\(clock):00 UTC"
    }
}
