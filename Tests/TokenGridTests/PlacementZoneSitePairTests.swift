import Foundation
import Testing
@testable import TokenGrid

/// Network cost and latency per zone–site pair, solved by hand. Two sites with the same economics as `cheap`
/// (`PlacementFixture`) and firm capacity to spare lie on the equator 10° and 20° east of the zone at (0, 0):
/// 1,111.95 and 2,223.90 km great-circle (6,371 km × 10° and 20° in radians), 1,667.92 and 3,335.85 km of route at the
/// default route factor 1.5, so 16.68 and 33.36 ms round trip at 200 km/ms.
@Suite struct PlacementZoneSitePairTests {
    static let routeKM = (near: 6371 * 10 * Double.pi / 180 * 1.5, far: 6371 * 20 * Double.pi / 180 * 1.5)
    /// $1,438,000 per MW-year over 31.536e6 million tokens.
    static let computeUSDPerMTok = PlacementHandDerivedTests.cheapCostPerMWYear / 31.536e6

    static func fixture(servedBy: String? = nil, zone: String = "") -> PlacementFixture {
        var fixture = PlacementFixture(sites: [
            .init(id: "near", firmMW: 1e6, location: (lat: 0, lon: 10)),
            .init(id: "far", firmMW: 1e6, location: (lat: 0, lon: 20)),
        ])
        fixture.servedBy = servedBy
        fixture.zoneYAML = "    location: {lat: 0, lon: 0}\n    network_cost_usd_per_mtok: 0.01\n"
            + "    network_cost_usd_per_mtok_per_1000_km: {value: 0.01, assumption: true, reason: test}\n" + zone
        return fixture
    }

    /// The distance part makes the near site cheaper: all 150 Mtok/s go there, and its cost per million tokens carries
    /// 0.01 + 0.01 × 1.66792 = $0.0266792 of network.
    @Test func networkCostGrowsWithRouteLength() throws {
        let model = try Self.fixture().model()
        let near = 0.01 + 0.01 * Self.routeKM.near / 1000, far = 0.01 + 0.01 * Self.routeKM.far / 1000
        #expect(abs(model.data.networkCostUSDPerMTok(zone: 0, site: 0) - near) < 1e-12)
        #expect(abs(model.data.networkCostUSDPerMTok(zone: 0, site: 1) - far) < 1e-12)
        let zone = model.data.zones[0].zone
        #expect(abs(zone.latencyMS(to: model.data.sites[0].region)! - Self.routeKM.near / 100) < 1e-9)
        let result = try PlacementSolver.solve(model.data)
        #expect(abs(result.site("near").itMWInstalled - 150) < 1e-6)
        #expect(result.site("far").tokens == 0)
        #expect(abs(result.site("near").costUSDPerMTok - (Self.computeUSDPerMTok + near)) < 1e-9)
        #expect(abs(result.site("near").costUSDPerMTokBreakdown.network - near) < 1e-12)
        // The demand dual: serving one more million tokens costs the near site's full cost.
        #expect(abs(result.zone().marginalUSDPerMTok - (Self.computeUSDPerMTok + near)) < 1e-9)
    }

    /// A pair's own cost replaces the fixed and distance parts: at $0.001 the far site wins everything.
    @Test func aPairCostOverridesTheEstimate() throws {
        let fixture = Self.fixture(zone: "    pairs:\n      - {site: far, network_cost_usd_per_mtok: {value: 0.001, source: test, year: 2025}}\n")
        let result = try fixture.solve()
        #expect(abs(result.site("far").itMWInstalled - 150) < 1e-6)
        #expect(abs(result.site("far").costUSDPerMTok - (Self.computeUSDPerMTok + 0.001)) < 1e-9)
    }

    /// `max_latency_ms` with a site list keeps the listed sites within the limit: at 20 ms only `near` (16.68 ms) may
    /// serve; a pair's own latency of 10 ms lets `far` in again, and it then wins on a cheaper pair cost.
    @Test func maxLatencyIsHonouredWithPairLatencies() throws {
        let limited = try Self.fixture(servedBy: "{sites: [near, far], max_latency_ms: 20}").model()
        #expect(limited.data.zones[0].siteIndices == [0])
        let pairs = "    pairs:\n      - {site: far, latency_ms: {value: 10, source: test, year: 2025}, network_cost_usd_per_mtok: {value: 0.001, source: test, year: 2025}}\n"
        let fixture = Self.fixture(servedBy: "{sites: [near, far], max_latency_ms: 20}", zone: pairs)
        let model = try fixture.model()
        #expect(model.data.zones[0].siteIndices == [0, 1])
        let result = try PlacementSolver.solve(model.data)
        #expect(abs(result.site("far").itMWInstalled - 150) < 1e-6)
        // The latency-only form keeps every plan region within the limit.
        #expect(try Self.fixture(servedBy: "{max_latency_ms: 20}").model().data.zones[0].siteIndices == [0])
    }

    /// A forbidden pair takes the site out of the zone's reach; the results carry a note with the rule.
    @Test func aForbiddenPairIsNotServedAndIsNoted() throws {
        let fixture = Self.fixture(zone: "    pairs:\n      - {site: near, forbidden: true, reason: \"data residency: test rule\"}\n")
        let result = try fixture.solve()
        #expect(abs(result.site("far").itMWInstalled - 150) < 1e-6)
        #expect(result.site("near").tokens == 0)
        #expect(result.notes.contains("z may not be served from near: data residency: test rule"), "\(result.notes)")
    }

    @Test func yearRangesJoinConsecutiveYears() {
        #expect(PlacementModel.yearRanges([2030, 2027, 2028, 2025]) == "2025, 2027–2028, 2030")
        #expect(PlacementModel.yearRanges([2026]) == "2026")
    }
}

