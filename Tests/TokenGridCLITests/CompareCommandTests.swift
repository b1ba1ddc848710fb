import Foundation
import Testing

/// `tokengrid compare` on two runs of the quickstart plan: one as shipped, one with a lower discount rate and a
/// cheaper ERCOT.
@Suite(.serialized) struct CompareCommandTests {
    static func runs() throws -> (a: String, b: String, folder: String) {
        let folder = try CLI.temporaryDirectory("compare")
        let a = "\(folder)/a", b = "\(folder)/b"
        #expect(try CLI.run(["plan", "Plans/quickstart.yaml", "--out", a, "--quiet"]).status == 0)
        #expect(try CLI.run(["plan", "Plans/quickstart.yaml", "--out", b, "--quiet", "--set", "discount_rate=0.05",
                             "--set", "regions.ercot.grid.price_usd_per_mwh=20"]).status == 0)
        return (a, b, folder)
    }

    @Test func showsWhatChangedAndWhichInputsDiffer() throws {
        let (a, b, folder) = try Self.runs()
        let run = try CLI.run(["compare", a, "\(b)/plan.json", "--out", "\(folder)/c"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("total discounted cost (2025 $), without the unserved penalty"))
        let markdown = try String(contentsOfFile: "\(folder)/c/compare.md", encoding: .utf8)
        for expected in ["## Headline", "## Inputs that differ", "Both runs read the same", "Only in B:", "- `discount_rate = 0.05`",
                         "| `plan.discount_rate` | 0.08 | 0.05 |", "| `regions[ercot].grid.price_usd_per_mwh.value` |", "## Capacity by site",
                         "## Cost per million tokens by site", "## Marginal cost per zone", "## Binding limits", "## Unserved demand"] {
            #expect(markdown.contains(expected), "missing: \(expected)")
        }
        let html = try String(contentsOfFile: "\(folder)/c/compare.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<svg").count - 1 == 2 && html.contains("<code>plan.discount_rate</code>"))
        // Same two runs, same bytes; without --out the Markdown goes to stdout.
        let again = try CLI.run(["compare", a, "\(b)/plan.json"])
        #expect(again.stdout == markdown)
    }

    @Test func aRunComparedWithItselfHasNoDifferences() throws {
        let (a, _, _) = try Self.runs()
        let run = try CLI.run(["compare", a, a])
        #expect(run.status == 0)
        #expect(run.stdout.contains("The loaded scenarios (plan, regions, designs, after overrides) are the same."))
        #expect(run.stdout.contains("The same limits bind in the same years."))
        #expect(!run.stdout.contains(" → ") || run.stdout.components(separatedBy: " → ").count == 2, "no value should differ")
        #expect(!run.stdout.contains("| +") && !run.stdout.contains("| −"), "no figure should change")
    }

    @Test func aFolderWithoutPlanJSONIsAnError() throws {
        let folder = try CLI.temporaryDirectory("compare-missing")
        let run = try CLI.run(["compare", folder, folder])
        #expect(run.status == 1)
        #expect(run.stderr.contains("holds no plan.json"))
    }
}
