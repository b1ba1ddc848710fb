import Foundation
import Testing
@testable import TokenGrid

/// `tokengrid regions --sources`: figures with a source and a year, counted by hand on the test region.
@Suite struct SourceCensusTests {
    /// Region `alpha` writes 19 figures (grid 8, data centre 5, solar 5, one capex multiplier; the solar `existing_mw`
    /// and `d1`'s multiplier are defaults, not counted); 4 carry a source and a year: firm 2025, peak 2025, price 2025, carbon 2024.
    @Test func countsPerRegionAndGridField() throws {
        let scenario = try InputWorkspace().load()
        let census = SourceCensus(regions: [try #require(scenario.region("alpha"))], designs: scenario.designs)
        let alpha = try #require(census.regions.first)
        #expect(alpha.figures == 19 && alpha.sourcedFigures == 4)
        #expect(alpha.gridSourceYears == ["firm_capacity_mw": 2025, "peak_load_mw": 2025, "price_usd_per_mwh": 2025, "carbon_t_per_mwh": 2024])
        #expect(census.gridSourced == (4, 5) && census.allSourced == (4, 19))
        let table = census.table()
        #expect(table.contains("4/5 (80.0%)") && table.contains("4/19 (21.1%)"), "\(table)")
        #expect(table.split(separator: "\n").contains { $0.hasPrefix("alpha") && $0.contains("assumed") })
        // The design catalogue: d1 has 11 figures (peak_tflops sourced), d2 as many plus its measured pair.
        #expect(census.designFigures > 20 && census.designSourcedFigures >= 1)
    }
}
