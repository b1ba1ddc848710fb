import Foundation
import Testing
@testable import TokenGrid

/// `dispatch.csv`, its size policy and the dispatch section and charts of the reports, on a shipped plan and on a
/// synthetic hourly dispatch whose peak day and typical week are known.
@Suite struct DispatchReportTests {
    /// us-grid-2030 solved once (6 sites, 6 years, 24 slices; every site has capacity in 2030).
    static let report: Report = {
        let scenario = try! PlanLoader.load(planAt: TestSupport.repositoryPath("Plans/us-grid-2030.yaml"))
        let demand = DemandProjection(scenario: scenario)
        return Report(scenario: scenario, demand: demand, result: try! PlacementSolver.solve(PlacementData(scenario: scenario, demand: demand)))
    }()

    static func files(_ report: Report, _ formats: [ReportFormat], _ policy: DispatchPolicy) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try ReportWriter.render(report, formats: formats, dispatch: policy).map { ($0.name, String(decoding: $0.data, as: UTF8.self)) })
    }

    /// A CSV text as rows keyed by the header (no quoted cells in these files).
    static func rows(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func dispatchCSVHasARowPerSiteYearAndSliceAndItsEnergyMatchesSitesCSV() throws {
        let report = Self.report, files = try Self.files(report, [.csv], .automatic)
        let text = try #require(files["dispatch.csv"])
        #expect(text.hasPrefix("site,year,slice,utc_hour,block,weight_h,grid_mw,renewable_mw,tokens_per_s,headroom_mw\n"))
        let rows = Self.rows(text), slices = report.scenario.plan.timeSlices
        #expect(rows.count == report.scenario.regions.count * report.scenario.plan.years.count * slices.count)
        // Slice columns follow the plan's slices; sites and years the result's order.
        for (index, row) in rows.prefix(slices.count).enumerated() {
            #expect(row["slice"] == slices[index].name && row["utc_hour"] == String(slices[index].yearHours[0]) && row["block"] == String(slices[index].block))
        }
        #expect(rows.map { "\($0["site"]!) \($0["year"]!)" }.enumerated().allSatisfy { index, key in
            let site = report.result.sites[index / slices.count]
            return key == "\(site.site) \(site.year)"
        })
        // Σ grid_mw × weight_h per site and year = sites.csv's grid_mwh (and the same for renewables).
        let sites = Self.rows(try #require(files["sites.csv"]))
        let grouped = Dictionary(grouping: rows) { "\($0["site"]!) \($0["year"]!)" }
        for site in sites {
            let slicesOfSite = try #require(grouped["\(site["site"]!) \(site["year"]!)"])
            func energy(_ column: String) -> Double { slicesOfSite.reduce(0) { $0 + Double($1[column]!)! * Double($1["weight_h"]!)! } }
            let gridMWh = Double(site["grid_mwh"]!)!, renewableMWh = Double(site["renewable_mwh"]!)!
            #expect(abs(energy("grid_mw") - gridMWh) <= 1e-9 * max(1, abs(gridMWh)), "\(site["site"]!) \(site["year"]!)")
            #expect(abs(energy("renewable_mw") - renewableMWh) <= 1e-9 * max(1, abs(renewableMWh)), "\(site["site"]!) \(site["year"]!)")
            #expect(slicesOfSite.map { Double($0["grid_mw"]!)! }.max() == Double(site["peak_grid_mw"]!)!)
        }
    }

    @Test func theSizeLimitLeavesDispatchOutUnlessAskedFor() throws {
        let table = Self.report.result.dispatch
        let bytes = DispatchPolicy.estimatedBytes(table)
        #expect(bytes == (table.rowCount + 1) * DispatchPolicy.estimatedBytesPerRow)
        // The estimate is in the right range for this plan's real file.
        let actual = CSVReport.dispatch(table).utf8.count
        #expect(Double(actual) <= Double(bytes) && Double(actual) >= 0.5 * Double(bytes), "estimate \(bytes) B, actual \(actual) B")

        let small = DispatchPolicy.withCSV(maxBytes: bytes - 1), enough = DispatchPolicy.withCSV(maxBytes: bytes)
        #expect(!small.includes(table, formats: [.csv]) && small.leavesOut(table, formats: [.csv]))
        #expect(enough.includes(table, formats: [.csv]) && !enough.leavesOut(table, formats: [.csv]))
        // Without the csv format there is nothing to leave out; `always` (--dispatch) writes it whatever the formats.
        #expect(!DispatchPolicy.automatic.includes(table, formats: [.md, .html]) && !DispatchPolicy.automatic.leavesOut(table, formats: [.md]))
        #expect(DispatchPolicy.always.includes(table, formats: [.md]) && !DispatchPolicy.always.leavesOut(table, formats: [.csv]))
        #expect(DispatchPolicy.automatic == .withCSV(maxBytes: 50_000_000))

        #expect(try Self.files(Self.report, [.csv], small)["dispatch.csv"] == nil)
        #expect(try Self.files(Self.report, [.csv], small)["sites.csv"] != nil)
        #expect(try Self.files(Self.report, [.md], .always).keys.sorted() == ["dispatch.csv", "report.md"])
    }

    @Test func reportsShowTheDispatchOfTheLargestSitesAndAreByteIdentical() throws {
        let report = Self.report
        let first = try Self.files(report, [.md, .html, .csv], .automatic), second = try Self.files(report, [.md, .html, .csv], .automatic)
        #expect(first == second)
        let html = try #require(first["report.html"]), markdown = try #require(first["report.md"])
        #expect(html.contains("<section id=\"dispatch\">"))
        // us-grid-2030: six sites with capacity in 2030, each drawn with its peak day and the four season-days.
        let charted = report.result.sites.filter { $0.year == 2030 && $0.itMWInstalled > 1e-6 }.map(\.site)
        #expect(charted.count == 6)
        for site in charted {
            #expect(html.contains("aria-label=\"\(site): grid draw and renewables against headroom on its peak day"), "\(site)")
            #expect(html.contains("aria-label=\"\(site): grid draw and renewables against headroom, the 4 season-days in order, 2030\""), "\(site)")
        }
        #expect(html.contains("headroom above the chart where dotted"))
        #expect(markdown.contains("## Dispatch") && markdown.contains("| site | in service (MW IT) | peak grid draw (MW) | peak at (slice) |"))
        #expect(markdown.contains("the peak day (the season-day holding its highest grid draw) and the 4 season-days in order."))
        // The reserve margins are said to be at the peak.
        #expect(html.contains("Reserve margin in 2030 at the true peak"))
    }

    @Test func anHourlyDispatchShowsThePeakDayAndTheWeekClosestToTheMean() throws {
        var report = Self.report
        let largest = try #require(report.result.sites.filter { $0.year == 2030 }.max { $0.itMWInstalled < $1.itMWInstalled })
        let slices = TimeSlicePreset.hours.slices
        report.scenario.plan.timeRepresentation = .preset(.hours)
        report.scenario.plan.timeSlices = slices
        // Days 0–99 draw 50 MW, the rest 150 MW, and 20 Jul (day 200) 17:00 UTC 1,000 MW. The year's mean is about
        // 122.7 MW; the week with two 50 MW days (days 98–104) comes closest (121.4 MW).
        var grid = (0 ..< 8760).map { $0 < 100 * 24 ? 50.0 : 150.0 }
        grid[200 * 24 + 17] = 1000
        let row = DispatchTable.SiteYear(site: largest.site, year: 2030, gridMW: grid, renewableMW: Array(repeating: 0, count: 8760),
                                         tokensPerS: Array(repeating: 1e9, count: 8760), headroomMW: Array(repeating: 400, count: 8760))
        report.result.dispatch = DispatchTable(sliceNames: slices.map(\.name), sliceFirstHours: slices.map { $0.yearHours[0] },
                                               sliceWeightHours: slices.map(\.weightHours), sliceBlocks: slices.map(\.block), sites: [row])
        let view = try #require(DispatchView(ReportData(report)))
        let site = try #require(view.sites.first)
        #expect(view.sites.count == 1 && view.charted.count == 1)
        #expect(site.peakSlice == 200 * 24 + 17 && site.peakBlock == 200 && view.label(ofBlock: 200) == "20 Jul")
        #expect(site.stretch == Array(98 ... 104))
        #expect(view.sliceLabel(site.peakSlice) == "20 Jul 17:00 UTC")

        let html = HTMLReport.render(report)
        #expect(html.contains("a typical week (the 7 days whose mean grid draw is closest to the year&#39;s) of 2030: 9 Apr – 15 Apr"))
        #expect(html.contains("peak day of 2030 (20 Jul): the day holding its highest grid draw, 1000 MW at 20 Jul 17:00 UTC"))
        // No renewables used: no renewables area or legend entry in the dispatch charts (the cost chart has its own).
        let start = try #require(html.range(of: "<section id=\"dispatch\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound ..< html.endIndex))
        let dispatch = html[start.lowerBound ..< end.lowerBound]
        #expect(dispatch.contains(">grid draw</text>") && !dispatch.contains(">renewables</text>"))
        let csv = CSVReport.dispatch(report.result.dispatch)
        #expect(csv.split(separator: "\n").count == 8761)
        #expect(csv.contains("\n\(largest.site),2030,d201-h17,4817,200,1,1000,0,1000000000,400\n"))
    }
}
