import Foundation
import Testing
@testable import TokenGrid

/// Capacity factors are the mean over a slice's hours of the hourly UTC series: a 12 × 24 shape scaled to the
/// resource's `capacity_factor` with each hour capped at 1, or an hourly file used as it is.
@Suite("Hourly: capacity factors in slices")
struct HourlyCapacityFactorTests {
    static let noonOnly = "{monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], hourly: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], assumption: true, reason: test}"

    static func plan(_ slices: String, capacityFactor: Double, profile: String = noonOnly) -> HourlyPlan {
        let solar = HourlyPlan.solar(maxBuildMW: 100, capacityFactor: capacityFactor, profile: profile)
        var plan = HourlyPlan(sites: [.init(id: "sunny", solar: solar)], zones: [.init(servedBy: ["sunny"])])
        plan.timeSlices = slices
        return plan
    }

    static func weightedMean(_ data: PlacementData) -> Double {
        zip(data.sites[0].capacityFactor[0], data.weightHours).reduce(0) { $0 + $1.0 * $1.1 } / data.weightHours.reduce(0, +)
    }

    /// Noon-only solar (UTC+0) with capacity factor 0.04: noon is 24 × 0.04 = 0.96, below 1, so every representation
    /// keeps the hour-weighted mean at 0.04; in seasons4x6 the h12-16 slices hold 0.96 ÷ 4 = 0.24, the rest 0.
    @Test(arguments: ["{preset: seasons4x6}", "{preset: seasons4x24}", "{preset: months12x24}", "{representative_days: 6, seed: 2}", "{preset: annual}"])
    func uncappedShapeKeepsTheDeclaredMean(slices: String) throws {
        let data = HourlyPlan.data(try Self.plan(slices, capacityFactor: 0.04).load())
        #expect(abs(Self.weightedMean(data) - 0.04) < 1e-12, "\(slices)")
        if slices == "{preset: seasons4x6}" {
            for (t, slice) in data.slices.enumerated() {
                #expect(abs(data.sites[0].capacityFactor[0][t] - (slice.name.hasSuffix("h12-16") ? 0.24 : 0)) < 1e-12, "\(slice.name)")
            }
        }
    }

    /// With capacity factor 0.1 the noon hour would be 2.4; it is capped at 1 and no other hour has sun to take the
    /// rest, so the year's mean is 1/24 = 0.0417, not 0.1, in every representation (seasons4x6's h12-16 slices hold 1 ÷ 4 = 0.25). (The region
    /// schema's and docs/input-format.md's "each slice capped at 1" would give 0.6 and keep the mean at 0.1.)
    @Test func cappedHoursLowerTheMean() throws {
        let data = HourlyPlan.data(try Self.plan("{preset: seasons4x6}", capacityFactor: 0.1).load())
        #expect(abs(Self.weightedMean(data) - 1.0 / 24) < 1e-12)
        let noon = try #require(data.slices.firstIndex { $0.name == "djf-h12-16" })
        #expect(abs(data.sites[0].capacityFactor[0][noon] - 0.25) < 1e-12)
    }

    /// Shoulders 1, noon 2, shoulders 1 (hours 11–13, UTC+0) with capacity factor 0.1: plain scaling gives 0.6, 1.2,
    /// 0.6, and capping noon at 1 would leave a mean of 2.2 / 24 = 0.0917. Instead the shoulders rise until the mean is
    /// 0.1 again: 2 × s + 1 = 2.4, so s = 0.7, noon 1.
    @Test func cappedEnergyMovesToTheOtherHours() throws {
        let profile = "{monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], hourly: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], assumption: true, reason: test}"
        let data = HourlyPlan.data(try Self.plan("{preset: seasons4x24}", capacityFactor: 0.1, profile: profile).load())
        #expect(abs(Self.weightedMean(data) - 0.1) < 1e-12)
        for (name, expected) in [("djf-h11", 0.7), ("djf-h12", 1.0), ("djf-h13", 0.7), ("djf-h14", 0.0)] {
            let slice = try #require(data.slices.firstIndex { $0.name == name })
            #expect(abs(data.sites[0].capacityFactor[0][slice] - expected) < 1e-12, "\(name): \(data.sites[0].capacityFactor[0][slice])")
        }
    }

    /// An hourly capacity-factor file is used as it is: a flat 0.35 file gives 0.35 in every slice, whatever
    /// `capacity_factor` says (0.2 here).
    @Test func hourlyFileIsUsedAsItIs() throws {
        var plan = Self.plan("{preset: seasons4x24}", capacityFactor: 0.2, profile: "{csv: data/solar.csv, source: test, year: 2018}")
        plan.files["Regions/data/solar.csv"] = HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(0.35)), header: "utc_time,capacity_factor")
        let data = HourlyPlan.data(try plan.load())
        #expect(data.sites[0].capacityFactor[0].allSatisfy { abs($0 - 0.35) < 1e-12 })
    }
}
