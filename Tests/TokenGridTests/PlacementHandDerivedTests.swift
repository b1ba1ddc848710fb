import Foundation
import Testing
@testable import TokenGrid

/// Placement LPs small enough to solve by hand (see `PlacementFixture` for the shared numbers).
///
/// One MW of IT produces 1 Mtok/s and draws 1 MW (PUE 1, no idle), so over a year it produces
/// P = 31.536e6 million tokens and costs $1,000,000 capex annuity + 8,760 MWh × price.
/// Site `cheap` pays $50/MWh: $1,438,000 per MW-year → $0.045599 per million tokens.
/// Site `dear` pays $100/MWh: $1,876,000 per MW-year → $0.059488 per million tokens.
/// Demand is a flat 150 Mtok/s; `cheap` has 100 MW of grid headroom (1265 / 1.15 − 1000).
@Suite struct PlacementHandDerivedTests {
    static let tokensPerMWYear = 31.536e6 * 1e6
    static let cheapCostPerMWYear = 1_000_000 + 8760 * 50.0
    static let dearCostPerMWYear = 1_000_000 + 8760 * 100.0

    static func twoSites() -> PlacementFixture {
        PlacementFixture(sites: [
            .init(id: "cheap", priceUSDPerMWh: 50),
            .init(id: "dear", firmMW: 1e6, priceUSDPerMWh: 100),
        ])
    }

    /// (a) Cheaper power wins until its headroom binds; the dearer site takes the rest.
    @Test func cheaperSiteFillsItsHeadroomFirst() throws {
        let result = try Self.twoSites().solve()
        #expect(result.status == .optimal)
        #expect(abs(result.site("cheap").itMWInstalled - 100) < 1e-6)
        #expect(abs(result.site("dear").itMWInstalled - 50) < 1e-6)
        // Cost per million tokens = cost per MW-year ÷ million tokens per MW-year.
        #expect(abs(result.site("cheap").costUSDPerMTok - Self.cheapCostPerMWYear / 31.536e6) < 1e-9)
        #expect(abs(result.site("dear").costUSDPerMTok - Self.dearCostPerMWYear / 31.536e6) < 1e-9)
        // One more MW of headroom moves 1 MW from dear to cheap: saves $438,000 a year. Headroom is firm ÷ 1.15,
        // so one more MW of firm capacity is worth 438,000 ÷ 1.15 = $380,869.57 per MW-year.
        let headroom = result.headroomValue("cheap")
        #expect(abs(headroom.dualUSDPerMWYear - 438_000 / 1.15) < 1e-3)
        #expect(headroom.bindingSlices == 1)
        #expect(result.headroomValue("dear").dualUSDPerMWYear == 0)
        // Objective: 100 MW × 1,438,000 + 50 MW × 1,876,000.
        #expect(abs(result.objectiveUSD - (100 * Self.cheapCostPerMWYear + 50 * Self.dearCostPerMWYear)) < 1)
        #expect(abs(result.costBreakdownUSD.total - result.objectiveUSD) < 1)
    }

    /// (b) Raising the cheap site's reserve floor from 15% to 80% leaves it 1265 / 1.8 − 1000 < 0 MW: no headroom,
    /// so the dear site serves all 150 Mtok/s and the plan costs 100 MW × $438,000 more.
    @Test func higherReserveFloorMovesLoadAway() throws {
        var fixture = Self.twoSites()
        let base = try fixture.solve()
        fixture.sites[0].reserveMargin = 0.80
        let result = try fixture.solve()
        #expect(abs(result.site("cheap").itMWInstalled) < 1e-6)
        #expect(abs(result.site("dear").itMWInstalled - 150) < 1e-6)
        #expect(abs(result.objectiveUSD - base.objectiveUSD - 100 * 438_000) < 1)
        #expect(result.notes.contains { $0.hasPrefix("cheap:") && $0.contains("80% reserve floor") })
        // Reserve margin after: the dear site's grid (firm 1e6) stays far above its floor; cheap is untouched.
        #expect(abs(result.site("cheap").reserveMarginAfter - (1265.0 / 1000 - 1)) < 1e-9)
        // The clamped headroom row binds with a dual (the dear site's extra cost), but one more MW of firm capacity at
        // cheap only narrows its 1000 − 1265 / 1.8 = 297.2 MW deficit: it is worth 0 $/MW-yr, and a note says why.
        let headroom = result.headroomValue("cheap")
        #expect(headroom.dualUSDPerMWYear == 0)
        #expect(headroom.clampedSlices == 1 && headroom.bindingSlices == 0)
        #expect(result.bindingConstraints.contains { $0.family == "below_reserve_floor" && $0.place == "cheap" })
        #expect(!result.bindingConstraints.contains { $0.family == "headroom" && $0.place == "cheap" })
        #expect(result.notes.contains { $0.hasPrefix("cheap:") && $0.contains("297.2") && $0.contains("0 $/MW-yr") }, "\(result.notes)")
    }

