import Foundation
import Testing
@testable import TokenGrid

/// `time_slices: {representative_days: N, seed: S}` through a plan: the days are chosen from the plan's own hourly
/// series (every region's load and capacity factors, every zone's demand), deterministically for a seed, keeping each
/// region's annual peak day; their 24 × N slices stand for the whole year.
@Suite("Hourly: representative days through a plan")
struct HourlyRepresentativeDaysPlanTests {
    /// Peak hours of the two CSV loads: 19 Jul 21:00 UTC (day 199) and 3 Feb 08:00 UTC (day 33).
    static let peakA = 199 * 24 + 21, peakB = 33 * 24 + 8

    /// A daily and seasonal swing with deterministic noise, below 987 MW, and one peak hour of 1,100 MW.
    static func load(peak: Int, phase: Int) -> [Double] {
        (0 ..< 8760).map { h in
            if h == peak { return 1100 }
            let daily = 150 * sin(2 * Double.pi * Double((h + phase) % 24 - 8) / 24)
            let seasonal = 100 * cos(2 * Double.pi * Double(h / 24 - 200 + phase) / 365)
            return 700 + daily + seasonal + 37 * Double((h * 7919 + phase) % 13) / 13
        }
    }

    /// Regions `a` and `b` (hourly CSV loads, UTC−6 and UTC+1) and `c` (a 12 × 24 load at UTC+8 whose highest month is
    /// December and hour 17:00 local, so its first peak is 1 Dec 09:00 UTC, day 334), `c` with a 12 × 24 solar profile;
    /// one zone with a 12 × 24 shape at UTC+8.
    static func plan(_ slices: String) -> HourlyPlan {
        let solar = HourlyPlan.solar(maxBuildMW: 500, capacityFactor: 0.2, profile: HourlyPlan.middaySolarProfile)
        var plan = HourlyPlan(
            sites: [.init(id: "a", utcOffsetHours: -6, loadShape: "{csv: data/a.csv, source: test, year: 2018}"),
                    .init(id: "b", utcOffsetHours: 1, loadShape: "{csv: data/b.csv, source: test, year: 2018}"),
                    .init(id: "c", utcOffsetHours: 8,
                          loadShape: "{monthly: [0.9, 0.8, 0.8, 0.7, 0.7, 0.8, 0.9, 0.9, 0.8, 0.8, 0.9, 1.0], hourly: [0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.7, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 0.9, 0.8, 0.7, 0.7, 0.6, 0.6], source: test, year: 2024}",
                          solar: solar)],
            zones: [.init(utcOffsetHours: 8, shape: "{monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], hourly: [0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.7, 0.9, 1.1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.1, 1.0, 0.9, 0.8, 0.7], source: test, year: 2024}",
                          servedBy: ["a", "b", "c"])])
        plan.timeSlices = slices
        plan.files["Regions/data/a.csv"] = HourlyCSV.text(HourlyCSV.rows(load(peak: peakA, phase: 0)))
        plan.files["Regions/data/b.csv"] = HourlyCSV.text(HourlyCSV.rows(load(peak: peakB, phase: 5)))
        return plan
    }

    @Test func sameSeedGivesIdenticalSlicesFromTwoLoads() throws {
        // Two separate folders, two loads: the same slices, hours, weights and blocks.
        let first = try Self.plan("{representative_days: 10, seed: 7}").load()
        let second = try Self.plan("{representative_days: 10, seed: 7}").load()
        #expect(first.plan.timeSlices == second.plan.timeSlices)
        #expect(first.plan.timeSlices.map(\.yearHours) == second.plan.timeSlices.map(\.yearHours))
        #expect(first.plan.timeRepresentation == .representativeDays(count: 10, seed: 7))
        // The default seed is 1; some other seed picks other days (the choice depends on the seed).
        let seeds = try [1, 2, 3].map { try Self.plan("{representative_days: 10, seed: \($0)}").load().plan.timeSlices }
        #expect(seeds.contains { $0 != first.plan.timeSlices })
        #expect(try Self.plan("{representative_days: 10}").load().plan.timeSlices == seeds[0])
    }

