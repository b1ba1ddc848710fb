import Foundation
import Testing
@testable import TokenGrid

@Suite("Time: representative days")
struct TimeRepresentativeDaysTests {
    /// Six synthetic hourly series (three loads, two capacity factors, one demand shape) with seasons, weekdays and noise.
    static func syntheticSeries(seed: UInt64 = 11) -> [HourlySeries] {
        var random = SplitMix64(seed: seed)
        return (0 ..< 6).map { index in
            let values = (0 ..< 8760).map { hour -> Double in
                let day = Double(hour / 24), clock = Double(hour % 24)
                let season = 1 + 0.3 * cos(2 * Double.pi * (day - 200 + Double(index) * 20) / 365)
                let daily = 1 + 0.2 * sin(2 * Double.pi * (clock - 8 - Double(index)) / 24)
                let weekday = (hour / 24) % 7 < 5 ? 1.0 : 0.9
                return 1000 * Double(index + 1) * season * daily * weekday * random.uniform(0.95, 1.05)
            }
            return HourlySeries(values: values)
        }
    }

    @Test func sameSeedSameBytes() throws {
        let features = RepresentativeDays.dayFeatures(of: Self.syntheticSeries())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(RepresentativeDays.select(features: features, count: 12, seed: 42))
        for _ in 0 ..< 3 {
            #expect(try encoder.encode(RepresentativeDays.select(features: features, count: 12, seed: 42)) == first)
        }
    }

    @Test func weightsSumToTheDaysAndMembersPartitionThem() throws {
        let features = RepresentativeDays.dayFeatures(of: Self.syntheticSeries())
        for count in [1, 2, 7, 12, 40] {
            let selection = try RepresentativeDays.select(features: features, count: count, seed: 3)
            #expect(selection.days.count == count)
            #expect(selection.totalWeightDays == 365)
            #expect(selection.days.flatMap(\.members).sorted() == Array(0 ..< 365))
            #expect(selection.days.map(\.medoid) == selection.days.map(\.medoid).sorted())
            for (index, day) in selection.days.enumerated() {
                #expect(day.members.contains(day.medoid))
                #expect(day.weightDays == Double(day.members.count))
                #expect(day.members.allSatisfy { selection.assignment[$0] == index })
                #expect(day.hours == day.medoid * 24 ..< day.medoid * 24 + 24)
            }
            #expect(selection.error > 0 && selection.error.isFinite)
            #expect(selection.converged)
        }
    }

    @Test func peakDaysAreKeptAsTheirOwnSingletonClusters() throws {
        let series = Self.syntheticSeries()
        let peaks = RepresentativeDays.peakDays(of: Array(series.prefix(3)))
        #expect(!peaks.isEmpty && peaks == peaks.sorted())
        let selection = try RepresentativeDays.select(features: RepresentativeDays.dayFeatures(of: series), count: 12, seed: 5, keep: peaks)
        for peak in peaks {
            let day = try #require(selection.days.first { $0.medoid == peak })
            #expect(day.isKept && day.members == [peak] && day.weightDays == 1)
        }
        #expect(selection.days.filter(\.isKept).count == peaks.count)
        #expect(selection.totalWeightDays == 365)
    }

    @Test func onlyKeptDaysTakeEveryDay() throws {
        let features = RepresentativeDays.dayFeatures(of: Self.syntheticSeries())
        let selection = try RepresentativeDays.select(features: features, count: 2, seed: 1, keep: [10, 200])
        #expect(selection.days.map(\.medoid) == [10, 200])
        #expect(selection.totalWeightDays == 365)
        #expect(selection.days.allSatisfy { $0.isKept })
    }

    @Test func everyDayWhenAskedForAll() throws {
        let features = RepresentativeDays.dayFeatures(of: Self.syntheticSeries())
        let selection = try RepresentativeDays.select(features: features, count: 365, seed: 9, keep: [3])
        #expect(selection.days.map(\.medoid) == Array(0 ..< 365))
        #expect(selection.days.allSatisfy { $0.members == [$0.medoid] && $0.weightDays == 1 })
        #expect(selection.error == 0)
    }

