import Foundation
@testable import TokenGrid

/// Grid-edge plans small enough to solve by hand, on ``HourlyPlan``'s site (1 MW of IT makes 1 Mtok/s and draws 1 MW,
/// PUE 1, no idle power, $1M capex per MW over a 1-year life at 0 % discount, power at $50/MWh, unserved tokens at
/// $10 per million) with one day repeated all year:
///
/// - other load 800 MW, and 1,000 MW (the peak) in hours 18 and 19 UTC; firm 1,265 MW at a 15 % floor, so the headroom
///   is 1,265 ÷ 1.15 − 800 = 300 MW in 22 hours and 100 MW in the 2 peak hours;
/// - one representative day (24 hourly slices of 365 hours each, one chronological block);
/// - one zone asking a flat 150 Mtok/s.
///
/// So a MW-year of compute costs $1M + 8,760 MWh × $50 and an unserved Mtok/s-hour costs 3,600 × $10.
enum GridEdgeFixture {
    static let peakHours = [18, 19]
    static let hoursPerYear = 8760.0
    /// Days the representative day stands for.
    static let days = 365.0
    static let penaltyPerMTokPerSHour = 3600 * 10.0

    static func plan(gridEdge: String? = nil, planExtra: String = "", deferrable: String? = nil) -> HourlyPlan {
        var peaks: [Int: Double] = [:]
        for day in 0 ..< 365 { for hour in peakHours { peaks[day * 24 + hour] = 1000 } }
        var plan = HourlyPlan(sites: [.init(id: "alpha", loadShape: "{csv: data/alpha.csv, source: test, year: 2018}", gridEdge: gridEdge)],
                              zones: [.init(servedBy: ["alpha"], deferrable: deferrable)])
        plan.timeSlices = "{representative_days: 1}"
        plan.files["Regions/data/alpha.csv"] = HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(800, except: peaks)))
        plan.planExtra = planExtra
        return plan
    }

    static func solve(_ plan: HourlyPlan, strategy: PlacementOptions.Strategy = .monolithic) throws -> PlacementResult {
        var options = PlacementOptions()
        options.strategy = strategy
        return try PlacementSolver.solve(try plan.load(), options: options)
    }

    static func model(_ plan: HourlyPlan) throws -> PlacementModel { PlacementModel.build(HourlyPlan.data(try plan.load())) }

    static func figure(_ value: Double) -> String { HourlyPlan.figure(value) }

    static func flexible(share: Double) -> String { "flexible_connection: {max_curtailment_share: \(figure(share))}" }

    static func battery(capexPerMW: Double = 100_000, capexPerMWh: Double = 200_000, efficiency: Double = 1, minHours: Double = 0.5,
                        maxHours: Double = 8, maxMW: Double = 1000) -> String {
        """
        battery:
          capex_usd_per_mw: \(figure(capexPerMW))
          capex_usd_per_mwh: \(figure(capexPerMWh))
          round_trip_efficiency: \(figure(efficiency))
          min_duration_hours: \(figure(minHours))
          max_duration_hours: \(figure(maxHours))
          max_mw: \(figure(maxMW))
          lifetime_years: \(figure(1))
        """
    }

    /// A gas turbine at $500k/MW over 1 year, 10 MMBtu/MWh at $4: $40/MWh, below the grid's $50.
    static func onsite(capexPerMW: Double = 500_000, fuelPrice: Double = 4, maxMW: Double = 1000) -> String {
        """
        onsite_generation:
          technology: gas-turbine
          capex_usd_per_mw: \(figure(capexPerMW))
          fixed_om_usd_per_mw_year: \(figure(0))
          heat_rate_mmbtu_per_mwh: \(figure(10))
          fuel_price_usd_per_mmbtu: \(figure(fuelPrice))
          carbon_t_per_mwh: \(figure(0.4))
          max_mw: \(figure(maxMW))
          lifetime_years: \(figure(1))
        """
    }

    static func upgrade(costPerMWYear: Double = 200_000, maxMW: Double = 1000) -> String {
        """
        grid_upgrade:
          max_mw: \(figure(maxMW))
          cost_usd_per_mw_year: \(figure(costPerMWYear))
          earliest_year: \(figure(2025))
        """
    }
}

extension PlacementResult {
    func edge(_ site: String = "alpha", _ year: Int = 2025) -> GridEdgeSiteYear? { gridEdge?.first { $0.site == site && $0.year == year } }
}
