/// Values given for some years, read for any year: linear between given years, flat outside them.
public struct YearMap: Sendable, Hashable, Codable {
    /// The given points, sorted by year.
    public var points: [YearValue]
    /// Written as a single number: the same value in every year (``given(in:)`` then answers for every year).
    public var isConstant = false

    public struct YearValue: Sendable, Hashable, Codable {
        public var year: Int
        public var value: Double
        public init(year: Int, value: Double) {
            self.year = year
            self.value = value
        }
    }

    public init(_ points: [Int: Double]) {
        self.points = points.sorted { $0.key < $1.key }.map { YearValue(year: $0.key, value: $0.value) }
    }

    /// The value in `year`: linear between the given years, the nearest given value outside them.
    public func value(in year: Int) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if year <= first.year { return first.value }
        if year >= last.year { return last.value }
        let upperIndex = points.firstIndex { $0.year >= year }!
        let upper = points[upperIndex], lower = points[upperIndex - 1]
        let fraction = Double(year - lower.year) / Double(upper.year - lower.year)
        return lower.value + fraction * (upper.value - lower.value)
    }

    /// The value given exactly for `year`, if any (caps and budgets apply only in the years they name).
    public func given(in year: Int) -> Double? {
        isConstant ? points.first?.value : points.first { $0.year == year }?.value
    }
}

extension YearMap {
    /// Reads `{2025: 0.5, 2030: 0.7}`, or a single number meaning the same value in every year.
    init?(reading field: YAMLField, in range: ClosedRange<Double>? = nil, unit: String = "") {
        guard field.isPresent else { return nil }
        if field.node?.scalar != nil {
            guard let value = field.number(in: range, unit: unit) else { return nil }
            self.init([2000: value])
            isConstant = true
            return
        }
        guard field.node?.mapping != nil else {
            field.error("expected a number or a mapping from year to number, e.g. {2025: 1.0, 2030: 2.0}")
            return nil
        }
        var points: [Int: Double] = [:]
        var lastYear = Int.min
        for (key, value) in field.mappingEntries {
            guard let year = Int(key), (1900 ... 2200).contains(year) else {
                value.error("'\(key)' is not a year; expected a year such as 2030")
                continue
            }
            if year <= lastYear { value.error("year \(year) is out of order; years must increase") }
            lastYear = year
            if let number = value.number(in: range, unit: unit) { points[year] = number }
        }
        guard !points.isEmpty else {
            if field.node?.mapping?.isEmpty == true { field.error("expected at least one year, e.g. {2025: 1.0, 2030: 2.0}") }
            return nil
        }
        self.init(points)
    }
}
