import Foundation
import Testing
@testable import TokenGrid

/// Numbers that must never reach the solver: non-finite, subnormal and tiny values, rates too small to compute with,
/// dates and years out of range. Each is a located error, or read as 0 with a located warning.
@Suite("Robustness: numbers, dates and years")
struct RobustnessNumberTests {
    typealias Fix = InputFixtures

    /// `capacity_factor: {value: …}` in alpha's solar block, edited to `value`; the workspace, the edited text and the
    /// result of loading (the scenario or the error).
    static func loadWithCapacityFactor(_ value: String) throws -> (InputWorkspace, String, Result<Scenario, InputError>) {
        let workspace = try InputWorkspace()
        let text = Fix.region("alpha").edited("capacity_factor: {value: 0.2,", "capacity_factor: {value: \(value),")
        try workspace.writeRegion("alpha", text)
        do {
            return (workspace, text, .success(try workspace.load()))
        } catch let error as InputError {
            return (workspace, text, .failure(error))
        }
    }

    /// Non-finite numbers, however written, are errors at the value: YAML's `.nan` and `.inf`, Swift's `nan`,
    /// `infinity`, and decimal numbers beyond the largest double.
    @Test(arguments: ["nan", ".nan", "NaN", "inf", "-inf", ".inf", "infinity", "1e400", "-1.8e308", "1" + String(repeating: "0", count: 400)])
    func nonFiniteNumbersAreErrors(value: String) throws {
        let (workspace, text, result) = try Self.loadWithCapacityFactor(value)
        guard case .failure(let error) = result else { Issue.record("\(value) was accepted"); return }
        expectError(error, fieldPath: "renewables.solar.capacity_factor.value", file: workspace.regionPath("alpha"),
                    line: TestSupport.line(of: "capacity_factor", in: text), column: TestSupport.column(of: value.prefix(20) + "", in: text),
                    containing: ["expected"])
    }

    /// Subnormal numbers (which once made GLPK abort the process) and anything below 1e-9 in magnitude are read as 0,
    /// with a warning naming the field, so the plan loads and nothing tiny reaches the solver.
    @Test(arguments: ["5e-324", "4.9e-324", "1e-310", "2.2e-308", "1e-300", "1e-31", "-1e-40", "0x1p-1074", "1e-10", "-9.9e-10"])
    func tinyNumbersAreReadAsZeroWithAWarning(value: String) throws {
        let (workspace, text, result) = try Self.loadWithCapacityFactor(value)
        let scenario = try result.get()
        let alpha = try #require(scenario.regions.first { $0.id == "alpha" })
        let factor = try #require(alpha.renewables.first?.capacityFactor.value)
        #expect(factor == 0 && factor.sign == .plus)
        let warning = try #require(scenario.warnings.first { $0.fieldPath == "renewables.solar.capacity_factor.value" })
        #expect(TestSupport.samePath(warning.file, workspace.regionPath("alpha")))
        #expect(warning.line == TestSupport.line(of: "capacity_factor", in: text))
        #expect(warning.message.contains("is read as 0"), "\(warning)")
    }

    /// 1e-9 itself is kept; -0 is read as +0, silently.
    @Test func theThresholdAndNegativeZero() throws {
        let kept = try Self.loadWithCapacityFactor("1e-6").2.get()
        #expect(kept.regions.first { $0.id == "alpha" }?.renewables.first?.capacityFactor.value == 1e-6)
        let threshold = try InputWorkspace().load(plan: Fix.plan.edited("network_cost_usd_per_mtok: 0.01", "network_cost_usd_per_mtok: 1e-9"))
        #expect(threshold.plan.zones.first?.networkCostUSDPerMTok == 1e-9)
        let zero = try Self.loadWithCapacityFactor("-0").2.get()
        let factor = try #require(zero.regions.first { $0.id == "alpha" }?.renewables.first?.capacityFactor.value)
        #expect(factor == 0 && factor.sign == .plus)
        #expect(!zero.warnings.contains { $0.fieldPath.hasSuffix("capacity_factor.value") })
    }

    /// A tiny positive capacity factor (1e-8) is neither 0 nor a resource the LP can resolve: an error.
    @Test func tinyCapacityFactorIsAnError() throws {
        let (workspace, text, result) = try Self.loadWithCapacityFactor("1e-8")
        guard case .failure(let error) = result else { Issue.record("1e-8 was accepted"); return }
        expectError(error, fieldPath: "renewables.solar.capacity_factor.value", file: workspace.regionPath("alpha"),
                    line: TestSupport.line(of: "capacity_factor", in: text), column: TestSupport.column(of: "1e-8,", in: text),
                    containing: ["too small", "expected 0 or at least"])
    }

