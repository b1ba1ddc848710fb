import Foundation
import Testing
@testable import TokenGrid

/// Bad overrides, in the plan's `overrides:` and through `sets:` (the command line's `--set`).
@Suite("Validation: overrides")
struct ValidationOverrideTests {
    /// The fixture plan with one `overrides:` entry `key: value`; returns the error, the text and where the value sits.
    static func overrideError(_ key: String, _ value: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> (workspace: InputWorkspace, error: InputError, line: Int?, column: Int?) {
        let workspace = try InputWorkspace()
        let entry = "  \(key): \(value)"
        let plan = InputFixtures.plan + "overrides:\n\(entry)\n"
        let error = try workspace.loadError(plan: plan, sourceLocation: sourceLocation)
        // The override's diagnostics point at its value: column = 2 (indent) + key + ": " + 1.
        return (workspace, error, TestSupport.line(of: entry, in: plan), 2 + key.count + 2 + 1)
    }

    @Test func pathNamingNoField() throws {
        let (workspace, error, line, column) = try Self.overrideError("zones.z.growth.nosuch.x", "1")
        expectError(error, fieldPath: "overrides.zones.z.growth.nosuch.x", file: workspace.planPath, line: line, column: column,
                    containing: ["override path 'zones.z.growth.nosuch.x' names no field", "'nosuch' is not in zones.z.growth"])
        #expect(error.errors.count == 1, "\(error)")
    }

    @Test func regionPathNamingNoField() throws {
        let (workspace, error, line, column) = try Self.overrideError("regions.alpha.grid.nosuch.value", "30")
        expectError(error, fieldPath: "overrides.regions.alpha.grid.nosuch.value", file: workspace.planPath, line: line, column: column,
                    containing: ["names no field", "'nosuch' is not in grid"])
    }

    @Test func unknownZoneInAPath() throws {
        let (workspace, error, line, column) = try Self.overrideError("zones.nozone.growth.rate_per_year", "2")
        expectError(error, fieldPath: "overrides.zones.nozone.growth.rate_per_year", file: workspace.planPath, line: line, column: column,
                    containing: ["names no element 'nozone' in zones", "expected an id or an index"])
    }

    @Test func pathBelowASingleValue() throws {
        let (workspace, error, line, column) = try Self.overrideError("regions.alpha.grid.base_year.x", "1")
        expectError(error, fieldPath: "overrides.regions.alpha.grid.base_year.x", file: workspace.planPath, line: line, column: column,
                    containing: ["goes below 'grid.base_year', which is a single value"])
    }

    @Test func pathIntoOverridesIsCircular() throws {
        let (workspace, error, line, column) = try Self.overrideError("overrides.discount_rate", "0.06")
        expectError(error, fieldPath: "overrides.overrides.discount_rate", file: workspace.planPath, line: line, column: column,
                    containing: ["targets the overrides themselves (circular)"])
    }

    @Test(arguments: ["zones..growth", "discount_rate.", ".discount_rate"])
    func malformedPath(path: String) throws {
        let (workspace, error, line, column) = try Self.overrideError(path, "1")
        expectError(error, fieldPath: "overrides.\(path)", file: workspace.planPath, line: line, column: column,
                    containing: ["override path '\(path)' is malformed", "dotted field names"])
    }

    @Test(arguments: [("regions.alpha", "region"), ("designs.d1", "design")])
    func pathMustNameAFieldInsideAFile(path: String, kind: String) throws {
        let (workspace, error, line, column) = try Self.overrideError(path, "1")
        expectError(error, fieldPath: "overrides.\(path)", file: workspace.planPath, line: line, column: column,
                    containing: ["must name a field inside one \(kind)"])
    }

    @Test func regionThePlanDoesNotUse() throws {
        let (workspace, error, line, column) = try Self.overrideError("regions.gamma.grid.price_usd_per_mwh", "30")
        expectError(error, fieldPath: "overrides.regions.gamma.grid.price_usd_per_mwh", file: workspace.planPath, line: line, column: column,
                    containing: ["names region 'gamma', which the plan does not use", "expected one of: alpha, beta"])
    }

    /// The value must have the field's type; the error points at the override's value.
    @Test func valueOfTheWrongType() throws {
        let (workspace, error, line, column) = try Self.overrideError("discount_rate", "abc")
        expectError(error, fieldPath: "discount_rate", file: workspace.planPath, line: line, column: column,
                    containing: ["expected a number in fraction per year", "found 'abc'"])
    }

    /// A wrong-typed value overriding a region field: the diagnostic carries the override's line and column (in the plan)
    /// but names the region file, so `alpha.yaml:22:41` points at a line that is not there. The reader reports the value
    /// node's own mark (the override's position) against the file being read (PlanLoader applies region overrides to the
    /// region's node tree and reads it with `file: regionPath`).
    @Test func valueOfTheWrongTypeOnARegion() throws {
        let (workspace, error, line, column) = try Self.overrideError("regions.alpha.grid.price_usd_per_mwh", "[30]")
        let diagnostic = try #require(error.errors(at: "grid.price_usd_per_mwh").first, "\(error)")
        #expect(diagnostic.message.contains("expected a mapping with keys value, source, year, assumption, reason, found a list"))
        #expect(diagnostic.line == line && diagnostic.column == column)
        #expect(TestSupport.samePath(diagnostic.file, workspace.planPath), "\(diagnostic)")
    }

    /// The same on a design: the diagnostic names designs.yaml with the plan's line and column.
    @Test func valueOfTheWrongTypeOnADesign() throws {
        let (workspace, error, line, column) = try Self.overrideError("designs.d1.peak_tflops", "lots")
        let diagnostic = try #require(error.errors(at: "designs[d1].peak_tflops.value").first, "\(error)")
        #expect(diagnostic.message.contains("expected a number in TFLOP/s, found 'lots'"))
        #expect(diagnostic.line == line && diagnostic.column == column)
        #expect(TestSupport.samePath(diagnostic.file, workspace.planPath), "\(diagnostic)")
    }

    /// `overrides:` must be a mapping (path → value); a list or a scalar is an error at the `overrides` field.
    @Test(arguments: ["[discount_rate]", "5"])
    func overridesMustBeAMapping(value: String) throws {
        let workspace = try InputWorkspace()
        let plan = InputFixtures.plan + "overrides: \(value)\n"
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "overrides", file: workspace.planPath, line: TestSupport.line(of: "overrides:", in: plan),
                    column: 12, containing: ["expected a mapping"])
        #expect(error.errors.count == 1, "\(error)")
    }

