import Foundation
import Testing
@testable import TokenGrid

/// Loading plans, regions and designs: values read, defaults filled, overrides applied, warnings kept apart from errors.
@Suite("Input loading")
struct InputLoadingTests {
    @Test func fixturePlanLoadsEveryField() throws {
        let workspace = try InputWorkspace()
        let scenario = try workspace.load()
        let plan = scenario.plan
        #expect(scenario.warnings.isEmpty, "\(scenario.warnings)")
        #expect(plan.name == "test-plan")
        #expect(plan.description == "A small plan for tests")
        #expect(plan.years == [2025, 2026, 2027])
        #expect(plan.discountRate == 0.08)
        #expect(plan.unservedPenaltyUSDPerMTok == 100)
        #expect(plan.regionIDs == ["alpha", "beta"])
        #expect(scenario.regions.map(\.id) == ["alpha", "beta"])
        #expect(scenario.designs.map(\.id) == ["d1", "d2"])
        #expect(plan.timeSlices.count == 24)
        #expect(plan.modelMix.inputShare == 0.8)
        #expect(plan.modelMix.classes.map(\.id) == ["m10", "m50"])
        // Shares interpolate linearly: m10 0.6 (2025) → 0.8 (2030), so 0.64 in 2026.
        #expect(TestSupport.close(plan.modelMix.share(of: plan.modelMix.classes[0], in: 2026), 0.64, relative: 1e-12))
        #expect(plan.modelMix.classes[0].isMixtureOfExperts && !plan.modelMix.classes[1].isMixtureOfExperts)

        let zone = try #require(plan.zones.first)
        #expect(zone.id == "z" && zone.name == "Zone Z")
        #expect(zone.location == GeoLocation(lat: 40.5, lon: -99.5))
        #expect(zone.base == TokenVolume(tokens: 7e12, per: .week, date: CalendarDate(year: 2026, month: 7, day: 2)!, source: "test observation"))
        #expect(zone.growth == .cagr(ratePerYear: 1.0))
        #expect(zone.servedBy == .sites(["alpha", "beta"]))
        #expect(zone.networkCostUSDPerMTok == 0.01)
        #expect(zone.shape == .flat)

        let alpha = try #require(scenario.region("alpha"))
        #expect(TestSupport.samePath(alpha.file, workspace.regionPath("alpha")))
        #expect(alpha.name == "Test site alpha" && alpha.country == "US")
        #expect(alpha.grid.baseYear == 2025)
        #expect(alpha.grid.firmCapacityMW == Figure(1265, source: "test grid operator", year: 2025))
        #expect(alpha.grid.minReserveMargin == Figure(0.15, assumption: true, reason: "test"))
        #expect(alpha.grid.loadShape.source == "test load curve" && alpha.grid.loadShape.year == 2024)
        #expect(alpha.dataCentre.pue.value == 1.2)
        #expect(alpha.dataCentre.existing.map(\.design) == ["d1"])
        #expect(alpha.dataCentre.existing.first?.builtYear == 2024)
        #expect(alpha.renewables.map(\.kind) == [.solar])
        #expect(alpha.clusterDesigns.map(\.design) == ["d1", "d2"])
        #expect(alpha.clusterDesigns[1].capexMultiplier.value == 1.1)
        // Growth: 1265 MW firm growing 2%/yr → 1265 × 1.02² = 1316.106 MW in 2027; margin before data centres 2025 = 26.5%.
        #expect(TestSupport.close(alpha.grid.firmCapacityMW(in: 2027), 1316.106, relative: 1e-12))
        #expect(TestSupport.close(alpha.grid.reserveMarginBeforeDataCentres(in: 2025), 0.265, relative: 1e-12))
    }

