import Foundation
import Testing
@testable import TokenGrid

/// Every hourly CSV error reached through a region file (`grid.load_shape`, `renewables.solar.profile`) or a plan's
/// zone (`shape`) is reported by `PlanLoader.load` at the CSV file and line at fault (header line 1, hour i of the year
/// on line i + 2), as `path:line:`, and the plan does not load; a missing file is reported at the YAML line naming it.
@Suite("Hourly: CSV errors through region and zone files")
struct HourlyCSVErrorTests {
    /// Where the broken file is used.
    enum Target: String, CaseIterable, Sendable {
        /// `grid.load_shape` of region `alpha` (MW).
        case load
        /// `renewables.solar.profile` of region `alpha` (capacity factors).
        case solar
        /// `shape` of the plan's zone `z` (relative demand).
        case zone
    }

    /// A broken file: its text, and the error expected at `line` with `fragment` in its message.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var target: Target
        var text: String
        var line: Int
        var column: Int?
        var fragment: String
        var testDescription: String { "\(name) in \(target.rawValue)" }
    }

    /// The valid values of each target: a flat 800 MW load, capacity factor 0.2, demand shape 1.
    static func value(_ target: Target) -> Double { target == .load ? 800 : target == .solar ? 0.2 : 1 }

    static func cases(_ target: Target) -> [Case] {
        let v = value(target)
        let rows = HourlyCSV.rows(HourlyCSV.flat(v))
        func stamp(_ hour: Int) -> String { HourlyCSV.stamp(ofHour: hour) }
        func edited(_ change: (inout [String]) -> Void) -> String {
            var copy = rows
            change(&copy)
            return HourlyCSV.text(copy)
        }
        var cases = [
            // "time" is not utc_time or local_time: reading stops at the header.
            Case(name: "bad header", target: target, text: HourlyCSV.text(rows, header: "time,value"), line: 1, column: 1,
                 fragment: "first column of the header must be named utc_time or local_time"),
            // Hour 100 (line 102) removed: hour 101 on line 102 follows hour 99 on line 101.
            Case(name: "gap", target: target, text: edited { $0.remove(at: 100) }, line: 102, column: 1,
                 fragment: "gap in the time stamps: 1 hour missing after line 101"),
            // Line 13 (hour 11) stamped as hour 10, like line 12.
            Case(name: "duplicate stamp", target: target, text: edited { $0[11] = "\(stamp(10)),\(v)" }, line: 13, column: 1,
                 fragment: "duplicate time stamp: the same hour as line 12"),
            // Hours 20 and 21 swapped: line 23 holds hour 20, one hour before hour 21 on line 22.
            Case(name: "out of order", target: target, text: edited { $0.swapAt(20, 21) }, line: 23, column: 1,
                 fragment: "time stamp out of order: 1 hour before the stamp on line 22"),
            // Hour 50's value on line 52; the value cell starts after the 20-character stamp and the comma: column 22.
            Case(name: "NaN", target: target, text: edited { $0[50] = "\(stamp(50)),nan" }, line: 52, column: 22, fragment: "value is NaN or infinite"),
            Case(name: "negative value", target: target, text: edited { $0[60] = "\(stamp(60)),-5" }, line: 62, column: 22, fragment: "value -5 is negative"),
            // 8,759 rows: reported at the last row, line 8,760.
            Case(name: "row count", target: target, text: edited { $0.removeLast() }, line: 8760, column: nil,
                 fragment: "found 8759 hourly rows; expected 8760"),
        ]
        if target == .solar {
            cases.append(Case(name: "capacity factor above 1", target: target, text: edited { $0[70] = "\(stamp(70)),1.2" }, line: 72, column: 22,
                              fragment: "value 1.2 is above 1; expected a capacity factor from 0 to 1"))
        }
        return cases
    }

    static let allCases = Target.allCases.flatMap { cases($0) }

    /// Region `alpha` (UTC−6) with a solar resource and a zone, each reading the CSV named for the target; the others
    /// are valid files. Returns the plan, with the broken file at `Regions/data/broken.csv` (region) or
    /// `Plans/broken.csv` (zone).
    static func plan(_ target: Target, brokenFile: String?) -> HourlyPlan {
        let solar = """
        max_build_mw: {value: 100, assumption: true, reason: test}
        capex_usd_per_mw: {value: 600000, assumption: true, reason: test}
        fixed_om_usd_per_mw_year: {value: 10000, assumption: true, reason: test}
        lifetime_years: {value: 25, assumption: true, reason: test}
        capacity_factor: {value: 0.2, assumption: true, reason: test}
        profile: {csv: \(target == .solar ? "data/broken.csv" : "data/solar.csv"), source: test, year: 2018}
        """
        var plan = HourlyPlan(sites: [.init(id: "alpha", utcOffsetHours: -6,
                                            loadShape: "{csv: \(target == .load ? "data/broken.csv" : "data/load.csv"), source: test, year: 2018}",
                                            solar: solar)],
                              zones: [.init(utcOffsetHours: 8, shape: "{csv: \(target == .zone ? "broken.csv" : "zone.csv"), source: test, year: 2018}",
                                            servedBy: ["alpha"])])
        plan.timeSlices = "{preset: seasons4x6}"
        plan.files["Regions/data/load.csv"] = HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(800)))
        plan.files["Regions/data/solar.csv"] = HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(0.2)), header: "utc_time,capacity_factor")
        plan.files["Plans/zone.csv"] = HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(1)))
        if let brokenFile { plan.files[target == .zone ? "Plans/broken.csv" : "Regions/data/broken.csv"] = brokenFile }
        return plan
    }

    @Test func theValidFilesLoad() throws {
        for target in Target.allCases {
            let scenario = try Self.plan(target, brokenFile: HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(Self.value(target))))).load()
            #expect(scenario.regions.first?.grid.loadHourly != nil)
            #expect(scenario.regions.first?.renewables.first?.profileHourly != nil)
            #expect(scenario.plan.zones.first?.shapeHourly != nil)
        }
    }

    /// A capacity factor that the hourly file's mean contradicts is flagged at the figure: the file's hours are used.
    @Test func aCapacityFactorTheHourlyFileContradictsIsWarnedAbout() throws {
        var plan = Self.plan(.solar, brokenFile: HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(0.35)), header: "utc_time,capacity_factor"))
        var scenario = try plan.load()
        #expect(scenario.warnings.contains { $0.message.contains("differs from 0.35, the mean of the hourly file") }, "\(scenario.warnings)")
        plan = Self.plan(.solar, brokenFile: HourlyCSV.text(HourlyCSV.rows(HourlyCSV.flat(0.2)), header: "utc_time,capacity_factor"))
        scenario = try plan.load()
        #expect(!scenario.warnings.contains { $0.message.contains("the mean of the hourly file") }, "\(scenario.warnings)")
    }

    @Test(arguments: allCases)
    func errorIsLocatedInTheCSVFile(_ broken: Case) throws {
        let plan = Self.plan(broken.target, brokenFile: broken.text)
        let (root, planPath) = try plan.write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let csv = (root as NSString).appendingPathComponent(broken.target == .zone ? "Plans/broken.csv" : "Regions/data/broken.csv")
        let error: InputError
        do {
            _ = try PlanLoader.load(planAt: planPath)
            Issue.record("\(broken.testDescription): the plan loaded")
            return
        } catch let thrown as InputError {
            error = thrown
        }
        let matching = error.errors.filter { $0.message.contains(broken.fragment) }
        let diagnostic = try #require(matching.first, "no error with \(broken.fragment.debugDescription):\n\(error)")
        #expect(TestSupport.samePath(diagnostic.file, csv), "\(diagnostic.file)")
        #expect(diagnostic.line == broken.line, "\(diagnostic)")
        if let column = broken.column { #expect(diagnostic.column == column, "\(diagnostic)") }
        #expect(diagnostic.description.hasPrefix("\(diagnostic.file):\(broken.line):"), "\(diagnostic)")
        #expect(diagnostic.description.contains(": error: "))
        // Every error of the load is in the broken file: the valid files and the YAML around them have none.
        #expect(error.errors.allSatisfy { TestSupport.samePath($0.file, csv) }, "\(error)")
    }

    /// A file that does not exist is reported at the YAML line that names it (`csv:` of the shape), relative to the
    /// YAML file's folder.
    @Test(arguments: Target.allCases)
    func missingFileIsLocatedAtTheYAMLLine(_ target: Target) throws {
        let plan = Self.plan(target, brokenFile: nil)
        let (root, planPath) = try plan.write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let yamlPath = target == .zone ? planPath : (root as NSString).appendingPathComponent("Regions/alpha.yaml")
        let yaml = try String(contentsOfFile: yamlPath, encoding: .utf8)
        let line = TestSupport.line(of: target == .zone ? "broken.csv" : "data/broken.csv", in: yaml)
        let field = target == .load ? "grid.load_shape.csv" : target == .solar ? "renewables.solar.profile.csv" : "zones[z].shape.csv"
        let error: InputError
        do {
            _ = try PlanLoader.load(planAt: planPath)
            Issue.record("the plan loaded")
            return
        } catch let thrown as InputError {
            error = thrown
        }
        let diagnostic = try #require(error.errors.first { $0.message.contains("no file") }, "\(error)")
        #expect(TestSupport.samePath(diagnostic.file, yamlPath))
        #expect(diagnostic.line == line, "\(diagnostic)")
        #expect(diagnostic.fieldPath == field, "\(diagnostic)")
        #expect(diagnostic.message.contains("broken.csv"))
        #expect(error.errors.count == 1, "\(error)")
    }
}
