/// A representative period of the year: a set of hours of the typical year (UTC), weighted by the hours it stands for,
/// in a chronological block.
///
/// Load, renewable output and demand are all evaluated on the same slices: energy-like quantities (capacity factors,
/// demand) as their **mean** over the slice's hours, the non-data-centre load that sets grid headroom as its
/// **highest** hour, so that no representation shows more headroom than the hourly data allow. Costs and flows of a
/// slice are weighted by `weightHours`.
///
/// Slices of one `block` are in time order and stand for one stretch of consecutive hours (a day of the chronological
/// year, a representative day, or a season's or month's typical day); decomposition solves a block as one subproblem.
public struct TimeSlice: Sendable, Hashable, Codable {
    /// Name used in row and column names and reports, e.g. `djf-h16-20`, `d187-h17`, `rd03-d187-h17`.
    public var name: String
    /// Hours of the typical year (0 ..< 8,760; 0 is 1 January 00:00–01:00 UTC) the slice's values are taken over.
    public var yearHours: [Int]
    /// Hours per year the slice stands for (Σ over a year's slices = 8,760).
    public var weightHours: Double
    /// The chronological block the slice belongs to.
    public var block: Int
    /// For slices given as month × hour-of-day cells (presets and custom slices): the months (1…12) and UTC hours of
    /// the day (0…23) they cover; empty otherwise.
    public var months: [Int]
    public var hoursOfDay: [Int]

    /// A slice over explicit hours of the typical year; its weight defaults to their number.
    public init(name: String, yearHours: [Int], weightHours: Double? = nil, block: Int) {
        self.name = name
        self.yearHours = yearHours
        self.weightHours = weightHours ?? Double(yearHours.count)
        self.block = block
        months = []
        hoursOfDay = []
    }

    /// The slice of every hour of the typical year whose UTC month is in `months` and UTC hour of day in `hours`.
    public init(name: String, months: [Int], hours: [Int], block: Int = 0) {
        var cells: [Int] = []
        for month in Set(months).sorted() where (1 ... 12).contains(month) {
            let firstDay = HourlySeries.daysInMonth.prefix(month - 1).reduce(0, +)
            for day in firstDay ..< firstDay + HourlySeries.daysInMonth[month - 1] {
                for hour in Set(hours).sorted() where (0 ..< 24).contains(hour) { cells.append(day * HourlySeries.hoursPerDay + hour) }
            }
        }
        self.init(name: name, yearHours: cells, block: block)
        self.months = months
        hoursOfDay = hours
    }

    /// The mean of `series` over the slice's hours (0 for a slice without hours).
    public func mean(of series: HourlySeries) -> Double {
        guard !yearHours.isEmpty else { return 0 }
        return yearHours.reduce(0) { $0 + series[$1] } / Double(yearHours.count)
    }

    /// The highest value of `series` over the slice's hours (0 for a slice without hours).
    public func maximum(of series: HourlySeries) -> Double {
        yearHours.reduce(yearHours.isEmpty ? 0 : -Double.infinity) { max($0, series[$1]) }
    }

    /// Hours the slice lasts within each day it stands for: its hours ÷ the days they fall on (1 for an hourly slice, 4
    /// for a four-hour day-part, 24 for the whole year; 1 for a slice without hours).
    public var hoursPerDay: Double {
        guard !yearHours.isEmpty else { return 1 }
        var days = Set<Int>()
        for hour in yearHours { days.insert(hour / HourlySeries.hoursPerDay) }
        return Double(yearHours.count) / Double(days.count)
    }

    /// The mean of a 12 × 24 profile over the slice's hours, reading the profile in UTC.
    public func mean(of profile: Profile) -> Double { mean(of: profile.hourlyUTC(utcOffsetHours: 0)) }

    // The hour lists are long (8,760 in all) and follow from the representation; reports keep only the rest.
    private enum CodingKeys: String, CodingKey { case name, weightHours, block, months, hoursOfDay }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        weightHours = try container.decode(Double.self, forKey: .weightHours)
        block = try container.decode(Int.self, forKey: .block)
        months = try container.decode([Int].self, forKey: .months)
        hoursOfDay = try container.decode([Int].self, forKey: .hoursOfDay)
        yearHours = []
    }
}

/// Named ways to cut the year into slices. All are in UTC.
public enum TimeSlicePreset: String, Sendable, CaseIterable, Codable {
    /// One slice: the whole year.
    case annual
    /// 4 seasons × 6 four-hour day-parts = 24 slices; a season's day-parts form one block.
    case seasons4x6
    /// 4 seasons × 24 hours = 96 slices; a season's 24 hours form one block (its typical day).
    case seasons4x24
    /// 12 months × 24 hours = 288 slices; a month's 24 hours form one block.
    case months12x24
    /// The full chronological year: 8,760 one-hour slices, one block per day.
    case hours

    private static let seasons: [(String, [Int])] = [("djf", [12, 1, 2]), ("mam", [3, 4, 5]), ("jja", [6, 7, 8]), ("son", [9, 10, 11])]
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The slices of this preset, in a fixed order (blocks in order, and time order within a block).
    public var slices: [TimeSlice] {
        switch self {
        case .annual:
            return [TimeSlice(name: "year", months: Array(1 ... 12), hours: Array(0 ..< 24))]
        case .seasons4x6:
            return Self.seasons.enumerated().flatMap { block, season in
                stride(from: 0, to: 24, by: 4).map { start in
                    TimeSlice(name: "\(season.0)-h\(Self.twoDigits(start))-\(Self.twoDigits(start + 4))", months: season.1, hours: Array(start ..< start + 4), block: block)
                }
            }
        case .seasons4x24:
            return Self.seasons.enumerated().flatMap { block, season in
                (0 ..< 24).map { TimeSlice(name: "\(season.0)-h\(Self.twoDigits($0))", months: season.1, hours: [$0], block: block) }
            }
        case .months12x24:
            return (1 ... 12).flatMap { month in
                (0 ..< 24).map { TimeSlice(name: "\(Self.monthNames[month - 1])-h\(Self.twoDigits($0))", months: [month], hours: [$0], block: month - 1) }
            }
        case .hours:
            return (0 ..< HourlySeries.hoursPerYear).map { hour in
                let day = HourlySeries.day(ofHour: hour)
                return TimeSlice(name: "d\(Self.threeDigits(day + 1))-h\(Self.twoDigits(HourlySeries.hourOfDay(ofHour: hour)))", yearHours: [hour], block: day)
            }
        }
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    static func threeDigits(_ value: Int) -> String { value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)" }
}

extension Array where Element == TimeSlice {
    /// Total hours the slices stand for; 8,760 when they cover a 365-day year exactly once.
    public var totalHours: Double { reduce(0) { $0 + $1.weightHours } }

    /// The slices' indices grouped by block, blocks in order of first appearance.
    public var blocks: [[Int]] {
        var order: [Int] = [], members: [Int: [Int]] = [:]
        for (index, slice) in enumerated() {
            if members[slice.block] == nil { order.append(slice.block) }
            members[slice.block, default: []].append(index)
        }
        return order.map { members[$0]! }
    }
}
