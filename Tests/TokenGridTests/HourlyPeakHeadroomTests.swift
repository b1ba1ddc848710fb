import Foundation
import LinearProgramming
import Testing
@testable import TokenGrid

/// Grid headroom comes from the highest non-data-centre load among a slice's hours, so one peak hour in an hourly CSV
/// load sets it, and no way of cutting the year shows more headroom than the hourly data allow.
@Suite("Hourly: the peak hour sets the headroom")
struct HourlyPeakHeadroomTests {
    /// 19 Jul 21:00 UTC: day 199 (0-based; 1 Jul is day 181) × 24 + 21.
    static let peakHour = 4797
    /// The 48 hours of 19 and 20 July (UTC), the peak hour the 22nd of them (index 21).
    static let firstHour = 4776

    /// `cheap` ($50/MWh) has an hourly load flat at 800 MW except 1,000 MW at the peak hour: scaled to its peak of
    /// 1,000 MW, a load factor of 0.8 and 1. `dear` ($100/MWh) has firm 1e6 MW, a flat load and no limit that binds.
    /// The CSV only gives the shape: it is scaled so that its highest hour is `peak_load_mw`, here set to the
    /// highest hour written (`peak`), so the MW of every hour are the file's own.
    static func twoSites(peak: Double = 1000) -> HourlyPlan {
        var plan = HourlyPlan(sites: [.init(id: "cheap", peakMW: max(800, peak), priceUSDPerMWh: 50, loadShape: "{csv: data/cheap.csv, source: test, year: 2018}"),
                                      .init(id: "dear", firmMW: 1e6, priceUSDPerMWh: 100)],
                              zones: [.init(servedBy: ["cheap", "dear"])])
        plan.timeSlices = "{preset: hours}"
        plan.files["Regions/data/cheap.csv"] = HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(800, except: [peakHour: peak])))
        return plan
    }

    /// With the `hours` preset every slice is one hour: headroom = firm ÷ (1 + margin) − peak × load =
    /// 1,265 ÷ 1.15 − 1,000 × 1 = 100 MW at the peak hour (d200-h21) and 1,100 − 800 = 300 MW at every other hour.
    @Test func hoursPresetGivesEachHourItsOwnHeadroom() throws {
        let scenario = try Self.twoSites().load()
        let data = HourlyPlan.data(scenario)
        #expect(data.slices.count == 8760 && data.slices.totalHours == 8760)
        #expect(data.slices[Self.peakHour].name == "d200-h21")
        #expect(data.blocks.count == 365 && data.blocks.allSatisfy { $0.count == 24 }, "more than 1,000 slices: one block per day")
        #expect(abs(data.headroomMW(site: 0, year: 0, slice: Self.peakHour) - 100) < 1e-9)
        for t in [0, Self.peakHour - 1, Self.peakHour + 1, 8759] {
            #expect(abs(data.headroomMW(site: 0, year: 0, slice: t) - 300) < 1e-9, "slice \(t)")
        }
        #expect(abs(data.tightestHeadroomMW(site: 0, year: 0) - 100) < 1e-9)
    }

    /// The 48 hours of 19–20 July as 48 one-hour slices of 182.5 h each (48 × 182.5 = 8,760), demand a flat
    /// 150 Mtok/s. 1 MW of compute costs $1M a year plus 8,760 MWh × price: $1.438M at cheap, $1.876M at dear.
    ///
    /// Cheap's headroom is 300 MW in 47 hours but 100 MW in the peak hour, and capacity serves every hour, so:
    /// cheap 100 MW, dear 50 MW (giving cheap 50 MW more would cost $50M a year and save dear's energy in 47 hours
    /// only, 50 × 47 × 182.5 × $50 = $21.4M). Objective 100 × 1.438M + 50 × 1.876M = $237.6M. Only the peak hour's
    /// headroom row binds; one more MW there moves 1 MW from dear to cheap in every hour, 8,760 × $50 = $438,000 a
    /// year, so a MW of firm capacity is worth 438,000 ÷ 1.15 = $380,869.57 per MW-year. Reserve margin before the
    /// data centres, at the tightest hour: 1,265 ÷ 1,000 − 1 = 0.265; after: 1,265 ÷ (1,000 + 100) − 1 = 0.15.
    /// Without the peak hour (800 MW all year, peak_load_mw 800) cheap has 1,100 − 800 = 300 MW everywhere and takes
    /// all 150 MW: 150 × $1.438M = $215.7M; the single peak hour costs 50 MW × $438,000 = $21.9M a year.
    @Test func peakHourSetsHeadroomInA48HourCase() throws {
        func solve(peak: Double) throws -> (PlacementModel, PlacementResult) {
            var scenario = try Self.twoSites(peak: peak).load()
            scenario.plan.timeSlices = (0 ..< 48).map {
                TimeSlice(name: "h\($0)", yearHours: [Self.firstHour + $0], weightHours: 182.5, block: $0 / 24)
            }
            let data = HourlyPlan.data(scenario)
            return (PlacementModel.build(data), try PlacementSolver.solve(data, options: PlacementOptions(strategy: .monolithic)))
        }
        let (model, result) = try solve(peak: 1000)
        #expect(result.status == .optimal)
        #expect(result.solver.check?.passes() == true)
        let peakSlice = Self.peakHour - Self.firstHour
        #expect(peakSlice == 21)
        // The headroom row's upper bound is the headroom (no existing idle draw): 100 MW at the peak hour, 300 MW elsewhere.
        let bounds = (0 ..< 48).map { model.program.constraintBounds[model.headroomRow[0][0][$0].index].upper }
        #expect(abs(bounds[peakSlice] - 100) < 1e-9)
        #expect(bounds.indices.filter { $0 != peakSlice }.allSatisfy { abs(bounds[$0] - 300) < 1e-9 }, "\(bounds)")

        #expect(abs(result.site("cheap").itMWInstalled - 100) < 1e-6)
        #expect(abs(result.site("dear").itMWInstalled - 50) < 1e-6)
        #expect(abs(result.objectiveUSD - 237.6e6) < 1)
        #expect(result.totalUnservedTokens == 0)
        let headroom = result.headroomValue("cheap")
        #expect(headroom.bindingSlices == 1)
        #expect(abs(headroom.dualUSDPerMWYear - 438_000 / 1.15) < 1e-3)
        #expect(abs(headroom.headroomMW - 100) < 1e-9)
        #expect(result.bindingConstraints.contains { $0.family == "headroom" && $0.place == "cheap" && $0.count == 1 })
        #expect(abs(result.site("cheap").reserveMarginBefore - 0.265) < 1e-12)
        #expect(abs(result.site("cheap").reserveMarginAfter - 0.15) < 1e-9)
        // The dispatch table shows the same headroom hour by hour.
        let dispatch = try #require(result.dispatch.sites.first { $0.site == "cheap" })
        #expect(abs(dispatch.headroomMW[peakSlice] - 100) < 1e-9 && abs(dispatch.headroomMW[0] - 300) < 1e-9)
        #expect(abs(dispatch.gridMW[peakSlice] - 100) < 1e-6)
        #expect(result.dispatch.sliceFirstHours[peakSlice] == Self.peakHour)

        let (_, flat) = try solve(peak: 800)
        #expect(abs(flat.site("cheap").itMWInstalled - 150) < 1e-6)
        #expect(abs(flat.objectiveUSD - 150 * 1.438e6) < 1)
        #expect(flat.headroomValue("cheap").bindingSlices == 0)
    }

    /// A varied hourly load: a daily and a seasonal swing, a little deterministic noise, and a peak of 1,100 MW at
    /// 19 Jul 21:00 UTC (every other hour is at most 700 + 150 + 100 + 37 = 987 MW).
    static func variedLoad() -> [Double] {
        (0 ..< 8760).map { h in
            if h == peakHour { return 1100 }
            let daily = 150 * sin(2 * Double.pi * Double(h % 24 - 8) / 24)
            let seasonal = 100 * cos(2 * Double.pi * Double(h / 24 - 200) / 365)
            return 700 + daily + seasonal + 37 * Double((h * 7919) % 13) / 13
        }
    }

    static let representations = [
        "{preset: annual}", "{preset: seasons4x6}", "{preset: seasons4x24}", "{preset: months12x24}", "{representative_days: 8, seed: 3}",
        "{representative_days: 40, seed: 11}", "{preset: hours}",
        "{slices: [{name: night, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], hours: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}, {name: day, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], hours: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]}]}",
    ]

    /// Two regions, `varied` (the hourly CSV load above, at UTC−6) and `local` (the test's 12 × 24 load shape at
    /// UTC+8). In every representation, each slice's load factor is the highest hourly load among its hours (so at
    /// least each of them), hence its headroom is at most that of each of its hours; the slice holding a region's peak
    /// hour has load factor 1 and headroom 1,265 ÷ 1.15 − 1,000 = 100 MW, the least of all.
    @Test(arguments: representations)
    func noRepresentationShowsMoreHeadroomThanTheHours(slices: String) throws {
        var plan = HourlyPlan(sites: [.init(id: "varied", utcOffsetHours: -6, loadShape: "{csv: data/varied.csv, source: test, year: 2018}"),
                                      .init(id: "local", utcOffsetHours: 8,
                                            loadShape: "{monthly: [1.0, 0.9, 0.9, 0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 0.8, 0.9, 1.0], hourly: [0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 0.8, 0.8, 0.7], source: test, year: 2024}")],
                              zones: [.init(servedBy: ["varied", "local"])])
        plan.timeSlices = slices
        plan.files["Regions/data/varied.csv"] = HourlyCSV.text(HourlyCSV.rows(Self.variedLoad()))
        let scenario = try plan.load()
        let data = HourlyPlan.data(scenario)
        #expect(abs(data.slices.totalHours - 8760) < 1e-9)
        for (s, site) in data.sites.enumerated() {
            let hourly = site.region.loadFactorSeries
            let grid = site.region.grid
            let floor = grid.firmCapacityMW(in: 2025) / (1 + grid.minReserveMargin.value), peak = grid.peakLoadMW(in: 2025)
            var violations: [String] = []
            for (t, slice) in data.slices.enumerated() {
                let highest = slice.yearHours.map { hourly[$0] }.max() ?? 0
                if site.loadFactor[t] != highest { violations.append("\(slice.name): load factor \(site.loadFactor[t]) ≠ highest hour \(highest)") }
                for hour in slice.yearHours where data.headroomMW(site: s, year: 0, slice: t) > floor - peak * hourly[hour] + 1e-9 {
                    violations.append("\(slice.name): headroom above that of hour \(hour)")
                }
            }
            #expect(violations.isEmpty, "\(site.region.id): \(violations.prefix(5))")
            let peakSlice = try #require(data.slices.firstIndex { $0.yearHours.contains(hourly.indexOfMaximum) })
            #expect(site.loadFactor[peakSlice] == 1)
            #expect(abs(data.tightestHeadroomMW(site: s, year: 0) - 100) < 1e-9, "\(site.region.id) in \(slices)")
        }
        #expect(data.sites[0].region.loadFactorSeries.indexOfMaximum == Self.peakHour)
    }

    /// Solved in every representation but the 8,760 hours, the tightest slice's reserve margin before the data
    /// centres is each region's own firm ÷ peak − 1 = 1,265 ÷ 1,000 − 1 = 0.265, and after them never below the 15%
    /// floor. (The mean load of the slice holding the peak would have shown more: in `seasons4x24` the peak hour's slice
    /// jja-h21 averages far below 1.)
    @Test(arguments: representations.filter { $0 != "{preset: hours}" })
    func reserveMarginBeforeIsFirmOverPeakInEveryRepresentation(slices: String) throws {
        var plan = HourlyPlan(sites: [.init(id: "varied", utcOffsetHours: -6, priceUSDPerMWh: 40, loadShape: "{csv: data/varied.csv, source: test, year: 2018}"),
                                      .init(id: "spare", firmMW: 1e6)],
                              zones: [.init(servedBy: ["varied", "spare"], tokensPerS: 3e8)])
        plan.timeSlices = slices
        plan.files["Regions/data/varied.csv"] = HourlyCSV.text(HourlyCSV.rows(Self.variedLoad()))
        let scenario = try plan.load()
        let result = try PlacementSolver.solve(scenario, options: PlacementOptions(strategy: .monolithic))
        #expect(result.status == .optimal && result.solver.check?.passes() == true)
        let site = result.site("varied")
        #expect(abs(site.reserveMarginBefore - 0.265) < 1e-12, "\(slices): \(site.reserveMarginBefore)")
        #expect(site.reserveMarginAfter >= 0.15 - 1e-9)
        // `varied` is cheaper ($40/MWh against $50) and is used; it never draws more than a slice's headroom.
        #expect(site.itMWInstalled > 1)
        let dispatch = try #require(result.dispatch.sites.first { $0.site == "varied" })
        for t in dispatch.gridMW.indices { #expect(dispatch.gridMW[t] <= dispatch.headroomMW[t] + 1e-6) }
        if slices == "{preset: seasons4x24}" {
            let jja21 = try #require(scenario.plan.timeSlices.firstIndex { $0.name == "jja-h21" })
            let load = try #require(scenario.regions.first).loadFactorSeries
            #expect(scenario.plan.timeSlices[jja21].mean(of: load) < 0.95)
            #expect(scenario.plan.timeSlices[jja21].maximum(of: load) == 1)
        }
    }

    /// A grid below its floor at the peak hour only: firm 1,100 MW at a 15% floor is 1,100 ÷ 1.15 = 956.52 MW, below
    /// the 1,000 MW peak by 43.48 MW, but 156.52 MW above the 800 MW of every other hour. The peak hour's headroom row is
    /// held at 0 (clamped), the other 47 keep 156.52 MW; the loader warns at `firm_capacity_mw`; the result notes the
    /// deficit. Reserve margin before: 1,100 ÷ 1,000 − 1 = 0.10.
    @Test func gridBelowItsFloorOnlyAtThePeakHour() throws {
        var plan = Self.twoSites()
        plan.sites[0].firmMW = 1100
        var scenario = try plan.load()
        #expect(scenario.warnings.contains { $0.fieldPath == "grid.firm_capacity_mw" && $0.message.contains("below its 15% reserve floor at its peak in 2025") },
                "\(scenario.warnings)")
        scenario.plan.timeSlices = (0 ..< 48).map {
            TimeSlice(name: "h\($0)", yearHours: [Self.firstHour + $0], weightHours: 182.5, block: $0 / 24)
        }
        let data = HourlyPlan.data(scenario)
        let model = PlacementModel.build(data)
        let upper = (0 ..< 48).map { model.program.constraintBounds[model.headroomRow[0][0][$0].index].upper }
        #expect(upper[21] == 0)
        #expect(upper.indices.filter { $0 != 21 }.allSatisfy { abs(upper[$0] - (1100 / 1.15 - 800)) < 1e-9 })
        let result = try PlacementSolver.solve(data, options: PlacementOptions(strategy: .monolithic))
        #expect(result.status == .optimal && result.solver.check?.passes() == true)
        let headroom = result.headroomValue("cheap")
        #expect(headroom.clampedSlices == 1)
        #expect(abs(headroom.headroomMW - (1100 / 1.15 - 1000)) < 1e-9)
        #expect(abs(result.site("cheap").reserveMarginBefore - 0.1) < 1e-12)
        #expect(result.notes.contains { $0.hasPrefix("cheap:") && $0.contains("43.5 MW") }, "\(result.notes)")
        // Cheap cannot run in the peak hour, so dear needs 150 MW for it and can then serve every hour; a MW at cheap
        // would cost $1M a year and save only 47 × 182.5 h × $50 = $428,875. Nothing is built at cheap.
        #expect(abs(result.site("dear").itMWInstalled - 150) < 1e-6)
        #expect(result.site("cheap").itMWInstalled < 1e-6)
        #expect(headroom.dualUSDPerMWYear == 0)
    }
}
