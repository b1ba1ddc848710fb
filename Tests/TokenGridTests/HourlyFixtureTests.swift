import Foundation
import Testing
@testable import TokenGrid

/// Hourly CSV text for the hourly-time tests, generated in the test (no fixture files): one UTC year of 2018,
/// `utc_time,<name>` then 8,760 rows. Row i (hour i of the year, 0-based) is on line i + 2 of the file.
enum HourlyCSV {
    /// The UTC stamp of hour `index` of 2018 (a non-leap year): `2018-07-19T21:00:00Z`.
    static func stamp(ofHour index: Int) -> String {
        let (month, day) = HourlySeries.monthAndDay(ofDay: index / 24)
        return TimeCSVFixtures.stamp(2018, month, day, index % 24)
    }

    /// The 8,760 rows `stamp,value` (values written with `description`, e.g. `800.0`).
    static func rows(_ values: [Double]) -> [String] {
        precondition(values.count == HourlySeries.hoursPerYear)
        return values.indices.map { "\(stamp(ofHour: $0)),\(values[$0])" }
    }

    static func text(_ rows: [String], header: String = "utc_time,demand_mw") -> String {
        ([header] + rows).joined(separator: "\n") + "\n"
    }

    /// A year flat at `base` except the given hours.
    static func flat(_ base: Double, except peaks: [Int: Double] = [:]) -> [Double] {
        (0 ..< HourlySeries.hoursPerYear).map { peaks[$0] ?? base }
    }

    /// The line of the file holding hour `index`.
    static func line(ofHour index: Int) -> Int { index + 2 }
}

/// Small plans for the hourly-time tests, written to a temporary folder laid out like the repository.
///
/// Every site hosts one design, `unit` (as in ``PlacementFixture``): 1,000 W per accelerator, 1e6 tokens/s per MW of
/// IT, so 1 MW of IT makes 1 Mtok/s and draws 1 MW at PUE 1 with no idle power; $1M capex per MW, no O&M, 0%
/// discount, so its annuity is $1M ÷ lifetime per MW-year. Grid figures default to firm 1,265 MW, peak 1,000 MW and a
/// 15% floor: 1,265 ÷ 1.15 − 1,000 = 100 MW of headroom at the peak hour.
struct HourlyPlan {

    /// A solar resource's YAML body (every figure an assumption for tests): build limit, capacity factor and profile.
    static func solar(maxBuildMW: Int, capacityFactor: Double, profile: String) -> String {
        """
        max_build_mw: {value: \(maxBuildMW), assumption: true, reason: test}
        capex_usd_per_mw: {value: 600000, assumption: true, reason: test}
        fixed_om_usd_per_mw_year: {value: 10000, assumption: true, reason: test}
        lifetime_years: {value: 25, assumption: true, reason: test}
        capacity_factor: {value: \(capacityFactor), assumption: true, reason: test}
        profile: \(profile)
        """
    }

    /// A sunny-month, midday-peaked 12 × 24 solar profile.
    static let middaySolarProfile = "{monthly: [0.6, 0.7, 0.9, 1.0, 1.1, 1.2, 1.2, 1.1, 1.0, 0.8, 0.7, 0.6], hourly: [0, 0, 0, 0, 0, 0, 0.1, 0.3, 0.5, 0.7, 0.9, 1, 1, 1, 0.9, 0.7, 0.5, 0.3, 0.1, 0, 0, 0, 0, 0], assumption: true, reason: test}"
    struct Site {
        var id: String
        var utcOffsetHours: Double = 0
        var firmMW = 1265.0
        var peakMW = 1000.0
        var reserveMargin = 0.15
        var priceUSDPerMWh = 50.0
        var pue = 1.0
        /// YAML of `grid.load_shape` (a flow mapping, e.g. `{csv: data/alpha.csv}`), or none (flat).
        var loadShape: String?
        /// YAML of the whole `renewables.solar` mapping body, or none.
        var solar: String?
        var existingITMW = 0.0
        var maxITPerYear = 1e6
        var maxITTotal = 1e6
        var lat = 40.0, lon = -100.0
        /// Top-level grid-edge sections of the region file (`flexible_connection: …`, `battery: …`), or none.
        var gridEdge: String?
    }

    struct Zone {
        var id = "z"
        var utcOffsetHours: Double?
        /// YAML of the zone's `shape` (a flow mapping), or none (flat).
        var shape: String?
        var servedBy: [String]
        /// Mean demand, tokens/s (cagr at rate 0, so every year the same).
        var tokensPerS = 1.5e8
        var networkCost = 0.0
        /// YAML of the zone's `deferrable` (a flow mapping), or none.
        var deferrable: String?
    }

    var sites: [Site]
    var zones: [Zone]
    var timeSlices = "{preset: annual}"
    var years = (2025, 2025)
    var penaltyUSDPerMTok = 10.0
    var lifetimeYears = 1.0
    /// Extra files to write, by path relative to the folder (e.g. `Regions/data/alpha.csv`, `Plans/zone.csv`).
    var files: [String: String] = [:]
    /// Lines added to the plan file (e.g. `connection_rule: firm`).
    var planExtra = ""

