import Foundation
@testable import TokenGrid

/// A plan whose costs per million tokens can be worked out by hand, for the cost attribution: one `annual` slice, flat
/// shapes, no idle power, a 1-year life at 0 % discount (annuity = capex), carbon at $10/t, network $0.02/Mtok.
///
/// Two designs: `fast` (1,000 W and 1,000 tokens/s per accelerator: 1 Mtok/s per MW; $1,000 per accelerator, so $1M of
/// accelerators per MW) and `slow` (0.5 Mtok/s per MW, $0.5M of accelerators per MW); both with $1M facility capex and
/// $100k fixed O&M per MW. A MW-year of `fast` makes 31.536e6 Mtok and takes 8,760 MWh of IT energy (1/3600 MWh per Mtok).
///
/// | site | country | design | PUE | price $/MWh | tCO2/MWh | IT MW |
/// |---|---|---|---|---|---|---|
/// | alpha | AA | fast | 1.0 | 50 | 0.5 | 100 (its total limit) |
/// | beta | BB | slow | 1.5 | 20 | 0.8 | 100 (the rest of the demand) |
/// | gamma | BB | fast | 1.2 | 40 | 0.2 | 50 (its total limit) |
///
/// Demand is 200 Mtok/s all year: alpha and gamma, the cheapest, run flat out at their limits (150 Mtok/s) and beta
/// serves the other 50 Mtok/s. Costs per million tokens, with $1M + $1M + $0.1M = $2.1M a MW-year before energy:
///
/// - alpha: (2.1e6 + 1.0 × 8,760 × (50 + 5)) ÷ 31.536e6 + 0.02 = 0.1018683…
/// - gamma: (2.1e6 + 1.2 × 8,760 × (40 + 2)) ÷ 31.536e6 + 0.02 = 0.1005906…
/// - beta:  (1.6e6 + 1.5 × 8,760 × (20 + 8)) ÷ 15.768e6 + 0.02 = 0.1448047…
struct CostAttributionFixture {
    struct Site {
        var id: String
        var country: String
        var design: String
        var pue: Double
        var price: Double
        var carbon: Double
        var maxITTotal: Double
        var firmMW = 2000.0
    }

    var sites = [
        Site(id: "alpha", country: "AA", design: "fast", pue: 1.0, price: 50, carbon: 0.5, maxITTotal: 100),
        Site(id: "beta", country: "BB", design: "slow", pue: 1.5, price: 20, carbon: 0.8, maxITTotal: 1e6),
        Site(id: "gamma", country: "BB", design: "fast", pue: 1.2, price: 40, carbon: 0.2, maxITTotal: 50),
    ]
    var demandMTokPerS = 200.0
    /// The plan's `cost_attribution` section, as YAML, or nil.
    var attribution: String?

    static let secondsPerYear = 8760.0 * 3600

    func write() throws -> String {
        let directory = try TestSupport.makeTemporaryDirectory("attribution")
        func figure(_ value: Double) -> String { "{value: \(value), assumption: true, reason: test}" }
        for site in sites {
            try TestSupport.write("""
                id: \(site.id)
                name: \(site.id)
                country: \(site.country)
                location: {lat: 40, lon: -100}
                utc_offset_hours: 0
                grid:
                  base_year: 2025
                  firm_capacity_mw: \(figure(site.firmMW))
                  peak_load_mw: \(figure(1000))
                  min_reserve_margin: \(figure(0.15))
                  price_usd_per_mwh: \(figure(site.price))
                  carbon_t_per_mwh: \(figure(site.carbon))
                data_centre:
                  pue: \(figure(site.pue))
                  max_it_mw_per_year: \(figure(1e6))
                  max_it_mw_total: \(figure(site.maxITTotal))
                  earliest_build_year: \(figure(2025))
                cluster_designs: [{design: \(site.design)}]
                """, to: "Regions/\(site.id).yaml", in: directory)
        }
        func design(_ id: String, tokensPerS: Double, price: Double) -> String {
            DesignFixture.entry(id: id, accelerator: "\(id.capitalized) accelerator (test)", priceUSD: price, fixedOMUSD: 1e5, tokensPerS: tokensPerS)
        }
        try TestSupport.write("designs:\n" + design("fast", tokensPerS: 1000, price: 1000) + "\n" + design("slow", tokensPerS: 500, price: 500) + "\n",
                              to: "Regions/designs.yaml", in: directory)
        let ids = sites.map(\.id).joined(separator: ", ")
        var plan = """
            name: attribution
            years: {first: 2025, last: 2025}
            discount_rate: 0
            unserved_penalty_usd_per_mtok: 10
            carbon_price_usd_per_t: 10
            regions_dir: Regions
            regions: [\(ids)]
            time_slices: {preset: annual}
            model_mix:
              input_share: 0.5
              classes: [{id: m, active_params_b: 10, total_params_b: 10, share: 1}]
            zones:
              - id: z
                base: {tokens: \(demandMTokPerS * 1e6 * Self.secondsPerYear), per: year, date: 2025-07-02}
                growth: {model: cagr, rate_per_year: 0}
                served_by: {sites: [\(ids)]}
                network_cost_usd_per_mtok: 0.02

            """
        if let attribution { plan += "cost_attribution: \(attribution)\n" }
        return try TestSupport.write(plan, to: "plan.yaml", in: directory)
    }

    func load() throws -> Scenario { try PlanLoader.load(planAt: write()) }

    func solve() throws -> (Scenario, PlacementResult) {
        let scenario = try load()
        return (scenario, try PlacementSolver.solve(scenario))
    }
}
