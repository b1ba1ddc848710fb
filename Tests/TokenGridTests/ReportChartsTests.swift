import Foundation
import Testing
@testable import TokenGrid

/// The map and the trend charts: where the window lies, what the SVG holds.
@Suite("Report charts") struct ReportChartsTests {
    typealias Point = WorldOutlines.Point

    /// US and Chinese sites are drawn across the Pacific (the short way round), not across Europe.
    @Test func aUSChinaMapSpansThePacific() {
        let projection = MapProjection(points: [Point(lon: 121.5, lat: 31.2), Point(lon: -122.4, lat: 37.8), Point(lon: -74, lat: 40.7)], width: 860)
        #expect(projection.west < 121.5 && projection.west > 90)
        #expect(projection.east > 180 + 74 && projection.east < 360)
        let shanghai = projection.position(Point(lon: 121.5, lat: 31.2)), newYork = projection.position(Point(lon: -74, lat: 40.7))
        #expect(shanghai.x < newYork.x && newYork.x < 860)
    }

    /// One site still gets a window of at least 30° × 20°, centred on it.
    @Test func oneSiteGetsSomeContext() {
        let projection = MapProjection(points: [Point(lon: 10, lat: 50)], width: 860)
        #expect(projection.east - projection.west >= 30 && projection.north - projection.south >= 20)
        let p = projection.position(Point(lon: 10, lat: 50))
        #expect(abs(p.x - 430) < 1)
    }

    @Test func outlinesDecodeAndCoverTheWindow() {
        #expect(WorldOutlines.rings.count > 200)
        #expect(WorldOutlines.rings.allSatisfy { ring in ring.allSatisfy { abs($0.lon) <= 180.5 && abs($0.lat) <= 90 } })
        let projection = MapProjection(points: [Point(lon: -97, lat: 33), Point(lon: -77, lat: 39)], width: 860)
        #expect(!projection.outlines().isEmpty)
    }

    /// A report's HTML holds the map (clipped outlines, a circle per site, a line per serving flow) and the three trends.
    @Test func theReportDrawsTheMapAndTheTrends() throws {
        let scenario = try PlacementShippedPlansTests.load("quickstart")
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        let report = Report(scenario: scenario, demand: data.demand, result: try PlacementSolver.solve(data))
        let html = HTMLReport.render(report)
        let start = try #require(html.range(of: "aria-label=\"Map of the sites")).lowerBound
        let end = try #require(html.range(of: "</svg>", range: start ..< html.endIndex)).upperBound
        let svg = String(html[start ..< end])
        #expect(svg.contains("<clipPath id=\"map-clip\">") && svg.contains("<path d=\"M") && svg.contains("clip-path=\"url(#map-clip)\""))
        #expect(svg.components(separatedBy: "<circle").count - 1 >= scenario.regions.count)
        let flows = report.result.zones.filter { $0.year == 2030 }.flatMap(\.servedBy).count
        #expect(svg.components(separatedBy: "tokens in 2030 (").count - 1 == flows)
        #expect(svg.contains("Natural Earth"))
        for label in ["Cost per million tokens over all sites by component and year", "Marginal cost per zone and year", "Grid emissions by site and year"] {
            #expect(html.contains("aria-label=\"\(label)"), "\(label)")
        }
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("## Map") && markdown.contains("### Serving flows in 2030") && markdown.contains("### All sites, year by year"))
        #expect(!markdown.contains("<svg"))
    }
}
