import Foundation
import Testing
@testable import TokenGrid

/// One zone at UTC+8 served from two continents, `west` at UTC−6 and `east` at UTC+8. All time is UTC: the zone's
/// demand in a slice does not depend on which site serves it, and each site's solar peaks at its own local noon in
/// UTC (18:00 UTC in the west, 04:00 UTC in the east), which the LP follows when it routes the zone's demand.
@Suite("Hourly: one zone served from two continents")
struct HourlyTwoContinentsTests {
    static let months = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"
    /// Four UTC slices over every month: 04:00 (east's noon), 12:00, 18:00 (west's noon) and the other 21 hours;
    /// weights 365, 365, 365 and 21 × 365 = 7,665 h.
    static let slices = "{slices: [{name: h04, months: \(months), hours: [4]}, {name: h12, months: \(months), hours: [12]}, {name: h18, months: \(months), hours: [18]}, {name: rest, months: \(months), hours: [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23]}]}"

    /// Solar that shines at local noon only: the 12 × 24 shape is 1 at 12:00 and 0 elsewhere (mean 1/24), scaled to a
    /// mean capacity factor of 0.04, so 0.96 at noon. 100 MW exist; none can be built; no cost.
    static let solar = """
    existing_mw: {value: 100, assumption: true, reason: test}
    max_build_mw: {value: 0, assumption: true, reason: test}
    capex_usd_per_mw: {value: 0, assumption: true, reason: test}
    fixed_om_usd_per_mw_year: {value: 0, assumption: true, reason: test}
    lifetime_years: {value: 25, assumption: true, reason: test}
    capacity_factor: {value: 0.04, assumption: true, reason: test}
    profile: {monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], hourly: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], assumption: true, reason: test}
    """

    /// Both sites: 200 MW of IT already in service (1 Mtok/s per MW, PUE 1, no idle power), no new builds, a grid
    /// with ample room (firm 1e6 MW). East's grid is cheaper: $90/MWh against $100/MWh. The zone (UTC+8) asks for a
    /// mean 150 Mtok/s with a local-noon peak: its 12 × 24 shape is 2 at 12:00 and 1 elsewhere (mean 25/24), so
    /// 150 × 2 × 24/25 = 288 Mtok/s at 04:00 UTC and 150 × 24/25 = 144 Mtok/s in every other slice.
    static func plan(servedBy: [String] = ["west", "east"]) -> HourlyPlan {
        func site(_ id: String, offset: Double, price: Double, lon: Double) -> HourlyPlan.Site {
            HourlyPlan.Site(id: id, utcOffsetHours: offset, firmMW: 1e6, priceUSDPerMWh: price, solar: solar, existingITMW: 200,
                            maxITPerYear: 0, maxITTotal: 200, lon: lon)
        }
        var plan = HourlyPlan(sites: [site("west", offset: -6, price: 100, lon: -97), site("east", offset: 8, price: 90, lon: 116)],
                              zones: [.init(utcOffsetHours: 8, shape: "{monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], hourly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], assumption: true, reason: test}",
                                            servedBy: servedBy)])
        plan.timeSlices = slices
        plan.lifetimeYears = 10
        return plan
    }

    @Test func demandIsTheSameWhicheverSiteServesIt() throws {
        let both = HourlyPlan.data(try Self.plan().load())
        let demand = both.zones[0].demandTokensPerS[0]
        #expect(both.weightHours == [365, 365, 365, 7665])
        #expect(zip(demand, [288e6, 144e6, 144e6, 144e6]).allSatisfy { abs($0 - $1) <= 1e-9 * $1 }, "\(demand)")
        for servedBy in [["west"], ["east"], ["east", "west"]] {
            let other = HourlyPlan.data(try Self.plan(servedBy: servedBy).load())
            #expect(other.zones[0].demandTokensPerS == both.zones[0].demandTokensPerS, "served by \(servedBy)")
        }
    }

