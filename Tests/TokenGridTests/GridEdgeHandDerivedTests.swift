import Foundation
import LinearProgramming
import Testing
@testable import TokenGrid

/// Each grid-edge lever on ``GridEdgeFixture``'s one-day plan, solved by hand: 150 Mtok/s asked for all day, 300 MW of
/// headroom in 22 hours and 100 MW in the 2 peak hours (18 and 19 UTC).
@Suite("Grid edge: hand-derived optima and duals")
struct GridEdgeHandDerivedTests {
    typealias F = GridEdgeFixture
    /// Hours per year outside and inside the peak.
    static let offPeak = 22 * F.days, peak = 2 * F.days

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    /// Without a connection rule (per_slice, as before) the site builds 150 MW and runs 100 MW in the peak hours:
    /// 50 Mtok/s goes unserved there.
    @Test func perSliceServesAllButThePeakOverflow() throws {
        let result = try F.solve(F.plan())
        #expect(Self.close(result.site("alpha").itMWInstalled, 150))
        let objective = 150 * 1e6 + (150 * Self.offPeak + 100 * Self.peak) * 50 + 50 * Self.peak * F.penaltyPerMTokPerSHour
        #expect(Self.close(result.objectiveUSD, objective))
        #expect(result.gridEdge == nil)
    }

    /// Firm: the connection must fit the tightest hour's 100 MW, so 100 MW is built and 50 Mtok/s goes unserved all year.
    @Test func firmConnectionFitsTheTightestHour() throws {
        let result = try F.solve(F.plan(planExtra: "connection_rule: firm\n"))
        #expect(Self.close(result.site("alpha").itMWInstalled, 100))
        let objective = 100 * 1e6 + 100 * F.hoursPerYear * 50 + 50 * F.hoursPerYear * F.penaltyPerMTokPerSHour
        #expect(Self.close(result.objectiveUSD, objective))
        let edge = try #require(result.edge())
        #expect(edge.connection == "firm" && Self.close(edge.firmHeadroomMW, 100) && edge.curtailedHours == 0)
        #expect(result.bindingConstraints.contains { $0.family == "firm_connection" && $0.place == "alpha" })
    }

