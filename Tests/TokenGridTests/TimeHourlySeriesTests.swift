import Foundation
import Testing
@testable import TokenGrid

@Suite("Time: hourly series and 12×24 profiles in UTC")
struct TimeHourlySeriesTests {
    /// A flat profile with one hot hour of the day (local time), equal in every month.
    static func hotHourProfile(at hour: Int) -> Profile {
        var hourly = Array(repeating: 0.5, count: 24)
        hourly[hour] = 1
        return Profile(monthly: Array(repeating: 1, count: 12), hourly: hourly, assumption: true, reason: "test")
    }

    @Test func calendarOfTheTypicalYear() {
        #expect(HourlySeries.hoursPerYear == 8760)
        #expect(HourlySeries.daysInMonth.reduce(0, +) == 365)
        #expect(HourlySeries.hourIndex(month: 1, day: 1, hour: 0) == 0)
        #expect(HourlySeries.hourIndex(month: 12, day: 31, hour: 23) == 8759)
        #expect(HourlySeries.hourIndex(month: 3, day: 1, hour: 0) == 59 * 24)
        #expect(HourlySeries.day(ofHour: 8759) == 364 && HourlySeries.hourOfDay(ofHour: 8759) == 23)
        for hour in stride(from: 0, to: 8760, by: 37) {
            let (month, day) = HourlySeries.monthAndDay(ofDay: HourlySeries.day(ofHour: hour))
            #expect(HourlySeries.hourIndex(month: month, day: day, hour: HourlySeries.hourOfDay(ofHour: hour)) == hour)
        }
        #expect(HourlySeries.month(ofHour: HourlySeries.hourIndex(month: 7, day: 19, hour: 21)) == 7)
        #expect(HourlySeries.label(ofHour: HourlySeries.hourIndex(month: 7, day: 19, hour: 21)) == "19 Jul 21:00 UTC")
        #expect(HourlySeries.label(ofHour: 5) == "1 Jan 05:00 UTC")
    }

    @Test func statisticsAndScaling() throws {
        var values = (0 ..< 8760).map { Double($0 % 24) }
        values[5000] = 100
        values[6000] = 100
        let series = HourlySeries(values: values)
        #expect(series.maximum == 100 && series.minimum == 0)
        #expect(series.indexOfMaximum == 5000, "earliest of equal maxima")
        #expect(series.peakDay == 5000 / 24)
        #expect(series.values(onDay: 1).count == 24 && series.values(onDay: 1).first == 0)
        #expect(TestSupport.close(series.mean, series.sum / 8760))
        #expect(TestSupport.close(series.loadFactor, series.mean / 100))
        #expect(series.scaled(toMaximum: 50).maximum == 50)
        #expect(TestSupport.close(series.scaled(toMean: 1).mean, 1))
        #expect(HourlySeries(values: Array(repeating: 0, count: 8760)).loadFactor == 0)
    }

    @Test func codableKeepsTheValuesAndChecksTheirCount() throws {
        let series = Self.hotHourProfile(at: 17).hourlyUTC(utcOffsetHours: -6)
        let data = try JSONEncoder().encode(series)
        #expect(try JSONDecoder().decode(HourlySeries.self, from: data) == series)
        let short = #"{"values":[1,2,3],"provenance":{"origin":"computed","droppedLeapDay":false,"flushedTinyValues":0}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HourlySeries.self, from: Data(short.utf8)) }
    }

    @Test func hotHourAtFiveInTheAfternoonLocal() {
        // UTC−6: local 17:00 = 23:00 UTC. UTC+8: local 17:00 = 09:00 UTC.
        let profile = Self.hotHourProfile(at: 17)
        let central = profile.hourlyUTC(utcOffsetHours: -6)
        #expect(HourlySeries.hourOfDay(ofHour: central.indexOfMaximum) == 23)
        #expect(central.indexOfMaximum == 23, "1 January 17:00 local is 23:00 UTC the same day")
        let china = profile.hourlyUTC(utcOffsetHours: 8)
        #expect(china.indexOfMaximum == 9)
        for day in [0, 100, 364] {
            #expect(central[day * 24 + 23] == 1 && china[day * 24 + 9] == 1)
        }
        #expect(central.provenance.origin == .profile && central.provenance.utcOffsetHours == -6)
    }

    @Test func halfHourOffsetAveragesTheTwoNeighbouringLocalHours() {
        // +5.5: UTC 11:00–12:00 is local 16:30–17:30, half of 16:00 and half of 17:00.
        let india = Self.hotHourProfile(at: 17).hourlyUTC(utcOffsetHours: 5.5)
        #expect(india[11] == 0.75 && india[12] == 0.75)
        #expect(india[10] == 0.5 && india[13] == 0.5)
        #expect(india.indexOfMaximum == 11)
        // The year's total is kept by any offset.
        let flat = Self.hotHourProfile(at: 17).hourlyUTC(utcOffsetHours: 0)
        #expect(TestSupport.close(india.sum, flat.sum))
        #expect(TestSupport.close(Self.hotHourProfile(at: 17).hourlyUTC(utcOffsetHours: -3.5).sum, flat.sum))
    }

    @Test func monthsFollowTheLocalClockAndWrapAcrossTheYearEnd() {
        // December much higher than January: with UTC−6, the first 6 UTC hours of 1 January are still December locally.
        var monthly = Array(repeating: 1.0, count: 12)
        monthly[11] = 10
        let profile = Profile(monthly: monthly, hourly: Array(repeating: 1, count: 24))
        let central = profile.hourlyUTC(utcOffsetHours: -6)
        #expect((0 ..< 6).allSatisfy { central[$0] == 10 })
        #expect(central[6] == 1)
        let east = profile.hourlyUTC(utcOffsetHours: 8)
        let lastEight = (8752 ..< 8760).map { east[$0] }
        #expect(lastEight.allSatisfy { $0 == 1 }, "31 Dec 16:00 UTC onwards is 1 January in UTC+8")
        #expect(east[8751] == 10)
    }

    @Test func flatProfileIsFlatInUTCAndMatchesTheSliceMean() {
        #expect(Profile.flat.hourlyUTC(utcOffsetHours: 3).values.allSatisfy { $0 == 1 })
        // The annual mean of the hourly series equals the day-weighted mean over the annual slice.
        let profile = Profile(monthly: (1 ... 12).map { Double($0) }, hourly: (0 ..< 24).map { 1 + Double($0) / 10 })
        let annual = TimeSlicePreset.annual.slices[0].mean(of: profile)
        #expect(TestSupport.close(profile.hourlyUTC(utcOffsetHours: -6).mean, annual, relative: 1e-12))
    }

    @Test func tinyProductsAreSetToZero() {
        var hourly = Array(repeating: 1.0, count: 24)
        hourly[3] = 1e-200
        let series = Profile(monthly: Array(repeating: 1, count: 12), hourly: hourly).hourlyUTC(utcOffsetHours: 0)
        #expect(series[3] == 0 && series[4] == 1)
    }
}