    static let secondsPerYear = 8760.0 * 3600

    static func figure(_ value: Double) -> String { "{value: \(value), assumption: true, reason: test}" }

    /// The YAML of a site's region file; the line of any field can be found with ``TestSupport/line(of:in:)``.
    func regionText(_ site: Site) -> String {
        let f = Self.figure
        var text = """
        id: \(site.id)
        name: \(site.id)
        country: US
        location: {lat: \(site.lat), lon: \(site.lon)}
        utc_offset_hours: \(site.utcOffsetHours)
        grid:
          base_year: 2025
          firm_capacity_mw: \(f(site.firmMW))
          peak_load_mw: \(f(site.peakMW))
          min_reserve_margin: \(f(site.reserveMargin))
          price_usd_per_mwh: \(f(site.priceUSDPerMWh))
          carbon_t_per_mwh: \(f(0.5))

        """
        if let shape = site.loadShape { text += "  load_shape: \(shape)\n" }
        text += """
        data_centre:
          pue: \(f(site.pue))
          max_it_mw_per_year: \(f(site.maxITPerYear))
          max_it_mw_total: \(f(site.maxITTotal))
          earliest_build_year: \(f(2025))

        """
        if site.existingITMW > 0 { text += "  existing: [{design: unit, it_mw: \(f(site.existingITMW)), built_year: 2024}]\n" }
        if let solar = site.solar { text += "renewables:\n  solar:\n" + solar.split(separator: "\n").map { "    \($0)\n" }.joined() }
        text += "cluster_designs: [{design: unit}]\n"
        if let edge = site.gridEdge { text += edge + "\n" }
        return text
    }

    var designsText: String { "designs:\n" + DesignFixture.entry(lifetimeYears: lifetimeYears) + "\n" }

    var planText: String {
        var text = """
        name: hourly
        years: {first: \(years.0), last: \(years.1)}
        discount_rate: 0
        unserved_penalty_usd_per_mtok: \(penaltyUSDPerMTok)
        regions_dir: ../Regions
        regions: [\(sites.map(\.id).joined(separator: ", "))]
        time_slices: \(timeSlices)
        model_mix:
          input_share: 0.5
          classes: [{id: m, active_params_b: 10, total_params_b: 10, share: 1}]
        zones:

        """
        for zone in zones {
            text += """
              - id: \(zone.id)
                base: {tokens: \(zone.tokensPerS * Self.secondsPerYear), per: year, date: 2025-07-02, source: test}
                growth: {model: cagr, rate_per_year: 0}
                served_by: {sites: [\(zone.servedBy.joined(separator: ", "))]}
                network_cost_usd_per_mtok: \(zone.networkCost)

            """
            if let offset = zone.utcOffsetHours { text += "    utc_offset_hours: \(offset)\n" }
            if let shape = zone.shape { text += "    shape: \(shape)\n" }
            if let deferrable = zone.deferrable { text += "    deferrable: \(deferrable)\n" }
        }
        return text + planExtra
    }

    /// Writes every file into a new folder: `Regions/<id>.yaml`, `Regions/designs.yaml`, `Plans/hourly.yaml` and the
    /// extra files. Returns the folder.
    func write(into folder: String? = nil) throws -> (root: String, plan: String) {
        let root = try folder ?? TestSupport.makeTemporaryDirectory("hourly")
        for site in sites { try TestSupport.write(regionText(site), to: "Regions/\(site.id).yaml", in: root) }
        try TestSupport.write(designsText, to: "Regions/designs.yaml", in: root)
        for (path, text) in files { try TestSupport.write(text, to: path, in: root) }
        let plan = try TestSupport.write(planText, to: "Plans/hourly.yaml", in: root)
        return (root, plan)
    }

    func load() throws -> Scenario { try PlanLoader.load(planAt: write().plan) }

    static func data(_ scenario: Scenario) -> PlacementData { PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario)) }
}

/// The fixture itself: its generated CSV reads back as the values written, through a region file.
@Suite("Hourly: test fixtures")
struct HourlyFixtureTests {
    @Test func generatedCSVLoadReadsBackThroughARegion() throws {
        // 800 MW all year, 1,000 MW at hour 4,797 (19 Jul 21:00 UTC): scaled to a peak of 1 → 0.8 and 1.
        var plan = HourlyPlan(sites: [.init(id: "alpha", loadShape: "{csv: data/alpha.csv, source: test, year: 2018}")],
                              zones: [.init(servedBy: ["alpha"])])
        plan.files["Regions/data/alpha.csv"] = HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(800, except: [4797: 1000])))
        let scenario = try plan.load()
        let load = try #require(scenario.regions.first).loadFactorSeries
        #expect(load.values.count == 8760)
        #expect(load[4797] == 1 && load[0] == 0.8 && load[8759] == 0.8)
        #expect(HourlySeries.label(ofHour: 4797) == "19 Jul 21:00 UTC")
        #expect(HourlyCSV.stamp(ofHour: 4797) == "2018-07-19T21:00:00Z")
    }
}
