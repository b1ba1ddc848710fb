import Foundation
import Testing
@testable import TokenGrid

/// The metrics are computed once, from the result, by hand-checkable formulas; the reports read them.
@Suite("Report metrics") struct ReportMetricsTests {
    static func site(_ id: String, _ year: Int, tokens: Double, capex: Double, energy: Double, emissions: Double = 0) -> PlacementResult.SiteYear {
        var cost = PlacementResult.CostBreakdown()
        cost.computeCapex = capex
        cost.energy = energy
        let perMTok = tokens > 0 ? 1e6 / tokens : 0
        return PlacementResult.SiteYear(site: id, year: year, itMWBuilt: 0, itMWInstalled: 1, tokens: tokens, gridMWh: 0, renewableMWh: 0, peakGridMW: 0,
                                        renewableMWInstalled: 0, reserveMarginBefore: 0, reserveMarginAfter: 0, minReserveMargin: 0, emissionsTonnes: emissions,
                                        costUSD: cost, costUSDPerMTok: cost.total * perMTok, costUSDPerMTokBreakdown: cost.scaled(by: perMTok))
    }

    static func zone(_ year: Int, demand: Double, unserved: Double) -> PlacementResult.ZoneYear {
        PlacementResult.ZoneYear(zone: "z", year: year, demandTokens: demand, servedTokens: demand - unserved, unservedTokens: unserved,
                                 marginalUSDPerMTok: 1, servedBy: [])
    }

    /// Two sites over two years at a 10 % discount rate (factors 1 and 1/1.1); site b produces nothing in the first year.
    static let result: PlacementResult = {
        var breakdown = PlacementResult.CostBreakdown()
        breakdown.computeCapex = 10
        breakdown.unservedPenalty = 4
        var result = PlacementResult(
            planName: "t", status: .optimal, objectiveUSD: 14, costBreakdownUSD: breakdown,
            solver: PlacementResult.SolverStatistics(rows: 0, columns: 0, nonzeros: 0, iterations: 0, method: "primal"),
            sites: [site("a", 2025, tokens: 2e6, capex: 2, energy: 2, emissions: 5), site("a", 2026, tokens: 4e6, capex: 2, energy: 2),
                    site("b", 2025, tokens: 0, capex: 3, energy: 0), site("b", 2026, tokens: 1e6, capex: 3, energy: 1, emissions: 7)],
            builds: [], zones: [zone(2025, demand: 4e6, unserved: 2e6), zone(2026, demand: 6e6, unserved: 1e6)],
            headroom: [], bindingConstraints: [], shortfalls: [], notes: [])
        result.metrics = PlacementResult.Metrics(result) { year in year == 2025 ? 1 : 1 / 1.1 }
        return result
    }()

    @Test func unservedShareAndCostWithoutThePenalty() {
        let metrics = Self.result.metrics
        #expect(metrics.demandTokens == 10e6 && metrics.unservedTokens == 3e6)
        #expect(abs(metrics.unservedShare - 0.3) < 1e-15)
        #expect(metrics.discountedCostUSD == 10)
        #expect(metrics.year(2025)?.unservedShare == 0.5)
        #expect(metrics.year(2025)?.emissionsTonnes == 5 && metrics.year(2026)?.emissionsTonnes == 7)
    }

    /// Token-weighted over the sites producing that year: 2025 is site a alone ($4 / 2 M tokens); 2026 is
    /// ($4 + $4) / 5 M tokens. Site b's cost in 2025, when it produces nothing, is left out.
    @Test func tokenWeightedCostPerYear() throws {
        let first = try #require(Self.result.metrics.year(2025)?.tokenWeighted)
        #expect(abs(first.costUSDPerMTok - 2) < 1e-12 && first.tokens == 2e6 && first.costUSD == 4)
        #expect(abs(first.costUSDPerMTokBreakdown.computeCapex - 1) < 1e-12 && abs(first.costUSDPerMTokBreakdown.energy - 1) < 1e-12)
        let second = try #require(Self.result.metrics.year(2026)?.tokenWeighted)
        #expect(abs(second.costUSDPerMTok - 8 / 5.0) < 1e-12 && second.tokens == 5e6)
    }

