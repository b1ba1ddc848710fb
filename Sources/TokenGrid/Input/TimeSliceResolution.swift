/// Chooses a plan's representative days once its regions and zones are read: the daily vectors of every region's
/// load and capacity factors and every zone's demand shape are clustered, and each region's annual peak day is kept.
enum TimeSliceResolution {
    static func resolve(_ scenario: inout Scenario, field: YAMLField) {
        guard case .representativeDays = scenario.plan.timeRepresentation else { return }
        let loads = scenario.regions.map(\.loadFactorSeries)
        let factors = scenario.regions.flatMap { region in region.renewables.map { region.capacityFactorSeries($0) } }
        let shapes = scenario.plan.zones.map(\.demandShapeSeries)
        do {
            scenario.plan.timeSlices = try scenario.plan.timeRepresentation.slices(series: loads + factors + shapes, peakSeries: loads)
        } catch {
            field["representative_days"].error("\(error)")
        }
    }
}

/// Warnings about regions whose own figures leave no room for new load at their peak.
enum ReserveFloorChecks {
    /// A region whose firm capacity ÷ (1 + minimum margin) is below its peak load (the background load and the
    /// existing clusters drawing all they can) in a planning year has no headroom at its true peak that year: new
    /// data-centre load cannot connect there, and its headroom value reads 0.
    static func check(_ scenario: Scenario, regionRoots: [String: YAMLField], log: DiagnosticLog) {
        let designs = scenario.designsByID
        let mix = scenario.plan.modelMix
        for region in scenario.regions {
            let grid = region.grid
            func peak(_ year: Int) -> Double {
                region.backgroundPeakLoadMW(in: year, designs: designs, mix: mix) + region.existingBusyDrawMW(in: year, designs: designs, mix: mix)
            }
            let short = scenario.plan.years.filter { grid.reserveFloorMW(in: $0) < peak($0) }
            guard let first = short.first, let root = regionRoots[region.id] else { continue }
            let floor = grid.reserveFloorMW(in: first)
            root["grid"]["firm_capacity_mw"].warning(
                "\(region.id) is below its \(Int((grid.minReserveMargin.value * 100).rounded()))% reserve floor at its peak in \(first)\(short.count > 1 ? " and \(short.count - 1) later year(s)" : ""): firm capacity ÷ (1 + margin) = \(Int(floor.rounded())) MW < peak load \(Int(peak(first).rounded())) MW, so no new data-centre load fits under the floor then and its headroom value reads 0 $/MW-yr")
        }
    }
}
