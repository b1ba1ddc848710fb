/// A representative period of the year: a set of (month, hour) cells, weighted by the hours it stands for.
///
/// Load, renewable output and demand shapes are all evaluated on the same slices, so their costs and
/// flows are weighted alike (w_t hours per year).
public struct TimeSlice: Sendable, Hashable, Codable {
    /// Name used in row and column names and reports, e.g. `djf-h16-20`.
    public var name: String
    /// The months (1…12) the slice covers.
    public var months: [Int]
    /// The hours of the day (0…23) the slice covers.
    public var hours: [Int]

    public init(name: String, months: [Int], hours: [Int]) {
        self.name = name
        self.months = months
        self.hours = hours
    }

    /// Hours per year the slice stands for (a 365-day year): days in its months × its hours per day.
    public var weightHours: Double {
        Double(months.reduce(0) { $0 + CalendarDate.daysIn(month: $1, year: 2001) } * hours.count)
    }

    /// The day-weighted mean of a profile's factors over this slice's cells.
    public func mean(of profile: Profile) -> Double {
        var sum = 0.0, weight = 0.0
        for month in months {
            let days = Double(CalendarDate.daysIn(month: month, year: 2001))
            for hour in hours {
                sum += days * profile.factor(month: month, hour: hour)
                weight += days
            }
        }
        return weight > 0 ? sum / weight : 0
    }
}

/// Named ways to cut the year into slices.
public enum TimeSlicePreset: String, Sendable, CaseIterable, Codable {
    /// One slice: the whole year.
    case annual
    /// 4 seasons × 6 four-hour day-parts = 24 slices.
    case seasons4x6
    /// 4 seasons × 24 hours = 96 slices.
    case seasons4x24
    /// 12 months × 24 hours = 288 slices.
    case months12x24

    private static let seasons: [(String, [Int])] = [("djf", [12, 1, 2]), ("mam", [3, 4, 5]), ("jja", [6, 7, 8]), ("son", [9, 10, 11])]
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The slices of this preset, in a fixed order.
    public var slices: [TimeSlice] {
        switch self {
        case .annual:
            return [TimeSlice(name: "year", months: Array(1 ... 12), hours: Array(0 ..< 24))]
        case .seasons4x6:
            return Self.seasons.flatMap { season, months in
                stride(from: 0, to: 24, by: 4).map { start in
                    TimeSlice(name: "\(season)-h\(Self.twoDigits(start))-\(Self.twoDigits(start + 4))", months: months, hours: Array(start ..< start + 4))
                }
            }
        case .seasons4x24:
            return Self.seasons.flatMap { season, months in
                (0 ..< 24).map { TimeSlice(name: "\(season)-h\(Self.twoDigits($0))", months: months, hours: [$0]) }
            }
        case .months12x24:
            return (1 ... 12).flatMap { month in
                (0 ..< 24).map { TimeSlice(name: "\(Self.monthNames[month - 1])-h\(Self.twoDigits($0))", months: [month], hours: [$0]) }
            }
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension Array where Element == TimeSlice {
    /// Total hours the slices stand for; 8,760 when they cover a 365-day year exactly once.
    public var totalHours: Double { reduce(0) { $0 + $1.weightHours } }
}