    /// A discount rate of 1e-8 makes the capital recovery factor r ÷ (1 − (1 + r)^−n) lose half its digits (1e-300 made
    /// it infinite): 0 or at least 1e-6. 1e-300 itself is below 1e-9, so it is read as 0 with a warning.
    @Test func discountRateIsZeroOrAtLeastOneMillionth() throws {
        let workspace = try InputWorkspace()
        let tiny = Fix.plan.edited("discount_rate: 0.08", "discount_rate: 1e-8")
        let error = try workspace.loadError(plan: tiny)
        expectError(error, fieldPath: "discount_rate", file: workspace.planPath, line: 4, column: 16, containing: ["too small", "expected 0 or at least 1e-06"])
        let flushed = try workspace.load(plan: Fix.plan.edited("discount_rate: 0.08", "discount_rate: 1e-300"))
        #expect(flushed.plan.discountRate == 0)
        #expect(flushed.warnings.contains { $0.fieldPath == "discount_rate" && $0.line == 4 })
        #expect(try workspace.load(plan: Fix.plan.edited("discount_rate: 0.08", "discount_rate: 1e-6")).plan.discountRate == 1e-6)
    }

    /// The edges of the date range (1990–2100) are accepted; dates outside it: ValidationPlanTests.
    @Test(arguments: ["1990-01-01", "2100-12-31"])
    func datesAtTheEdgesOfTheRange(date: String) throws {
        let scenario = try InputWorkspace().load(plan: Fix.plan.edited("date: 2026-07-02", "date: \(date)"))
        #expect(scenario.plan.zones.first?.base?.date.description == date)
    }

    /// `years: {first: 2025}` once planned to a default 2030 without a word: when `years` is given, both keys are required.
    @Test(arguments: [("{first: 2025}", ["years.last"]), ("{last: 2027}", ["years.first"]), ("{}", ["years.first", "years.last"])])
    func yearsNeedsBothKeys(years: String, missing: [String]) throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("years: {first: 2025, last: 2027}", "years: \(years)")
        let error = try workspace.loadError(plan: plan)
        for path in missing {
            expectError(error, fieldPath: path, file: workspace.planPath, line: 3, column: 8, containing: ["missing required year", "both first and last"])
        }
        #expect(error.errors.count == missing.count, "\(error)")
    }

    /// Every input in range, their product not: a 1,000-fold yearly growth from 1990 projects 10^121 tokens for 2025
    /// (the solver once failed on it, exit 3). The projection is checked and the error named at the zone's growth.
    @Test func runawayDemandIsAnError() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("date: 2026-07-02", "date: 1990-01-01").edited("rate_per_year: 1.0", "rate_per_year: 1000")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].growth", file: workspace.planPath, line: TestSupport.line(of: "growth:", in: plan), column: 13,
                    containing: ["the demand projected for 2025 is", "above the limit of 1e+33 tokens per year"])
        #expect(error.errors.count == 1, "\(error)")
    }

    /// Power and throughput each in range, their quotient not: a measured output of 1e-5 tokens/s (fuzzing found it on
    /// a shipped design) spread the LP's coefficients over 10^14, and GLPK took 8 s to call the feasible plan
    /// infeasible. A derived throughput that low (0.001 TFLOPS) is caught the same way. The error is at the region's
    /// entry hosting the design, once per design.
    /// (`listing` finds the region's entry, `index` is its place in `cluster_designs`, `value` starts its design id.)
    @Test(arguments: [("d2", "output_tokens_per_s: {value: 8000", "output_tokens_per_s: {value: 1e-5", "  - {design: d2", 1, "d2, capex"),
                      ("d1", "peak_tflops: {value: 1000", "peak_tflops: {value: 0.001", "  - {design: d1}", 0, "d1}")])
    func implausibleTokensPerMWIsAnError(design: String, original: String, edited: String, listing: String, index: Int, value: String) throws {
        let workspace = try InputWorkspace()
        try workspace.writeDesigns(Fix.designs.edited(original, edited))
        let error = try workspace.loadError()
        let region = Fix.region("alpha")
        expectError(error, fieldPath: "cluster_designs[\(index)].design", file: workspace.regionPath("alpha"),
                    line: TestSupport.line(of: listing, in: region), column: TestSupport.column(of: value, in: region),
                    containing: ["cluster design '\(design)' produces", "tokens/s per MW of IT", "expected 1,000 … 10,000,000,000 tokens/s per MW"])
        #expect(error.errors.count == 1, "\(error)")
    }

    /// Years in year maps and whole-number fields keep their ranges with extreme values: no crash, a located error.
    @Test(arguments: ["1e300", "-1e300", "99999999999999999999", "2025.5", "5e-324"])
    func extremeWholeNumbers(value: String) throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("years: {first: 2025, last: 2027}", "years: {first: \(value), last: 2027}")
        let error = try workspace.loadError(plan: plan)
        let diagnostic = try #require(error.errors(at: "years.first").first, "\(error)")
        #expect(diagnostic.line == 3 && diagnostic.column == 16, "\(diagnostic)")
    }
}