    /// Optional fields take their documented defaults: years 2025–2030, discount 0.08, penalty 100, seasons4x6,
    /// growth/escalation figures 0, capex multiplier 1, no renewables, no existing clusters, flat shapes.
    @Test func defaultsAreFilledIn() throws {
        let minimalRegion = """
            id: gamma
            name: Gamma
            country: SE
            location: {lat: 60, lon: 15}
            utc_offset_hours: 1
            grid:
              base_year: 2024
              firm_capacity_mw: {value: 2000, source: "s", year: 2024}
              peak_load_mw: {value: 1500, source: "s", year: 2024}
              min_reserve_margin: {value: 0.1, source: "s", year: 2024}
              price_usd_per_mwh: {value: 40, source: "s", year: 2024}
              carbon_t_per_mwh: {value: 0.05, source: "s", year: 2024}
            data_centre:
              pue: {value: 1.1, source: "s", year: 2024}
              max_it_mw_per_year: {value: 100, source: "s", year: 2024}
              max_it_mw_total: {value: 500, source: "s", year: 2024}
              earliest_build_year: {value: 2026, source: "s", year: 2024}
            cluster_designs: [{design: d1}]
            """
        let workspace = try InputWorkspace(regions: ["gamma": minimalRegion])
        let plan = """
            name: minimal
            regions: [gamma]
            model_mix:
              input_share: 0.7
              classes: [{id: m, active_params_b: 10, total_params_b: 10, share: 1}]
            zones:
              - id: z
                growth: {model: anchors, points: {2025: 1.0e+15, 2030: 1.0e+16}}
                served_by: {sites: [gamma]}
            """
        let scenario = try workspace.load(plan: plan)
        #expect(scenario.warnings.isEmpty, "\(scenario.warnings)")
        #expect(scenario.plan.years == Array(2025 ... 2030))
        #expect(scenario.plan.discountRate == 0.08)
        #expect(scenario.plan.unservedPenaltyUSDPerMTok == 100)
        #expect(scenario.plan.timeSlices == TimeSlicePreset.seasons4x6.slices)
        #expect(scenario.plan.description == "")
        #expect(scenario.plan.carbonPriceUSDPerTonne == nil && scenario.plan.budgetUSDPerYear == nil)
        #expect(scenario.plan.modelMix.classes[0].name == "m")
        #expect(scenario.plan.modelMix.share(of: scenario.plan.modelMix.classes[0], in: 2029) == 1)
        let zone = try #require(scenario.plan.zones.first)
        #expect(zone.name == "z" && zone.networkCostUSDPerMTok == 0 && zone.shape == .flat && zone.base == nil)
        let gamma = try #require(scenario.region("gamma"))
        #expect(gamma.grid.firmCapacityGrowthPerYear.value == 0 && gamma.grid.firmCapacityGrowthPerYear.isAttributed)
        #expect(gamma.grid.peakLoadGrowthPerYear.value == 0 && gamma.grid.priceEscalationPerYear.value == 0)
        #expect(gamma.grid.loadShape == .flat)
        #expect(gamma.renewables.isEmpty && gamma.dataCentre.existing.isEmpty)
        #expect(gamma.clusterDesigns.first?.capexMultiplier.value == 1)
        // Flat in time with zero growth figures.
        #expect(gamma.grid.priceUSDPerMWh(in: 2030) == 40)
    }

    /// Year maps: linear between given years, flat outside; a bare number applies to every year.
    @Test func yearMapsReadAndInterpolate() throws {
        let plan = InputFixtures.plan.edited("discount_rate: 0.08\n", """
            discount_rate: 0.08
            carbon_price_usd_per_t: {2025: 0, 2030: 80}
            carbon_cap_t_per_year: {2027: 1.0e+6}
            budget_usd_per_year: {2026: 5.0e+9, 2027: 6.0e+9}

            """)
        let scenario = try InputWorkspace().load(plan: plan)
        let price = try #require(scenario.plan.carbonPriceUSDPerTonne)
        // 0 → 80 over 5 years: 16 per year; 2027 → 32. Before 2025: 0; after 2030: 80.
        #expect(price.value(in: 2027) == 32 && price.value(in: 2020) == 0 && price.value(in: 2040) == 80)
        let cap = try #require(scenario.plan.carbonCapTonnesPerYear)
        #expect(cap.given(in: 2027) == 1e6 && cap.given(in: 2026) == nil)
        #expect(scenario.plan.budgetUSDPerYear?.given(in: 2026) == 5e9 && scenario.plan.budgetUSDPerYear?.given(in: 2025) == nil)
    }

    // MARK: - overrides that succeed

