import ArgumentParser
import Foundation
import TokenGrid

/// `tokengrid compare A B`: what changed between two runs, and which inputs differ.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two runs: what changed (capacity, cost per token, marginal costs, binding limits, unserved demand) and which inputs differ.",
        discussion: """
        A and B are output folders of `tokengrid plan` (with plan.json, written by the default formats) or plan.json \
        files. Without --out the comparison is printed as Markdown; with --out it is written there as compare.md and \
        compare.html (charts of capacity and cost per token by site), and the headline figures are printed.

        Inputs that differ: the files each run read (compared by SHA-256), the overrides, and every value of the \
        loaded scenario (plan, regions, designs, after overrides), matched by id.

        Examples:
          tokengrid plan Plans/us-grid-2030.yaml --out out/us-grid
          tokengrid plan Plans/us-grid-2030.yaml --out out/us-grid-cheap-ercot \\
              --set regions.ercot.grid.price_usd_per_mwh=30
          tokengrid compare out/us-grid out/us-grid-cheap-ercot --out out/us-grid-compare

        \(HelpText.exitCodes([(1, "a run that cannot be read, or an output folder that cannot be written")]))
        """
    )

    @Argument(help: "The first run (A): an output folder or a plan.json file.")
    var a: String

    @Argument(help: "The second run (B), compared with A.")
    var b: String

    @Option(help: "Folder for compare.md and compare.html (without it, the Markdown goes to stdout).")
    var out: String?

    func run() throws {
        let first: PlanSnapshot, second: PlanSnapshot
        do {
            first = try PlanSnapshot.read(a)
            second = try PlanSnapshot.read(b)
        } catch let error as PlanSnapshot.ReadError {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        guard let out else {
            print(ComparisonReport.markdown(first, second), terminator: "")
            return
        }
        let report = ComparisonReport.render(first, second)
        try writeOutputFolder(out, [("compare.md", Data(report.markdown.utf8)), ("compare.html", Data(report.html.utf8))])
        print(ComparisonReport.summary(first, second))
        print("wrote \(out)/compare.md, compare.html")
    }
}