    /// (c) Demand beyond every limit: cheap is held to 100 MW by headroom, dear to 30 MW by its total IT limit,
    /// so 20 of 150 Mtok/s go unserved and the marginal token costs the penalty, $10 per million.
    @Test func demandBeyondLimitsIsUnservedAndExplained() throws {
        var fixture = Self.twoSites()
        fixture.sites[1].maxITTotal = 30
        let result = try fixture.solve()
        let zone = result.zone()
        #expect(abs(zone.unservedTokens - 20 * Self.tokensPerMWYear) / zone.demandTokens < 1e-9)
        #expect(abs(zone.marginalUSDPerMTok - 10) < 1e-9)
        let shortfall = try #require(result.shortfalls.first)
        #expect(shortfall.zone == "z" && shortfall.year == 2025)
        #expect(abs(shortfall.unservedShare - 20.0 / 150) < 1e-9)
        #expect(shortfall.reasons.contains { $0.hasPrefix("cheap: grid headroom binds") })
        #expect(shortfall.reasons.contains { $0 == "dear: total IT limit of 30 MW reached" })
        // Both binding limits carry duals worth the penalty less each site's cost:
        // cheap's headroom: (10 × 31.536e6 − 1,438,000) ÷ 1.15 per MW-year.
        let expected = (10 * 31.536e6 - Self.cheapCostPerMWYear) / 1.15
        #expect(abs(result.headroomValue("cheap").dualUSDPerMWYear - expected) / expected < 1e-9)
    }

    /// (c') No builds before the earliest build year: with both sites connecting in 2026, 2025 is unserved and says why.
    @Test func leadTimeIsNamedWhenItBinds() throws {
        var fixture = Self.twoSites()
        fixture.years = (2025, 2026)
        fixture.sites[0].earliestYear = 2026
        fixture.sites[1].earliestYear = 2026
        let result = try fixture.solve()
        #expect(abs(result.zone("z", 2025).servedTokens) < 1)
        let reasons = try #require(result.shortfalls.first { $0.year == 2025 }).reasons
        #expect(reasons.contains("cheap: no capacity can be in service before 2026 (grid-connection lead time)"))
        #expect(abs(result.zone("z", 2026).unservedTokens) < 1)
    }

    /// (d) A carbon cap of 219,000 t on a dirty cheap site (1 t/MWh) and a clean dear one (0 t/MWh) allows
    /// 219,000 / 8,760 = 25 MW at the cheap site; the dear one takes 125 MW. The cap costs 75 MW × $438,000,
    /// and its dual is the saving per tonne: $438,000 ÷ 8,760 t = $50 per tCO2.
    @Test func carbonCapMovesLoadToTheCleanerSite() throws {
        var fixture = Self.twoSites()
        fixture.sites[0].carbonTPerMWh = 1
        fixture.sites[1].carbonTPerMWh = 0
        let base = try fixture.solve()
        fixture.carbonCap = 219_000
        let result = try fixture.solve()
        #expect(abs(result.site("cheap").itMWInstalled - 25) < 1e-6)
        #expect(abs(result.site("dear").itMWInstalled - 125) < 1e-6)
        #expect(abs(result.site("cheap").emissionsTonnes - 219_000) < 1e-3)
        #expect(abs(result.objectiveUSD - base.objectiveUSD - 75 * 438_000) < 1)
        let group = try #require(result.bindingConstraints.first { $0.family == "carbon_cap" })
        // The row is in tonnes and the objective in M$: $50/t = 5e-5 M$/t.
        #expect(abs(group.largestDual - 50e-6) < 1e-12)
    }

    /// (e) The demand dual is the cost of the marginal token: the dear site's $1,876,000 ÷ 31.536e6 per million tokens.
    @Test func demandDualIsTheMarginalCost() throws {
        let result = try Self.twoSites().solve()
        #expect(abs(result.zone().marginalUSDPerMTok - Self.dearCostPerMWYear / 31.536e6) < 1e-9)
        // With one unconstrained site it is that site's own cost per million tokens.
        var single = PlacementFixture(sites: [.init(id: "only", firmMW: 1e6, priceUSDPerMWh: 80)])
        single.demandTokensPerS = 5e7
        let alone = try single.solve()
        #expect(abs(alone.zone().marginalUSDPerMTok - (1_000_000 + 8760 * 80.0) / 31.536e6) < 1e-9)
        #expect(abs(alone.site("only").costUSDPerMTok - alone.zone().marginalUSDPerMTok) < 1e-9)
    }

