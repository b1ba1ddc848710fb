import Foundation
import Testing
@testable import TokenGrid

/// Demand projection per zone, year and time slice: a year's tokens are conserved across slices and follow the zone's shape.
@Suite("Demand projection")
struct DemandProjectionTests {
    static let secondsPerYear = 8760.0 * 3600   // 31,536,000 s in a 365-day year

    /// A scenario with the given slices and zones and no sites (projection needs neither sites nor designs).
    static func scenario(slices: [TimeSlice], zones: [DemandZone], years: ClosedRange<Int> = 2025 ... 2030) -> Scenario {
        let mix = ModelMix(inputShare: 0.8, classes: [ModelClass(id: "m", name: "m", activeParamsB: 10, totalParamsB: 10, share: YearMap([2025: 1]))])
        let plan = Plan(name: "p", description: "", file: "p.yaml", firstYear: years.lowerBound, lastYear: years.upperBound,
                        discountRate: 0.08, unservedPenaltyUSDPerMTok: 100, carbonPriceUSDPerTonne: nil, carbonCapTonnesPerYear: nil,
                        budgetUSDPerYear: nil, regionIDs: [], timeRepresentation: .cells(slices), timeSlices: slices, modelMix: mix, zones: zones, marketPrices: [],
                        overridesApplied: [])
        return Scenario(plan: plan, regions: [], designs: [], warnings: [])
    }

    static func zone(_ id: String = "z", shape: Profile, growth: GrowthModel = .anchors(YearMap([2025: 1e16, 2030: 3.9e18]).points)) -> DemandZone {
        DemandZone(id: id, name: id, location: nil, base: nil, growth: growth, shape: shape, servedBy: .sites([]), networkCostUSDPerMTok: 0)
    }

    /// A strongly non-flat shape: winter-heavy months and an evening peak (arbitrary scale, as the format allows).
    static let peakyShape = Profile(
        monthly: [3, 2.5, 2, 1.5, 1, 0.8, 0.7, 0.8, 1, 1.5, 2, 2.8],
        hourly: [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.2, 1.5, 1.6, 1.7, 1.8, 1.8, 1.7, 1.6, 1.8, 2.2, 2.8, 3.2, 3.0, 2.0, 1.0, 0.5],
        assumption: true, reason: "test")

    /// Σ over slices of (tokens/s in the slice × the slice's seconds) = the year's tokens, for every year and preset.
    @Test(arguments: TimeSlicePreset.allCases)
    func sliceRatesConserveTheYearsTokens(preset: TimeSlicePreset) throws {
        let slices = preset.slices
        let projection = DemandProjection(scenario: Self.scenario(slices: slices, zones: [Self.zone(shape: Self.peakyShape)]))
        let zone = try #require(projection.zone("z"))
        #expect(zone.years.map(\.year) == Array(2025 ... 2030))
        for year in zone.years {
            #expect(year.sliceTokensPerS.count == slices.count)
            let total = zip(slices, year.sliceTokensPerS).reduce(0) { $0 + $1.0.weightHours * 3600 * $1.1 }
            #expect(TestSupport.close(total, year.tokensPerYear, relative: 1e-12), "\(preset) \(year.year): \(total) vs \(year.tokensPerYear)")
            #expect(TestSupport.close(year.tokensPerYear, zone.curve.tokens(inYear: year.year), relative: 1e-15))
            #expect(TestSupport.close(year.averageTokensPerS, year.tokensPerYear / Self.secondsPerYear, relative: 1e-15))
            if preset != .annual {
                // Non-flat: the slices differ and the peak lies above the average.
                #expect(year.peakTokensPerS > 1.5 * year.averageTokensPerS)
            }
        }
    }

