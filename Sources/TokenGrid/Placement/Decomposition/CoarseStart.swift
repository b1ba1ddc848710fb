import LinearProgramming

/// Where the decomposition of a plan with chronological day blocks (more than ``PlacementData/singleSliceBlockLimit``
/// slices) starts: the capacity the same plan chooses on its slices merged into month × hour-of-day cells (at most
/// 288: for the full chronological year, the months12x24 preset), solved first and loosely.
///
/// Day blocks are costly to solve and need many iterations from nothing (66 on the full year at 40 sites × 6 years),
/// and each iteration moves capacity far at first, which costs every block hundreds of pivots. The 288-slice plan is
/// solved in seconds and lands within 1e-6 of the full year's optimum (docs/performance.md), so its capacity is a core
/// point for the in-out stabilisation from the first iteration. It is only a starting point: the answer is the day
/// blocks' own, and checked as ever.
enum CoarseStart {
    /// The Benders gap the merged plan is solved to: enough for a starting point.
    static let relativeGap = 1e-5

    /// The capacity-part values but curtailment (``PlacementModel/stockColumns()`` order) of `data`'s plan on merged
    /// slices, or nil when the plan has single-slice blocks already.
    static func capacity(for data: PlacementData, options: SolverOptions, threads: Int) throws -> [Double]? {
        guard data.blocks.contains(where: { $0.count > 1 }) else { return nil }
        var scenario = data.scenario
        scenario.plan.timeSlices = merged(data.slices)
        let coarse = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        let full = PlacementModel.build(coarse, names: false)
        let solver = BendersSolver(options: options, threads: threads, relativeGap: relativeGap, maxIterations: 200)
        let outcome = try solver.solve(coarse, full: full)
        return full.stockColumns().map { outcome.solution.variableValues[$0.index] }
    }

    /// `slices` merged by the month and UTC hour of day of their first hour: each cell holds its members' hours and
    /// weights, and is a block of its own.
    static func merged(_ slices: [TimeSlice]) -> [TimeSlice] {
        var cells: [Int: (hours: [Int], weight: Double)] = [:]
        for slice in slices {
            let first = slice.yearHours.first ?? 0
            let key = (HourlySeries.month(ofHour: first) - 1) * HourlySeries.hoursPerDay + HourlySeries.hourOfDay(ofHour: first)
            cells[key, default: ([], 0)].hours += slice.yearHours
            cells[key, default: ([], 0)].weight += slice.weightHours
        }
        return cells.keys.sorted().enumerated().map { block, key in
            TimeSlice(name: "m\(TimeSlicePreset.twoDigits(key / 24 + 1))-h\(TimeSlicePreset.twoDigits(key % 24))",
                      yearHours: cells[key]!.hours.sorted(), weightHours: cells[key]!.weight, block: block)
        }
    }
}
