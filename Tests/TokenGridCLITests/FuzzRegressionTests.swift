import Foundation
import Testing

/// What the fuzzer (scripts/fuzz.py) once found, through the binary: each input is a copy of the quickstart plan and
/// its regions with one change, generated here. No run may die by a signal, hang, or print an unlocated error.
@Suite struct FuzzRegressionTests {
    /// Whether the line starts `file:line:column: error: ` or `… warning: `.
    static func isLocated(_ line: Substring) -> Bool {
        line.firstMatch(of: try! Regex(#"^[^\s:][^:]*:\d+:\d+: (error|warning): "#)) != nil
    }

    /// A copy of Plans/quickstart.yaml and Regions/ in a fresh folder, with `edit` applied to one file.
    static func workspace(_ file: String = "Plans/quickstart.yaml", _ edit: (String) -> String) throws -> String {
        let root = try CLI.temporaryDirectory("fuzz")
        for folder in ["Plans", "Regions"] {
            try FileManager.default.copyItem(atPath: "\(CLI.repository)/\(folder)", toPath: "\(root)/\(folder)")
        }
        let path = "\(root)/\(file)"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit changed nothing")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        return root
    }

    /// Runs `validate` (and `plan` when asked) on the workspace's quickstart plan; checks that every error line is located.
    static func run(_ root: String, plan: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> (CLI.Run, CLI.Run?) {
        let validate = try CLI.run(["validate", "\(root)/Plans/quickstart.yaml"])
        let planned = plan ? try CLI.run(["plan", "\(root)/Plans/quickstart.yaml", "--out", "\(root)/out", "--quiet"]) : nil
        for run in [validate] + (planned.map { [$0] } ?? []) where run.status == 1 {
            for line in run.stderr.split(separator: "\n") where line.contains("error:") {
                #expect(isLocated(line), "unlocated: \(line)", sourceLocation: sourceLocation)
            }
        }
        return (validate, planned)
    }

    /// A subnormal capacity factor made GLPK abort `plan` (exit 134) while `validate` accepted it: now it is read as 0
    /// with a located warning, and the plan solves.
    @Test func subnormalCapacityFactor() throws {
        let root = try Self.workspace("Regions/ercot.yaml") { $0.replacingOccurrences(of: "capacity_factor: {value: 0.243,", with: "capacity_factor: {value: 5e-324,") }
        let (validate, plan) = try Self.run(root, plan: true)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("renewables.solar.capacity_factor.value: '5e-324' is smaller than"), "\(validate.stderr)")
        #expect(plan?.status == 0, "\(plan?.stderr ?? "")")
    }

    /// A discount rate of 1e-300 passed `validate` and failed `plan` with exit 3: now read as 0 with a warning.
    @Test func tinyDiscountRate() throws {
        let root = try Self.workspace { $0.replacingOccurrences(of: "discount_rate: 0.08", with: "discount_rate: 1e-300") }
        let (validate, plan) = try Self.run(root, plan: true)
        #expect(validate.status == 0 && validate.stderr.contains("discount_rate: '1e-300' is smaller than"), "\(validate.stderr)")
        #expect(plan?.status == 0, "\(plan?.stderr ?? "")")
    }

    /// Inputs that passed `validate` and then failed in the solver (exit 3) or were silently defaulted: exit 1, located.
    @Test(arguments: [
        ("date: 2026-04-05", "date: 0001-01-01", "zones[world].base.date: 0001-01-01 is out of range"),
        ("years: {first: 2025, last: 2030}", "years: {first: 2025}", "years.last: missing required year"),
        ("name: quickstart", "name: " + String(repeating: "q", count: 1_000), "name: an id of 1000 characters is longer than the limit of 64"),
        ("name: quickstart", "name: " + String(repeating: "q", count: 10_000_000), "a value of 10000000 bytes is longer than the limit"),
    ])
    func invalidInputsFailValidate(old: String, new: String, message: String) throws {
        let root = try Self.workspace { $0.replacingOccurrences(of: old, with: new) }
        let (validate, _) = try Self.run(root)
        #expect(validate.status == 1)
        #expect(validate.stderr.contains(message), "\(validate.stderr.prefix(2_000))")
    }

    /// A 1,000-fold yearly growth from 1990: every input in range, the projected demand not (it failed `plan`, exit 3).
    @Test func runawayDemand() throws {
        let root = try Self.workspace {
            $0.replacingOccurrences(of: "rate_per_year: 1.0", with: "rate_per_year: 1000").replacingOccurrences(of: "date: 2026-04-05", with: "date: 1990-01-01")
        }
        let (validate, _) = try Self.run(root)
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("zones[world].growth: the demand projected for 2025 is"), "\(validate.stderr)")
    }

    /// A 474-byte alias bomb used as a mapping key hung `validate`: now one located error, at once.
    @Test func aliasBombAsAKey() throws {
        let bomb = (1 ..< 9).map { level in "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]" }
        let root = try Self.workspace { "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + bomb.joined(separator: "\n") + "\n? *a8\n: 1\n" + $0 }
        let (validate, _) = try Self.run(root)
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("quickstart.yaml:7:10: error: the document expands to more than 2000000 values"), "\(validate.stderr)")
    }

    /// `designs_file` pointing at a file that is not a catalogue echoed its first line: no content is printed now.
    @Test func foreignDesignsFile() throws {
        let root = try CLI.temporaryDirectory("fuzz-secret")
        try "canary-1:x:1:2:::\ncanary-2:y:3:4:::\n".write(toFile: "\(root)/secret.yaml", atomically: true, encoding: .utf8)
        for path in ["/etc/shadow", "\(root)/secret.yaml", root] {
            let workspace = try Self.workspace { $0.replacingOccurrences(of: "regions_dir: ../Regions", with: "regions_dir: ../Regions\ndesigns_file: \(path)") }
            let (validate, _) = try Self.run(workspace)
            #expect(validate.status == 1, "\(path)")
            #expect(!validate.stderr.contains("canary") && !validate.stderr.contains("root:"), "\(validate.stderr)")
        }
    }
}
