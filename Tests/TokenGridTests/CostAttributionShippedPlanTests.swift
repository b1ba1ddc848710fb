import Foundation
import Testing
@testable import TokenGrid

/// The global plan asks why Chinese hubs cost more per million tokens than US ones; its report answers from the
/// attribution, in words generated from the numbers.
@Suite struct CostAttributionShippedPlanTests {
    @Test func globalPlanAnswersItsQuestion() throws {
        let scenario = try PlanLoader.load(planAt: TestSupport.repositoryPath("Plans/global-token-race-2030.yaml"))
        let result = try PlacementSolver.solve(scenario)
        let attribution = try #require(result.costAttribution)
        CostAttributionPlanTests.expectConsistent(attribution)
        // By default: the cheapest producing site against the dearest, and the cheaper country against the other.
        let sites = try #require(attribution.comparisons.first { $0.kind == .site })
        let producing = result.sites.filter { $0.year == 2030 && $0.tokens > 0 }
        #expect(sites.from.costUSDPerMTok == producing.map(\.costUSDPerMTok).min() && sites.to.costUSDPerMTok == producing.map(\.costUSDPerMTok).max())
        let countries = try #require(attribution.comparisons.first { $0.kind == .country })
        #expect(Set([countries.from.name, countries.to.name]) == ["CN", "US"] && countries.from.costUSDPerMTok <= countries.to.costUSDPerMTok)
        #expect(Set(countries.from.sites + countries.to.sites) == Set(producing.map(\.site)))

        let report = Report(scenario: scenario, demand: DemandProjection(scenario: scenario), result: result)
        let data = ReportData(report)
        let text = CostAttributionText(comparison: countries, year: 2030, data: data)
        let paragraph = text.explanation
        #expect(MarkdownReport.render(report).contains(paragraph))
        #expect(paragraph.hasPrefix("In 2030 a million tokens cost \(text.usd(countries.to.costUSDPerMTok)) at the \(countries.to.name) sites against \(text.usd(countries.from.costUSDPerMTok)) at the \(countries.from.name) sites"))
        // The driver with the largest share of the reported gap comes first, with its amount; power's share is stated.
        let largest = try #require(countries.contributions.filter { $0.driver != .gridTightness }.max { abs($0.usdPerMTok) < abs($1.usdPerMTok) })
        #expect(paragraph.contains("comes from \(text.described(largest))"))
        #expect(paragraph.contains("Power (its price, its carbon and PUE together) "))
    }
}
