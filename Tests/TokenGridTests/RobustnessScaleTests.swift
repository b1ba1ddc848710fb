import Foundation
import Testing
@testable import TokenGrid

/// Long lists: every uniqueness and lookup check is linear (sets and dictionaries, not `contains` in a loop), messages
/// list a bounded number of names, and the log keeps a bounded number of diagnostics. 20,000 of everything loads in
/// about a second in a debug build (the checks were quadratic: 20,000 designs took minutes).
@Suite("Robustness: long lists")
struct RobustnessScaleTests {
    typealias Fix = InputFixtures
    static let count = 20_000

    /// One design in flow style with bare numbers (each gives a "no source" warning: the log keeps the first 1,000).
    static func design(_ id: String) -> String {
        "  - {id: \(id), accelerator: a, power_w_per_accelerator: 1000, accelerator_price_usd: 30000, facility_capex_usd_per_mw: 1e7, "
            + "lifetime_years: 5, fixed_om_usd_per_mw_year: 1e6, idle_power_fraction: 0.3, max_utilisation: 0.8, peak_tflops: 1000, "
            + "prefill_utilisation: 0.5, decode_utilisation: 0.1}"
    }

    /// 20,000 designs and one more repeating the first id; alpha hosts all 20,000, one of them twice, and one unknown:
    /// the duplicate is found in both files and the unknown design is named once, with a bounded list of the known.
    @Test func twentyThousandDesigns() throws {
        let catalogue = "designs:\n" + (0 ... Self.count).map { Self.design("d\($0 % Self.count)") }.joined(separator: "\n") + "\n"
        let hosted = (0 ... Self.count).map { "  - {design: d\($0 % Self.count)}" }.joined(separator: "\n")
        let region = Fix.region("alpha").edited("  - {design: d1}\n  - {design: d2, capex_multiplier: {value: 1.1, assumption: true, reason: \"test\"}}",
                                                hosted + "\n  - {design: unknown-design}")
        let workspace = try InputWorkspace(designs: catalogue)
        try workspace.writeRegion("alpha", region)
        let error = try workspace.loadError()
        let duplicate = try #require(error.errors.first { $0.message.contains("design id 'd0' is used twice") }, "\(error.errors.prefix(3))")
        #expect(duplicate.fieldPath == "designs[d0].id" && duplicate.line == Self.count + 2, "\(duplicate)")
        let listedTwice = try #require(error.errors.first { $0.message.contains("design 'd0' is listed twice") }, "\(error.errors.prefix(3))")
        #expect(listedTwice.fieldPath == "cluster_designs[\(Self.count)].design")
        let unknown = try #require(error.errors.first { $0.message.contains("unknown cluster design 'unknown-design'") }, "\(error.errors.prefix(5))")
        #expect(unknown.message.hasSuffix("expected one of: d0, d1, d10, d100, d1000, d10000, d10001, d10002, d10003, d10004, … (19990 more)"), "\(unknown)")
        #expect(error.errorCount == 3, "\(error)")
        #expect(error.suppressedWarnings > 0)
    }

