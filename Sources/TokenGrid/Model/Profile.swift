/// A shape over the year: 12 monthly and 24 hourly factors (local time) that multiply.
///
/// How a profile is scaled depends on its use (load: maximum 1; renewables: mean = capacity factor;
/// demand: hour-weighted mean 1); see ``TimeSlice``.
public struct Profile: Sendable, Hashable, Codable {
    /// Relative factor for January … December.
    public var monthly: [Double]
    /// Relative factor for hours 0 … 23.
    public var hourly: [Double]
    /// Where the shape comes from.
    public var source: String?
    public var year: Int?
    public var assumption: Bool
    public var reason: String?

    public init(monthly: [Double], hourly: [Double], source: String? = nil, year: Int? = nil, assumption: Bool = false, reason: String? = nil) {
        self.monthly = monthly
        self.hourly = hourly
        self.source = source
        self.year = year
        self.assumption = assumption
        self.reason = reason
    }

    /// The same factor in every hour of the year.
    public static let flat = Profile(monthly: Array(repeating: 1, count: 12), hourly: Array(repeating: 1, count: 24),
                                     assumption: true, reason: "flat by default")

    /// The factor in one month (1…12) and hour (0…23).
    public func factor(month: Int, hour: Int) -> Double { monthly[month - 1] * hourly[hour] }

    /// Largest factor over the year.
    public var maximum: Double { (monthly.max() ?? 1) * (hourly.max() ?? 1) }

    /// Whether it carries a source (with year) or an assumption flag (with reason).
    public var isAttributed: Bool { (source != nil && year != nil) || (assumption && reason != nil) }
}

extension Profile {
    init?(reading field: YAMLField) {
        guard field.isPresent else { return nil }
        guard field.expectMapping(keys: ["monthly", "hourly", "source", "year", "assumption", "reason"]) else { return nil }
        let monthly = field["monthly"].numbers(count: 12, in: 0 ... 1e9)
        let hourly = field["hourly"].numbers(count: 24, in: 0 ... 1e9)
        let source = field["source"].string(required: false)
        let year = field["year"].integer(required: false, in: 1900 ... 2100)
        let assumption = field["assumption"].bool(required: false) ?? false
        let reason = field["reason"].string(required: false)
        guard let monthly, let hourly else { return nil }
        if monthly.allSatisfy({ $0 == 0 }) || hourly.allSatisfy({ $0 == 0 }) {
            field.error("profile is zero everywhere; expected at least one positive monthly and hourly factor")
            return nil
        }
        self.init(monthly: monthly, hourly: hourly, source: source, year: year, assumption: assumption, reason: reason)
        if !isAttributed { field.warning("profile has no source and year; add them or mark it {assumption: true, reason: ...}") }
    }
}
