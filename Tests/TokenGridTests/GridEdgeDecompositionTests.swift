import Foundation
import Testing
@testable import TokenGrid

/// The grid-edge families stay inside day blocks with their capacities in the Benders master: decomposed, a plan that
/// uses every lever has the whole LP's optimum, and its assembled solution passes the check against the full LP.
@Suite("Grid edge: decomposition by day blocks")
struct GridEdgeDecompositionTests {
    /// Two sites over two years and three representative days (summer peaks at alpha, a flat grid at beta): alpha
    /// has a 2 % flexible connection, a battery and a small cheap turbine; beta is firm (the plan's rule) and may buy an upgrade;
    /// the zone's tokens are 5 % deferrable by up to 2 hours.
    static func plan() -> HourlyPlan {
        typealias F = GridEdgeFixture
        var peaks: [Int: Double] = [:]
        for day in 0 ..< 365 {
            let top = (150 ..< 240).contains(day) ? 1000.0 : day % 7 == 0 ? 930 : 880
            for hour in 16 ..< 21 { peaks[day * 24 + hour] = top - Double(abs(hour - 18)) * 20 }
        }
        var plan = HourlyPlan(sites: [
            .init(id: "alpha", loadShape: "{csv: data/alpha.csv, source: test, year: 2018}",
                  gridEdge: [F.flexible(share: 0.02), F.battery(efficiency: 0.85), F.onsite(capexPerMW: 150_000, fuelPrice: 2.5, maxMW: 3)].joined(separator: "\n")),
            .init(id: "beta", firmMW: 1240, priceUSDPerMWh: 65, maxITTotal: 100, gridEdge: F.upgrade(costPerMWYear: 150_000, maxMW: 40)),
        ], zones: [.init(servedBy: ["alpha", "beta"], tokensPerS: 2.2e8, deferrable: "{share: 0.05, max_delay_hours: 2}")])
        plan.timeSlices = "{representative_days: 3, seed: 5}"
        plan.years = (2025, 2026)
        plan.planExtra = "connection_rule: firm\n"
        plan.files["Regions/data/alpha.csv"] = HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(800, except: peaks)))
        return plan
    }

    @Test func everyLeverDecomposedEqualsTheWholeLP() throws {
        let plan = Self.plan()
        let whole = try GridEdgeFixture.solve(plan, strategy: .monolithic)
        let decomposed = try GridEdgeFixture.solve(plan, strategy: .decomposed)
        #expect(decomposed.solver.method.hasPrefix("benders"))
        #expect(abs(decomposed.objectiveUSD - whole.objectiveUSD) <= 1e-6 * abs(whole.objectiveUSD))
        let check = try #require(decomposed.solver.check)
        #expect(check.passes(.standard))
        // Every lever is in use somewhere, so the comparison covers them all.
        let used = Set((whole.gridEdge ?? []).flatMap(\.levers))
        #expect(used.isSuperset(of: ["flexible connection", "on-site generation", "battery", "grid upgrade"]), "\(used)")
        #expect((whole.deferrals ?? []).contains { $0.deferredTokens > 0 })
        for (a, b) in zip(whole.zones, decomposed.zones) {
            #expect(abs(a.servedTokens - b.servedTokens) <= 1e-5 * max(1, a.demandTokens))
            // Marginal costs are duals, which degenerate optima leave not quite unique.
            #expect(abs(a.marginalUSDPerMTok - b.marginalUSDPerMTok) <= 1e-2 * max(1, abs(a.marginalUSDPerMTok)))
        }
    }
}