    /// Each site's solar capacity factor: 0.96 in its own noon slice (west h18, east h04), 0 in every other slice;
    /// the hourly series peak at 18:00 and 04:00 UTC every day.
    @Test func solarPeaksAtEachSitesOwnNoonInUTC() throws {
        let data = HourlyPlan.data(try Self.plan().load())
        let west = data.sites[0], east = data.sites[1]
        #expect(west.region.id == "west" && east.region.id == "east")
        #expect(zip(west.capacityFactor[0], [0, 0, 0.96, 0]).allSatisfy { abs($0 - $1) < 1e-12 }, "\(west.capacityFactor[0])")
        #expect(zip(east.capacityFactor[0], [0.96, 0, 0, 0]).allSatisfy { abs($0 - $1) < 1e-12 }, "\(east.capacityFactor[0])")
        let westSeries = west.region.capacityFactorSeries(west.renewables[0]), eastSeries = east.region.capacityFactorSeries(east.renewables[0])
        #expect(westSeries.indexOfMaximum == 18 && eastSeries.indexOfMaximum == 4)
        #expect((0 ..< 8760).filter { westSeries[$0] > 0 }.allSatisfy { $0 % 24 == 18 })
        #expect((0 ..< 8760).filter { eastSeries[$0] > 0 }.allSatisfy { $0 % 24 == 4 })
        #expect(abs(westSeries.mean - 0.04) < 1e-12 && abs(eastSeries.mean - 0.04) < 1e-12)
    }

    /// Capacity is fixed, so each slice routes its demand to the cheapest energy: solar first (free), then east's
    /// $90 grid, then west's $100 grid, each site up to 200 Mtok/s.
    ///
    /// | slice | demand | solar | east | west |
    /// |---|---:|---|---:|---:|
    /// | h04 (east's noon) | 288 | east 96 MW | 200 (96 solar + 104 grid) | 88 (grid) |
    /// | h12 (midday UTC: 06:00 west, 20:00 east) | 144 | none | 144 | 0 |
    /// | h18 (west's noon) | 144 | west 96 MW | 48 | 96 (solar) |
    /// | rest | 144 | none | 144 | 0 |
    ///
    /// Grid energy: east 365 × (104 + 144 + 48) + 7,665 × 144 = 1,211,800 MWh × $90 = $109,062,000; west
    /// 365 × 88 = 32,120 MWh × $100 = $3,212,000; together $112,274,000. Compute annuity: 400 MW × $1M ÷ 10 years =
    /// $40M. The marginal token costs the marginal site's energy, $/MWh ÷ 3,600 Mtok per MWh: west's $100 in h04,
    /// east's $90 elsewhere; token-weighted (h04 288 × 365 = 105,120; others 144 × 8,395 = 1,208,880):
    /// (100 × 105,120 + 90 × 1,208,880) ÷ 3,600 ÷ 1,314,000 = $0.025222 per million tokens.
    @Test func routingFollowsEachSitesSolarInUTC() throws {
        let result = try PlacementSolver.solve(try Self.plan().load(), options: PlacementOptions(strategy: .monolithic))
        #expect(result.status == .optimal && result.solver.check?.passes() == true)
        #expect(result.dispatch.sliceNames == ["h04", "h12", "h18", "rest"])
        let west = try #require(result.dispatch.sites.first { $0.site == "west" })
        let east = try #require(result.dispatch.sites.first { $0.site == "east" })
        func same(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-6) -> Bool { zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) } }
        #expect(same(east.tokensPerS, [200e6, 144e6, 48e6, 144e6]), "east \(east.tokensPerS)")
        #expect(same(west.tokensPerS, [88e6, 0, 96e6, 0]), "west \(west.tokensPerS)")
        #expect(same(east.renewableMW, [96, 0, 0, 0]) && same(west.renewableMW, [0, 0, 96, 0]), "\(east.renewableMW) \(west.renewableMW)")
        #expect(same(east.gridMW, [104, 144, 48, 144]) && same(west.gridMW, [88, 0, 0, 0]), "\(east.gridMW) \(west.gridMW)")
        #expect(result.totalUnservedTokens == 0)
        #expect(abs(result.costBreakdownUSD.energy - 112_274_000) < 1e-3, "\(result.costBreakdownUSD.energy)")
        #expect(abs(result.costBreakdownUSD.computeCapex - 40e6) < 1e-3)
        let marginal = (100 * 105_120 + 90 * 1_208_880.0) / 3600 / 1_314_000
        #expect(abs(result.zone().marginalUSDPerMTok - marginal) < 1e-9, "\(result.zone().marginalUSDPerMTok) vs \(marginal)")
        #expect(abs(result.site("west").renewableMWh - 96 * 365) < 1e-6 && abs(result.site("east").renewableMWh - 96 * 365) < 1e-6)
    }
}
