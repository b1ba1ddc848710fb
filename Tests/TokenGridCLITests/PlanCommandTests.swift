import Foundation
import Testing

/// `tokengrid plan` end to end on every shipped plan: exit codes, files, reconciling totals, reproducibility.
@Suite struct PlanCommandTests {
    static let plans = ["quickstart", "us-grid-2030", "east-data-west-compute-2030", "global-token-race-2030", "reserve-margins-2030"]
    static let files = ["report.md", "report.html", "sites.csv", "zones.csv", "builds.csv", "duals.csv", "status.csv", "plan.json"]

    @Test(arguments: plans)
    func writesEveryReportAndTheTotalsReconcile(plan: String) throws {
        let out = try CLI.temporaryDirectory(plan)
        let run = try CLI.run(["plan", "Plans/\(plan).yaml", "--out", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("plan \(plan.replacingOccurrences(of: ".yaml", with: "")): optimal"))
        for file in Self.files { #expect(FileManager.default.fileExists(atPath: "\(out)/\(file)"), "\(file) missing") }

        let json = try CLI.json("\(out)/plan.json")
        #expect(json["schema_version"] as? Int == 1)
        let result = try #require(json["result"] as? [String: Any])
        let jsonSites = try #require(result["sites"] as? [[String: Any]])
        let jsonZones = try #require(result["zones"] as? [[String: Any]])
        let sites = try CLI.csv("\(out)/sites.csv"), zones = try CLI.csv("\(out)/zones.csv"), status = try CLI.csv("\(out)/status.csv")
        func sum(_ rows: [[String: String]], _ key: String) -> Double { rows.reduce(0) { $0 + (Double($1[key] ?? "") ?? .nan) } }
        func sum(_ rows: [[String: Any]], _ key: String) -> Double { rows.reduce(0) { $0 + (($1[key] as? Double) ?? Double(($1[key] as? Int) ?? 0)) } }
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }
        // Tokens produced by sites = tokens served to zones, in CSV and JSON alike.
        #expect(close(sum(sites, "tokens"), sum(zones, "served_tokens")))
        #expect(close(sum(sites, "tokens"), sum(jsonSites, "tokens")))
        #expect(close(sum(zones, "demand_tokens"), sum(jsonZones, "demand_tokens")))
        #expect(close(sum(zones, "unserved_tokens"), sum(jsonZones, "unserved_tokens")))
        // Costs: the CSV's site costs match the JSON's, and the objective is the same number in both.
        let jsonCost = jsonSites.reduce(0.0) { total, site in
            let cost = site["cost_usd"] as? [String: Any] ?? [:]
            return total + ["compute_capex", "fixed_om", "energy", "carbon", "renewables", "network"].reduce(0.0) { $0 + ((cost[$1] as? Double) ?? 0) }
        }
        #expect(close(sum(sites, "cost_usd"), jsonCost))
        #expect(close(Double(status.first?["objective_usd"] ?? "") ?? .nan, (result["objective_usd"] as? Double) ?? .nan))
        #expect(status.first?["status"] == "optimal")
    }

    @Test func sameInputGivesByteIdenticalFiles() throws {
        let first = try CLI.temporaryDirectory("a"), second = try CLI.temporaryDirectory("b")
        for out in [first, second] {
            #expect(try CLI.run(["plan", "Plans/quickstart.yaml", "--out", out, "--quiet"]).status == 0)
        }
        // Every file but timings.csv, byte for byte: no timings or dates in the reports without --stamp.
        for file in Self.files {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(first)/\(file)")), b = try Data(contentsOf: URL(fileURLWithPath: "\(second)/\(file)"))
            #expect(a == b, "\(file) differs between two runs")
        }
        let timings = try CLI.csv("\(first)/timings.csv")
        #expect(timings.map { $0["phase"] ?? "" } == ["build", "solve", "check", "extract", "render"])
    }


    /// The same for a decomposed solve: the block duals are combined in cut-row order (a dictionary's order, which
    /// changes from process to process, moved their last bits between runs).
    @Test func decomposedRunsGiveByteIdenticalFiles() throws {
        let first = try CLI.temporaryDirectory("a"), second = try CLI.temporaryDirectory("b")
        for out in [first, second] {
            #expect(try CLI.run(["plan", "Plans/us-grid-2030.yaml", "--strategy", "decomposed", "--out", out, "--quiet"]).status == 0)
        }
        for file in ["duals.csv", "zones.csv", "sites.csv", "plan.json"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(first)/\(file)")), b = try Data(contentsOf: URL(fileURLWithPath: "\(second)/\(file)"))
            #expect(a == b, "\(file) differs between two decomposed runs")
        }
    }
    @Test func badPlanExitsOneWithTheLocationAndWritesNothing() throws {
        let folder = try CLI.temporaryDirectory("bad")
        let plan = "\(folder)/bad.yaml"
        let text = try String(contentsOfFile: "\(CLI.repository)/Plans/quickstart.yaml", encoding: .utf8)
            .replacingOccurrences(of: "discount_rate:", with: "discount_rat:")
            .replacingOccurrences(of: "regions_dir:", with: "# regions_dir:")
        try (text.contains("regions_dir") ? text : "regions_dir: \(CLI.repository)/Regions\n" + text).write(toFile: plan, atomically: true, encoding: .utf8)
        let out = "\(folder)/out"
        let run = try CLI.run(["plan", plan, "--out", out, "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(plan):"), "\(run.stderr)")
        #expect(run.stderr.contains("discount_rat"), "\(run.stderr)")
        #expect(run.stderr.range(of: #"bad\.yaml:\d+:\d+: error:"#, options: .regularExpression) != nil, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "a failed run must leave no output")
    }

    @Test func failedRunLeavesAnExistingFolderAsItWas() throws {
        let out = try CLI.temporaryDirectory("keep")
        #expect(try CLI.run(["plan", "Plans/quickstart.yaml", "--out", out, "--quiet"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(out)/plan.json"))
        let run = try CLI.run(["plan", "Plans/quickstart.yaml", "--out", out, "--quiet", "--set", "zones.nowhere.growth.rate_per_year=1"])
        #expect(run.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/plan.json")) == before)
        let parent = (out as NSString).deletingLastPathComponent, name = (out as NSString).lastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(".\(name).") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func unservedAboveTheThresholdExitsTwo() throws {
        let out = try CLI.temporaryDirectory("unserved")
        let run = try CLI.run(["plan", "Plans/east-data-west-compute-2030.yaml", "--out", out, "--quiet", "--max-unserved", "0.01"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("unserved"))
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        for command in ["plan", "validate", "demand", "export", "regions", "solve-lp", "sweep", "sweep-merge"] {
            let run = try CLI.run([command, "--help"])
            #expect(run.status == 0, "\(command) --help")
            #expect(run.stdout.contains("Example"), "\(command) --help has no example")
        }
    }
}
