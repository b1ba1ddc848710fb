extension RepresentativeDays {
    /// Day feature vectors for ``select(features:count:seed:keep:)``: for each of the 365 days, the 24 hourly values of
    /// every series in turn (24 × `series.count` features), each series mapped to [0, 1] by its own minimum and maximum
    /// over the year so that no series outweighs another by its scale (a constant series gives zeros).
    public static func dayFeatures(of series: [HourlySeries]) -> [[Double]] {
        let ranges = series.map { ($0.minimum, $0.maximum - $0.minimum) }
        return (0 ..< HourlySeries.daysPerYear).map { day in
            var vector: [Double] = []
            vector.reserveCapacity(series.count * HourlySeries.hoursPerDay)
            for (one, (low, span)) in zip(series, ranges) {
                for value in one.values(onDay: day) { vector.append(span > 0 ? (value - low) / span : 0) }
            }
            return vector
        }
    }

    /// The day (0 … 364) of each series' maximum, each day once, in increasing order: the days to keep.
    public static func peakDays(of series: [HourlySeries]) -> [Int] {
        Array(Set(series.map(\.peakDay))).sorted()
    }
}