    /// The plan's own overrides replace a figure's value and keep its attribution.
    @Test func planOverridesChangeValues() throws {
        let plan = InputFixtures.plan + """
            overrides:
              regions.alpha.grid.price_usd_per_mwh: 30
              zones.z.growth.rate_per_year: 1.5
              discount_rate: 0.06
              zones.z.served_by.sites: [beta]

            """
        let scenario = try InputWorkspace().load(plan: plan)
        let alpha = try #require(scenario.region("alpha"))
        #expect(alpha.grid.priceUSDPerMWh == Figure(30, source: "test tariff", year: 2025))
        #expect(scenario.region("beta")?.grid.priceUSDPerMWh.value == 50, "other regions are unchanged")
        #expect(scenario.plan.zones.first?.growth == .cagr(ratePerYear: 1.5))
        #expect(scenario.plan.zones.first?.servedBy == .sites(["beta"]))
        #expect(scenario.plan.discountRate == 0.06)
        #expect(scenario.plan.overridesApplied == ["regions.alpha.grid.price_usd_per_mwh = 30", "zones.z.growth.rate_per_year = 1.5",
                                                   "discount_rate = 0.06", "zones.z.served_by.sites = …"])
    }

    /// `sets:` (the command line's `--set`) change values and apply after the plan's own overrides.
    @Test func setsChangeValuesAfterThePlansOverrides() throws {
        let plan = InputFixtures.plan + "overrides:\n  discount_rate: 0.07\n"
        let scenario = try InputWorkspace().load(plan: plan, sets: [
            "regions.alpha.grid.price_usd_per_mwh=30",
            "zones.z.growth.rate_per_year=2.5",
            "discount_rate=0.05",
            "zones.0.network_cost_usd_per_mtok=0.5",     // a list element by index
            "regions.beta.data_centre.pue=1.05",
        ])
        #expect(scenario.region("alpha")?.grid.priceUSDPerMWh.value == 30)
        #expect(scenario.region("alpha")?.grid.priceUSDPerMWh.source == "test tariff")
        #expect(scenario.plan.zones.first?.growth == .cagr(ratePerYear: 2.5))
        #expect(scenario.plan.discountRate == 0.05)
        #expect(scenario.plan.zones.first?.networkCostUSDPerMTok == 0.5)
        #expect(scenario.region("beta")?.dataCentre.pue.value == 1.05)
        #expect(scenario.plan.overridesApplied.last == "regions.beta.data_centre.pue = 1.05")
    }

    /// The same on a shipped plan: `--set regions.ningxia.grid.price_usd_per_mwh=30` and the zone's growth rate.
    @Test func setsOnTheShippedQuickstart() throws {
        let path = TestSupport.repositoryPath("Plans/quickstart.yaml")
        let before = try PlanLoader.load(planAt: path)
        let after = try PlanLoader.load(planAt: path, sets: ["regions.ningxia.grid.price_usd_per_mwh=30", "zones.world.growth.rate_per_year=1.5"])
        #expect(before.region("ningxia")?.grid.priceUSDPerMWh.value == 53)
        #expect(after.region("ningxia")?.grid.priceUSDPerMWh.value == 30)
        #expect(after.region("ningxia")?.grid.priceUSDPerMWh.reason == before.region("ningxia")?.grid.priceUSDPerMWh.reason)
        #expect(before.plan.zones.first?.growth == .cagr(ratePerYear: 1.0))
        #expect(after.plan.zones.first?.growth == .cagr(ratePerYear: 1.5))
        // Demand follows: ×2.5 per year instead of ×2.
        let projected = DemandProjection(scenario: after).zone("world")
        let factor = (projected?.years[1].tokensPerYear ?? 0) / (projected?.years[0].tokensPerYear ?? 1)
        #expect(TestSupport.close(factor, 2.5, relative: 1e-12))
    }

    /// `designs.<id>.<field>` overrides (documented in Override.swift) change that design's figure in designs.yaml,
    /// keep its attribution and leave the other designs alone.
    @Test func designOverrideChangesTheDesign() throws {
        let workspace = try InputWorkspace()
        let scenario = try workspace.load(sets: ["designs.d1.peak_tflops=2000"])
        #expect(scenario.design("d1")?.peakTFLOPS.value == 2000)
        #expect(scenario.design("d1")?.peakTFLOPS.source == "test datasheet")
        #expect(scenario.design("d2")?.peakTFLOPS.value == 2000, "d2's own value, unchanged")
        #expect(scenario.design("d2")?.powerWPerAccelerator.value == 1500)
        #expect(scenario.plan.overridesApplied == ["designs.d1.peak_tflops = 2000"])
    }

    /// The same from the plan's `overrides:`, on a design field inside a list element named by its index (`measured.0.…`).
    @Test func designOverridesInThePlanReachNestedFields() throws {
        let plan = InputFixtures.plan + """
            overrides:
              designs.d2.measured.0.output_tokens_per_s: 9000
              designs.d1.max_utilisation: 0.9

            """
        let scenario = try InputWorkspace().load(plan: plan)
        #expect(scenario.design("d2")?.measured.first?.outputTokensPerS == Figure(9000, source: "test benchmark", year: 2025))
        #expect(scenario.design("d1")?.maxUtilisation.value == 0.9)
        #expect(scenario.design("d2")?.maxUtilisation.value == 0.7)
    }

    /// Known optional fields that the file leaves out may be set by an override (`carbon_cap_t_per_year`, `description`).
    @Test func overridesMaySetAbsentOptionalFields() throws {
        let plan = InputFixtures.plan.edited("description: \"A small plan for tests\"\n", "") + """
            overrides:
              description: "set by override"
              carbon_cap_t_per_year: {2026: 5.0e+5}

            """
        let scenario = try InputWorkspace().load(plan: plan)
        #expect(scenario.plan.description == "set by override")
        #expect(scenario.plan.carbonCapTonnesPerYear?.given(in: 2026) == 5e5)
        #expect(scenario.plan.carbonCapTonnesPerYear?.given(in: 2025) == nil)
    }

    /// `years` may be left out (2025–2030), but a `years` mapping must give both `first` and `last`: a half-written
    /// horizon is an error at the mapping, not a silent default.
    @Test(arguments: ["{first: 2026}", "{last: 2027}", "{}"])
    func yearsNeedsBothKeys(years: String) throws {
        let plan = InputFixtures.plan.edited("years: {first: 2025, last: 2027}", "years: \(years)")
        let error = try InputWorkspace().loadError(plan: plan)
        #expect(error.errors.contains { $0.fieldPath.hasPrefix("years") && $0.message.contains("both first and last") }, "\(error)")
        let omitted = try InputWorkspace().load(plan: InputFixtures.plan.edited("years: {first: 2025, last: 2027}\n", ""))
        #expect(omitted.plan.years == Array(2025 ... 2030))
    }

    // MARK: - warnings

    /// A bare number, a figure without a source, an assumption without a reason, an unattributed profile and a base
    /// volume without a source each give a warning (file, line, field path) and the plan still loads.
    @Test func unattributedFiguresWarnButLoad() throws {
        let region = InputFixtures.region("alpha")
            .edited(#"firm_capacity_mw: {value: 1265, source: "test grid operator", year: 2025}"#, "firm_capacity_mw: 1265")
            .edited(#"peak_load_mw: {value: 1000, source: "test grid operator", year: 2025}"#, "peak_load_mw: {value: 1000}")
            .edited(#"pue: {value: 1.2, assumption: true, reason: "test"}"#, "pue: {value: 1.2, assumption: true}")
            .edited("    source: \"test load curve\"\n    year: 2024\n", "")
        let workspace = try InputWorkspace()
        try workspace.writeRegion("alpha", region)
        let plan = InputFixtures.plan.edited(#", source: "test observation"}"#, "}")
        let scenario = try workspace.load(plan: plan)
        let warnings = scenario.warnings
        #expect(warnings.allSatisfy { $0.severity == .warning })
        func warning(_ path: String) -> Diagnostic? { warnings.first { $0.fieldPath == path } }

        let bare = try #require(warning("grid.firm_capacity_mw"), "\(warnings)")
        #expect(TestSupport.samePath(bare.file, workspace.regionPath("alpha")))
        #expect(bare.line == TestSupport.line(of: "firm_capacity_mw: 1265", in: region))
        #expect(bare.column == TestSupport.column(of: "1265", in: region))
        #expect(bare.message.contains("figure has no source"))

        let unsourced = try #require(warning("grid.peak_load_mw"))
        #expect(unsourced.line == TestSupport.line(of: "peak_load_mw: {value: 1000}", in: region))
        #expect(unsourced.message.contains("no source and year"))

        let noReason = try #require(warning("data_centre.pue"))
        #expect(noReason.line == TestSupport.line(of: "pue: {value: 1.2, assumption: true}", in: region))
        #expect(noReason.message.contains("assumption has no reason"))

        let profile = try #require(warning("grid.load_shape"))
        #expect(profile.line == TestSupport.line(of: "monthly: [1.0, 0.9", in: region))
        #expect(profile.message.contains("profile has no source"))

        let base = try #require(warning("zones[z].base"))
        #expect(TestSupport.samePath(base.file, workspace.root + "/Plans/test.yaml"))
        #expect(base.line == TestSupport.line(of: "base: {tokens", in: plan))
        #expect(base.message.contains("no source"))

        #expect(warnings.count == 5, "\(warnings.map(\.description).joined(separator: "\n"))")
        // The values are still read.
        #expect(scenario.region("alpha")?.grid.firmCapacityMW.value == 1265)
        #expect(scenario.region("alpha")?.grid.firmCapacityMW.isAttributed == false)
    }

    /// When a file also has errors, the thrown ``InputError`` keeps warnings apart from errors.
    @Test func errorsAndWarningsAreSeparate() throws {
        let workspace = try InputWorkspace()
        try workspace.writeRegion("alpha", InputFixtures.region("alpha")
            .edited(#"firm_capacity_mw: {value: 1265, source: "test grid operator", year: 2025}"#, "firm_capacity_mw: 1265"))
        let error = try workspace.loadError(plan: InputFixtures.plan.edited("discount_rate: 0.08", "discount_rate: 2"))
        #expect(error.errors.map(\.fieldPath) == ["discount_rate"])
        #expect(error.errors.allSatisfy { $0.severity == .error })
        #expect(error.warnings.map(\.fieldPath) == ["grid.firm_capacity_mw"])
        #expect(error.warnings.allSatisfy { $0.severity == .warning })
        #expect(!error.description.contains("warning"), "the error text lists errors only")
    }

    /// `file:line:column: severity: field: message`, the form editors understand.
    @Test func diagnosticDescription() {
        let diagnostic = Diagnostic(severity: .error, file: "Plans/p.yaml", line: 4, column: 16, fieldPath: "discount_rate", message: "bad")
        #expect(diagnostic.description == "Plans/p.yaml:4:16: error: discount_rate: bad")
        let unplaced = Diagnostic(severity: .warning, file: "command line", line: nil, column: nil, fieldPath: "", message: "note")
        #expect(unplaced.description == "command line: warning: note")
    }

    @Test func calendarDates() {
        #expect(CalendarDate("2026-02-29") == nil)
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate("2026-13-01") == nil && CalendarDate("26-1") == nil)
        // Exactly YYYY-MM-DD: no missing zero padding, extra parts, signs, blanks or non-ASCII digits.
        for text in ["2026-7-2", "2026-07-2", "2026-7-02", "02026-07-02", "2026-07-02-", "2026--07-02", "+2026-07-02", "2026-+7-02",
                     " 2026-07-02", "2026-07-02 ", "٢٠٢٦-٠٧-٠٢"] {
            #expect(CalendarDate(text) == nil, "\(text.debugDescription)")
        }
        #expect(CalendarDate("2026-07-02") == CalendarDate(year: 2026, month: 7, day: 2))
        // 2026-01-01 at mid-day: 2026 + 0.5/365.
        #expect(CalendarDate("2026-01-01")?.decimalYear == 2026 + 0.5 / 365)
        // Leap year: 2024-12-31 is day 366: 2024 + 365.5/366.
        #expect(CalendarDate("2024-12-31")?.decimalYear == 2024 + 365.5 / 366)
    }
}
