import Foundation
import Testing
@testable import TokenGrid

/// 12 × 24 shapes are written in local clock time and shifted to UTC by the region's or zone's `utc_offset_hours`:
/// UTC hour h is local time h + offset, so a 17:00-local peak lands at 23:00 UTC at UTC−6 and at 09:00 UTC at UTC+8.
@Suite("Hourly: 12 × 24 local shapes are shifted to UTC")
struct HourlyUTCShiftTests {
    /// Load shape: monthly 0.8 except July 1.0 and December 0.7; hourly 0.6 except 17:00 local 1.0. Its maximum is
    /// 1.0 × 1.0 (July, 17:00), so load factors are the products themselves.
    static let loadShape = "{monthly: [0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 1.0, 0.8, 0.8, 0.8, 0.8, 0.7], hourly: [0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 1.0, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6], source: test, year: 2024}"
    /// Zone shape: flat months, hourly 1 except 3 at 17:00 local.
    static let zoneShape = "{monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], hourly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1], source: test, year: 2024}"

    static func plan(_ slices: String, regionOffset: Double = -6, zoneOffset: Double = 8) -> HourlyPlan {
        var plan = HourlyPlan(sites: [.init(id: "central", utcOffsetHours: regionOffset, loadShape: loadShape),
                                      .init(id: "flat", utcOffsetHours: 3)],
                              zones: [.init(utcOffsetHours: zoneOffset, shape: zoneShape, servedBy: ["central", "flat"])])
        plan.timeSlices = slices
        return plan
    }

