import Foundation
@testable import TokenGrid

/// Small plans whose optimum can be derived by hand: one `annual` slice (8,760 h), flat shapes, PUE 1,
/// no idle power, 1 Mtok/s per MW of IT, $1M capex per MW with a 1-year life at 0% discount (annuity = capex).
/// So one MW-year of compute costs $1M + 8,760 MWh × price and produces 31.536e6 million tokens.
struct PlacementFixture {
    struct Site {
        var id: String
        var firmMW = 1265.0          // 1265 / 1.15 − 1000 = 100 MW of headroom at a 15% floor
        var peakMW = 1000.0
        var reserveMargin = 0.15
        var priceUSDPerMWh = 50.0
        var carbonTPerMWh = 0.5
        var pue = 1.0
        var maxITPerYear = 1e6
        var maxITTotal = 1e6
        var earliestYear = 2025
        /// IT MW of `unit` clusters in service since the first planning year (inside `peakMW`, which includes them).
        var existingITMW = 0.0
        var location = (lat: 40.0, lon: -100.0)
    }

    var sites: [Site]
    var demandTokensPerS = 1.5e8     // 150 Mtok/s
    var years = (2025, 2025)
    var penaltyUSDPerMTok = 10.0
    var discountRate = 0.0
    var lifetimeYears = 1
    var idleFraction = 0.0
    var carbonCap: Double?
    var carbonPrice: Double?
    var budget: Double?
    /// The zone's `served_by` (default: every site) and more keys of the zone, each line indented by four spaces.
    var servedBy: String?
    var zoneYAML = ""

    static let secondsPerYear = 8760.0 * 3600

    func write() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokengrid-placement-\(UUID().uuidString)").path
        let regions = (directory as NSString).appendingPathComponent("Regions")
        try FileManager.default.createDirectory(atPath: regions, withIntermediateDirectories: true)
        func figure(_ value: Double) -> String { "{value: \(value), assumption: true, reason: test}" }
        for site in sites {
            let yaml = """
            id: \(site.id)
            name: \(site.id)
            country: US
            location: {lat: \(site.location.lat), lon: \(site.location.lon)}
            utc_offset_hours: 0
            grid:
              base_year: 2025
              firm_capacity_mw: \(figure(site.firmMW))
              peak_load_mw: \(figure(site.peakMW))
              min_reserve_margin: \(figure(site.reserveMargin))
              price_usd_per_mwh: \(figure(site.priceUSDPerMWh))
              carbon_t_per_mwh: \(figure(site.carbonTPerMWh))
            data_centre:
              pue: \(figure(site.pue))
              max_it_mw_per_year: \(figure(site.maxITPerYear))
              max_it_mw_total: \(figure(site.maxITTotal))
              earliest_build_year: \(figure(Double(site.earliestYear)))
            \(site.existingITMW > 0 ? "  existing: [{design: unit, it_mw: \(figure(site.existingITMW)), built_year: \(years.0)}]" : "")
            cluster_designs: [{design: unit}]
            """
            try yaml.write(toFile: (regions as NSString).appendingPathComponent("\(site.id).yaml"), atomically: true, encoding: .utf8)
        }
        // 1,000 W per accelerator → 1,000 per MW; 1,000 tokens/s each (input and output) → 1e6 tokens/s per MW.
        let designs = "designs:\n" + DesignFixture.entry(lifetimeYears: Double(lifetimeYears), idleFraction: idleFraction)
        try designs.write(toFile: (regions as NSString).appendingPathComponent("designs.yaml"), atomically: true, encoding: .utf8)
        var plan = """
        name: hand
        years: {first: \(years.0), last: \(years.1)}
        discount_rate: \(discountRate)
        unserved_penalty_usd_per_mtok: \(penaltyUSDPerMTok)
        regions_dir: Regions
        regions: [\(sites.map(\.id).joined(separator: ", "))]
        time_slices: {preset: annual}
        model_mix:
          input_share: 0.5
          classes: [{id: m, active_params_b: 10, total_params_b: 10, share: 1}]
        zones:
          - id: z
            base: {tokens: \(demandTokensPerS * Self.secondsPerYear), per: year, date: 2025-07-02}
            growth: {model: cagr, rate_per_year: 0}
            served_by: \(servedBy ?? "{sites: [\(sites.map(\.id).joined(separator: ", "))]}")
        \(zoneYAML)

        """
        if let carbonCap { plan += "carbon_cap_t_per_year: {\(years.0): \(carbonCap)}\n" }
        if let carbonPrice { plan += "carbon_price_usd_per_t: \(carbonPrice)\n" }
        if let budget { plan += "budget_usd_per_year: {\(years.0): \(budget)}\n" }
        let path = (directory as NSString).appendingPathComponent("plan.yaml")
        try plan.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func solve() throws -> PlacementResult {
        try PlacementSolver.solve(try PlanLoader.load(planAt: write()))
    }

    /// Loads the plan and builds its model, for tests that look at rows and columns.
    func model() throws -> PlacementModel {
        let scenario = try PlanLoader.load(planAt: write())
        return PlacementModel.build(PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario)))
    }
}

extension PlacementResult {
    func site(_ id: String, _ year: Int = 2025) -> SiteYear { sites.first { $0.site == id && $0.year == year }! }
    func zone(_ id: String = "z", _ year: Int = 2025) -> ZoneYear { zones.first { $0.zone == id && $0.year == year }! }
    func headroomValue(_ id: String, _ year: Int = 2025) -> HeadroomValue { headroom.first { $0.site == id && $0.year == year }! }
}