/// Errors in a zone's pairs and network fields: file, line, column, field path and what was expected.
@Suite("Validation: zone–site pairs")
struct ValidationZonePairTests {
    typealias Fix = InputFixtures
    static let anchor = "    network_cost_usd_per_mtok: 0.01"

    static func error(adding lines: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (InputWorkspace, InputError, String) {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited(anchor, anchor + "\n" + lines)
        return (workspace, try workspace.loadError(plan: plan, sourceLocation: sourceLocation), plan)
    }

    @Test func unknownSiteInAPair() throws {
        let (workspace, error, plan) = try Self.error(adding: "    pairs:\n      - {site: gamma, latency_ms: {value: 10, source: t, year: 2025}}")
        expectError(error, fieldPath: "zones[z].pairs[0].site", file: workspace.planPath, line: TestSupport.line(of: "gamma", in: plan),
                    column: TestSupport.column(of: "gamma", in: plan), containing: ["unknown site 'gamma'", "alpha, beta"])
    }

    @Test func forbiddenPairNeedsAReasonAndNoCost() throws {
        let (workspace, error, plan) = try Self.error(adding: "    pairs:\n      - {site: alpha, forbidden: true}\n      - {site: beta, forbidden: true, reason: r, latency_ms: {value: 9, source: t, year: 2025}}")
        expectError(error, fieldPath: "zones[z].pairs[0].reason", file: workspace.planPath, line: TestSupport.line(of: "site: alpha", in: plan),
                    containing: ["missing required reason", "shown in the report"])
        expectError(error, fieldPath: "zones[z].pairs[1].forbidden", file: workspace.planPath, line: TestSupport.line(of: "site: beta", in: plan),
                    column: TestSupport.column(of: "true, reason", in: plan), containing: ["a forbidden pair carries no network cost or latency"])
    }

    @Test func aPairWithNothingToSayAndATwiceListedSite() throws {
        let (workspace, error, plan) = try Self.error(adding: "    pairs:\n      - {site: alpha}\n      - {site: beta, forbidden: true, reason: r}\n      - {site: beta, forbidden: true, reason: s}")
        expectError(error, fieldPath: "zones[z].pairs[0]", file: workspace.planPath, line: TestSupport.line(of: "{site: alpha}", in: plan),
                    containing: ["needs network_cost_usd_per_mtok, latency_ms or forbidden: true"])
        expectError(error, fieldPath: "zones[z].pairs[2].site", file: workspace.planPath, line: TestSupport.line(of: "reason: s", in: plan),
                    containing: ["site 'beta' has a pair already"])
    }

    @Test func everySiteForbidden() throws {
        let (workspace, error, plan) = try Self.error(adding: "    pairs:\n      - {site: alpha, forbidden: true, reason: r}\n      - {site: beta, forbidden: true, reason: r}")
        expectError(error, fieldPath: "zones[z].served_by.sites", file: workspace.planPath, line: TestSupport.line(of: "served_by", in: plan),
                    containing: ["every listed site is forbidden"])
    }

    @Test func distanceCostNeedsALocationAndRouteFactorHasItsRange() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("    location: {lat: 40.5, lon: -99.5}\n", "")
            .edited(Self.anchor, Self.anchor + "\n    network_cost_usd_per_mtok_per_1000_km: {value: 0.01, source: t, year: 2025}\n    route_factor: {value: 0.5, source: t, year: 2025}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].location", file: workspace.planPath, line: TestSupport.line(of: "- id: z", in: plan),
                    containing: ["missing required location", "network_cost_usd_per_mtok_per_1000_km needs it"])
        expectError(error, fieldPath: "zones[z].route_factor.value", file: workspace.planPath, line: TestSupport.line(of: "route_factor", in: plan),
                    column: TestSupport.column(of: "0.5, source", in: plan), containing: ["route km per great-circle km"])
    }

    /// The new keys may be set by an override though the file leaves them out; a pairs value that is not a list is one error.
    @Test func pairsAndRouteFactorSetOnTheCommandLine() throws {
        let workspace = try InputWorkspace()
        let scenario = try workspace.load(sets: ["zones.z.route_factor=2", "zones.z.pairs=[{site: beta, forbidden: true, reason: r}]"])
        let zone = scenario.plan.zones[0]
        #expect(zone.routeFactor.value == 2 && zone.pairs.map(\.site) == ["beta"])
        #expect(scenario.sites(serving: zone).map(\.id) == ["alpha"])
        let error = try workspace.loadError(sets: ["zones.z.pairs=x"])
        #expect(error.errors(at: "zones[z].pairs").count == 1 && error.errors.count == 1, "\(error)")
    }

    /// Sites and a latency limit together: the listed sites within the limit (alpha at ~1 ms, beta at ~9.3 ms).
    @Test func sitesAndLatencyTogether() throws {
        let workspace = try InputWorkspace()
        let scenario = try workspace.load(plan: Fix.plan.edited("served_by: {sites: [alpha, beta]}", "served_by: {sites: [alpha, beta], max_latency_ms: 5}"))
        #expect(scenario.sites(serving: scenario.plan.zones[0]).map(\.id) == ["alpha"])
        let plan = Fix.plan.edited("served_by: {sites: [alpha, beta]}", "served_by: {sites: [beta], max_latency_ms: 5}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].served_by.max_latency_ms", file: workspace.planPath, line: TestSupport.line(of: "served_by", in: plan),
                    column: TestSupport.column(of: "max_latency_ms: 5}", in: plan).map { $0 + 16 },
                    containing: ["no site lies within 5 ms", "the nearest is beta at 9 ms"])
    }
}