    // MARK: - --set

    @Test func setWithoutEquals() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(sets: ["discount_rate"])
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.file == "command line" && diagnostic.line == nil)
        #expect(diagnostic.fieldPath == "--set discount_rate")
        #expect(diagnostic.message.contains("expected path=value"))
    }

    @Test func setWithUnreadableValue() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(sets: ["zones.z.growth.rate_per_year=[1"])
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.file == "command line")
        #expect(diagnostic.fieldPath == "--set zones.z.growth.rate_per_year=[1")
        #expect(diagnostic.message.contains("cannot read the value '[1' as YAML"))
    }

    @Test func setNamingNoFieldOrAnUnusedRegion() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(sets: ["zones.z.nosuch.x=1", "regions.gamma.grid.pue=1", "overrides.x=1", "zones..x=1"])
        #expect(error.errors.count == 4, "\(error)")
        #expect(error.errors.allSatisfy { $0.file == "command line" }, "\(error)")
        let messages = error.errors.map(\.message).joined(separator: "\n")
        #expect(messages.contains("names no field: 'nosuch' is not in zones.z"))
        #expect(messages.contains("names region 'gamma', which the plan does not use"))
        #expect(messages.contains("circular"))
        #expect(messages.contains("malformed"))
    }

    /// A set value of the wrong type: the reader reports it, at the field the set targeted.
    @Test func setValueOfTheWrongType() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(sets: ["regions.alpha.grid.min_reserve_margin=6"])
        let diagnostic = try #require(error.errors(at: "grid.min_reserve_margin.value").first, "\(error)")
        #expect(diagnostic.message.contains("6 is out of range; expected a value from 0 to 5"))
        // The value was parsed from the command line as its own YAML document, so its mark is 1:1 of that text;
        // the reader reports it as alpha.yaml:1:1 (the `id:` line), where nothing is wrong.
        #expect(diagnostic.file == "command line", "\(diagnostic)")
    }

    // MARK: - a mistyped last path component

    /// `discount_rat: 0.06` in `overrides:` (the last component names no field and no known optional field): reported at
    /// the override itself, with the key it most likely meant.
    @Test func mistypedLastComponentIsReportedAtTheOverride() throws {
        let (workspace, error, line, column) = try Self.overrideError("discount_rat", "0.06")
        expectError(error, fieldPath: "overrides.discount_rat", file: workspace.planPath, line: line, column: column,
                    containing: ["override path 'discount_rat' names no field", "'discount_rat' is not in the file",
                                 "(did you mean 'discount_rate'?)"])
        #expect(error.errors.count == 1, "\(error)")
    }

    /// The same below a plan mapping: the walked path names where the key was looked for.
    @Test func mistypedLastComponentBelowAMapping() throws {
        let (workspace, error, line, column) = try Self.overrideError("zones.z.growth.rate_per_yaer", "2")
        expectError(error, fieldPath: "overrides.zones.z.growth.rate_per_yaer", file: workspace.planPath, line: line, column: column,
                    containing: ["names no field", "'rate_per_yaer' is not in zones.z.growth", "(did you mean 'rate_per_year'?)"])
        #expect(error.errors.count == 1, "\(error)")
    }

    /// The same through `--set` on a region: reported on the command line, not in the region file.
    @Test func mistypedLastComponentInASetIsReportedOnTheCommandLine() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(sets: ["regions.alpha.grid.price_usd_per_mwhh=30"])
        let diagnostic = try #require(error.errors.first, "\(error)")
        #expect(diagnostic.file == "command line", "\(diagnostic)")
        #expect(diagnostic.line == nil && diagnostic.column == nil, "\(diagnostic)")
        #expect(diagnostic.fieldPath == "--set regions.alpha.grid.price_usd_per_mwhh=30")
        #expect(diagnostic.message.contains("override path 'regions.alpha.grid.price_usd_per_mwhh' names no field"), "\(diagnostic)")
        #expect(diagnostic.message.contains("'price_usd_per_mwhh' is not in grid"), "\(diagnostic)")
        #expect(diagnostic.message.contains("(did you mean 'price_usd_per_mwh'?)"), "\(diagnostic)")
        #expect(error.errors.count == 1, "\(error)")
    }

    /// On a design through `--set`: walked below `designs.<id>`.
    @Test func mistypedLastComponentOnADesign() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(sets: ["designs.d1.peak_tflop=2000"])
        let diagnostic = try #require(error.errors.first, "\(error)")
        #expect(diagnostic.file == "command line", "\(diagnostic)")
        #expect(diagnostic.message.contains("names no field: 'peak_tflop' is not in designs.d1"), "\(diagnostic)")
        #expect(diagnostic.message.contains("(did you mean 'peak_tflops'?)"), "\(diagnostic)")
        #expect(error.errors.count == 1, "\(error)")
    }

    /// A known optional field that the file leaves out may be set; a wrong value is then reported at the override's
    /// position (the inserted key carries it), in the plan.
    @Test func absentOptionalFieldTakesTheOverridesPosition() throws {
        let (workspace, error, line, column) = try Self.overrideError("carbon_cap_t_per_year", "lots")
        expectError(error, fieldPath: "carbon_cap_t_per_year", file: workspace.planPath, line: line, column: column,
                    containing: ["expected a number", "found 'lots'"])
    }
}
