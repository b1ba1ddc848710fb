extension Profile {
    /// The profile as 8,760 UTC hours of a typical (non-leap) year, for a place whose local clock is
    /// `utcOffsetHours` ahead of UTC (−6 for US Central standard time, 8 for China, 5.5 for India).
    ///
    /// UTC hour h (from 1 January 00:00 UTC) is local time h + offset, wrapped cyclically across the year end; that
    /// local hour's month m and hour of day k give `monthly[m] × hourly[k]`. When the offset is not a whole number of
    /// hours, UTC hour h overlaps two local hours and gets their average weighted by the overlap (for +5.5: the two
    /// neighbouring local hours, half each), so the year's total is kept. The factors are not rescaled: scale the
    /// series where it is used (``HourlySeries/scaled(toMaximum:)``, ``HourlySeries/scaled(toMean:)``).
    /// Values below 1e-12 × the maximum are set to 0 (the LP solver mishandles such tiny numbers).
    public func hourlyUTC(utcOffsetHours: Double) -> HourlySeries {
        let hoursPerYear = HourlySeries.hoursPerYear
        var local = [Double](repeating: 0, count: hoursPerYear)
        var hour = 0
        for (monthIndex, days) in HourlySeries.daysInMonth.enumerated() {
            for _ in 0 ..< days {
                for hourOfDay in 0 ..< HourlySeries.hoursPerDay {
                    local[hour] = factor(month: monthIndex + 1, hour: hourOfDay)
                    hour += 1
                }
            }
        }
        let offsetSeconds = Int((utcOffsetHours * 3600).rounded())
        let wholeHours = offsetSeconds >= 0 ? offsetSeconds / 3600 : -((-offsetSeconds + 3599) / 3600)
        let fraction = Double(offsetSeconds - wholeHours * 3600) / 3600
        // UTC hour 0 is local hour `first`; the following hours wrap around the year's end.
        let first = ((wholeHours % hoursPerYear) + hoursPerYear) % hoursPerYear
        func wrapped(_ index: Int) -> Int { index >= hoursPerYear ? index - hoursPerYear : index }
        var values = [Double](repeating: 0, count: hoursPerYear)
        for utcHour in 0 ..< hoursPerYear {
            let start = wrapped(first + utcHour)
            values[utcHour] = fraction == 0 ? local[start] : (1 - fraction) * local[start] + fraction * local[wrapped(start + 1)]
        }
        let threshold = 1e-12 * (values.max() ?? 0)
        for index in values.indices where values[index] < threshold { values[index] = 0 }
        return HourlySeries(values: values, provenance: HourlySeries.Provenance(
            origin: .profile, dataYear: year, utcOffsetHours: utcOffsetHours, source: source ?? (assumption ? reason : nil)))
    }
}
