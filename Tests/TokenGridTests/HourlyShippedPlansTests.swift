import Foundation
import LinearProgramming
import Testing
@testable import TokenGrid

/// The shipped plans with hourly time: each solves to an optimum whose solution passed the check against the full LP,
/// and the regions with EIA-930 hourly loads have their least headroom in the slice holding their CSV peak hour.
@Suite("Hourly: shipped plans")
struct HourlyShippedPlansTests {
    @Test(arguments: PlacementShippedPlansTests.plans)
    func solvesOptimallyWithAPassingCheck(plan name: String) throws {
        let scenario = try PlacementShippedPlansTests.load(name)
        #expect(abs(scenario.plan.timeSlices.totalHours - 8760) < 1e-9)
        #expect(scenario.regions.allSatisfy { (-12 ... 14).contains($0.utcOffsetHours) })
        let result = try PlacementSolver.solve(scenario)
        #expect(result.status == .optimal)
        let check = try #require(result.solver.check, "no solution check recorded")
        #expect(check.passes(), "\(check.summary)")
        #expect(result.solver.attempts.last?.hasSuffix("accepted") == true, "\(result.solver.attempts)")
        #expect(abs(result.costBreakdownUSD.total - result.objectiveUSD) <= 1e-6 * result.objectiveUSD)
        // The dispatch table covers every site, year and slice.
        #expect(result.dispatch.rowCount == scenario.regions.count * scenario.plan.years.count * scenario.plan.timeSlices.count)
    }

    /// us-grid-2030's six regions read 2018 hourly loads from CSV files (UTC). In its seasons4x6 slices the slice
    /// holding each file's peak hour has load factor 1, so each region's tightest headroom is its own
    /// firm ÷ (1 + margin) − peak (the background peak plus the existing clusters' busy draw), and no slice shows more
    /// headroom than any of its hours.
    @Test func usGridHeadroomComesFromEachCSVsPeakHour() throws {
        let scenario = try PlacementShippedPlansTests.load("us-grid-2030")
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        let designs = Dictionary(uniqueKeysWithValues: scenario.designs.map { ($0.id, $0) })
        let mix = scenario.plan.modelMix
        let peaks = ["ercot": "30 Jun 23:00 UTC", "pjm-northern-virginia": "28 Aug 20:00 UTC", "miso-iowa": "29 Jun 21:00 UTC",
                     "spp": "11 Jul 21:00 UTC", "caiso": "26 Jul 00:00 UTC", "pacific-northwest": "23 Feb 15:00 UTC"]
        for (s, site) in data.sites.enumerated() {
            let region = site.region
            #expect(region.grid.loadHourly != nil, "\(region.id) has no hourly load")
            let series = region.loadFactorSeries
            #expect(HourlySeries.label(ofHour: series.indexOfMaximum) == peaks[region.id], "\(region.id)")
            let peakSlice = try #require(data.slices.firstIndex { $0.yearHours.contains(series.indexOfMaximum) })
            // 1 to the last bit or one ulp below (the series is scaled by 1 ÷ peak, and x × (1 ÷ x) may be 1 − 2⁻⁵³).
            #expect(abs(site.loadFactor[peakSlice] - 1) <= 2e-16, "\(region.id): \(site.loadFactor[peakSlice])")
            for (y, year) in data.years.enumerated() {
                let grid = region.grid
                let peak = region.backgroundPeakLoadMW(in: year, designs: designs, mix: mix) + region.existingBusyDrawMW(in: year, designs: designs, mix: mix)
                let own = grid.firmCapacityMW(in: year) / (1 + grid.minReserveMargin.value) - peak
                #expect(abs(data.tightestHeadroomMW(site: s, year: y) - own) <= 1e-9 * max(1, abs(own)), "\(region.id) \(year)")
            }
            for (t, slice) in data.slices.enumerated() {
                #expect(site.loadFactor[t] == slice.yearHours.map { series[$0] }.max(), "\(region.id) \(slice.name)")
            }
        }
    }
}
