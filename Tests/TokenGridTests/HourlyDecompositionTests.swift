import Foundation
import LinearProgramming
import Testing
@testable import TokenGrid

/// Beyond 1,000 slices decomposition solves one chronological block (a day) per subproblem; on small hourly plans it
/// gives the whole LP's optimum and marginal costs, and its assembled answer passes the check against the full LP.
@Suite("Hourly: decomposition by day blocks equals the whole LP")
struct HourlyDecompositionTests {
    /// Two sites, one year, one zone: `a` ($50/MWh, UTC−6) with an hourly CSV load peaking at 1,100 MW on
    /// 19 Jul 21:00 UTC and buildable solar (12 × 24 shape), `b` ($70/MWh, UTC+1, 12 × 24 load); the zone (UTC+8,
    /// 12 × 24 shape) asks a mean 150 Mtok/s, more at its midday, so `a`'s headroom binds at its peak hours.
    static func plan(_ slices: String) -> HourlyPlan {
        let solar = HourlyPlan.solar(maxBuildMW: 300, capacityFactor: 0.2, profile: HourlyPlan.middaySolarProfile)
        var plan = HourlyPlan(
            sites: [.init(id: "a", utcOffsetHours: -6, firmMW: 1300, priceUSDPerMWh: 50,
                          loadShape: "{csv: data/a.csv, source: test, year: 2018}", solar: solar, maxITTotal: 400),
                    .init(id: "b", utcOffsetHours: 1, firmMW: 1400, priceUSDPerMWh: 70,
                          loadShape: "{monthly: [1.0, 0.9, 0.9, 0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 0.8, 0.9, 1.0], hourly: [0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 0.8, 0.8, 0.7], source: test, year: 2024}")],
            zones: [.init(utcOffsetHours: 8, shape: "{monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], hourly: [0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.7, 0.9, 1.1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.1, 1.0, 0.9, 0.8, 0.7], source: test, year: 2024}",
                          servedBy: ["a", "b"], tokensPerS: 3e8, networkCost: 0.01)])
        plan.timeSlices = slices
        plan.files["Regions/data/a.csv"] = HourlyCSV.text(HourlyCSV.rows(HourlyRepresentativeDaysPlanTests.load(peak: HourlyPeakHeadroomTests.peakHour, phase: 0)))
        return plan
    }

    /// 45 representative days (1,080 slices, above the 1,000-slice limit for single-slice subproblems): 45 day
    /// blocks of 24 slices.
    @Test func representativeDaysDecomposeByDayAndMatchTheWholeLP() throws {
        let data = HourlyPlan.data(try Self.plan("{representative_days: 45, seed: 5}").load())
        #expect(data.slices.count == 1080)
        #expect(data.blocks.count == 45 && data.blocks.allSatisfy { $0.count == 24 })
        #expect(data.blocks == data.slices.blocks)
        try Self.compare(data)
    }

    /// 60 chronological days of the `hours` preset, 17 June to 15 August (days 167 … 226, the peak hour of `a` on
    /// day 199 among them): 1,440 one-hour slices, each weighted 8,760 ÷ 1,440 = 6.083 h, in 60 day blocks.
    @Test func sixtyChronologicalDaysDecomposeByDayAndMatchTheWholeLP() throws {
        var scenario = try Self.plan("{preset: hours}").load()
        let hours = TimeSlicePreset.hours.slices
        scenario.plan.timeSlices = hours[167 * 24 ..< 227 * 24].map {
            TimeSlice(name: $0.name, yearHours: $0.yearHours, weightHours: 8760.0 / 1440, block: $0.block)
        }
        let data = HourlyPlan.data(scenario)
        #expect(data.slices.count == 1440 && abs(data.slices.totalHours - 8760) < 1e-9)
        #expect(data.blocks.count == 60 && data.blocks.enumerated().allSatisfy { day, block in block == Array(day * 24 ..< day * 24 + 24) })
        #expect(data.slices.contains { $0.yearHours == [HourlyPeakHeadroomTests.peakHour] })
        try Self.compare(data)
    }