    /// 20,000 zones and one more repeating the first id, one zone naming an unknown site: found by set lookups.
    @Test func twentyThousandZones() throws {
        let zones = (0 ... Self.count).map { index in
            "  - {id: z\(index % Self.count), base: {tokens: 1e9, per: week, date: 2026-01-01, source: s}, growth: {model: cagr, rate_per_year: 0.5}, "
                + "served_by: {sites: [alpha, beta\(index == 7 ? ", gamma" : "")]}}"
        }.joined(separator: "\n")
        var plan = Fix.plan
        plan.removeSubrange(try #require(plan.range(of: "zones:")).lowerBound...)
        let error = try InputWorkspace().loadError(plan: plan + "zones:\n" + zones + "\n")
        #expect(error.errors.contains { $0.fieldPath == "zones[z0].id" && $0.message.contains("zone id 'z0' is used twice") }, "\(error)")
        #expect(error.errors.contains { $0.fieldPath == "zones[z7].served_by.sites[2]" && $0.message.contains("unknown site 'gamma'") }, "\(error)")
        #expect(error.errorCount == 2, "\(error)")
    }

    /// 20,000 regions listed in the plan (none with a file, one listed twice) and a zone served by 20,000 unknown
    /// sites: every error at its element, no message listing 20,000 names.
    @Test func twentyThousandRegionsAndSites() throws {
        let regions = (0 ... Self.count).map { "r\($0 % Self.count)" }.joined(separator: ", ")
        let sites = (0 ..< Self.count).map { "s\($0)" }.joined(separator: ", ")
        let plan = Fix.plan.edited("regions: [alpha, beta]", "regions: [alpha, beta, \(regions)]")
            .edited("served_by: {sites: [alpha, beta]}", "served_by: {sites: [alpha, beta, \(sites)]}")
        let error = try InputWorkspace().loadError(plan: plan)
        #expect(error.errors.contains { $0.fieldPath == "regions[\(Self.count + 2)]" && $0.message.contains("region 'r0' is listed twice") }, "\(error.errors.prefix(3))")
        #expect(error.errors.contains { $0.fieldPath == "regions[2]" && $0.message.contains("unknown region 'r0'") }, "\(error.errors.prefix(3))")
        // 1 listed twice, 20,000 without a file, 20,000 unknown sites; the log keeps 1,000 and counts the rest.
        #expect(error.errorCount == 1 + 2 * Self.count, "\(error.errorCount)")
        #expect(error.errors.count == InputLimits.maximumDiagnostics)
        #expect(error.errors.allSatisfy { $0.message.count < 500 }, "a message lists too much")
    }

    /// 20,000 unknown keys of 200 characters each: reported without a did-you-mean search over huge keys, and kept
    /// to the log's limit.
    @Test func twentyThousandUnknownKeys() throws {
        let keys = (0 ..< Self.count).map { "k\($0)" + String(repeating: "x", count: 200) + ": 1" }.joined(separator: "\n")
        let error = try InputWorkspace().loadError(plan: Fix.plan + keys + "\n")
        #expect(error.errorCount == Self.count)
        let first = try #require(error.errors.first)
        #expect(first.message.hasPrefix("unknown key 'k0" + String(repeating: "x", count: 38) + "… (202 characters)'; expected one of"), "\(first)")
    }

    /// A valid plan with more warnings than the log keeps says how many more there were, as one last warning.
    @Test func suppressedWarningsOfAValidPlanAreCounted() throws {
        // 1,500 zones whose base volume has no source: one warning each.
        let zones = (0 ..< 1_500).map { "  - {id: z\($0), base: {tokens: 1e9, per: week, date: 2026-01-01}, growth: {model: cagr, rate_per_year: 0.5}, served_by: {sites: [alpha]}}" }
        var plan = Fix.plan
        plan.removeSubrange(try #require(plan.range(of: "zones:")).lowerBound...)
        let scenario = try InputWorkspace().load(plan: plan + "zones:\n" + zones.joined(separator: "\n") + "\n")
        let last = try #require(scenario.warnings.last)
        #expect(last.message == "500 more warnings not shown; only the first 1000 are kept" && last.line == 1, "\(last)")
        #expect(scenario.warnings.count == InputLimits.maximumDiagnostics + 1)
    }

    /// A time slice listing months and hours 20,000 times each: each repeat is an error at the repeat, and the coverage
    /// check stays 12 × 24 per slice (it was months × hours: 400 million steps).
    @Test func timeSliceWithRepeatedMonthsAndHours() throws {
        let months = (0 ..< Self.count).map { String($0 % 12 + 1) }.joined(separator: ", ")
        let hours = (0 ..< Self.count).map { String($0 % 24) }.joined(separator: ", ")
        let plan = Fix.plan.edited("time_slices: {preset: seasons4x6}", "time_slices: {slices: [{name: all, months: [\(months)], hours: [\(hours)]}]}")
        let error = try InputWorkspace().loadError(plan: plan)
        #expect(error.errors.first { $0.fieldPath == "time_slices.slices[0].months[12]" }?.message == "month 1 is listed twice; list each month once", "\(error.errors.prefix(3))")
        #expect(error.errorCount == 2 * Self.count - 12 - 24, "\(error.errorCount)")
    }

    /// More overrides than the limit: one error, none applied (each would copy the document).
    @Test func tooManyOverrides() throws {
        let unique = (0 ... InputLimits.maximumOverrides).map { "  zones.z.name\($0): 1" }.joined(separator: "\n")
        let error = try InputWorkspace().loadError(plan: Fix.plan + "overrides:\n" + unique + "\n")
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.message.contains("more than the limit of \(InputLimits.maximumOverrides)"), "\(diagnostic)")
        #expect(error.errors.count == 1)
    }
}
