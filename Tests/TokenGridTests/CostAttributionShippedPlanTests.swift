import Foundation
import Testing
@testable import TokenGrid

/// The global plan asks why Chinese hubs cost more per million tokens than US ones; its report answers from the
/// attribution, in words generated from the numbers (with the re-checked data of issue 12 the two are within a few
/// tenths of a cent, and the words say which drivers push which way).
@Suite struct CostAttributionShippedPlanTests {
    @Test func globalPlanAnswersItsQuestion() throws {
        let scenario = try PlanLoader.load(planAt: TestSupport.repositoryPath("Plans/global-token-race-2030.yaml"))
        let result = try PlacementSolver.solve(scenario)
        let attribution = try #require(result.costAttribution)
        CostAttributionPlanTests.expectConsistent(attribution)
        // By default: the cheapest producing site against the dearest, and the cheaper country against the other.
        let sites = try #require(attribution.comparisons.first { $0.kind == .site })
        let producing = result.sites.filter { $0.year == 2030 && $0.tokens > 0 }
        // (The attribution sums each site's costs itself: equal to the reported figures to rounding.)
        func same(_ a: Double, _ b: Double?) -> Bool { b.map { abs(a - $0) <= 1e-12 * max(1, abs($0)) } ?? false }
        #expect(same(sites.from.costUSDPerMTok, producing.map(\.costUSDPerMTok).min()) && same(sites.to.costUSDPerMTok, producing.map(\.costUSDPerMTok).max()))
        let countries = try #require(attribution.comparisons.first { $0.kind == .country })
        #expect(Set([countries.from.name, countries.to.name]) == ["CN", "US"] && countries.from.costUSDPerMTok <= countries.to.costUSDPerMTok)
        #expect(Set(countries.from.sites + countries.to.sites) == Set(producing.map(\.site)))

        let report = Report(scenario: scenario, demand: DemandProjection(scenario: scenario), result: result)
        let data = ReportData(report)
        let text = CostAttributionText(comparison: countries, year: 2030, data: data)
        let paragraph = text.explanation
        #expect(MarkdownReport.render(report).contains(paragraph))
        #expect(paragraph.hasPrefix("In 2030 a million tokens cost \(text.usd(countries.to.costUSDPerMTok)) at the \(countries.to.name) sites against \(text.usd(countries.from.costUSDPerMTok)) at the \(countries.from.name) sites"))
        // The driver with the largest share of the reported gap, in the gap's direction, comes first with its amount (a
        // larger one may work the other way when the gap is small); power's share is stated.
        let sign: Double = countries.to.costUSDPerMTok - countries.from.costUSDPerMTok >= 0 ? 1 : -1
        let largest = try #require(countries.contributions.filter { $0.driver != .gridTightness && sign * $0.usdPerMTok > 0 }.max { abs($0.usdPerMTok) < abs($1.usdPerMTok) })
        #expect(paragraph.contains("comes from \(text.described(largest))"))
        #expect(paragraph.contains("Power (its price, its carbon and PUE together) "))
    }
}
