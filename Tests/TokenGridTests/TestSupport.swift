import Foundation
import Testing
@testable import TokenGrid

/// Shared helpers for the planning-model tests (input, validation, demand, throughput, shipped data).
enum TestSupport {
    /// The repository root, found from this file's path: `<root>/Tests/TokenGridTests/TestSupport.swift`.
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A path inside the repository.
    static func repositoryPath(_ relative: String) -> String {
        (repositoryRoot as NSString).appendingPathComponent(relative)
    }

    /// A fresh, empty folder under the system's temporary directory.
    static func makeTemporaryDirectory(_ label: String = "input") throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tokengrid-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `relative` under `directory` (creating folders), returns the full path.
    @discardableResult
    static func write(_ text: String, to relative: String, in directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The 1-based line of the `occurrence`-th line of `text` containing `needle`.
    static func line(of needle: String, in text: String, occurrence: Int = 1) -> Int? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(needle) {
            seen += 1
            if seen == occurrence { return index + 1 }
        }
        return nil
    }

    /// The 1-based column where `needle` starts on the first line containing it.
    static func column(of needle: String, in text: String) -> Int? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = line.range(of: needle) { return line.distance(from: line.startIndex, to: range.lowerBound) + 1 }
        }
        return nil
    }

    /// Whether two paths name the same file (`Plans/../Regions/a.yaml` and `Regions/a.yaml` do).
    static func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
    }

    /// Relative closeness: |a − b| ≤ tolerance × max(|a|, |b|).
    static func close(_ a: Double, _ b: Double, relative tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(abs(a), abs(b))
    }
}

extension String {
    /// The text with the one occurrence of `old` replaced by `new`; records an issue when `old` is absent
    /// (so a fixture edit that silently does nothing fails the test instead of testing the unedited file).
    func edited(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard range(of: old) != nil else {
            Issue.record("fixture text does not contain \(old.debugDescription)", sourceLocation: sourceLocation)
            return self
        }
        return replacingOccurrences(of: old, with: new)
    }
}

/// A temporary folder laid out like the repository (`Regions/<id>.yaml`, `Regions/designs.yaml`, `Plans/<name>.yaml`),
/// filled with small valid input files that tests edit one field at a time. The folder is removed with the workspace.
final class InputWorkspace: Sendable {
    let root: String
    var regionsDirectory: String { (root as NSString).appendingPathComponent("Regions") }
    var designsPath: String { (regionsDirectory as NSString).appendingPathComponent("designs.yaml") }
    /// Where ``writePlan(_:name:)`` puts the plan by default.
    var planPath: String { (root as NSString).appendingPathComponent("Plans/test.yaml") }