    /// A carbon price adds price × intensity to the energy cost: at $100/t and 0.5 t/MWh the cheap site pays
    /// $100/MWh in all, as dear as the dear site (which also pays carbon), so the dear site — now
    /// $100 + $50 = $150/MWh — serves only what the cheap one cannot.
    @Test func carbonPriceAddsToEnergyCost() throws {
        var fixture = Self.twoSites()
        fixture.carbonPrice = 100
        let result = try fixture.solve()
        let cheap = result.site("cheap")
        #expect(abs(cheap.costUSD.carbon - 100 * 8760 * 0.5 * 100) < 1e-3)
        #expect(abs(cheap.costUSDPerMTok - (1_000_000 + 8760 * 100.0) / 31.536e6) < 1e-9)
        #expect(abs(result.zone().marginalUSDPerMTok - (1_000_000 + 8760 * 150.0) / 31.536e6) < 1e-9)
    }

    /// Discounting, idle power and PUE by hand: one site, 8% discount, 5-year life, idle 0.3, PUE 1.2, 2 years.
    /// Annuity = 1e6 × 0.08 / (1 − 1.08^−5) = $250,456.45 per MW-year. At full utilisation the MW draws
    /// 1.2 × (0.3 + 0.7) = 1.2 MW → 10,512 MWh × $50 = $525,600. Year 2 is discounted by 1 / 1.08.
    @Test func annuityIdlePowerAndPUE() throws {
        var fixture = PlacementFixture(sites: [.init(id: "only", firmMW: 1e6, priceUSDPerMWh: 50, pue: 1.2)])
        fixture.demandTokensPerS = 1e8
        fixture.years = (2025, 2026)
        fixture.discountRate = 0.08
        fixture.lifetimeYears = 5
        fixture.idleFraction = 0.3
        let result = try fixture.solve()
        let annuity = 1e6 * 0.08 / (1 - pow(1.08, -5))
        let perMWYear = annuity + 8760 * 1.2 * 50
        #expect(abs(result.site("only").itMWInstalled - 100) < 1e-6)
        #expect(abs(result.site("only", 2026).itMWBuilt) < 1e-6)
        #expect(abs(result.site("only").costUSDPerMTok - perMWYear / 31.536e6) < 1e-9)
        #expect(abs(result.objectiveUSD - 100 * perMWYear * (1 + 1 / 1.08)) < 1e-3)
    }

    /// Capacity retires after its lifetime: with a 1-year life, year 2 must build again.
    @Test func capacityRetiresAfterItsLifetime() throws {
        var fixture = PlacementFixture(sites: [.init(id: "only", firmMW: 1e6)])
        fixture.years = (2025, 2026)
        fixture.demandTokensPerS = 1e7
        let result = try fixture.solve()
        #expect(abs(result.site("only", 2025).itMWBuilt - 10) < 1e-6)
        #expect(abs(result.site("only", 2026).itMWBuilt - 10) < 1e-6)
        #expect(abs(result.site("only", 2026).itMWInstalled - 10) < 1e-6)
    }

    /// A yearly build limit forces early building. Demand grows ×3 a year from 5 MW (mid-2025 rate), so the calendar
    /// years need D25 = 5 × 3^−0.5 × 2 / ln 3 = 5.2553 MW and D26 = 3 × D25 = 15.7658 MW of compute. Only 8 MW may be
    /// commissioned a year (5-year life), so 2026 builds 8 MW and 2025 builds 15.7658 − 8 = 7.7658 MW, ahead of need.
    @Test func yearlyBuildLimitForcesEarlyBuilding() throws {
        var fixture = PlacementFixture(sites: [.init(id: "only", firmMW: 1e6, maxITPerYear: 8)])
        fixture.years = (2025, 2026)
        fixture.lifetimeYears = 5
        let scenario = try PlanLoader.load(planAt: fixture.write(), sets: ["zones.z.growth.rate_per_year=2", "zones.z.base.tokens=\(10 * PlacementHandDerivedTests.tokensPerMWYear / 2)"])
        let result = try PlacementSolver.solve(scenario)
        let demand2025 = result.zone("z", 2025).demandTokens / Self.tokensPerMWYear
        let demand2026 = result.zone("z", 2026).demandTokens / Self.tokensPerMWYear
        #expect(abs(demand2026 / demand2025 - 3) < 1e-9)
        #expect(abs(demand2025 - 5 * pow(3, -0.5) * 2 / log(3)) < 1e-9)
        #expect(abs(result.site("only", 2026).itMWBuilt - 8) < 1e-6)
        #expect(abs(result.site("only", 2025).itMWInstalled - (demand2026 - 8)) < 1e-6)
        #expect(result.bindingConstraints.contains { $0.family == "build_per_year" && $0.year == 2026 })
    }
}