    /// The hourly series: at UTC−6 the year's highest hour is 1 Jul 23:00 UTC (= 17:00 local), hour 181 × 24 + 23 =
    /// 4,367; the first six UTC hours of 1 January are 31 December 18:00–23:00 local, December's 0.7 × 0.6 = 0.42, and
    /// 06:00 UTC is 1 January 00:00 local, 0.8 × 0.6 = 0.48. At UTC+8 the same shape peaks at 1 Jul 09:00 UTC (4,353).
    @Test func seriesPeakAtTheLocalHourInUTC() throws {
        let west = try Self.plan("{preset: annual}").load()
        let load = try #require(west.region("central")).loadFactorSeries
        #expect(load.indexOfMaximum == 4367 && load[4367] == 1)
        #expect(HourlySeries.label(ofHour: 4367) == "1 Jul 23:00 UTC")
        for hour in 0 ..< 6 { #expect(abs(load[hour] - 0.42) < 1e-12, "hour \(hour)") }
        #expect(abs(load[6] - 0.48) < 1e-12)
        let east = try Self.plan("{preset: annual}", regionOffset: 8).load()
        #expect(try #require(east.region("central")).loadFactorSeries.indexOfMaximum == 4353)
        // The zone at UTC+8: demand shape (mean 1) is 3 ÷ (26/24) = 36/13 at 09:00 UTC and 12/13 at every other hour.
        let zone = try #require(west.plan.zones.first).demandShapeSeries
        for hour in [9, 33, 4353, 8745] { #expect(abs(zone[hour] - 36.0 / 13) < 1e-12, "hour \(hour)") }
        for hour in [0, 8, 10, 17, 23, 8759] { #expect(abs(zone[hour] - 12.0 / 13) < 1e-12, "hour \(hour)") }
    }

    /// months12x24 (slices in UTC): central's load factor, the highest hour of each (month, UTC hour), is 1 in jul-h23
    /// only; every other month's 23:00 UTC is its own 17:00 local, monthly × 1 (0.8, December 0.7); aug-h00 to aug-h05
    /// hold 31 July 18:00–23:00 local, 0.6 (not August's 0.48); jul-h17 (11:00 local) is 0.6. The zone's demand is 3×
    /// the other hours' in every h09 slice.
    @Test func monthsByHoursPeakAt23UTCAtMinusSix() throws {
        let scenario = try Self.plan("{preset: months12x24}").load()
        let data = HourlyPlan.data(scenario)
        let lf = data.sites[0].loadFactor
        let index = Dictionary(uniqueKeysWithValues: data.slices.enumerated().map { ($1.name, $0) })
        func slice(_ name: String) -> Int { index[name]! }
        #expect(data.slices[lf.indices.max { lf[$0] < lf[$1] }!].name == "jul-h23")
        #expect(lf.filter { $0 == 1 }.count == 1)
        #expect(lf[slice("jul-h23")] == 1)
        #expect(abs(lf[slice("jun-h23")] - 0.8) < 1e-12 && abs(lf[slice("dec-h23")] - 0.7) < 1e-12)
        #expect(abs(lf[slice("jul-h17")] - 0.6) < 1e-12)
        for hour in 0 ..< 6 { #expect(abs(lf[slice("aug-h0\(hour)")] - 0.6) < 1e-12) }
        #expect(abs(lf[slice("aug-h06")] - 0.48) < 1e-12)
        // Headroom is least where the load is highest: 1,265 ÷ 1.15 − 1,000 = 100 MW in jul-h23.
        #expect(abs(data.headroomMW(site: 0, year: 0, slice: slice("jul-h23")) - 100) < 1e-9)
        #expect(abs(data.headroomMW(site: 0, year: 0, slice: slice("jul-h17")) - 500) < 1e-9)
        // Zone demand: h09 slices at 3× the rest.
        let demand = data.zones[0].demandTokensPerS[0]
        let base = demand[slice("jan-h00")]
        for (t, s) in data.slices.enumerated() {
            let expected = s.name.hasSuffix("-h09") ? 3 * base : base
            #expect(abs(demand[t] - expected) <= 1e-9 * expected, "\(s.name)")
        }
    }

    /// seasons4x24: jja-h23 holds every June–August 17:00 local, so load factor 1; djf-h23 0.8 (January, February; and
    /// December's 0.7 is below); the zone's peak is in the four h09 slices.
    @Test func seasonsByHoursPeakAt23UTCAtMinusSix() throws {
        let data = HourlyPlan.data(try Self.plan("{preset: seasons4x24}").load())
        let lf = data.sites[0].loadFactor
        let names = data.slices.map(\.name)
        #expect(names[lf.indices.max { lf[$0] < lf[$1] }!] == "jja-h23")
        #expect(lf.filter { $0 == 1 }.count == 1)
        #expect(abs(lf[names.firstIndex(of: "djf-h23")!] - 0.8) < 1e-12)
        #expect(abs(lf[names.firstIndex(of: "mam-h23")!] - 0.8) < 1e-12)
        let demand = data.zones[0].demandTokensPerS[0]
        let peaks = demand.indices.filter { demand[$0] > 1.5 * demand.min()! }.map { names[$0] }
        #expect(peaks == ["djf-h09", "mam-h09", "jja-h09", "son-h09"])
        // The headroom row at jja-h23 is the tightest: 100 MW.
        #expect(abs(data.tightestHeadroomMW(site: 0, year: 0) - data.headroomMW(site: 0, year: 0, slice: names.firstIndex(of: "jja-h23")!)) < 1e-12)
    }

    /// A region at UTC+8 with the same shape peaks in jul-h09 and the zone, now at UTC−6, in the h23 slices: the
    /// offsets, not the shapes, moved the peaks.
    @Test func swappingOffsetsMovesThePeaks() throws {
        let data = HourlyPlan.data(try Self.plan("{preset: months12x24}", regionOffset: 8, zoneOffset: -6).load())
        let lf = data.sites[0].loadFactor, names = data.slices.map(\.name)
        #expect(names[lf.indices.max { lf[$0] < lf[$1] }!] == "jul-h09")
        let demand = data.zones[0].demandTokensPerS[0]
        #expect(Set(demand.indices.filter { demand[$0] > 1.5 * demand.min()! }.map { String(names[$0].suffix(4)) }) == ["-h23"])
    }

    /// Custom slices are UTC cells: `utc23` (23:00 UTC, all months) holds central's peak (load factor 1); `rest` has
    /// at most 0.6 (July's other hours; 31 July 18:00–23:00 local falls on 1 August 00:00–05:00 UTC, also 0.6).
    /// Weights: 365 h and 8,395 h.
    @Test func customSlicesAreUTCCells() throws {
        let months = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"
        let slices = "{slices: [{name: utc23, months: \(months), hours: [23]}, {name: rest, months: \(months), hours: [\((0 ..< 23).map(String.init).joined(separator: ", "))]}]}"
        let data = HourlyPlan.data(try Self.plan(slices).load())
        #expect(data.weightHours == [365, 8395])
        #expect(data.sites[0].loadFactor[0] == 1)
        #expect(abs(data.sites[0].loadFactor[1] - 0.6) < 1e-12)
    }

    /// A half-hour offset (+5.5) splits each local hour over two UTC hours: UTC 11:00–12:00 is local 16:30–17:30, the
    /// mean of local 16:00 (0.6) and 17:00 (1.0), 0.8, and so is UTC 12:00–13:00; scaled to a maximum of 1, July's
    /// jul-h11 and jul-h12 are both 1 and jul-h10 is 0.6 ÷ 0.8 = 0.75.
    @Test func halfHourOffsetSharesThePeakBetweenTwoUTCHours() throws {
        let data = HourlyPlan.data(try Self.plan("{preset: months12x24}", regionOffset: 5.5).load())
        let lf = data.sites[0].loadFactor, names = data.slices.map(\.name)
        #expect(abs(lf[names.firstIndex(of: "jul-h11")!] - 1) < 1e-12 && abs(lf[names.firstIndex(of: "jul-h12")!] - 1) < 1e-12)
        #expect(abs(lf[names.firstIndex(of: "jul-h10")!] - 0.75) < 1e-12)
        #expect(lf.filter { abs($0 - 1) < 1e-12 }.count == 2)
    }

    /// An hourly file in local time (`local_time`, naive stamps) is shifted by the region's offset like a 12 × 24 shape:
    /// at UTC−6 a peak written at 19 Jul 17:00 local (row 199 × 24 + 17 = 4,793) is 19 Jul 23:00 UTC, hour 4,799, and
    /// months12x24 puts it in jul-h23.
    @Test func localTimeCSVIsShiftedByTheRegionsOffset() throws {
        var plan = Self.plan("{preset: months12x24}")
        plan.sites[0].loadShape = "{csv: data/local.csv, source: test, year: 2018}"
        let rows = HourlyCSV.flat(800, except: [4793: 1000]).enumerated().map { index, value in
            "\(HourlyCSV.stamp(ofHour: index).dropLast()),\(value)"   // 2018-07-19T17:00:00, no Z
        }
        plan.files["Regions/data/local.csv"] = HourlyCSV.text(rows, header: "local_time,demand_mw")
        let scenario = try plan.load()
        let load = try #require(scenario.region("central")).loadFactorSeries
        #expect(load.indexOfMaximum == 4799 && HourlySeries.label(ofHour: 4799) == "19 Jul 23:00 UTC")
        #expect(load.provenance.utcOffsetHours == -6)
        let data = HourlyPlan.data(scenario)
        let lf = data.sites[0].loadFactor
        #expect(lf.filter { $0 == 1 }.count == 1 && data.slices[lf.firstIndex(of: 1)!].name == "jul-h23")
    }

    /// A zone with a 12 × 24 shape must say its clock (the error is at the zone); a region must always say its clock.
    @Test func missingOffsetsAreLocatedErrors() throws {
        let zoneless = Self.plan("{preset: annual}")
        var zonePlan = zoneless
        zonePlan.zones[0].utcOffsetHours = nil
        let (_, path) = try zonePlan.write()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        do {
            _ = try PlanLoader.load(planAt: path)
            Issue.record("a zone with a 12 × 24 shape and no utc_offset_hours loaded")
        } catch let error as InputError {
            let diagnostic = try #require(error.errors.first { $0.fieldPath == "zones[z].utc_offset_hours" }, "\(error)")
            #expect(TestSupport.samePath(diagnostic.file, path))
            #expect(diagnostic.line == TestSupport.line(of: "- id: z", in: text), "\(diagnostic)")
        }
        // A flat zone needs no offset.
        var flatZone = zonePlan
        flatZone.zones[0].shape = nil
        #expect(throws: Never.self) { _ = try flatZone.load() }

        let (root, regionPlan) = try zoneless.write()
        let regionPath = (root as NSString).appendingPathComponent("Regions/central.yaml")
        let region = try String(contentsOfFile: regionPath, encoding: .utf8)
        try region.replacingOccurrences(of: "utc_offset_hours: -6.0\n", with: "").write(toFile: regionPath, atomically: true, encoding: .utf8)
        do {
            _ = try PlanLoader.load(planAt: regionPlan)
            Issue.record("a region without utc_offset_hours loaded")
        } catch let error as InputError {
            let diagnostic = try #require(error.errors.first { $0.fieldPath == "utc_offset_hours" }, "\(error)")
            #expect(TestSupport.samePath(diagnostic.file, regionPath), "\(diagnostic)")
        }
    }
}
