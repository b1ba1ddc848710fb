/// How a plan cuts the year into time slices: a preset, explicit month × hour cells, or representative days chosen
/// from the plan's own hourly series.
public enum TimeRepresentation: Sendable, Hashable, Codable {
    /// A named preset (``TimeSlicePreset``), `hours` among them.
    case preset(TimeSlicePreset)
    /// Slices given in the plan as UTC month × hour-of-day cells; each is its own block.
    case cells([TimeSlice])
    /// `count` days chosen by clustering the daily vectors of every region's load and capacity factors and every
    /// zone's demand shape (``RepresentativeDays``), deterministic for `seed`; each region's peak day is kept.
    case representativeDays(count: Int, seed: UInt64)

    /// The slices for the given hourly series (only representative days look at them).
    /// - Parameters:
    ///   - series: every series that shapes the plan (loads, capacity factors, demand shapes).
    ///   - peakSeries: the series whose annual peak day must be kept (each region's load).
    public func slices(series: [HourlySeries], peakSeries: [HourlySeries]) throws(RepresentativeDaysError) -> [TimeSlice] {
        switch self {
        case .preset(let preset): return preset.slices
        case .cells(let slices): return slices
        case let .representativeDays(count, seed):
            let selection = try RepresentativeDays.select(features: RepresentativeDays.dayFeatures(of: series), count: count, seed: seed,
                                                          keep: RepresentativeDays.peakDays(of: peakSeries))
            return Self.slices(of: selection)
        }
    }

    /// 24 slices per representative day r: hour h stands for hour h of every member day, weighted by their number
    /// (so weights sum to 8,760 h); the day's slices form block r.
    static func slices(of selection: RepresentativeDaySelection) -> [TimeSlice] {
        selection.days.enumerated().flatMap { r, day in
            (0 ..< HourlySeries.hoursPerDay).map { h in
                TimeSlice(name: "rd\(TimeSlicePreset.twoDigits(r + 1))-d\(TimeSlicePreset.threeDigits(day.medoid + 1))-h\(TimeSlicePreset.twoDigits(h))",
                          yearHours: day.members.map { $0 * HourlySeries.hoursPerDay + h }, block: r)
            }
        }
    }
}
