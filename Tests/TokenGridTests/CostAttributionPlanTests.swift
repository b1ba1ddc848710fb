import Foundation
import Testing
@testable import TokenGrid

/// The cost attribution of a solved plan (``CostAttributionFixture``, whose costs are worked out in its comment):
/// every site's drivers give back its reported cost, the shares add up to the gap, and the numbers are the hand-derived ones.
@Suite struct CostAttributionPlanTests {
    static let mtokPerMWYear = 31.536e6
    static let alphaCost = (2.1e6 + 1.0 * 8760 * 55) / mtokPerMWYear + 0.02
    static let gammaCost = (2.1e6 + 1.2 * 8760 * 42) / mtokPerMWYear + 0.02
    static let betaCost = (1.6e6 + 1.5 * 8760 * 28) / (mtokPerMWYear / 2) + 0.02

    static func side(_ result: PlacementResult, _ site: String) throws -> CostComparison.Side {
        let attribution = try #require(result.costAttribution)
        let sides = attribution.comparisons.flatMap { [$0.from, $0.to] }
        return try #require(sides.first { $0.name == site })
    }

    /// Every comparison: c of each side's drivers is its reported cost plus its grid scarcity, and the shares add up to
    /// c(to) − c(from), the nine other than grid tightness to the reported gap.
    static func expectConsistent(_ attribution: CostAttribution, sourceLocation: SourceLocation = #_sourceLocation) {
        for comparison in attribution.comparisons {
            for side in [comparison.from, comparison.to] {
                #expect(TestSupport.close(side.drivers.reportedUSDPerMTok, side.costUSDPerMTok, relative: 1e-12), sourceLocation: sourceLocation)
                #expect(TestSupport.close(side.drivers.costUSDPerMTok, side.costUSDPerMTok + side.gridScarcityUSDPerMTok, relative: 1e-12),
                        sourceLocation: sourceLocation)
            }
            let total = comparison.contributions.reduce(0) { $0 + $1.usdPerMTok }
            let scale = comparison.from.drivers.costUSDPerMTok + comparison.to.drivers.costUSDPerMTok
            #expect(abs(total - comparison.gapUSDPerMTok) <= 1e-12 * scale, sourceLocation: sourceLocation)
            let reported = comparison.contributions.filter { $0.driver != .gridTightness }.reduce(0) { $0 + $1.usdPerMTok }
            #expect(abs(reported - (comparison.to.costUSDPerMTok - comparison.from.costUSDPerMTok)) <= 1e-12 * scale, sourceLocation: sourceLocation)
        }
    }

    @Test func driversAndDefaultsFromTheSolvedPlan() throws {
        let (_, result) = try CostAttributionFixture().solve()
        let attribution = try #require(result.costAttribution)
        #expect(attribution.year == 2025 && attribution.skipped.isEmpty)
        // Defaults: the cheapest producing site (gamma) against the dearest (beta); the cheaper country (AA) against BB.
        #expect(attribution.comparisons.map { "\($0.kind.rawValue) \($0.from.name)→\($0.to.name)" } == ["site gamma→beta", "country AA→BB"])
        Self.expectConsistent(attribution)

        let alpha = try Self.side(result, "AA"), beta = try Self.side(result, "beta"), gamma = try Self.side(result, "gamma")
        #expect(TestSupport.close(alpha.costUSDPerMTok, Self.alphaCost, relative: 1e-9))
        #expect(TestSupport.close(beta.costUSDPerMTok, Self.betaCost, relative: 1e-9))
        #expect(TestSupport.close(gamma.costUSDPerMTok, Self.gammaCost, relative: 1e-9))
        let expected = [
            (alpha.drivers, [Self.mtokPerMWYear, 8760, 1e6, 1e6, 1e5, 50, 1.0, 5, 0, 1, 0, 0.02]),
            (beta.drivers, [Self.mtokPerMWYear / 2, 8760, 0.5e6, 1e6, 1e5, 20, 1.5, 8, 0, 1, 0, 0.02]),
            (gamma.drivers, [Self.mtokPerMWYear, 8760, 1e6, 1e6, 1e5, 40, 1.2, 2, 0, 1, 0, 0.02]),
        ]
        for (drivers, values) in expected {
            let actual = [drivers.mtokPerMWYear, drivers.itMWhPerMWYear, drivers.acceleratorUSDPerMWYear, drivers.facilityUSDPerMWYear,
                          drivers.fixedOMUSDPerMWYear, drivers.powerPriceUSDPerMWh, drivers.pue, drivers.carbonUSDPerMWh,
                          drivers.gridScarcityUSDPerMWYear, drivers.gridShare, drivers.ownSupplyUSDPerMWYear, drivers.networkUSDPerMTok]
            for (a, e) in zip(actual, values) { #expect(abs(a - e) <= 1e-9 * max(1, abs(e)), "\(actual) ≠ \(values)") }
        }
        #expect(beta.designs == ["slow"] && TestSupport.close(beta.designMTokPerMWYear, Self.mtokPerMWYear / 2, relative: 1e-12))

        // BB pools beta and gamma, which produce the same tokens (50 Mtok/s each): its cost is their mean.
        let country = try Self.side(result, "BB")
        #expect(country.sites == ["beta", "gamma"])
        #expect(TestSupport.close(country.costUSDPerMTok, (Self.betaCost + Self.gammaCost) / 2, relative: 1e-9))
        // Pooled drivers weigh each site by what the driver multiplies: PUE by IT energy (876,000 MWh at 1.5, 438,000 at
        // 1.2), throughput by IT MW (3.1536e9 Mtok from 150 MW).
        #expect(TestSupport.close(country.drivers.pue, 1.4, relative: 1e-9))
        #expect(TestSupport.close(country.drivers.mtokPerMWYear, 2 * Self.mtokPerMWYear / 3, relative: 1e-9))
    }

    /// alpha → gamma differ only in the energy term PUE × (p + q) × E ÷ T with E ÷ T = 1/3600 MWh per Mtok: the shares
    /// are ΔPUE × mean(p + q) = 0.2 × 48.5, Δp × mean(PUE) = −10 × 1.1 and Δq × mean(PUE) = −3 × 1.1, each ÷ 3600.
    @Test func aStatedPairSplitsTheEnergyTermByHand() throws {
        var fixture = CostAttributionFixture()
        fixture.attribution = "{sites: [[alpha, gamma]], countries: []}"
        let (_, result) = try fixture.solve()
        let attribution = try #require(result.costAttribution)
        #expect(attribution.comparisons.count == 1)
        let comparison = attribution.comparisons[0]
        #expect(comparison.from.name == "alpha" && comparison.to.name == "gamma")
        #expect(abs(comparison.contribution(of: .pue) - 9.7 / 3600) < 1e-12)
        #expect(abs(comparison.contribution(of: .powerPrice) - -11.0 / 3600) < 1e-12)
        #expect(abs(comparison.contribution(of: .carbon) - -3.3 / 3600) < 1e-12)
        for driver in CostDriver.allCases where ![.pue, .powerPrice, .carbon].contains(driver) {
            #expect(abs(comparison.contribution(of: driver)) < 1e-12, "\(driver)")
        }
        #expect(abs(comparison.gapUSDPerMTok - (Self.gammaCost - Self.alphaCost)) < 1e-12)
        Self.expectConsistent(attribution)
    }

    /// gamma → beta differ in five drivers; the subset formula gives the mean over all 120 orders of swapping them.
    @Test func subsetsMatchEveryOrderOnTheSolvedPlan() throws {
        let (_, result) = try CostAttributionFixture().solve()
        let comparison = try #require(result.costAttribution?.comparisons.first)
        let a = comparison.from.drivers, b = comparison.to.drivers
        let players: [CostDriver] = [.throughput, .acceleratorPrice, .powerPrice, .pue, .carbon]
        var byOrder = [CostDriver: Double]()
        let orders = CostAttributionHandDerivedTests.permutations(Array(players.indices))
        for order in orders {
            var mixed = a
            for i in order {
                let next = mixed.replacing(players[i], from: b)
                byOrder[players[i], default: 0] += (next.reportedUSDPerMTok - mixed.reportedUSDPerMTok) / Double(orders.count)
                mixed = next
            }
        }
        for driver in players { #expect(abs(comparison.contribution(of: driver) - byOrder[driver]!) < 1e-14, "\(driver)") }
        // Slower accelerators raise beta's cost; cheaper ones and cheaper power lower it.
        #expect(comparison.contribution(of: .throughput) > 0 && comparison.contribution(of: .acceleratorPrice) < 0 && comparison.contribution(of: .powerPrice) < 0)
    }

    /// alpha's headroom binds at 80 MW (firm 1,242 MW ÷ 1.15 − 1,000 MW peak), so beta serves the tokens alpha cannot:
    /// one more MW of headroom at alpha saves beta's cost less alpha's per MW-year, and charged on alpha's 80 MW draw that
    /// scarcity is (beta's cost − alpha's cost) per million tokens, network aside. With it alpha costs what beta does.
    @Test func gridTightnessWhereHeadroomBinds() throws {
        var fixture = CostAttributionFixture()
        fixture.sites[0].firmMW = 1242
        fixture.attribution = "{sites: [[alpha, beta]]}"
        let (_, result) = try fixture.solve()
        let attribution = try #require(result.costAttribution)
        Self.expectConsistent(attribution)
        let comparison = try #require(attribution.comparisons.first { $0.kind == .site })
        #expect(TestSupport.close(result.headroomValue("alpha").dualUSDPerMWYear, (2 * 1_967_920 - 2_581_800) / 1.15, relative: 1e-9))
        #expect(TestSupport.close(comparison.from.gridScarcityUSDPerMTok, Self.betaCost - Self.alphaCost, relative: 1e-9))
        #expect(TestSupport.close(comparison.from.drivers.costUSDPerMTok, Self.betaCost, relative: 1e-9))
        #expect(comparison.to.gridScarcityUSDPerMTok == 0)
        #expect(abs(comparison.gapUSDPerMTok) < 1e-12)
        #expect(TestSupport.close(comparison.contribution(of: .gridTightness), -(Self.betaCost - Self.alphaCost), relative: 1e-9))
        // The countries: AA (alpha) is now dearer with its scarcity, but cheaper in reported cost, so it still comes first.
        #expect(attribution.comparisons.contains { $0.kind == .country && $0.from.name == "AA" })
    }

    @Test func nothingToCompareLeavesTheResultAndItsJSONAsBefore() throws {
        var fixture = CostAttributionFixture()
        fixture.sites = [fixture.sites[1]]
        let (scenario, result) = try fixture.solve()
        #expect(result.costAttribution == nil)
        let report = Report(scenario: scenario, demand: DemandProjection(scenario: scenario), result: result)
        #expect(!String(decoding: try JSONReport.render(report), as: UTF8.self).contains("cost_attribution"))
        #expect(!MarkdownReport.render(report).contains("Why a token costs"))
    }

    @Test func aPairWithoutTokensIsSkippedAndSaidSo() throws {
        var fixture = CostAttributionFixture()
        fixture.demandMTokPerS = 100   // gamma and alpha suffice; beta stays idle
        fixture.attribution = "{sites: [[gamma, beta]], countries: [[AA, BB]]}"
        let (_, result) = try fixture.solve()
        let attribution = try #require(result.costAttribution)
        #expect(attribution.skipped == ["gamma → beta: beta produced no tokens in 2025"])
        #expect(attribution.comparisons.map(\.to.sites) == [["gamma"]])
    }

    @Test func reportSectionExplainsTheGapInWordsTableAndChart() throws {
        let (scenario, result) = try CostAttributionFixture().solve()
        let report = Report(scenario: scenario, demand: DemandProjection(scenario: scenario), result: result)
        let markdown = MarkdownReport.render(report)
        let section = try #require(markdown.components(separatedBy: "## Why a token costs what it costs").last?.components(separatedBy: "\n## ").first)
        let comparison = try #require(result.costAttribution?.comparisons.first)
        let throughput = comparison.contribution(of: .throughput)
        #expect(section.contains("### gamma → beta, 2025"))
        #expect(section.contains("In 2025 a million tokens cost $\(ReportCell.usdPerMTokText(Self.betaCost)) at beta against $\(ReportCell.usdPerMTokText(Self.gammaCost)) at gamma"))
        // The largest share comes first in the words, with its amount and the accelerators behind it.
        #expect(section.contains("Most of the gap comes from accelerator throughput per MW (adds $\(ReportCell.usdPerMTokText(throughput)): 15.77 T tokens per MW-year at beta against 31.54 T at gamma: Slow accelerator at 100.0% of full power against Fast accelerator at 100.0%)"))
        #expect(section.contains("### AA sites → BB sites, 2025"))
        #expect(section.contains("| accelerator throughput per MW | tokens/MW-yr (utilisation) | 31.54 T (100.0%) | 15.77 T (100.0%) |"))
        let html = HTMLReport.render(report)
        #expect(html.contains("aria-label=\"Why a token costs what it costs: gamma → beta, 2025\""))
        #expect(html.contains(">+$\(ReportCell.usdPerMTokText(throughput))</text>"))
    }
}
