import Foundation
import Testing
@testable import TokenGrid

/// A plan's `cost_attribution`: what it reads, and each mistake named at its file, line, column and field path.
@Suite struct CostAttributionValidationTests {
    /// The fixture plan (regions alpha and beta, both in US, years 2025–2027) with `cost_attribution: <value>` added.
    static func plan(_ value: String) -> String { InputFixtures.plan + "cost_attribution: \(value)\n" }

    static func expectOneError(_ value: String, at path: String, near needle: String, containing fragments: [String],
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let workspace = try InputWorkspace()
        let text = plan(value)
        let error = try workspace.loadError(plan: text, sourceLocation: sourceLocation)
        let line = TestSupport.line(of: "cost_attribution:", in: text)
        let column = try #require(text.split(separator: "\n").last?.range(of: needle)).lowerBound.utf16Offset(in: text.split(separator: "\n").last!) + 1
        expectError(error, fieldPath: path, file: workspace.planPath, line: line, column: column, containing: fragments, sourceLocation: sourceLocation)
        #expect(error.errors.count == 1, "\(error)", sourceLocation: sourceLocation)
    }

    @Test func readsPairsAndYear() throws {
        let scenario = try InputWorkspace().load(plan: Self.plan("{year: 2026, sites: [[beta, alpha]], countries: []}"))
        #expect(scenario.plan.costAttribution == CostAttributionRequest(year: 2026, sitePairs: [["beta", "alpha"]], countryPairs: []))
        #expect(try InputWorkspace().load().plan.costAttribution == nil)
    }

    /// `--set cost_attribution={…}` adds the section to a plan that leaves it out.
    @Test func setFromTheCommandLine() throws {
        let scenario = try InputWorkspace().load(sets: ["cost_attribution={sites: [[alpha, beta]]}"])
        #expect(scenario.plan.costAttribution == CostAttributionRequest(sitePairs: [["alpha", "beta"]]))
    }

    @Test func unknownSite() throws {
        try Self.expectOneError("{sites: [[alpha, gamma]]}", at: "cost_attribution.sites[0][1]", near: "gamma",
                                containing: ["unknown site 'gamma'", "expected one of the plan's regions"])
    }

    @Test func notAPair() throws {
        try Self.expectOneError("{sites: [[alpha, beta, alpha]]}", at: "cost_attribution.sites[0]", near: "[alpha, beta",
                                containing: ["expected a pair [from, to] of two site names, found 3"])
    }

    @Test func aSiteWithItself() throws {
        try Self.expectOneError("{sites: [[alpha, alpha]]}", at: "cost_attribution.sites[0]", near: "[alpha, alpha",
                                containing: ["compares 'alpha' with itself"])
    }

    @Test func countryCodeFormat() throws {
        try Self.expectOneError("{countries: [[us, US]]}", at: "cost_attribution.countries[0][0]", near: "us,",
                                containing: ["'us' is not an ISO 3166 alpha-2 code"])
    }

    @Test func countryWithoutRegions() throws {
        try Self.expectOneError("{countries: [[US, CN]]}", at: "cost_attribution.countries[0][1]", near: "CN",
                                containing: ["no region of the plan lies in 'CN'", "the plan's countries are US"])
    }

    @Test func yearOutsideThePlan() throws {
        try Self.expectOneError("{year: 2031}", at: "cost_attribution.year", near: "2031", containing: ["2025", "2027"])
    }

    @Test func unknownKeySuggestsTheNearest() throws {
        try Self.expectOneError("{site: [[alpha, beta]]}", at: "cost_attribution.site", near: "site", containing: ["(did you mean 'sites'?)"])
    }
}