    /// Writes the designs catalogue and the given regions (default: `alpha` and `beta`).
    init(regions: [String: String] = ["alpha": InputFixtures.region("alpha"), "beta": InputFixtures.region("beta", lat: 45, lon: -95)],
         designs: String = InputFixtures.designs) throws {
        root = try TestSupport.makeTemporaryDirectory()
        for (id, text) in regions { try TestSupport.write(text, to: "Regions/\(id).yaml", in: root) }
        try TestSupport.write(designs, to: "Regions/designs.yaml", in: root)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func regionPath(_ id: String) -> String { (regionsDirectory as NSString).appendingPathComponent("\(id).yaml") }

    @discardableResult
    func writeRegion(_ id: String, _ text: String) throws -> String {
        try TestSupport.write(text, to: "Regions/\(id).yaml", in: root)
    }

    @discardableResult
    func writeDesigns(_ text: String) throws -> String {
        try TestSupport.write(text, to: "Regions/designs.yaml", in: root)
    }

    @discardableResult
    func writePlan(_ text: String, name: String = "test") throws -> String {
        try TestSupport.write(text, to: "Plans/\(name).yaml", in: root)
    }

    /// Writes and loads a plan; throws what the loader throws.
    func load(plan text: String = InputFixtures.plan, sets: [String] = []) throws -> Scenario {
        try PlanLoader.load(planAt: writePlan(text), sets: sets)
    }

    /// Writes and loads a plan that must fail, returning the ``InputError`` (records an issue if it loads).
    func loadError(plan text: String = InputFixtures.plan, sets: [String] = [],
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> InputError {
        let path = try writePlan(text)
        do {
            _ = try PlanLoader.load(planAt: path, sets: sets)
        } catch let error as InputError {
            return error
        }
        Issue.record("expected the plan to fail loading, but it loaded", sourceLocation: sourceLocation)
        return InputError(errors: [])
    }
}

extension InputError {
    /// The errors whose field path is exactly `path`.
    func errors(at path: String) -> [Diagnostic] { errors.filter { $0.fieldPath == path } }
}

/// Small valid input files. Each field sits on its own line so a test can find the line an error must name.
enum InputFixtures {
    static func figure(_ value: Double) -> String { "{value: \(value), assumption: true, reason: \"test\"}" }

    /// A region with every section (grid with load shape, data centre with an existing cluster, solar, two designs).
    static func region(_ id: String, lat: Double = 40, lon: Double = -100) -> String {
        """
        id: \(id)
        name: "Test site \(id)"
        country: US
        location: {lat: \(lat), lon: \(lon)}
        grid:
          base_year: 2025
          firm_capacity_mw: {value: 1265, source: "test grid operator", year: 2025}
          firm_capacity_growth_per_year: {value: 0.02, assumption: true, reason: "test"}
          peak_load_mw: {value: 1000, source: "test grid operator", year: 2025}
          peak_load_growth_per_year: {value: 0.01, assumption: true, reason: "test"}
          min_reserve_margin: {value: 0.15, assumption: true, reason: "test"}
          price_usd_per_mwh: {value: 50, source: "test tariff", year: 2025}
          price_escalation_per_year: {value: 0.0, assumption: true, reason: "test"}
          carbon_t_per_mwh: {value: 0.4, source: "test inventory", year: 2024}
          load_shape:
            monthly: [1.0, 0.9, 0.9, 0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 0.8, 0.9, 1.0]
            hourly: [0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 0.8, 0.8, 0.7]
            source: "test load curve"
            year: 2024
        data_centre:
          pue: {value: 1.2, assumption: true, reason: "test"}
          max_it_mw_per_year: {value: 200, assumption: true, reason: "test"}
          max_it_mw_total: {value: 1000, assumption: true, reason: "test"}
          earliest_build_year: {value: 2026, assumption: true, reason: "test"}
          existing:
            - {design: d1, it_mw: {value: 10, assumption: true, reason: "test"}, built_year: 2024}
        renewables:
          solar:
            max_build_mw: {value: 500, assumption: true, reason: "test"}
            capex_usd_per_mw: {value: 600000, assumption: true, reason: "test"}
            fixed_om_usd_per_mw_year: {value: 10000, assumption: true, reason: "test"}
            lifetime_years: {value: 25, assumption: true, reason: "test"}
            capacity_factor: {value: 0.2, assumption: true, reason: "test"}
        cluster_designs:
          - {design: d1}
          - {design: d2, capex_multiplier: {value: 1.1, assumption: true, reason: "test"}}
        utc_offset_hours: 0

        """
    }

    /// Two designs: `d1` with derived throughput only (1,000 W, 1,000 TFLOPS, prefill 0.5, decode 0.1),
    /// `d2` with a measured throughput for model class `m10`.
    static let designs = """
        designs:
          - id: d1
            accelerator: "Test accelerator one"
            power_w_per_accelerator: {value: 1000, assumption: true, reason: "test"}
            accelerator_price_usd: {value: 30000, assumption: true, reason: "test"}
            facility_capex_usd_per_mw: {value: 10000000, assumption: true, reason: "test"}
            lifetime_years: {value: 5, assumption: true, reason: "test"}
            fixed_om_usd_per_mw_year: {value: 1000000, assumption: true, reason: "test"}
            idle_power_fraction: {value: 0.3, assumption: true, reason: "test"}
            max_utilisation: {value: 0.8, assumption: true, reason: "test"}
            peak_tflops: {value: 1000, source: "test datasheet", year: 2025}
            prefill_utilisation: {value: 0.5, assumption: true, reason: "test"}
            decode_utilisation: {value: 0.1, assumption: true, reason: "test"}
          - id: d2
            accelerator: "Test accelerator two"
            power_w_per_accelerator: {value: 1500, assumption: true, reason: "test"}
            accelerator_price_usd: {value: 45000, assumption: true, reason: "test"}
            facility_capex_usd_per_mw: {value: 12000000, assumption: true, reason: "test"}
            lifetime_years: {value: 5, assumption: true, reason: "test"}
            fixed_om_usd_per_mw_year: {value: 1200000, assumption: true, reason: "test"}
            idle_power_fraction: {value: 0.25, assumption: true, reason: "test"}
            max_utilisation: {value: 0.7, assumption: true, reason: "test"}
            peak_tflops: {value: 2000, source: "test datasheet", year: 2025}
            prefill_utilisation: {value: 0.4, assumption: true, reason: "test"}
            decode_utilisation: {value: 0.1, assumption: true, reason: "test"}
            measured:
              - model_class: m10
                input_tokens_per_s: {value: 40000, source: "test benchmark", year: 2025}
                output_tokens_per_s: {value: 8000, source: "test benchmark", year: 2025}

        """

    /// A plan over 2025–2027 with the two regions, a two-class mix and one cagr zone.
    static let plan = """
        name: test-plan
        description: "A small plan for tests"
        years: {first: 2025, last: 2027}
        discount_rate: 0.08
        unserved_penalty_usd_per_mtok: 100
        regions: [alpha, beta]
        time_slices: {preset: seasons4x6}
        model_mix:
          input_share: 0.8
          classes:
            - {id: m10, name: "10B-active MoE", active_params_b: 10, total_params_b: 100, share: {2025: 0.6, 2030: 0.8}}
            - {id: m50, name: "50B dense", active_params_b: 50, total_params_b: 50, share: {2025: 0.4, 2030: 0.2}}
        zones:
          - id: z
            name: "Zone Z"
            location: {lat: 40.5, lon: -99.5}
            base: {tokens: 7.0e+12, per: week, date: 2026-07-02, source: "test observation"}
            growth: {model: cagr, rate_per_year: 1.0}
            served_by: {sites: [alpha, beta]}
            network_cost_usd_per_mtok: 0.01

        """
}

/// Checks that `error` holds an error at `fieldPath` in `file`, on `line` (and `column` when given), whose message
/// contains every fragment; returns it. Records an issue listing all errors when there is none at that path.
@discardableResult
func expectError(_ error: InputError, fieldPath: String, file: String, line: Int?, column: Int? = nil, containing fragments: [String],
                 sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
    guard let diagnostic = error.errors(at: fieldPath).first else {
        Issue.record("no error at field path '\(fieldPath)'; errors:\n\(error)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
    #expect(TestSupport.samePath(diagnostic.file, file), "file \(diagnostic.file), expected \(file)", sourceLocation: sourceLocation)
    #expect(line != nil, "the expected line was not found in the fixture text", sourceLocation: sourceLocation)
    #expect(diagnostic.line == line, "\(diagnostic)", sourceLocation: sourceLocation)
    if let column { #expect(diagnostic.column == column, "\(diagnostic)", sourceLocation: sourceLocation) }
    for fragment in fragments {
        #expect(diagnostic.message.contains(fragment), "message \(diagnostic.message.debugDescription) lacks \(fragment.debugDescription)",
                sourceLocation: sourceLocation)
    }
    return diagnostic
}
