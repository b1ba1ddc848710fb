import Foundation
import Testing
@testable import TokenGrid

/// Existing clusters against the published peak, solved by hand (numbers of `PlacementFixture`: 1 MW of IT draws 1 MW
/// busy and produces 1 Mtok/s; `cheap` has firm 1265 MW, a 1000 MW peak and a 15% floor; `dear` has firm capacity to spare).
///
/// `peak_load_mw` includes the existing clusters, so their busy draw (here their IT MW) is taken out of it once:
/// the background peak is 1000 − E and the clusters, existing and new, may draw 1265 ÷ 1.15 − (1000 − E) = 100 + E MW.
@Suite struct PlacementExistingCapacityTests {
    static let tokensPerMWYear = PlacementHandDerivedTests.tokensPerMWYear

    /// Existing capacity is not counted twice: with 40 MW of it inside the 1000 MW peak, `cheap` still takes 100 MW of new
    /// load (not 60), and serves 140 Mtok/s; `dear` serves the other 10.
    @Test func existingClustersInsideThePeakLeaveTheHeadroomForNewLoad() throws {
        var fixture = PlacementHandDerivedTests.twoSites()
        fixture.sites[0].existingITMW = 40
        let model = try fixture.model()
        #expect(abs(model.data.backgroundPeakLoadMW(site: 0) - 960) < 1e-9)
        #expect(abs(model.data.headroomMW(site: 0, year: 0, slice: 0) - (1265 / 1.15 - 960)) < 1e-9)
        #expect(abs(model.data.newLoadHeadroomMW(site: 0, year: 0, slice: 0) - (1265 / 1.15 - 1000)) < 1e-9)
        let result = try fixture.solve()
        #expect(result.status == .optimal)
        #expect(abs(result.site("cheap").itMWInstalled - 140) < 1e-6)
        #expect(abs(result.site("cheap").itMWBuilt - 100) < 1e-6)
        #expect(abs(result.site("dear").itMWInstalled - 10) < 1e-6)
        // Before new load, the existing clusters draw what the published peak holds: margin 1265 ÷ 1000 − 1.
        #expect(abs(result.site("cheap").reserveMarginBefore - 0.265) < 1e-9)
        #expect(abs(result.site("cheap").reserveMarginAfter - 0.15) < 1e-9)
        // Headroom still binds at cheap: one more MW of firm capacity moves 1 ÷ 1.15 MW from dear.
        #expect(abs(result.headroomValue("cheap").dualUSDPerMWYear - 438_000 / 1.15) < 1e-3)
        #expect(abs(result.headroomValue("cheap").headroomMW - (1265 / 1.15 - 1000)) < 1e-6)
    }

    /// The first year is served where capacity exists: no new build is allowed before 2026, yet the 50 MW already there
    /// serve 50 of the 150 Mtok/s; 100 go unserved, and the shortfall names the existing capacity and the lead time.
    @Test func theFirstYearIsServedByExistingCapacity() throws {
        var fixture = PlacementFixture(sites: [.init(id: "cheap", earliestYear: 2026, existingITMW: 50)])
        fixture.years = (2025, 2025)
        let result = try fixture.solve()
        #expect(result.status == .optimal)
        let zone = result.zone()
        #expect(abs(zone.servedTokens - 50 * Self.tokensPerMWYear) <= 1e-9 * zone.demandTokens)
        #expect(abs(zone.unservedTokens - 100 * Self.tokensPerMWYear) <= 1e-9 * zone.demandTokens)
        #expect(result.site("cheap").itMWBuilt == 0)
        let shortfall = try #require(result.shortfalls.first)
        #expect(shortfall.reasons == ["cheap: only its 50 MW of existing clusters can serve before 2026 (grid-connection lead time for new builds)"],
                "\(shortfall.reasons)")
    }

    /// Below the reserve floor existing clusters keep their connection: at an 80% floor `cheap` has 1265 ÷ 1.8 − 950
    /// = −247.2 MW of headroom, no room for new load, but its 50 MW of existing clusters (idle at 30%, no renewables) still
    /// run and serve 50 Mtok/s; `dear` builds the other 100 MW. The old row (draw held at 0) was infeasible here.
    @Test func existingLoadBelowTheFloorNeverMakesThePlanInfeasible() throws {
        var fixture = PlacementHandDerivedTests.twoSites()
        fixture.idleFraction = 0.3
        fixture.sites[0].reserveMargin = 0.8
        fixture.sites[0].existingITMW = 50
        let model = try fixture.model()
        #expect(model.data.isBelowReserveFloor(site: 0, year: 0, slice: 0))
        #expect(abs(model.data.gridAllowanceMW(site: 0, year: 0, slice: 0) - 50) < 1e-9)
        let result = try fixture.solve()
        #expect(result.status == .optimal)
        #expect(abs(result.site("cheap").itMWBuilt) < 1e-6)
        #expect(abs(result.site("cheap").tokens - 50 * Self.tokensPerMWYear) <= 1e-9 * result.site("cheap").tokens)
        #expect(abs(result.site("dear").itMWInstalled - 100) < 1e-6)
        // Existing cheap capacity costs its annuity and idle power as a constant; running it adds 0.7 × 8,760 MWh × $50 per MW.
        let cheap = 50 * PlacementHandDerivedTests.cheapCostPerMWYear
        #expect(abs(result.objectiveUSD - (cheap + 100 * PlacementHandDerivedTests.dearCostPerMWYear)) < 1)
        // Below the floor by 1000 − 1265 ÷ 1.8 = 297.2 MW (the existing draw included); worth 0 $/MW-yr there.
        #expect(result.headroomValue("cheap").dualUSDPerMWYear == 0)
        #expect(result.headroomValue("cheap").clampedSlices == 1)
        #expect(result.notes.contains { $0.hasPrefix("cheap:") && $0.contains("297.2") }, "\(result.notes)")
        #expect(model.infeasibilityReasons().isEmpty)
        // Benders decomposition (idle-fit rows from the same bound) reaches the same optimum.
        let split = try PlacementSolver.solve(model.data, options: PlacementOptions(strategy: .decomposed))
        #expect(split.status == .optimal)
        #expect(abs(split.objectiveUSD - result.objectiveUSD) <= 1e-6 * result.objectiveUSD)
    }

    /// Existing clusters that would draw at least the whole published peak are an error at `data_centre.existing`.
    @Test func existingDrawAboveThePeakIsALocatedError() throws {
        var fixture = PlacementHandDerivedTests.twoSites()
        fixture.sites[0].existingITMW = 1000
        let path = try fixture.write()
        let regionFile = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Regions/cheap.yaml")
        let text = try String(contentsOfFile: regionFile, encoding: .utf8)
        #expect(throws: InputError.self) { try PlanLoader.load(planAt: path) }
        do {
            _ = try PlanLoader.load(planAt: path)
        } catch let error as InputError {
            let found = try #require(error.errors.first { $0.fieldPath == "data_centre.existing" }, "\(error)")
            #expect(found.file == regionFile)
            #expect(found.line == TestSupport.line(of: "existing:", in: text))
            #expect(found.message.contains("draw 1000 MW when busy") && found.message.contains("peak_load_mw 1000 MW"), "\(found.message)")
        }
    }
}

extension PlacementData {
    /// Background peak in the first planning year, for tests.
    func backgroundPeakLoadMW(site s: Int) -> Double { sites[s].backgroundPeakLoadMW[0] }
}
