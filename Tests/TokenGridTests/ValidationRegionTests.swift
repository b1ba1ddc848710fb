import Foundation
import Testing
@testable import TokenGrid

/// Errors in region files and the design catalogue: file, line, column, field path and what was expected.
@Suite("Validation: region and design files")
struct ValidationRegionTests {
    typealias Fix = InputFixtures

    /// Writes `alpha.yaml` edited by `edit`, loads the fixture plan, returns the error and the edited text.
    static func alphaError(_ edit: (String) -> String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (InputWorkspace, InputError, String) {
        let workspace = try InputWorkspace()
        let text = edit(Fix.region("alpha"))
        try workspace.writeRegion("alpha", text)
        return (workspace, try workspace.loadError(sourceLocation: sourceLocation), text)
    }

    @Test func unknownKeyInGridSuggestsTheNearest() throws {
        let (workspace, error, text) = try Self.alphaError { $0.edited("  peak_load_mw:", "  peak_lod_mw:") }
        expectError(error, fieldPath: "grid.peak_lod_mw", file: workspace.regionPath("alpha"), line: TestSupport.line(of: "peak_lod_mw", in: text),
                    column: 3, containing: ["unknown key 'peak_lod_mw'", "(did you mean 'peak_load_mw'?)"])
        // The real field is then missing too: reported at the grid mapping (its first key, line 6, column 3).
        expectError(error, fieldPath: "grid.peak_load_mw", file: workspace.regionPath("alpha"), line: 6, column: 3,
                    containing: ["missing required figure", "value in MW"])
        #expect(error.errors.count == 2, "\(error)")
    }

    @Test func unknownKeyInsideAFigure() throws {
        let (workspace, error, text) = try Self.alphaError {
            $0.edited(#"pue: {value: 1.2, assumption: true, reason: "test"}"#, #"pue: {value: 1.2, assumption: true, reasn: "test"}"#)
        }
        expectError(error, fieldPath: "data_centre.pue.reasn", file: workspace.regionPath("alpha"), line: TestSupport.line(of: "reasn", in: text),
                    column: TestSupport.column(of: "reasn", in: text), containing: ["(did you mean 'reason'?)", "value, source, year, assumption, reason"])
    }

    @Test func wordWhereAFigureValueIsExpected() throws {
        let (workspace, error, text) = try Self.alphaError { $0.edited("peak_load_mw: {value: 1000", "peak_load_mw: {value: lots") }
        expectError(error, fieldPath: "grid.peak_load_mw.value", file: workspace.regionPath("alpha"), line: 9,
                    column: TestSupport.column(of: "lots", in: text), containing: ["expected a number in MW", "found 'lots'"])
    }

    @Test func quotedNumberIsAString() throws {
        let (workspace, error, text) = try Self.alphaError { $0.edited("max_it_mw_total: {value: 1000", #"max_it_mw_total: {value: "1000""#) }
        expectError(error, fieldPath: "data_centre.max_it_mw_total.value", file: workspace.regionPath("alpha"),
                    line: TestSupport.line(of: "max_it_mw_total", in: text), column: TestSupport.column(of: #""1000""#, in: text),
                    containing: [#"found the string "1000""#])
    }

    @Test func listWhereAMappingIsExpected() throws {
        let (workspace, error, _) = try Self.alphaError { $0.edited("location: {lat: 40.0, lon: -100.0}", "location: [40.0, -100.0]") }
        expectError(error, fieldPath: "location", file: workspace.regionPath("alpha"), line: 4, column: 11,
                    containing: ["expected a mapping with keys lat, lon", "found a list"])
    }

    @Test func mappingWhereAStringIsExpected() throws {
        let (workspace, error, _) = try Self.alphaError { $0.edited("country: US", "country: {code: US}") }
        expectError(error, fieldPath: "country", file: workspace.regionPath("alpha"), line: 3, column: 10, containing: ["expected a string, found a mapping"])
    }

    @Test func missingRequiredFields() throws {
        let (workspace, error, _) = try Self.alphaError {
            $0.edited("country: US\n", "").edited(#"  carbon_t_per_mwh: {value: 0.4, source: "test inventory", year: 2024}"# + "\n", "")
        }
        expectError(error, fieldPath: "country", file: workspace.regionPath("alpha"), line: 1, column: 1, containing: ["missing required field"])
        // grid: now starts on line 4 (country removed), its first key on line 5.
        expectError(error, fieldPath: "grid.carbon_t_per_mwh", file: workspace.regionPath("alpha"), line: 5, column: 3,
                    containing: ["missing required figure", "tCO2/MWh"])
    }

    @Test func missingSection() throws {
        let workspace = try InputWorkspace()
        var text = Fix.region("alpha")
        let start = try #require(text.range(of: "data_centre:")), end = try #require(text.range(of: "renewables:"))
        text.removeSubrange(start.lowerBound ..< end.lowerBound)
        try workspace.writeRegion("alpha", text)
        let error = try workspace.loadError()
        expectError(error, fieldPath: "data_centre", file: workspace.regionPath("alpha"), line: 1, column: 1, containing: ["missing required section 'data_centre'"])
    }

    // MARK: - negative capacities

    @Test(arguments: [
        ("firm_capacity_mw: {value: 1265", "firm_capacity_mw: {value: -5", "grid.firm_capacity_mw.value", "-5 is out of range; expected a value from 0 to 10000000 MW"),
        ("max_it_mw_total: {value: 1000", "max_it_mw_total: {value: -1", "data_centre.max_it_mw_total.value", "-1 is out of range"),
        ("max_it_mw_per_year: {value: 200", "max_it_mw_per_year: {value: -200", "data_centre.max_it_mw_per_year.value", "-200 is out of range"),
        ("max_build_mw: {value: 500", "max_build_mw: {value: -500", "renewables.solar.max_build_mw.value", "-500 is out of range"),
        ("it_mw: {value: 10", "it_mw: {value: -10", "data_centre.existing[0].it_mw.value", "-10 is out of range"),
        ("peak_load_mw: {value: 1000", "peak_load_mw: {value: -1000", "grid.peak_load_mw.value", "-1000 is out of range"),
    ])
    func negativeCapacities(old: String, new: String, fieldPath: String, message: String) throws {
        let (workspace, error, text) = try Self.alphaError { $0.edited(old, new) }
        let number = String(new.split(separator: " ").last!)
        expectError(error, fieldPath: fieldPath, file: workspace.regionPath("alpha"), line: TestSupport.line(of: new, in: text),
                    column: TestSupport.column(of: number + ",", in: text), containing: [message])
    }

    /// Zero firm capacity passes the range check but is rejected as non-positive, on the grid section.
    @Test func zeroFirmCapacity() throws {
        let (workspace, error, _) = try Self.alphaError { $0.edited("firm_capacity_mw: {value: 1265", "firm_capacity_mw: {value: 0") }
        expectError(error, fieldPath: "grid", file: workspace.regionPath("alpha"), line: 6, column: 3,
                    containing: ["firm_capacity_mw and peak_load_mw must be positive"])
    }

    // MARK: - reserve margin in [0, 5]

    @Test(arguments: ["5.5", "-0.1", "100"])
    func reserveMarginOutsideRange(value: String) throws {
        let (workspace, error, text) = try Self.alphaError { $0.edited("min_reserve_margin: {value: 0.15", "min_reserve_margin: {value: \(value)") }
        expectError(error, fieldPath: "grid.min_reserve_margin.value", file: workspace.regionPath("alpha"), line: 11,
                    column: TestSupport.column(of: "\(value), assumption", in: text),
                    containing: ["\(value) is out of range", "expected a value from 0 to 5 fraction"])
    }

    @Test(arguments: [0.0, 5.0])
    func reserveMarginBoundsAreAccepted(value: Double) throws {
        let workspace = try InputWorkspace()
        try workspace.writeRegion("alpha", Fix.region("alpha").edited("min_reserve_margin: {value: 0.15", "min_reserve_margin: {value: \(value)"))
        let scenario = try workspace.load()
        #expect(scenario.region("alpha")?.grid.minReserveMargin.value == value)
    }

    @Test func otherRangeChecks() throws {
        let (workspace, error, text) = try Self.alphaError {
            $0.edited("pue: {value: 1.2", "pue: {value: 0.9")
                .edited("capacity_factor: {value: 0.2", "capacity_factor: {value: 1.2")
                .edited("location: {lat: 40.0, lon: -100.0}", "location: {lat: 95, lon: -100.0}")
                .edited("country: US", "country: usa")
        }
        let file = workspace.regionPath("alpha")
        expectError(error, fieldPath: "data_centre.pue.value", file: file, line: TestSupport.line(of: "pue:", in: text), containing: ["0.9 is out of range", "from 1 to 3"])
        expectError(error, fieldPath: "renewables.solar.capacity_factor.value", file: file, line: TestSupport.line(of: "capacity_factor", in: text),
                    containing: ["1.2 is out of range"])
        expectError(error, fieldPath: "location.lat", file: file, line: 4, column: 17, containing: ["95 is out of range", "-90 to 90 degrees"])
        expectError(error, fieldPath: "country", file: file, line: 3, column: 10, containing: ["'usa' is not an ISO 3166 alpha-2 code"])
    }

    /// "two capital letters" (docs/input-format.md): A–Z only, so digits, lower case, non-ASCII letters and other lengths are rejected.
    @Test(arguments: ["U1", "12", "Us", "ÄB", "U", "USA"])
    func countryCodeMustBeTwoCapitalLetters(code: String) throws {
        let workspace = try InputWorkspace()
        try workspace.writeRegion("alpha", Fix.region("alpha").edited("country: US", "country: \(code)"))
        let error = try workspace.loadError()
        expectError(error, fieldPath: "country", file: workspace.regionPath("alpha"), line: 3, column: 10,
                    containing: ["'\(code)' is not an ISO 3166 alpha-2 code", "two capital letters"])
        #expect(error.errors.count == 1, "\(error)")
    }

    @Test func profileErrors() throws {
        let (workspace, error, text) = try Self.alphaError {
            $0.edited("monthly: [1.0, 0.9, 0.9, 0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 0.8, 0.9, 1.0]", "monthly: [1.0, 0.9, 0.9]")
        }
        expectError(error, fieldPath: "grid.load_shape.monthly", file: workspace.regionPath("alpha"), line: TestSupport.line(of: "monthly", in: text),
                    column: 14, containing: ["expected exactly 12 numbers, found 3"])
    }

    /// A missing profile list gives one error (not a second "missing required list"), at the profile mapping.
    @Test func missingProfileListIsOneError() throws {
        let (workspace, error, text) = try Self.alphaError { $0.edited("    hourly: [0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 0.8, 0.8, 0.7]\n", "") }
        expectError(error, fieldPath: "grid.load_shape.hourly", file: workspace.regionPath("alpha"), line: TestSupport.line(of: "monthly:", in: text),
                    column: 5, containing: ["missing required list of 24 numbers"])
        #expect(error.errors.count == 1, "\(error)")
    }

    /// An empty profile list is an error (it used to be dropped silently, leaving the profile flat).
    @Test func emptyProfileListIsAnError() throws {
        let (workspace, error, text) = try Self.alphaError {
            $0.edited("monthly: [1.0, 0.9, 0.9, 0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 0.8, 0.9, 1.0]", "monthly: []")
        }
        expectError(error, fieldPath: "grid.load_shape.monthly", file: workspace.regionPath("alpha"), line: TestSupport.line(of: "monthly", in: text),
                    column: 14, containing: ["expected exactly 12 numbers, found 0"])
        #expect(error.errors.count == 1, "\(error)")
    }

    @Test func regionIDMustMatchItsFileName() throws {
        let (workspace, error, _) = try Self.alphaError { $0.edited("id: alpha", "id: beta") }
        expectError(error, fieldPath: "id", file: workspace.regionPath("alpha"), line: 1, column: 5,
                    containing: ["id 'beta' does not match the file name", "expected 'alpha'"])
    }

    /// `country: [US` never closes: libyaml reports it where it gives up (the next line), with a column.
    @Test func yamlSyntaxErrorInARegionFile() throws {
        let (workspace, error, _) = try Self.alphaError { $0.edited("country: US", "country: [US") }
        let diagnostic = try #require(error.errors.first)
        #expect(TestSupport.samePath(diagnostic.file, workspace.regionPath("alpha")))
        #expect(diagnostic.message.hasPrefix("YAML syntax: "), "\(diagnostic)")
        #expect(diagnostic.line == 4 && diagnostic.column == 9, "\(diagnostic)")
        #expect(diagnostic.fieldPath == "")
    }

    // MARK: - designs

    /// `{design: d9}` names no design of the catalogue: the cross-file check reports it in the region file at the
    /// `design:` value, with line and column, and likewise the existing cluster whose design is no longer hosted.
    @Test func unknownClusterDesignInARegion() throws {
        let (workspace, error, text) = try Self.alphaError { $0.edited("  - {design: d1}", "  - {design: d9}") }
        expectError(error, fieldPath: "cluster_designs[0].design", file: workspace.regionPath("alpha"), line: TestSupport.line(of: "{design: d9}", in: text),
                    column: TestSupport.column(of: "d9}", in: text), containing: ["unknown cluster design 'd9'; expected one of: d1, d2"])
        // The existing d1 cluster is no longer among the hosted designs: reported too.
        expectError(error, fieldPath: "data_centre.existing[0].design", file: workspace.regionPath("alpha"),
                    line: TestSupport.line(of: "- {design: d1, it_mw", in: text), column: TestSupport.column(of: "d1, it_mw", in: text),
                    containing: ["existing cluster design 'd1' is not among this region's cluster_designs"])
        #expect(error.errors.count == 2, "\(error)")
    }

    /// A design listed twice in one region's `cluster_designs` is an error at the second listing.
    @Test func designListedTwiceInARegion() throws {
        let (workspace, error, text) = try Self.alphaError {
            $0.edited(#"  - {design: d2, capex_multiplier: {value: 1.1, assumption: true, reason: "test"}}"#, "  - {design: d1}")
        }
        // `  - {design: d1}`: the value starts in column 14.
        expectError(error, fieldPath: "cluster_designs[1].design", file: workspace.regionPath("alpha"),
                    line: TestSupport.line(of: "  - {design: d1}", in: text, occurrence: 2), column: 14,
                    containing: ["design 'd1' is listed twice"])
        #expect(error.errors.count == 1, "\(error)")
    }

    @Test func duplicateDesignIDs() throws {
        let workspace = try InputWorkspace()
        let designs = Fix.designs.edited("id: d2", "id: d1")
        try workspace.writeDesigns(designs)
        let error = try workspace.loadError()
        expectError(error, fieldPath: "designs[d1].id", file: workspace.designsPath, line: TestSupport.line(of: "id: d1", in: designs, occurrence: 2),
                    column: 9, containing: ["design id 'd1' is used twice"])
    }

    @Test func designFieldErrors() throws {
        let workspace = try InputWorkspace()
        let designs = Fix.designs
            .edited("    peak_tflops: {value: 1000", "    peak_tflop: {value: 1000")
            .edited("power_w_per_accelerator: {value: 1500", "power_w_per_accelerator: {value: -1500")
            .edited("output_tokens_per_s: {value: 8000", "output_tokens_per_s: {value: fast")
        try workspace.writeDesigns(designs)
        let error = try workspace.loadError()
        expectError(error, fieldPath: "designs[d1].peak_tflop", file: workspace.designsPath, line: TestSupport.line(of: "peak_tflop:", in: designs),
                    column: 5, containing: ["(did you mean 'peak_tflops'?)"])
        expectError(error, fieldPath: "designs[d1].peak_tflops", file: workspace.designsPath, line: TestSupport.line(of: "- id: d1", in: designs),
                    column: 5, containing: ["missing required figure", "TFLOP/s"])
        expectError(error, fieldPath: "designs[d2].power_w_per_accelerator.value", file: workspace.designsPath,
                    line: TestSupport.line(of: "-1500", in: designs), containing: ["-1500 is out of range", "from 1 to 100000 W"])
        expectError(error, fieldPath: "designs[d2].measured[0].output_tokens_per_s.value", file: workspace.designsPath,
                    line: TestSupport.line(of: "value: fast", in: designs), containing: ["expected a number in tokens/s", "found 'fast'"])
    }

    /// `designs: []` is an error at the list, not an empty catalogue.
    @Test func emptyDesignCatalogue() throws {
        let workspace = try InputWorkspace()
        try workspace.writeDesigns("designs: []\n")
        let error = try workspace.loadError()
        expectError(error, fieldPath: "designs", file: workspace.designsPath, line: 1, column: 10, containing: ["expected at least one cluster design"])
    }

    @Test func regionCatalogueReportsEveryFile() throws {
        let workspace = try InputWorkspace()
        try workspace.writeRegion("alpha", Fix.region("alpha").edited("min_reserve_margin: {value: 0.15", "min_reserve_margin: {value: 7"))
        try workspace.writeRegion("beta", Fix.region("beta").edited("id: beta", "id: gamma"))
        do {
            _ = try RegionCatalogue.load(directory: workspace.regionsDirectory)
            Issue.record("expected errors")
        } catch let error as InputError {
            expectError(error, fieldPath: "grid.min_reserve_margin.value", file: workspace.regionPath("alpha"), line: 11, containing: ["7 is out of range"])
            expectError(error, fieldPath: "id", file: workspace.regionPath("beta"), line: 1, column: 5, containing: ["does not match the file name"])
        }
        let empty = try TestSupport.makeTemporaryDirectory("empty")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: InputError.self) { try RegionCatalogue.load(directory: empty) }
    }
}
