import Foundation
import Testing

/// validate, demand, export, regions, solve-lp and sweep through the binary.
@Suite struct OtherCommandTests {
    @Test(arguments: PlanCommandTests.plans)
    func validateAndDemandWorkOnEveryShippedPlan(plan: String) throws {
        let validate = try CLI.run(["validate", "Plans/\(plan).yaml"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("valid"))
        let demand = try CLI.run(["demand", "Plans/\(plan).yaml"])
        #expect(demand.status == 0)
        for header in ["tokens/yr", "MW IT", "GWh", "2030"] { #expect(demand.stdout.contains(header), "demand table lacks \(header)") }
    }

    @Test func validateReportsEveryErrorWithItsLocation() throws {
        let run = try CLI.run(["validate", "Plans/quickstart.yaml", "--set", "discount_rate=2", "--set", "zones.nowhere.x=1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("discount_rate"))
        #expect(run.stderr.contains("nowhere"))
    }

    @Test func exportedModelSolvesToTheReportedObjective() throws {
        let folder = try CLI.temporaryDirectory("export")
        let export = try CLI.run(["export", "Plans/quickstart.yaml", "--mps", "\(folder)/q.mps", "--lp", "\(folder)/q.lp"])
        #expect(export.status == 0, "\(export.stderr)")
        let plan = try CLI.run(["plan", "Plans/quickstart.yaml", "--out", "\(folder)/out", "--quiet", "--format", "csv"])
        #expect(plan.status == 0)
        let objective = try #require(Double(try CLI.csv("\(folder)/out/status.csv").first?["objective_usd"] ?? ""))
        for file in ["q.mps", "q.lp"] {
            let solve = try CLI.run(["solve-lp", "\(folder)/\(file)"])
            #expect(solve.status == 0, "\(solve.stderr)")
            let line = try #require(solve.stdout.split(separator: "\n").first { $0.hasPrefix("objective:") })
            let value = try #require(Double(line.split(separator: " ").last.map(String.init) ?? ""))
            #expect(abs(value * 1e6 - objective) <= 1e-6 * objective, "\(file): \(value) M$ vs \(objective) $")
        }
    }

    @Test func regionsListsEveryShippedRegion() throws {
        let table = try CLI.run(["regions"])
        #expect(table.status == 0)
        for region in ["ningxia", "pjm-northern-virginia", "johor", "nordics"] { #expect(table.stdout.contains(region)) }
        let json = try CLI.run(["regions", "--json"])
        let regions = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(regions.count == 18)
    }

    @Test func shardedSweepMergesIntoTheWholeSweep() throws {
        let folder = try CLI.temporaryDirectory("sweep")
        let vary = ["--vary", "regions.ercot.grid.price_usd_per_mwh=40:100:3", "--vary", "zones.world.growth.rate_per_year=0.5:1.5:2"]
        let whole = try CLI.run(["sweep", "Plans/quickstart.yaml"] + vary + ["--out", "\(folder)/whole", "--quiet", "--jobs", "2"])
        #expect(whole.status == 0, "\(whole.stderr)")
        for shard in 0 ..< 2 {
            let run = try CLI.run(["sweep", "Plans/quickstart.yaml"] + vary + ["--shard", "\(shard)/2", "--out", "\(folder)/shard-\(shard)", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let merge = try CLI.run(["sweep-merge", "\(folder)/shard-0", "\(folder)/shard-1", "--out", "\(folder)/merged", "--total", "6"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let merged = try CLI.csv("\(folder)/merged/sweep.csv"), all = try CLI.csv("\(folder)/whole/sweep.csv")
        #expect(merged.count == 6 && all.count == 6)
        for (a, b) in zip(merged, all) {
            #expect(a["scenario"] == b["scenario"])
            let x = Double(a["objective_usd"] ?? "") ?? .nan, y = Double(b["objective_usd"] ?? "") ?? .nan
            #expect(abs(x - y) <= 1e-7 * abs(y), "scenario \(a["scenario"] ?? "?"): \(x) vs \(y)")
        }
        #expect(FileManager.default.fileExists(atPath: "\(folder)/merged/sensitivity.html"))
        // A missing shard is reported.
        let partial = try CLI.run(["sweep-merge", "\(folder)/shard-0", "--out", "\(folder)/partial", "--total", "6"])
        #expect(partial.status == 2)
    }
}