    /// Levelised: discounted cost ÷ discounted tokens, every year of a site that produces in some year.
    /// a: (4 + 4/1.1) / (2 + 4/1.1) M; b: (3 + 4/1.1) / (1/1.1) M; all: their sums.
    @Test func levelisedCostBySiteAndOverall() throws {
        let metrics = Self.result.metrics
        #expect(metrics.levelisedBySite.map(\.site) == ["a", "b"])
        let a = metrics.levelisedBySite[0].cost, b = metrics.levelisedBySite[1].cost
        #expect(abs(a.costUSDPerMTok - (4 + 4 / 1.1) / (2 + 4 / 1.1)) < 1e-12)
        #expect(abs(b.costUSDPerMTok - (3 + 4 / 1.1) / (1 / 1.1)) < 1e-12)
        #expect(abs(b.costUSD - (3 + 4 / 1.1)) < 1e-12 && b.tokens == 1e6)
        let all = try #require(metrics.levelised)
        #expect(abs(all.costUSDPerMTok - (7 + 8 / 1.1) / (2 + 5 / 1.1)) < 1e-12)
    }

    @Test func costsCSVHasTheYearsAndTheLevelisedRows() {
        let lines = CSVReport.costs(Self.result.metrics).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("scope,site,period,tokens,cost_usd,cost_usd_per_mtok,capex_usd_per_mtok"))
        #expect(lines[1].hasPrefix("all_sites,,2025,2000000,4,2,"))
        #expect(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] } == ["2025", "2026", "levelised", "levelised", "levelised"])
    }

    @Test func moneyIsWrittenInMillionsOrBillions() {
        #expect(NumberFormat.money(1_412_093_826) == "$1.41 bn")
        #expect(NumberFormat.money(8.45e12) == "$8,450 bn")
        #expect(NumberFormat.money(469_069_883) == "469 M$")
        #expect(NumberFormat.money(45_600_000) == "45.6 M$")
        #expect(NumberFormat.money(12_345) == "$12,345")
        #expect(NumberFormat.grouped(-1_234_567.891, 1) == "-1,234,567.9")
    }

    /// A value that rounds to zero has no sign (a solver's −1e-9 share read "-0.0%" in the grid-edge plan's report).
    @Test func valuesRoundingToZeroHaveNoSign() {
        #expect(NumberFormat.percent(-1e-9) == "0.0%")
        #expect(NumberFormat.fixed(-0.004, 2) == "0.00")
        #expect(NumberFormat.fixed(-0.006, 2) == "-0.01")
        #expect(NumberFormat.fixed(-0.0, 0) == "0")
    }

    /// The terminal line leads with the cost without the penalty and gives the penalty on its own (us-grid-2030 leaves
    /// some demand unserved in 2030; quickstart, with its existing clusters, serves all of it).
    @Test func theSummaryLineLeavesThePenaltyOut() throws {
        let scenario = try PlacementShippedPlansTests.load("us-grid-2030")
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        let result = try PlacementSolver.solve(data)
        let text = ReportSummary.text(Report(scenario: scenario, demand: data.demand, result: result))
        let first = try #require(text.split(separator: "\n").first)
        #expect(result.costBreakdownUSD.unservedPenalty >= 0.5)
        #expect(first.contains("total discounted cost (2025 $) \(NumberFormat.money(result.metrics.discountedCostUSD)) without the unserved penalty"))
        #expect(text.contains("penalty \(NumberFormat.money(result.costBreakdownUSD.unservedPenalty))"))
        #expect(abs(result.metrics.discountedCostUSD + result.costBreakdownUSD.unservedPenalty - result.objectiveUSD) < 1e-6 * result.objectiveUSD)
    }
}
