import ArgumentParser
import Foundation
import TokenGrid

/// `tokengrid demand PLAN`: the projected tokens per zone and year and what serving them takes.
struct DemandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demand",
        abstract: "Project token demand per zone and year, and the MW of IT and GWh needed to serve it.",
        discussion: """
        For each zone and planning year: tokens per year, mean and peak tokens/s, and, on the most \
        energy-efficient design available to the zone's sites, the MW of IT (at the design's maximum utilisation, \
        sized for the peak slice), accelerator-hours and GWh at the meter (with that site's PUE). Fitted growth \
        models print their parameters and goodness of fit.

        Example:
          tokengrid demand Plans/east-data-west-compute-2030.yaml

        \(HelpText.exitCodes([HelpText.invalidInput]))
        """
    )

    @OptionGroup var input: PlanInputOptions

    func run() throws {
        let scenario = try input.load()
        print(DemandTable.render(scenario: scenario, projection: DemandProjection(scenario: scenario)), terminator: "")
    }
}
