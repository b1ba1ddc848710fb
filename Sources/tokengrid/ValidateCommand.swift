import ArgumentParser
import TokenGrid

/// `tokengrid validate PLAN`: load and check a plan and everything it refers to.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a plan, its region files and the design catalogue; list every error with file:line:column.",
        discussion: """
        Exits 0 when the plan is valid (warnings may still be printed) and 1 when it has errors. Errors go to \
        stderr.

        Example:
          tokengrid validate Plans/quickstart.yaml \\
              --set regions.ningxia.grid.price_usd_per_mwh=30

        \(HelpText.exitCodes([HelpText.invalidInput]))
        """
    )

    @OptionGroup var input: PlanInputOptions

    func run() throws {
        let scenario = try input.load()
        print("\(input.plan): valid — \(scenario.regions.count) sites, \(scenario.plan.zones.count) zones, \(scenario.plan.timeSlices.count) time slices, \(scenario.plan.firstYear)–\(scenario.plan.lastYear), \(scenario.warnings.count) warning(s)")
    }
}
