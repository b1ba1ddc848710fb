import Foundation
import Testing

/// `tokengrid validate` on plans whose hourly CSV files are broken: it exits 1 (never crashes) and prints each error
/// as `path:line:` of the CSV file (header line 1, hour i of the year on line i + 2), or of the YAML line naming a
/// file that does not exist.
@Suite("Hourly: validate reports CSV errors with path:line:")
struct HourlyCSVValidateTests {
    enum Target: String, Sendable { case load, solar, zone }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var target: Target
        /// The broken file's text; nil for a file that is missing.
        var text: String?
        var line: Int
        var fragment: String
        var testDescription: String { "\(name) in \(target.rawValue)" }
    }

    /// `2018-MM-DDTHH:00:00Z` of hour `index` of 2018.
    static func stamp(_ index: Int) -> String {
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var day = index / 24, month = 0
        while day >= days[month] { day -= days[month]; month += 1 }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "2018-\(two(month + 1))-\(two(day + 1))T\(two(index % 24)):00:00Z"
    }

    static func rows(_ value: String) -> [String] { (0 ..< 8760).map { "\(stamp($0)),\(value)" } }
    static func text(_ rows: [String], header: String = "utc_time,value") -> String { ([header] + rows).joined(separator: "\n") + "\n" }
    static func edited(_ value: String, _ change: (inout [String]) -> Void) -> String {
        var copy = rows(value)
        change(&copy)
        return text(copy)
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        for target in [Target.load, .zone] {
            let v = target == .load ? "800" : "1"
            cases += [
                Case(name: "missing file", target: target, text: nil, line: 0, fragment: "no file"),
                Case(name: "bad header", target: target, text: text(rows(v), header: "when,value"), line: 1,
                     fragment: "first column of the header must be named utc_time or local_time"),
                Case(name: "gap", target: target, text: edited(v) { $0.remove(at: 100) }, line: 102, fragment: "gap in the time stamps"),
                Case(name: "duplicate stamp", target: target, text: edited(v) { $0[11] = "\(stamp(10)),\(v)" }, line: 13, fragment: "duplicate time stamp"),
                Case(name: "out of order", target: target, text: edited(v) { $0.swapAt(20, 21) }, line: 23, fragment: "time stamp out of order"),
                Case(name: "NaN", target: target, text: edited(v) { $0[50] = "\(stamp(50)),NaN" }, line: 52, fragment: "value is NaN or infinite"),
                Case(name: "negative value", target: target, text: edited(v) { $0[60] = "\(stamp(60)),-5" }, line: 62, fragment: "value -5 is negative"),
                Case(name: "row count", target: target, text: edited(v) { $0.removeLast() }, line: 8760, fragment: "found 8759 hourly rows; expected 8760"),
            ]
        }
        cases.append(Case(name: "capacity factor above 1", target: .solar, text: edited("0.2") { $0[70] = "\(stamp(70)),1.2" }, line: 72,
                          fragment: "value 1.2 is above 1"))
        cases.append(Case(name: "missing file", target: .solar, text: nil, line: 0, fragment: "no file"))
        // Not a CSV at all: binary bytes (no newline for 4 KB, NULs, high bytes) give errors, not a crash or an echo.
        let binary = String(decoding: (0 ..< 6000).map { UInt8(($0 * 37 + 11) % 256) }, as: UTF8.self)
        cases.append(Case(name: "binary file", target: .load, text: binary, line: 1, fragment: "header"))
        return cases
    }()

    static func figure(_ value: Double) -> String { "{value: \(value), assumption: true, reason: test}" }

    /// Writes a one-region plan whose load, solar profile and zone shape come from CSV files, the target's from
    /// `broken.csv`. Returns the plan's path, the YAML file that names the broken file and the broken file's path.
    static func write(_ broken: Case, in root: String) throws -> (plan: String, yaml: String, csv: String) {
        let f = figure
        func file(_ target: Target) -> String { target == broken.target ? "broken.csv" : "\(target.rawValue).csv" }
        let region = """
        id: alpha
        name: alpha
        country: US
        location: {lat: 40, lon: -100}
        utc_offset_hours: -6
        grid:
          base_year: 2025
          firm_capacity_mw: \(f(1265))
          peak_load_mw: \(f(1000))
          min_reserve_margin: \(f(0.15))
          price_usd_per_mwh: \(f(50))
          carbon_t_per_mwh: \(f(0.5))
          load_shape: {csv: data/\(file(.load)), source: test, year: 2018}
        data_centre:
          pue: \(f(1.2))
          max_it_mw_per_year: \(f(100))
          max_it_mw_total: \(f(500))
          earliest_build_year: \(f(2025))
        renewables:
          solar:
            max_build_mw: \(f(100))
            capex_usd_per_mw: \(f(600000))
            fixed_om_usd_per_mw_year: \(f(10000))
            lifetime_years: \(f(25))
            capacity_factor: \(f(0.2))
            profile: {csv: data/\(file(.solar)), source: test, year: 2018}
        cluster_designs: [{design: unit}]

        """
        let designs = """
        designs:
          - id: unit
            accelerator: Unit
            power_w_per_accelerator: \(f(1000))
            accelerator_price_usd: \(f(20000))
            facility_capex_usd_per_mw: \(f(1e7))
            lifetime_years: \(f(5))
            fixed_om_usd_per_mw_year: \(f(1e5))
            idle_power_fraction: \(f(0.3))
            max_utilisation: \(f(0.8))
            peak_tflops: \(f(1000))
            prefill_utilisation: \(f(0.5))
            decode_utilisation: \(f(0.1))

        """
        let plan = """
        name: hourly-validate
        years: {first: 2025, last: 2026}
        regions_dir: ../Regions
        regions: [alpha]
        time_slices: {preset: seasons4x24}
        model_mix:
          input_share: 0.8
          classes: [{id: m, active_params_b: 10, total_params_b: 10, share: 1}]
        zones:
          - id: z
            utc_offset_hours: 8
            base: {tokens: 1.0e+15, per: year, date: 2025-07-02, source: test}
            growth: {model: cagr, rate_per_year: 0.5}
            shape: {csv: \(file(.zone)), source: test, year: 2018}
            served_by: {sites: [alpha]}

        """
        let fm = FileManager.default
        for folder in ["Regions/data", "Plans"] { try fm.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true) }
        try region.write(toFile: "\(root)/Regions/alpha.yaml", atomically: true, encoding: .utf8)
        try designs.write(toFile: "\(root)/Regions/designs.yaml", atomically: true, encoding: .utf8)
        try plan.write(toFile: "\(root)/Plans/hourly.yaml", atomically: true, encoding: .utf8)
        try text(rows("800")).write(toFile: "\(root)/Regions/data/load.csv", atomically: true, encoding: .utf8)
        try text(rows("0.2")).write(toFile: "\(root)/Regions/data/solar.csv", atomically: true, encoding: .utf8)
        try text(rows("1")).write(toFile: "\(root)/Plans/zone.csv", atomically: true, encoding: .utf8)
        let csv = broken.target == .zone ? "\(root)/Plans/broken.csv" : "\(root)/Regions/data/broken.csv"
        if let broken = broken.text { try broken.write(toFile: csv, atomically: true, encoding: .utf8) }
        return ("\(root)/Plans/hourly.yaml", broken.target == .zone ? "\(root)/Plans/hourly.yaml" : "\(root)/Regions/alpha.yaml", csv)
    }

    static func samePath(_ a: Substring, _ b: String) -> Bool {
        URL(fileURLWithPath: String(a)).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
    }

    @Test func theValidFilesValidate() throws {
        let root = try CLI.temporaryDirectory("hourly-valid")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = try Self.write(Case(name: "valid", target: .load, text: Self.text(Self.rows("800")), line: 0, fragment: ""), in: root)
        let run = try CLI.run(["validate", paths.plan])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("valid — 1 sites, 1 zones, 96 time slices"), "\(run.stdout)")
    }

    @Test(arguments: cases)
    func validateExitsOneWithTheLocation(_ broken: Case) throws {
        let root = try CLI.temporaryDirectory("hourly-csv")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = try Self.write(broken, in: root)
        let run = try CLI.run(["validate", paths.plan])
        #expect(run.status == 1, "exit \(run.status): \(run.stderr)")
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(!errors.isEmpty, "\(run.stderr)")
        let located = errors.compactMap { line -> (path: Substring, line: Int, text: Substring)? in
            let parts = line.split(separator: ":", maxSplits: 2)
            guard parts.count == 3, let number = Int(parts[1]) else { return nil }
            return (parts[0], number, line)
        }
        if broken.text == nil {
            // At the YAML line of `csv: broken.csv` (region file or plan), naming the file it looked for.
            let yaml = try String(contentsOfFile: paths.yaml, encoding: .utf8)
            let line = try #require(yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("broken.csv") }) + 1
            #expect(located.contains { Self.samePath($0.path, paths.yaml) && $0.line == line && $0.text.contains(broken.fragment) && $0.text.contains("broken.csv") },
                    "\(run.stderr)")
        } else {
            #expect(located.contains { Self.samePath($0.path, paths.csv) && $0.line == broken.line && $0.text.contains(broken.fragment) }, "\(run.stderr)")
            // Messages never quote the file's text: no line of the file appears in the output.
            #expect(!run.stderr.contains("2018-01-03T04:00:00Z"))
        }
    }
}