    /// Flexible at 1 %: the connectable load X solves 730 × (X − 100) = 0.01 × 8,760 × X, X = 73,000 ÷ 642.4 = 113.64 MW
    /// (Duke's curtailment-enabled headroom); the grid curtails it 730 h a year. The cap's dual: one more MWh of
    /// allowance connects 1 ÷ 642.4 MW more, each worth 8,030 h × (36,000 − 50) − 1,000,000 = $287,678,500 a year.
    @Test func flexibleConnectionCarriesTheDukeHeadroom() throws {
        let result = try F.solve(F.plan(gridEdge: F.flexible(share: 0.01)))
        let connectable = 73_000 / (730 - 87.6)
        #expect(Self.close(result.site("alpha").itMWInstalled, connectable))
        #expect(Self.close(ConnectableLoad.largestMW(headroomMW: Array(repeating: 300, count: 22) + [100, 100] , weightHours: Array(repeating: 365, count: 24),
                                                     curtailmentShare: 0.01), connectable))
        let edge = try #require(result.edge())
        #expect(edge.connection == "flexible" && Self.close(edge.connectableMW ?? 0, connectable))
        #expect(Self.close(edge.curtailedHours, 730) && Self.close(edge.curtailedMWh, 0.01 * 8760 * connectable))
        #expect(Self.close(edge.curtailmentCapValueUSDPerMWh, 287_678_500 / 642.4, 1e-6))
        #expect(edge.levers == ["flexible connection"])
        // The reserve floor still holds hour by hour: the grid draw in the peak hours is the 100 MW of headroom.
        let dispatch = try #require(result.dispatch.sites.first { $0.site == "alpha" })
        #expect(Self.close(dispatch.gridMW[18], 100) && Self.close(dispatch.gridMW[12], connectable))
    }

    /// A battery lets the site serve the peak: 150 MW of IT, 50 MW / 100 MWh charged off-peak (efficiency 1), for
    /// 50 × $100k + 100 × $200k. Power is interior, so the power rows' duals add up to its capex (M$ per MW), and the
    /// energy rows' to the energy capex.
    @Test func batteryCoversThePeakHours() throws {
        let plan = F.plan(gridEdge: F.battery())
        let result = try F.solve(plan)
        let edge = try #require(result.edge())
        #expect(Self.close(edge.batteryMW, 50) && Self.close(edge.batteryMWh, 100))
        #expect(result.zone().unservedTokens == 0)
        let objective = 150 * 1e6 + 150 * F.hoursPerYear * 50 + 50 * 100_000 + 100 * 200_000.0
        #expect(Self.close(result.objectiveUSD, objective))
        #expect(Self.close(result.costBreakdownUSD.storage, 25e6) && Self.close(result.costBreakdownUSD.total, result.objectiveUSD))

        let model = try F.model(plan)
        let solution = try GLPKProblem(model.program).solve(SolverOptions(method: .dualSimplex))
        let power = (0 ..< 24).reduce(0) { $0 + solution.dual(model.edge.chargeRow[0]![0][$1]) + solution.dual(model.edge.dischargeRow[0]![0][$1]) }
        let energy = (0 ..< 24).reduce(0) { $0 + solution.dual(model.edge.stateRow[0]![0][$1]) }
        #expect(Self.close(power, -0.1) && Self.close(energy, -0.2))
    }

    /// Round-trip efficiency 0.81 (0.9 each way): 100 MWh out takes 111.1 MWh of storage and 123.5 MWh from the grid.
    @Test func batteryLossesArePaidAsGridEnergy() throws {
        let result = try F.solve(F.plan(gridEdge: F.battery(efficiency: 0.81)))
        let edge = try #require(result.edge())
        #expect(Self.close(edge.batteryMWh, 100 / 0.9))
        let daily = 150 * 22 + 100 / 0.81 + 100 * 2
        #expect(Self.close(result.site("alpha").gridMWh, daily * F.days))
        #expect(Self.close(result.objectiveUSD, 150 * 1e6 + daily * F.days * 50 + 50 * 100_000 + 100 / 0.9 * 200_000))
    }

    /// Firm, with a $40/MWh turbine: 150 MW of IT needs 50 MW of turbine to keep the connection at 100 MW; it runs all
    /// year as it is cheaper than the grid. An off-peak limit row's dual is that saving over its slice.
    @Test func onsiteGenerationCarriesLoadBehindTheMeter() throws {
        let plan = F.plan(gridEdge: F.onsite(), planExtra: "connection_rule: firm\n")
        let result = try F.solve(plan)
        let edge = try #require(result.edge())
        #expect(Self.close(result.site("alpha").itMWInstalled, 150) && Self.close(edge.onsiteMW, 50) && Self.close(edge.connectedMW, 100))
        #expect(Self.close(edge.onsiteMWh, 50 * F.hoursPerYear))
        let objective = 150 * 1e6 + 100 * F.hoursPerYear * 50 + 50 * F.hoursPerYear * 40 + 50 * 500_000.0
        #expect(Self.close(result.objectiveUSD, objective))
        // Its own emissions (0.4 t/MWh) count with the grid's (0.5 t/MWh on 100 MW).
        #expect(Self.close(result.site("alpha").emissionsTonnes, (100 * 0.5 + 50 * 0.4) * F.hoursPerYear))

        let model = try F.model(plan)
        let solution = try GLPKProblem(model.program).solve(SolverOptions(method: .dualSimplex))
        let limits = (0 ..< 24).map { solution.dual(model.edge.onsiteLimitRow[0]![0][$0]) }
        // Off-peak, one more MW of turbine saves its $10/MWh over the slice's 365 hours …
        #expect(Self.close(limits[12], -365 * 10 / 1e6) && Self.close(limits[3], -365 * 10 / 1e6))
        // … and, the turbine being sized freely, its limit rows and the firm connection row together price it at its capex.
        let firm = solution.dual(try #require(model.edge.connectionRow[0][0]))
        #expect(Self.close(limits.reduce(0, +) + firm, -0.5))
    }

    /// Firm, with both a turbine and a $200k/MW-yr upgrade: a MW of connection costs 1.15 × $200k bought, against
    /// $500k − $87.6k from a turbine, so 57.5 MW of firm capacity is bought; the headroom is then worth what it costs.
    @Test func upgradeBeatsOnsitePowerWhenCheaper() throws {
        let result = try F.solve(F.plan(gridEdge: F.onsite() + "\n" + F.upgrade(), planExtra: "connection_rule: firm\n"))
        let edge = try #require(result.edge())
        #expect(Self.close(edge.upgradeMW, 57.5) && edge.onsiteMW < 1e-6)
        #expect(Self.close(result.objectiveUSD, 150 * 1e6 + 150 * F.hoursPerYear * 50 + 57.5 * 200_000))
        #expect(Self.close(result.headroomValue("alpha").dualUSDPerMWYear, 200_000))
        #expect(edge.levers == ["grid upgrade"] && edge.why.contains("cheaper here than more curtailment"))
    }

    /// Deferral (40 %, up to 4 h): the peak hours serve their 90 Mtok/s firm share and 10 more; the other 2 × 50 wait
    /// for hours 20–23, which need 25 MW more. Every token is served. The waiting adds 12 hours × 25 Mtok/s a day at
    /// $0.0001 per Mtok-hour. The `deferrable` row of hour 18 is worth what serving one more of its tokens saves: the
    /// penalty less a quarter MW-year of capacity and its energy.
    @Test func deferralMovesPeakTokensLater() throws {
        let plan = F.plan(deferrable: "{share: 0.4, max_delay_hours: 4}")
        let result = try F.solve(plan)
        #expect(Self.close(result.site("alpha").itMWInstalled, 175))
        #expect(result.zone().unservedTokens == 0)
        let waiting = 12 * 25 * 3600 * F.days * 1e-4
        #expect(Self.close(result.objectiveUSD, 175 * 1e6 + 150 * 24 * F.days * 50 + waiting))
        #expect(Self.close(result.costBreakdownUSD.delay, waiting) && Self.close(result.costBreakdownUSD.total, result.objectiveUSD))
        let deferral = try #require(result.deferrals?.first)
        // Which tokens wait is not unique (hour 22's may wait for hour 18's), but the token-hours of waiting are: 300 Mtok/s·h a day.
        #expect(Self.close(deferral.deferredTokens * deferral.meanDelayHours, 300 * 3600 * F.days * 1e6))
        #expect(deferral.deferredTokens >= 100 * 3600 * F.days * 1e6 - 1)
        #expect(deferral.flows.allSatisfy { Int($0.fromSlice.suffix(2))! >= 18 && Int($0.toSlice.suffix(2))! >= 20 })
        let without = 150 * 1e6 + (150 * Self.offPeak + 100 * Self.peak) * 50 + 50 * Self.peak * F.penaltyPerMTokPerSHour
        #expect(Self.close(result.deferralSavingUSD ?? 0, without - result.objectiveUSD))

        let model = try F.model(plan)
        let solution = try GLPKProblem(model.program).solve(SolverOptions(method: .dualSimplex))
        let value = -solution.dual(model.edge.deferralRow[0]![0][18]) * 1e6
        #expect(abs(value - (F.days * 3600 * 10 - 0.25 * 1e6 - F.days * 50)) < 1_000)
    }
}

/// `tokengrid headroom`'s analysis on the fixture's grid, by hand: 100 MW firm; at 1 %, 73,000 ÷ 642.4 MW curtailed in
/// the 730 peak hours, 2 hours at a time, by (X − 100) ÷ X at most.
@Suite("Grid edge: connectable load of a region")
struct RegionHeadroomTests {
    @Test func fixtureRegionByHand() throws {
        let scenario = try GridEdgeFixture.plan().load()
        let analysis = RegionHeadroom(region: scenario.regions[0], year: 2025, designs: scenario.designs)
        let firm = try #require(analysis.rows.first), onePercent = try #require(analysis.rows.first { $0.curtailmentShare == 0.01 })
        #expect(abs(firm.connectableMW - 100) < 1e-6 && firm.curtailedHours == 0)
        let x = 73_000 / 642.4
        #expect(abs(onePercent.connectableMW - x) < 1e-6 && onePercent.curtailedHours == 730 && onePercent.longestEventHours == 2)
        #expect(abs(onePercent.deepestCutShare - (x - 100) / x) < 1e-9 && abs(onePercent.curtailedMWh - 730 * (x - 100)) < 1e-6)
    }
}