    @Test func twoObviousClusters() throws {
        // Days 0…199 near pattern A, days 200…364 near pattern B, far apart; day 57 is exactly A.
        var random = SplitMix64(seed: 2)
        let a = (0 ..< 24).map { 10 + sin(Double($0)) }, b = (0 ..< 24).map { -10 + cos(Double($0)) }
        let features = (0 ..< 365).map { day -> [Double] in
            if day == 57 { return a }
            return (day < 200 ? a : b).map { $0 + random.uniform(-0.5, 0.5) }
        }
        for seed: UInt64 in [0, 1, 2, 77, .max] {
            let selection = try RepresentativeDays.select(features: features, count: 2, seed: seed)
            #expect(selection.days.map(\.members) == [Array(0 ..< 200), Array(200 ..< 365)], "seed \(seed)")
            #expect(selection.days.map(\.weightDays) == [200, 165])
            #expect(selection.days[0].medoid < 200 && selection.days[1].medoid >= 200)
        }
        // A kept day from cluster A stands alone; the other two medoids split A and B.
        let kept = try RepresentativeDays.select(features: features, count: 3, seed: 4, keep: [57])
        #expect(kept.days.first { $0.medoid == 57 }?.members == [57])
        #expect(kept.days.filter { !$0.isKept }.map(\.weightDays).sorted() == [165, 199])
    }

    @Test func invalidRequestsAreErrors() {
        let features = Array(repeating: [1.0, 2.0], count: 365)
        #expect(throws: RepresentativeDaysError.tooManyKept(kept: 3, count: 2)) {
            try RepresentativeDays.select(features: features, count: 2, seed: 0, keep: [1, 2, 3, 3])
        }
        #expect(throws: RepresentativeDaysError.count(366, days: 365)) { try RepresentativeDays.select(features: features, count: 366, seed: 0) }
        #expect(throws: RepresentativeDaysError.count(0, days: 365)) { try RepresentativeDays.select(features: features, count: 0, seed: 0) }
        #expect(throws: RepresentativeDaysError.keptDayOutOfRange(365, days: 365)) {
            try RepresentativeDays.select(features: features, count: 3, seed: 0, keep: [365])
        }
        #expect(throws: RepresentativeDaysError.dayCount(0)) { try RepresentativeDays.select(features: [], count: 1, seed: 0) }
        var ragged = features
        ragged[4] = [1]
        #expect(throws: RepresentativeDaysError.featureCount(day: 4, found: 1, expected: 2)) {
            try RepresentativeDays.select(features: ragged, count: 3, seed: 0)
        }
        var nan = features
        nan[9][1] = .nan
        #expect(throws: RepresentativeDaysError.notFinite(day: 9)) { try RepresentativeDays.select(features: nan, count: 3, seed: 0) }
        #expect(RepresentativeDaysError.tooManyKept(kept: 3, count: 2).description.contains("at least 3"))
    }

    @Test func identicalDaysDoNotLeaveEmptyClusters() throws {
        let features = Array(repeating: [1.0, 2.0], count: 365)
        let selection = try RepresentativeDays.select(features: features, count: 5, seed: 0)
        #expect(selection.days.count == 5 && selection.days.allSatisfy { !$0.members.isEmpty })
        #expect(selection.totalWeightDays == 365 && selection.error == 0)
    }

    @Test func featuresAreNormalisedPerSeries() {
        let series = Self.syntheticSeries()
        let features = RepresentativeDays.dayFeatures(of: series)
        #expect(features.count == 365 && features.allSatisfy { $0.count == 6 * 24 })
        let all = features.flatMap { $0 }
        #expect(all.min() == 0 && all.max() == 1)
        #expect(RepresentativeDays.dayFeatures(of: [HourlySeries(values: Array(repeating: 7, count: 8760))]).allSatisfy { $0.allSatisfy { $0 == 0 } })
    }

    @Test func twelveDaysFromSixSeriesIsFast() throws {
        let features = RepresentativeDays.dayFeatures(of: Self.syntheticSeries())
        let peaks = RepresentativeDays.peakDays(of: Self.syntheticSeries())
        let start = Date()
        let selection = try RepresentativeDays.select(features: features, count: 12, seed: 2025, keep: peaks)
        let seconds = Date().timeIntervalSince(start)
        print("representative days: 12 of 365 days × \(features[0].count) features, \(peaks.count) kept: \(String(format: "%.3f", seconds)) s, \(selection.iterations) iterations, error \(String(format: "%.2f", selection.error))")
        #expect(seconds < 5)
    }
}