    /// 10 days × 24 slices; weights (member days × 1 h) sum to 8,760 h; every hour of the year in exactly one slice;
    /// each slice's hours are hour h of its block's member days; each region's peak day (a: 199, b: 33, c: 334) is a
    /// block of its own, weight 1 day; the slice holding a region's peak hour has load factor 1, so its headroom is the
    /// region's own 1,265 ÷ 1.15 − 1,000 = 100 MW.
    @Test func slicesKeepEveryPeakDayAndStandForTheYear() throws {
        let scenario = try Self.plan("{representative_days: 10, seed: 7}").load()
        let slices = scenario.plan.timeSlices
        #expect(slices.count == 240)
        #expect(slices.totalHours == 8760)
        #expect(slices.allSatisfy { $0.weightHours == Double($0.yearHours.count) })
        #expect(slices.flatMap(\.yearHours).sorted() == Array(0 ..< 8760))
        let blocks = slices.blocks
        #expect(blocks.count == 10 && blocks.allSatisfy { $0.count == 24 })
        for block in blocks {
            let days = slices[block[0]].yearHours.map { $0 / 24 }
            for (h, t) in block.enumerated() {
                #expect(slices[t].yearHours == days.map { $0 * 24 + h }, "\(slices[t].name)")
                #expect(slices[t].name.hasSuffix("-h\(h < 10 ? "0" : "")\(h)"))
            }
        }
        let peakDays = scenario.regions.map(\.loadFactorSeries.peakDay)
        #expect(peakDays == [199, 33, 334])
        let data = HourlyPlan.data(scenario)
        for (s, day) in peakDays.enumerated() {
            let block = try #require(blocks.first { slices[$0[0]].yearHours.contains(day * 24) })
            #expect(slices[block[0]].yearHours == [day * 24], "\(scenario.regions[s].id)'s peak day \(day) stands alone")
            #expect(slices[block[0]].name.contains("-d\(day + 1 < 100 ? "0" : "")\(day + 1)-"))
            let peakHour = scenario.regions[s].loadFactorSeries.indexOfMaximum
            let peakSlice = try #require(slices.firstIndex { $0.yearHours.contains(peakHour) })
            #expect(data.sites[s].loadFactor[peakSlice] == 1)
            #expect(abs(data.tightestHeadroomMW(site: s, year: 0) - 100) < 1e-9)
        }
        // Capacity factors and demand are means over the slices' hours, so the hour-weighted means are the year's.
        let solar = data.sites[2].region.capacityFactorSeries(data.sites[2].renewables[0])
        let weightedCF = zip(data.sites[2].capacityFactor[0], data.weightHours).reduce(0) { $0 + $1.0 * $1.1 } / 8760
        #expect(abs(weightedCF - solar.mean) < 1e-12 && abs(solar.mean - 0.2) < 1e-12)
        let demand = data.zones[0].demandTokensPerS[0]
        let weightedDemand = zip(demand, data.weightHours).reduce(0) { $0 + $1.0 * $1.1 } / 8760
        #expect(abs(weightedDemand - 1.5e8) < 1e-6 * 1.5e8)
    }

    /// 365 representative days are every day with weight 1: the same one-hour slices as the `hours` preset.
    @Test func everyDayIsTheHoursPreset() throws {
        let days = try Self.plan("{representative_days: 365, seed: 3}").load().plan.timeSlices
        let hours = TimeSlicePreset.hours.slices
        #expect(days.count == 8760)
        #expect(days.map(\.yearHours) == hours.map(\.yearHours))
        #expect(days.map(\.block) == hours.map(\.block))
        #expect(days.allSatisfy { $0.weightHours == 1 })
    }

    /// `representative_days` outside 1 … 365 is an error at its line in the plan; so is asking for fewer days than
    /// there are peak days to keep (3 regions with 3 different peak days: 2 is too few).
    @Test(arguments: ["400", "0", "-3", "2.5"])
    func countOutOfRangeIsALocatedError(count: String) throws {
        let plan = Self.plan("{representative_days: \(count), seed: 7}")
        let (_, path) = try plan.write()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        do {
            _ = try PlanLoader.load(planAt: path)
            Issue.record("representative_days: \(count) loaded")
        } catch let error as InputError {
            // The error points at the value: `time_slices: {representative_days: ` is 35 characters, so column 36.
            #expect(TestSupport.column(of: "representative_days: \(count),", in: text) == 15)
            expectError(error, fieldPath: "time_slices.representative_days", file: path, line: TestSupport.line(of: "representative_days", in: text),
                        column: 36, containing: [])
            #expect(error.errors.count == 1, "\(error)")
        }
    }

    @Test func fewerDaysThanPeakDaysIsALocatedError() throws {
        let plan = Self.plan("{representative_days: 2, seed: 7}")
        let (_, path) = try plan.write()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        do {
            _ = try PlanLoader.load(planAt: path)
            Issue.record("representative_days: 2 loaded with 3 peak days to keep")
        } catch let error as InputError {
            expectError(error, fieldPath: "time_slices.representative_days", file: path, line: TestSupport.line(of: "representative_days", in: text),
                        containing: ["3 days must be kept", "ask for at least 3"])
        }
        // Exactly 3: every day joins its nearest peak day; weights still sum to 8,760 h.
        let three = try Self.plan("{representative_days: 3, seed: 7}").load().plan.timeSlices
        #expect(three.count == 72 && three.totalHours == 8760)
    }

    /// `representative_days` set on the command line (`--set`): an error in its range is reported at the command
    /// line, as every --set value's error is.
    @Test func outOfRangeCountSetOnTheCommandLineIsReportedThere() throws {
        let (_, path) = try Self.plan("{preset: annual}").write()
        do {
            _ = try PlanLoader.load(planAt: path, sets: ["time_slices={representative_days: 400, seed: 7}"])
            Issue.record("representative_days: 400 loaded")
        } catch let error as InputError {
            let diagnostic = try #require(error.errors.first, "\(error)")
            #expect(diagnostic.file == "command line" && diagnostic.line == nil, "\(diagnostic)")
            #expect(diagnostic.message.contains("value set by override 'time_slices'"), "\(diagnostic)")
        }
    }

    /// Too few days for the peak days, set with `--set`, is reported at the command line: errors the checks after
    /// reading (representative-day choice, cross-file checks) find in an override's value are reattributed to it too.
    @Test func fewerDaysThanPeakDaysSetOnTheCommandLineIsReportedThere() throws {
        let (_, path) = try Self.plan("{preset: annual}").write()
        do {
            _ = try PlanLoader.load(planAt: path, sets: ["time_slices={representative_days: 2, seed: 7}"])
            Issue.record("representative_days: 2 loaded with 3 peak days to keep")
        } catch let error as InputError {
            let diagnostic = try #require(error.errors.first { $0.message.contains("3 days must be kept") }, "\(error)")
            #expect(diagnostic.file == "command line", "\(diagnostic)")
            #expect(diagnostic.line == nil, "\(diagnostic)")
            #expect(diagnostic.message.contains("value set by override 'time_slices'"), "\(diagnostic)")
        }
    }
}
