import Foundation
import Testing
@testable import TokenGrid

/// Errors in plan files: each names the file, line, column where it matters, the dotted field path and what was expected.
@Suite("Validation: plan files")
struct ValidationPlanTests {
    typealias Fix = InputFixtures

    // MARK: - unknown keys

    @Test func unknownTopLevelKeySuggestsTheNearest() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("discount_rate: 0.08", "discount_rat: 0.08")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "discount_rat", file: workspace.planPath, line: 4, column: 1,
                    containing: ["unknown key 'discount_rat'", "(did you mean 'discount_rate'?)", "expected one of: name, description"])
        #expect(error.errors.count == 1, "\(error)")
    }

    @Test func unknownNestedKeysAreNamedByTheirPath() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan
            .edited("network_cost_usd_per_mtok: 0.01", "netwrok_cost_usd_per_mtok: 0.01")
            .edited("active_params_b: 50", "active_param_b: 50")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].netwrok_cost_usd_per_mtok", file: workspace.planPath,
                    line: TestSupport.line(of: "netwrok_cost", in: plan), column: 5,
                    containing: ["unknown key", "(did you mean 'network_cost_usd_per_mtok'?)"])
        expectError(error, fieldPath: "model_mix.classes[m50].active_param_b", file: workspace.planPath,
                    line: TestSupport.line(of: "active_param_b", in: plan), column: TestSupport.column(of: "active_param_b", in: plan),
                    containing: ["(did you mean 'active_params_b'?)"])
    }

    @Test func farFetchedUnknownKeyHasNoHint() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("discount_rate: 0.08\n", "discount_rate: 0.08\ncolour: red\n")
        let error = try workspace.loadError(plan: plan)
        let diagnostic = expectError(error, fieldPath: "colour", file: workspace.planPath, line: 5, column: 1, containing: ["unknown key 'colour'"])
        #expect(diagnostic?.message.contains("did you mean") == false)
    }

    // MARK: - wrong types

    @Test func quotedStringWhereANumberIsExpected() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("discount_rate: 0.08", #"discount_rate: "0.08""#)
        let error = try workspace.loadError(plan: plan)
        // `discount_rate: ` is 15 characters, so the value starts in column 16.
        expectError(error, fieldPath: "discount_rate", file: workspace.planPath, line: 4, column: 16,
                    containing: ["expected a number", #"found the string "0.08""#])
    }

    @Test func wordWhereANumberIsExpected() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("input_share: 0.8", "input_share: lots")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "model_mix.input_share", file: workspace.planPath, line: TestSupport.line(of: "input_share", in: plan),
                    column: TestSupport.column(of: "lots", in: plan), containing: ["expected a number in fraction", "found 'lots'"])
    }

    @Test func listWhereAMappingIsExpected() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan
            .edited("years: {first: 2025, last: 2027}", "years: [2025, 2027]")
            .edited("served_by: {sites: [alpha, beta]}", "served_by: [alpha, beta]")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "years", file: workspace.planPath, line: 3, column: 8,
                    containing: ["expected a mapping with keys first, last", "found a list"])
        expectError(error, fieldPath: "zones[z].served_by", file: workspace.planPath, line: TestSupport.line(of: "served_by", in: plan),
                    column: 16, containing: ["expected a mapping with keys sites, max_latency_ms", "found a list"])   // `    served_by: [`
    }

    @Test func scalarWhereAListIsExpected() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("regions: [alpha, beta]", "regions: alpha")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "regions", file: workspace.planPath, line: 6, column: 10, containing: ["expected a list", "found 'alpha'"])
    }

    // MARK: - missing required fields

    @Test func missingNameIsReportedAtTheTopOfTheFile() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("name: test-plan\n", "")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "name", file: workspace.planPath, line: 1, column: 1, containing: ["missing required field", "expected a string"])
    }

    /// A missing field inside a mapping points at the mapping (the zone starts on its `- id: z` line, column 5).
    @Test func missingZoneFieldsPointAtTheZone() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan
            .edited("    growth: {model: cagr, rate_per_year: 1.0}\n", "")
            .edited("    served_by: {sites: [alpha, beta]}\n", "")
        let error = try workspace.loadError(plan: plan)
        let zoneLine = TestSupport.line(of: "- id: z", in: plan)
        expectError(error, fieldPath: "zones[z].growth", file: workspace.planPath, line: zoneLine, column: 5,
                    containing: ["missing required growth model", "cagr | logistic | anchors | fit"])
        expectError(error, fieldPath: "zones[z].served_by", file: workspace.planPath, line: zoneLine, column: 5,
                    containing: ["missing required served_by"])
    }

    @Test func cagrNeedsABaseAndLatencyNeedsALocation() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan
            .edited("    base: {tokens: 7.0e+12, per: week, date: 2026-07-02, source: \"test observation\"}\n", "")
            .edited("    location: {lat: 40.5, lon: -99.5}\n", "")
            .edited("served_by: {sites: [alpha, beta]}", "served_by: {max_latency_ms: 50}")
        let error = try workspace.loadError(plan: plan)
        let zoneLine = TestSupport.line(of: "- id: z", in: plan)
        expectError(error, fieldPath: "zones[z].base", file: workspace.planPath, line: zoneLine, containing: ["missing required base volume", "cagr"])
        expectError(error, fieldPath: "zones[z].location", file: workspace.planPath, line: zoneLine, containing: ["missing required location", "max_latency_ms"])
    }

    @Test func missingModelMix() throws {
        let workspace = try InputWorkspace()
        var plan = Fix.plan
        let start = try #require(plan.range(of: "model_mix:")), end = try #require(plan.range(of: "zones:"))
        plan.removeSubrange(start.lowerBound ..< end.lowerBound)
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "model_mix", file: workspace.planPath, line: 1, column: 1, containing: ["missing required section 'model_mix'"])
    }

    // MARK: - model shares

    /// 2025: m10 0.6 + m50 0.3 = 0.9 ≠ 1. Reported on the classes list (its first `-` line, column 5).
    @Test func sharesThatDoNotSumToOne() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("share: {2025: 0.4, 2030: 0.2}", "share: {2025: 0.3, 2030: 0.2}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "model_mix.classes", file: workspace.planPath, line: TestSupport.line(of: "id: m10", in: plan), column: 5,
                    containing: ["shares sum to 0.9000 in 2025", "expected 1"])
    }

    /// Sums are checked in every planning year: m10 0.6 → 0.8 and m50 0.4 → 0.3 over 2025–2030 give
    /// 2026: 0.64 + 0.38 = 1.02 (2025 itself sums to 1).
    @Test func sharesAreCheckedInEveryPlanningYear() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("share: {2025: 0.4, 2030: 0.2}", "share: {2025: 0.4, 2030: 0.3}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "model_mix.classes", file: workspace.planPath, line: TestSupport.line(of: "id: m10", in: plan),
                    containing: ["shares sum to 1.0200 in 2026"])
    }

    // MARK: - time slices

    static let allMonths = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"

    /// One slice of hours 0–11 in every month: 365 × 12 = 4,380 h; the other 12 × 12 = 144 month-hours are missing.
    @Test func explicitSlicesMissingHours() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("time_slices: {preset: seasons4x6}", """
            time_slices:
              slices:
                - {name: morning, months: \(Self.allMonths), hours: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}
            """)
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "time_slices.slices", file: workspace.planPath, line: TestSupport.line(of: "- {name: morning", in: plan),
                    column: 5, containing: ["sum to 4380 hours", "expected 8760", "144 month-hours missing"])
    }

    /// Hours 0–12 and 12–23: hour 12 twice in every month → 365 × 25 = 9,125 h, 12 month-hours covered twice.
    @Test func explicitSlicesOverlapping() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("time_slices: {preset: seasons4x6}", """
            time_slices: {slices: [{name: a, months: \(Self.allMonths), hours: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}, {name: b, months: \(Self.allMonths), hours: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]}]}
            """)
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "time_slices.slices", file: workspace.planPath, line: 7, column: 23,
                    containing: ["sum to 9125 hours", "0 month-hours missing, 12 covered more than once"])
    }

    /// 8,760 hours in total can still be wrong: March hour 0 twice and May hour 0 never (both months have 31 days),
    /// so the total is 8,760 but the cells are not covered once each.
    @Test func explicitSlicesRightTotalWrongCells() throws {
        let workspace = try InputWorkspace()
        let otherMonths = "[1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]"
        let plan = Fix.plan.edited("time_slices: {preset: seasons4x6}", """
            time_slices:
              slices:
                - {name: night, months: \(otherMonths), hours: [0]}
                - {name: march-again, months: [3], hours: [0]}
                - {name: day, months: \(Self.allMonths), hours: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]}
            """)
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "time_slices.slices", file: workspace.planPath, line: TestSupport.line(of: "- {name: night", in: plan),
                    containing: ["sum to 8760 hours", "1 month-hours missing, 1 covered more than once"])
    }

    @Test func unknownPresetAndBothForms() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("{preset: seasons4x6}", "{preset: weekly}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "time_slices.preset", file: workspace.planPath, line: 7, column: 23,
                    containing: ["'weekly' is not allowed", "annual, seasons4x6, seasons4x24, months12x24"])

        let both = Fix.plan.edited("{preset: seasons4x6}", "{preset: annual, slices: [{name: y, months: \(Self.allMonths), hours: [0]}]}")
        let bothError = try workspace.loadError(plan: both)
        expectError(bothError, fieldPath: "time_slices", file: workspace.planPath, line: 7, column: 14, containing: ["give one of 'preset', 'representative_days' or 'slices', not preset and slices"])
    }

    // MARK: - years

    @Test func lastYearBeforeFirst() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("years: {first: 2025, last: 2027}", "years: {first: 2027, last: 2025}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "years.last", file: workspace.planPath, line: 3, column: TestSupport.column(of: "2025}", in: plan),
                    containing: ["last year 2025 is before first year 2027", "in order"])
    }

    @Test func horizonLongerThanFiftyYears() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("years: {first: 2025, last: 2027}", "years: {first: 2025, last: 2080}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "years.last", file: workspace.planPath, line: 3, containing: ["longer than 50 years"])
    }

    @Test func anchorYearsDecreasing() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("growth: {model: cagr, rate_per_year: 1.0}", "growth: {model: anchors, points: {2030: 3.9e+18, 2025: 1.0e+16}}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].growth.points.2025", file: workspace.planPath, line: TestSupport.line(of: "model: anchors", in: plan),
                    column: TestSupport.column(of: "1.0e+16", in: plan), containing: ["year 2025 is out of order", "years must increase"])
    }

    @Test func yearMapYearsDecreasingAndNotYears() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("discount_rate: 0.08\n", "discount_rate: 0.08\ncarbon_price_usd_per_t: {2030: 80, 2025: 0, soon: 5}\n")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "carbon_price_usd_per_t.2025", file: workspace.planPath, line: 5,
                    column: TestSupport.column(of: "0, soon", in: plan), containing: ["out of order"])
        expectError(error, fieldPath: "carbon_price_usd_per_t.soon", file: workspace.planPath, line: 5,
                    column: TestSupport.column(of: "5}", in: plan), containing: ["'soon' is not a year"])
    }

    /// A single number for a cap or budget means the same cap in every year: the map is constant, `given(in:)` answers
    /// for every planning year, and there is no diagnostic.
    @Test(arguments: ["carbon_cap_t_per_year", "budget_usd_per_year"])
    func singleNumberCapAppliesInEveryYear(field: String) throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("discount_rate: 0.08\n", "discount_rate: 0.08\n\(field): 1.0e+6\n")
        let scenario = try workspace.load(plan: plan)
        #expect(scenario.warnings.isEmpty, "\(scenario.warnings)")
        let map = try #require(field == "budget_usd_per_year" ? scenario.plan.budgetUSDPerYear : scenario.plan.carbonCapTonnesPerYear)
        #expect(map.isConstant)
        #expect(scenario.plan.years == [2025, 2026, 2027])
        for year in scenario.plan.years {
            #expect(map.given(in: year) == 1e6, "year \(year)")
            #expect(map.value(in: year) == 1e6, "year \(year)")
        }
    }

    /// A year map with no years says nothing: an error at the field, not a silently absent cap or price.
    @Test(arguments: ["carbon_price_usd_per_t", "carbon_cap_t_per_year", "budget_usd_per_year"])
    func emptyYearMap(field: String) throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("discount_rate: 0.08\n", "discount_rate: 0.08\n\(field): {}\n")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: field, file: workspace.planPath, line: 5, column: field.count + 3, containing: ["expected at least one year"])
        #expect(error.errors.count == 1, "\(error)")
    }

    /// An empty model share map, likewise.
    @Test func emptyShareMap() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("share: {2025: 0.4, 2030: 0.2}", "share: {}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "model_mix.classes[m50].share", file: workspace.planPath, line: TestSupport.line(of: "share: {}", in: plan),
                    column: TestSupport.column(of: "{}", in: plan), containing: ["expected at least one year"])
    }

    // MARK: - references

    @Test func unknownRegion() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan
            .edited("regions: [alpha, beta]", "regions: [alpha, beta, nowhere]")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "regions[2]", file: workspace.planPath, line: 6, column: TestSupport.column(of: "nowhere", in: plan),
                    containing: ["unknown region 'nowhere'", "nowhere.yaml"])
        #expect(error.errors.count == 1, "\(error)")
    }

    @Test func unknownSiteInServedBy() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("sites: [alpha, beta]", "sites: [alpha, gamma]")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].served_by.sites[1]", file: workspace.planPath, line: TestSupport.line(of: "served_by", in: plan),
                    column: TestSupport.column(of: "gamma", in: plan),
                    containing: ["unknown site 'gamma'", "only by the plan's regions: alpha, beta"])
    }

    /// The zone at (40.5, −99.5) is ~71 km from alpha (40, −100): 71 × 1.5 ÷ 200 × 2 ≈ 1.07 ms round trip, so 0.5 ms reaches nothing.
    @Test func latencyLimitReachingNoSite() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("served_by: {sites: [alpha, beta]}", "served_by: {max_latency_ms: 0.5}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].served_by.max_latency_ms", file: workspace.planPath, line: TestSupport.line(of: "served_by", in: plan),
                    column: TestSupport.column(of: "0.5}", in: plan), containing: ["no site lies within 0.5 ms", "the nearest is alpha at 1 ms"])
        // 5 ms reaches alpha but not beta (45, −95: ~620 km → 620 × 1.5 ÷ 200 × 2 ≈ 9.3 ms).
        let scenario = try workspace.load(plan: Fix.plan.edited("served_by: {sites: [alpha, beta]}", "served_by: {max_latency_ms: 5}"))
        #expect(scenario.sites(serving: scenario.plan.zones[0]).map(\.id) == ["alpha"])
    }

    // MARK: - duplicates

    @Test func duplicateZoneIDs() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan + """
              - id: z
                growth: {model: cagr, rate_per_year: 2.0}
                base: {tokens: 1.0e+12, per: day, date: 2026-01-01, source: "test"}
                served_by: {sites: [alpha]}

            """
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].id", file: workspace.planPath, line: TestSupport.line(of: "- id: z", in: plan, occurrence: 2),
                    column: 9, containing: ["zone id 'z' is used twice", "unique"])   // `  - id: z`
    }

    @Test func duplicateModelClassRegionAndSliceNames() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan
            .edited("id: m50", "id: m10")
            .edited("regions: [alpha, beta]", "regions: [alpha, beta, alpha]")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "model_mix.classes[m10].id", file: workspace.planPath, line: TestSupport.line(of: "50B dense", in: plan),
                    column: TestSupport.column(of: "m10, name: \"50B", in: plan), containing: ["model class id 'm10' is used twice"])
        expectError(error, fieldPath: "regions[2]", file: workspace.planPath, line: 6, column: 24, containing: ["region 'alpha' is listed twice"])

        let slices = Fix.plan.edited("time_slices: {preset: seasons4x6}", """
            time_slices:
              slices:
                - {name: half, months: \(Self.allMonths), hours: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}
                - {name: half, months: \(Self.allMonths), hours: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]}
            """)
        let slicesError = try workspace.loadError(plan: slices)
        expectError(slicesError, fieldPath: "time_slices.slices[1].name", file: workspace.planPath,
                    line: TestSupport.line(of: "- {name: half", in: slices, occurrence: 2), column: 14, containing: ["time slice name 'half' is used twice"])
    }

    /// Duplicate keys in one YAML mapping are an error at the second key, naming the line of the first.
    @Test func duplicateYAMLKeys() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("    name: \"Zone Z\"\n", "    name: \"Zone Z\"\n    name: \"Zone Z again\"\n")
        let error = try workspace.loadError(plan: plan)
        let diagnostic = try #require(error.errors.first)
        let first = try #require(TestSupport.line(of: "name: \"Zone Z\"", in: plan))
        #expect(diagnostic.message == "duplicate key name in one mapping (first on line \(first)); each key may appear once", "\(diagnostic)")
        #expect(TestSupport.samePath(diagnostic.file, workspace.planPath))
        #expect(diagnostic.line == TestSupport.line(of: "name: \"Zone Z again\"", in: plan))
        #expect(diagnostic.column == 5)
        #expect(diagnostic.fieldPath == "")
    }

    // MARK: - YAML syntax

    /// `description: key: value: other` — a second `:` in a plain scalar; libyaml stops at column 17 of line 2.
    @Test func yamlSyntaxErrorHasLineAndColumn() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited(#"description: "A small plan for tests""#, "description: key: value: other")
        let error = try workspace.loadError(plan: plan)
        #expect(error.errors.count == 1)
        expectError(error, fieldPath: "", file: workspace.planPath, line: 2, column: 17, containing: ["YAML syntax", "mapping values are not allowed"])
    }

    @Test func unclosedFlowSequence() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("regions: [alpha, beta]", "regions: [alpha, beta")
        let error = try workspace.loadError(plan: plan)
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.message.contains("YAML syntax"))
        // libyaml notices the missing ']' where the next token starts: line 7, column 12 (`{` of time_slices' value).
        #expect(diagnostic.line == 7 && diagnostic.column != nil, "\(diagnostic)")
    }

    @Test func emptyAndNonMappingFiles() throws {
        let workspace = try InputWorkspace()
        let empty = try workspace.loadError(plan: "# nothing here\n")
        #expect(empty.errors.first?.message.contains("empty") == true, "\(empty)")
        let list = try workspace.loadError(plan: "- a\n- b\n")
        expectError(list, fieldPath: "", file: workspace.planPath, line: 1, column: 1, containing: ["expected a YAML mapping at the top"])
        #expect(throws: InputError.self) { try PlanLoader.load(planAt: workspace.root + "/Plans/absent.yaml") }
    }

    // MARK: - dates, observations, empty lists and maps

    /// Dates must be exactly YYYY-MM-DD (`2026-7-2` is rejected at the date's value) and lie in 1990–2100
    /// (`0001-01-01` once passed validate and blew up the demand projection).
    @Test(arguments: ["2026-7-2", "2026-07-2", "20260-07-02", "2026-07-02-01"].map { ($0, "'\($0)' is not a date; expected YYYY-MM-DD") }
        + ["0001-01-01", "1989-12-31", "2101-01-01", "9999-12-31"].map { ($0, "\($0) is out of range; expected a date from 1990-01-01 to 2100-12-31") })
    func dateMustBeExactlyYYYYMMDDInRange(date: String, message: String) throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("date: 2026-07-02", "date: \(date)")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].base.date", file: workspace.planPath, line: TestSupport.line(of: "base: {tokens", in: plan),
                    column: TestSupport.column(of: "\(date),", in: plan), containing: [message])
        // The base is written, only its date is wrong: no second, misleading "missing base" error.
        #expect(error.errors(at: "zones[z].base").isEmpty, "\(error)")
    }

    /// `fit` observations are fitted on a log scale: zero tokens is out of range (a cagr base volume may be zero).
    @Test func fitObservationsNeedPositiveTokens() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("growth: {model: cagr, rate_per_year: 1.0}", """
            growth:
                  model: fit
                  kind: exponential
                  observations:
                    - {tokens: 0, per: day, date: 2025-01-01}
                    - {tokens: 1.0e+12, per: day, date: 2026-01-01}
            """)
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].growth.observations[0].tokens", file: workspace.planPath,
                    line: TestSupport.line(of: "- {tokens: 0,", in: plan), column: TestSupport.column(of: "0, per: day", in: plan),
                    containing: ["0 is out of range"])
    }

    @Test func emptySliceListIsAnError() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("time_slices: {preset: seasons4x6}", "time_slices: {slices: []}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "time_slices.slices", file: workspace.planPath, line: 7, column: 23, containing: ["expected at least one time slice"])
        #expect(error.errors.count == 1, "\(error)")
    }

    /// A slice with no months or no hours is an error at that list (not a slice silently dropped).
    @Test(arguments: ["months", "hours"])
    func sliceWithEmptyMonthsOrHours(key: String) throws {
        let workspace = try InputWorkspace()
        let months = key == "months" ? "[]" : Self.allMonths
        let hours = key == "hours" ? "[]" : "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]"
        let plan = Fix.plan.edited("time_slices: {preset: seasons4x6}", """
            time_slices:
              slices:
                - {name: all, months: \(months), hours: \(hours)}
            """)
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "time_slices.slices[0].\(key)", file: workspace.planPath, line: TestSupport.line(of: "- {name: all", in: plan),
                    column: TestSupport.column(of: "[]", in: plan), containing: [key == "months" ? "expected at least one month" : "expected at least one hour"])
    }

    @Test func emptySiteListIsAnError() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("sites: [alpha, beta]", "sites: []")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].served_by.sites", file: workspace.planPath, line: TestSupport.line(of: "served_by", in: plan),
                    column: TestSupport.column(of: "[]", in: plan), containing: ["expected at least one site id"])
        #expect(error.errors.count == 1, "\(error)")
    }

    @Test func emptyAnchorPointsAreAnError() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("growth: {model: cagr, rate_per_year: 1.0}", "growth: {model: anchors, points: {}}")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "zones[z].growth.points", file: workspace.planPath, line: TestSupport.line(of: "model: anchors", in: plan),
                    column: TestSupport.column(of: "{}", in: plan), containing: ["expected at least one year"])
        #expect(error.errors.count == 1, "\(error)")
    }

    /// A penalty above 1e5 $/Mtok is refused where it is written (beyond it only the exact simplex verifies an answer).
    @Test func anUnservedPenaltyAboveItsRangeIsLocated() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("unserved_penalty_usd_per_mtok: 100", "unserved_penalty_usd_per_mtok: 1e6")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "unserved_penalty_usd_per_mtok", file: workspace.planPath,
                    line: TestSupport.line(of: "unserved_penalty_usd_per_mtok", in: plan), column: TestSupport.column(of: "1e6", in: plan),
                    containing: ["100000"])
    }

    // MARK: - all errors at once

    /// Three unrelated mistakes in one plan: all three are reported in one pass.
    @Test func allErrorsInAFileAreReportedTogether() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan
            .edited("discount_rate: 0.08", "discount_rat: 0.08")                       // unknown key
            .edited("unserved_penalty_usd_per_mtok: 100", "unserved_penalty_usd_per_mtok: -3")  // out of range
            .edited("share: {2025: 0.4, 2030: 0.2}", "share: {2025: 0.3, 2030: 0.2}")  // shares ≠ 1
            .edited("per: week", "per: fortnight")                                      // not a period
        let error = try workspace.loadError(plan: plan)
        #expect(error.errors.count >= 4, "\(error)")
        let paths = Set(error.errors.map(\.fieldPath))
        #expect(paths.isSuperset(of: ["discount_rat", "unserved_penalty_usd_per_mtok", "model_mix.classes", "zones[z].base.per"]), "\(paths)")
        #expect(error.errors.allSatisfy { TestSupport.samePath($0.file, workspace.planPath) && $0.line != nil })
    }

    /// Errors in the plan, a region file and the design catalogue are reported together too.
    @Test func errorsInEveryFileAreReportedTogether() throws {
        let workspace = try InputWorkspace()
        try workspace.writeRegion("beta", Fix.region("beta").edited("country: US", "country: usa"))
        try workspace.writeDesigns(Fix.designs.edited("peak_tflops: {value: 2000", "peak_tflops: {value: -2000"))
        let error = try workspace.loadError(plan: Fix.plan.edited("discount_rate: 0.08", "discount_rat: 0.08"))
        let files = Set(error.errors.map { URL(fileURLWithPath: $0.file).lastPathComponent })
        // (alpha.yaml too: with d2 rejected, its `{design: d2}` names an unknown design.)
        #expect(files.isSuperset(of: ["test.yaml", "beta.yaml", "designs.yaml"]), "\(error)")
        let paths = error.errors.map(\.fieldPath)
        #expect(paths.contains("designs[d2].peak_tflops.value") && paths.contains("country") && paths.contains("discount_rat"), "\(paths)")
    }

    /// The same when the plan's error leaves it without a model mix: the region and design files are still read and
    /// their errors reported with the plan's.
    @Test func errorsInEveryFileAreReportedEvenWhenThePlanIsUnreadable() throws {
        let workspace = try InputWorkspace()
        try workspace.writeRegion("beta", Fix.region("beta").edited("country: US", "country: usa"))
        try workspace.writeDesigns(Fix.designs.edited("peak_tflops: {value: 2000", "peak_tflops: {value: -2000"))
        let error = try workspace.loadError(plan: Fix.plan.edited("input_share: 0.8", "input_share: 1.8"))
        #expect(error.errors.map(\.fieldPath).contains("model_mix.input_share"))
        let files = Set(error.errors.map { URL(fileURLWithPath: $0.file).lastPathComponent })
        #expect(files.isSuperset(of: ["test.yaml", "beta.yaml", "designs.yaml"]), "\(error)")
        expectError(error, fieldPath: "country", file: workspace.regionPath("beta"), line: 3, column: 10, containing: ["'usa' is not an ISO 3166 alpha-2 code"])
        expectError(error, fieldPath: "designs[d2].peak_tflops.value", file: workspace.designsPath,
                    line: TestSupport.line(of: "peak_tflops: {value: 2000", in: Fix.designs), containing: ["-2000 is out of range"])
    }

    // MARK: - locations when an earlier list element was rejected

    /// `regions: [alpha, alpha, nowhere]`: the unknown region is reported at its own element, index 2.
    @Test func unknownRegionAfterADuplicateIsLocatedAtItsOwnElement() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("regions: [alpha, beta]", "regions: [alpha, alpha, nowhere]")
            .edited("sites: [alpha, beta]", "sites: [alpha]")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "regions[2]", file: workspace.planPath, line: 6, column: TestSupport.column(of: "nowhere", in: plan),
                    containing: ["unknown region 'nowhere'"])
        expectError(error, fieldPath: "regions[1]", file: workspace.planPath, line: 6, column: TestSupport.column(of: "alpha, nowhere", in: plan),
                    containing: ["region 'alpha' is listed twice"])
        #expect(error.errors.count == 2, "\(error)")
    }

    /// Zone `a` fails to read (bad rate), zone `y` names an unknown site at index 0: zones are paired with their fields by
    /// id, so `y`'s error is located in `y`.
    @Test func unknownSiteAfterARejectedZoneIsLocatedInItsOwnZone() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("  - id: z\n", """
              - id: a
                growth: {model: cagr, rate_per_year: lots}
                served_by: {sites: [alpha]}
              - id: y
                growth: {model: anchors, points: {2025: 1.0e+15, 2030: 1.0e+16}}
                served_by: {sites: [gamma]}
              - id: z

            """)
        let error = try workspace.loadError(plan: plan)
        #expect(error.errors.contains { $0.fieldPath == "zones[a].growth.rate_per_year" })
        expectError(error, fieldPath: "zones[y].served_by.sites[0]", file: workspace.planPath, line: TestSupport.line(of: "sites: [gamma]", in: plan),
                    column: TestSupport.column(of: "gamma", in: plan), containing: ["unknown site 'gamma'"])
        #expect(error.errors.count == 2, "\(error)")
    }

    /// Same, with `y`'s unknown site at index 1 while the rejected zone `a` lists one site (this used to index `a`'s
    /// one-element list at 1 and trap). Run in a child process so that a trap cannot take the test run down.
    @Test func unknownSiteAfterARejectedZoneDoesNotCrash() async {
        await #expect(processExitsWith: .success) {
            let workspace = try InputWorkspace()
            let plan = InputFixtures.plan.edited("  - id: z\n", """
                  - id: a
                    growth: {model: cagr, rate_per_year: lots}
                    served_by: {sites: [alpha]}
                  - id: y
                    growth: {model: anchors, points: {2025: 1.0e+15, 2030: 1.0e+16}}
                    served_by: {sites: [alpha, gamma]}
                  - id: z

                """)
            do {
                _ = try workspace.load(plan: plan)
                exit(3)   // it must not load
            } catch let error as InputError {
                // A clean InputError naming both problems, the unknown site at y's own element.
                guard error.errors.contains(where: { $0.fieldPath == "zones[a].growth.rate_per_year" }) else { exit(2) }
                guard let site = error.errors.first(where: { $0.message.contains("unknown site 'gamma'") }) else { exit(4) }
                guard site.fieldPath == "zones[y].served_by.sites[1]",
                      site.line == TestSupport.line(of: "sites: [alpha, gamma]", in: plan),
                      site.column == TestSupport.column(of: "gamma", in: plan) else { exit(5) }
            }
        }
    }
}