    /// A carbon cap links a year's day blocks (decomposed, the master shares it out as per-block allowances): with the
    /// cap at 60% of the uncapped plan's emissions on the 60 chronological days, the decomposition still gives the
    /// whole LP's optimum, marginal costs and headroom values, and the cap binds.
    @Test func carbonCapOverDayBlocksMatchesTheWholeLP() throws {
        var scenario = try Self.plan("{preset: hours}").load()
        scenario.plan.timeSlices = TimeSlicePreset.hours.slices[167 * 24 ..< 227 * 24].map {
            TimeSlice(name: $0.name, yearHours: $0.yearHours, weightHours: 8760.0 / 1440, block: $0.block)
        }
        let uncapped = try PlacementSolver.solve(HourlyPlan.data(scenario), options: PlacementOptions(strategy: .monolithic))
        let emissions = uncapped.sites.reduce(0) { $0 + $1.emissionsTonnes }
        #expect(emissions > 0)
        scenario.plan.carbonCapTonnesPerYear = YearMap([2025: 0.6 * emissions])
        let data = HourlyPlan.data(scenario)
        #expect(data.blocks.count == 60)
        // (Under the cap the headroom of `a` need not bind.)
        try Self.compare(data, headroomBinds: false)
        var options = PlacementOptions(strategy: .decomposed)
        options.threads = 2
        let split = try PlacementSolver.solve(data, options: options)
        #expect(split.bindingConstraints.contains { $0.family == "carbon_cap" }, "the cap binds")
        #expect(split.sites.reduce(0) { $0 + $1.emissionsTonnes } <= 0.6 * emissions * (1 + 1e-6))
    }

    /// The full chronological year (`hours`, 8,760 one-hour slices): 365 day blocks. About 30 s in a debug build on
    /// two cores (the whole LP by dual simplex takes most of it; primal simplex twice as long): run with
    /// TOKENGRID_SLOW_TESTS=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TOKENGRID_SLOW_TESTS"] != nil))
    func hoursPresetDecomposesByDayAndMatchesTheWholeLP() throws {
        let data = HourlyPlan.data(try Self.plan("{preset: hours}").load())
        #expect(data.slices.count == 8760)
        #expect(data.blocks.count == 365 && data.blocks.enumerated().allSatisfy { day, block in block == Array(day * 24 ..< day * 24 + 24) })
        try Self.compare(data, wholeMethod: .dualSimplex)
    }

    /// Below the limit (10 representative days, 240 slices) each slice is its own subproblem; the answer is the same
    /// as the whole LP's too.
    @Test func fewRepresentativeDaysDecomposeBySliceAndMatchTheWholeLP() throws {
        let data = HourlyPlan.data(try Self.plan("{representative_days: 10, seed: 5}").load())
        #expect(data.blocks.count == 240 && data.blocks.allSatisfy { $0.count == 1 })
        try Self.compare(data)
    }

    static func compare(_ data: PlacementData, wholeMethod: SolverOptions.Method = .primalSimplex, headroomBinds: Bool = true,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let whole = try PlacementSolver.solve(data, options: PlacementOptions(solver: SolverOptions(method: wholeMethod, presolve: true), strategy: .monolithic))
        var options = PlacementOptions(strategy: .decomposed)
        options.threads = 2
        let split = try PlacementSolver.solve(data, options: options)
        #expect(whole.status == .optimal && split.status == .optimal, sourceLocation: sourceLocation)
        #expect(split.solver.method.hasPrefix("benders"), "\(split.solver.attempts)", sourceLocation: sourceLocation)
        let check = try #require(split.solver.check, sourceLocation: sourceLocation)
        #expect(check.passes(), "\(check.summary)", sourceLocation: sourceLocation)
        #expect(whole.solver.check?.passes() == true, sourceLocation: sourceLocation)
        #expect(abs(split.objectiveUSD - whole.objectiveUSD) <= 1e-6 * abs(whole.objectiveUSD),
                "decomposed \(split.objectiveUSD) vs whole \(whole.objectiveUSD)", sourceLocation: sourceLocation)
        for (a, b) in zip(whole.zones, split.zones) {
            #expect(abs(a.marginalUSDPerMTok - b.marginalUSDPerMTok) <= 1e-4 * max(1, abs(a.marginalUSDPerMTok)),
                    "\(a.zone) \(a.year): marginal \(a.marginalUSDPerMTok) vs \(b.marginalUSDPerMTok)", sourceLocation: sourceLocation)
        }
        #expect(abs(split.totalServedTokens - whole.totalServedTokens) <= 1e-4 * max(1, whole.totalServedTokens), sourceLocation: sourceLocation)
        for (a, b) in zip(whole.headroom, split.headroom) {
            #expect(abs(a.dualUSDPerMWYear - b.dualUSDPerMWYear) <= 1e-4 * max(1, abs(a.dualUSDPerMWYear)),
                    "\(a.site): headroom value \(a.dualUSDPerMWYear) vs \(b.dualUSDPerMWYear)", sourceLocation: sourceLocation)
        }
        // The plan is not trivial: a's headroom binds at its peak, and its value is positive.
        if headroomBinds { #expect(whole.headroomValue("a").bindingSlices > 0, sourceLocation: sourceLocation) }
    }
}