    /// A flat shape gives every slice the annual average: anchors give 1e16 tokens in 2025, so each slice carries
    /// 1e16 / 31,536,000 s = 317,097,919.8 tokens/s.
    @Test(arguments: [TimeSlicePreset.seasons4x6, .months12x24])
    func flatShapeGivesEqualSlices(preset: TimeSlicePreset) throws {
        let projection = DemandProjection(scenario: Self.scenario(slices: preset.slices, zones: [Self.zone(shape: .flat)]))
        let year = try #require(projection.zone("z")?.years.first)
        #expect(year.year == 2025)
        for rate in year.sliceTokensPerS { #expect(TestSupport.close(rate, 317_097_919.83764587, relative: 1e-12)) }
        #expect(TestSupport.close(year.peakTokensPerS, year.averageTokensPerS, relative: 1e-12))
    }

    /// Two slices, night (hours 0–11) and day (12–23), 4,380 h each. Shape: hourly 1 at night, 3 by day, months flat (scale 5,
    /// irrelevant). Raw slice means 5 and 15; hour-weighted mean (4380×5 + 4380×15)/8760 = 10; factors 0.5 and 1.5.
    /// 2025 tokens 1e16 → average 317,097,919.8 tok/s → night 158,548,959.9, day 475,646,879.8.
    @Test func twoSliceShapeByHand() throws {
        let slices = [TimeSlice(name: "night", months: Array(1 ... 12), hours: Array(0 ..< 12)),
                      TimeSlice(name: "day", months: Array(1 ... 12), hours: Array(12 ..< 24))]
        #expect(slices.map(\.weightHours) == [4380, 4380])
        let shape = Profile(monthly: Array(repeating: 5, count: 12), hourly: Array(repeating: 1, count: 12) + Array(repeating: 3, count: 12),
                            assumption: true, reason: "test")
        let projection = DemandProjection(scenario: Self.scenario(slices: slices, zones: [Self.zone(shape: shape)], years: 2025 ... 2025))
        let year = try #require(projection.zone("z")?.years.first)
        #expect(TestSupport.close(year.sliceTokensPerS[0], 158_548_959.91882294, relative: 1e-12))
        #expect(TestSupport.close(year.sliceTokensPerS[1], 475_646_879.75646880, relative: 1e-12))
        #expect(TestSupport.close(year.peakTokensPerS, year.sliceTokensPerS[1], relative: 0))
    }

    /// The fixture plan's cagr zone end to end through the loader: 7e12/week on 2026-07-02 doubling yearly,
    /// tokens(2026) = 3.65e14 × 2^(−0.5)/ln 2 = 3.72350898e14 (see GrowthModelTests), and the plan's years 2025–2027.
    @Test func projectionOfALoadedPlan() throws {
        let scenario = try InputWorkspace().load()
        let projection = DemandProjection(scenario: scenario)
        let zone = try #require(projection.zone("z"))
        #expect(zone.years.map(\.year) == [2025, 2026, 2027])
        #expect(TestSupport.close(zone.years[1].tokensPerYear, 3.72350898007828e14, relative: 1e-12))
        #expect(TestSupport.close(zone.years[2].tokensPerYear / zone.years[0].tokensPerYear, 4, relative: 1e-12))
        #expect(zone.years[0].sliceTokensPerS.count == 24)
        // The fixture zone has no shape: flat, so every seasons4x6 slice is the average.
        for rate in zone.years[1].sliceTokensPerS { #expect(TestSupport.close(rate, 3.72350898007828e14 / Self.secondsPerYear, relative: 1e-12)) }
        #expect(projection.zone("nope") == nil)
    }
}

/// Time slices: presets cover the year exactly once; a profile's mean over a slice by hand.
@Suite("Time slices")
struct DemandTimeSliceTests {
    @Test(arguments: TimeSlicePreset.allCases)
    func presetWeightsSumTo8760(preset: TimeSlicePreset) {
        let slices = preset.slices
        #expect(slices.totalHours == 8760)
        let expectedCount: [TimeSlicePreset: Int] = [.annual: 1, .seasons4x6: 24, .seasons4x24: 96, .months12x24: 288, .hours: 8760]
        let expectedBlocks: [TimeSlicePreset: Int] = [.annual: 1, .seasons4x6: 4, .seasons4x24: 4, .months12x24: 12, .hours: 365]
        #expect(slices.count == expectedCount[preset])
        #expect(slices.blocks.count == expectedBlocks[preset])
        // Every hour of the typical year is in exactly one slice, and a slice's weight is its number of hours.
        var hours = [Int](repeating: 0, count: 8760)
        for slice in slices { for h in slice.yearHours { hours[h] += 1 } }
        #expect(hours.allSatisfy { $0 == 1 })
        #expect(slices.allSatisfy { $0.weightHours == Double($0.yearHours.count) })
        #expect(Set(slices.map(\.name)).count == slices.count, "slice names are unique")
    }

    /// Seasons: DJF = 31+31+28 = 90 days, MAM = 92, JJA = 92, SON = 91 (sum 365); × 4 hours per day-part.
    @Test func seasonWeightsByHand() {
        let slices = TimeSlicePreset.seasons4x6.slices
        #expect(slices.first?.name == "djf-h00-04")
        #expect(slices.first?.weightHours == 360)        // 90 × 4
        #expect(slices.first { $0.name == "mam-h16-20" }?.weightHours == 368)   // 92 × 4
        #expect(slices.first { $0.name == "son-h20-24" }?.weightHours == 364)   // 91 × 4
        #expect(TimeSlicePreset.months12x24.slices.first { $0.name == "feb-h13" }?.weightHours == 28)
    }

    /// Slice months {Jan, Feb}, hours {0, 1}; monthly[Jan] = 2, monthly[Feb] = 4, hourly[0] = 1, hourly[1] = 3 (others arbitrary).
    /// Day-weighted mean = (31 × (2·1 + 2·3) + 28 × (4·1 + 4·3)) ÷ (31·2 + 28·2) = (248 + 448) ÷ 118 = 696/118 = 5.898305…
    /// Weight = (31 + 28) days × 2 hours = 118 h.
    @Test func meanOfAProfileByHand() {
        let profile = Profile(monthly: [2, 4, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9],
                              hourly: [1, 3] + Array(repeating: 7, count: 22), assumption: true, reason: "test")
        let slice = TimeSlice(name: "s", months: [1, 2], hours: [0, 1])
        #expect(slice.weightHours == 118)
        #expect(TestSupport.close(slice.mean(of: profile), 696.0 / 118, relative: 1e-15))
        #expect(TestSupport.close(slice.mean(of: profile), 5.898305084745763, relative: 1e-12))
        // A flat profile's mean is 1 in every slice; the maximum of this profile is 9 × 7 = 63.
        #expect(TimeSlicePreset.seasons4x6.slices.allSatisfy { $0.mean(of: .flat) == 1 })
        #expect(profile.maximum == 63)
        #expect(profile.factor(month: 2, hour: 1) == 12)
        #expect(TimeSlice(name: "empty", months: [], hours: []).mean(of: profile) == 0)
    }

    /// An explicit two-slice list covering every month-hour once is accepted and read in order.
    @Test func explicitSlicesAreRead() throws {
        let plan = InputFixtures.plan.edited("time_slices: {preset: seasons4x6}", """
            time_slices:
              slices:
                - {name: night, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], hours: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}
                - {name: day, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], hours: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]}
            """)
        let scenario = try InputWorkspace().load(plan: plan)
        #expect(scenario.plan.timeSlices.map(\.name) == ["night", "day"])
        #expect(scenario.plan.timeSlices.map(\.weightHours) == [4380, 4380])
    }

    @Test(arguments: TimeSlicePreset.allCases)
    func presetIsReadByName(preset: TimeSlicePreset) throws {
        let plan = InputFixtures.plan.edited("{preset: seasons4x6}", "{preset: \(preset.rawValue)}")
        let scenario = try InputWorkspace().load(plan: plan)
        #expect(scenario.plan.timeSlices == preset.slices)
    }
}
