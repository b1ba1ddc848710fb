import ArgumentParser
import TokenGrid

@main
struct TokenGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokengrid",
        abstract: "Plan where AI compute clusters should go given the power grid, and what a token costs there.",
        version: TokenGridVersion.current,
        subcommands: [PlanCommand.self, ValidateCommand.self, DemandCommand.self, ExportCommand.self, RegionsCommand.self, HeadroomCommand.self, SweepCommand.self, SweepMergeCommand.self, SolveLPCommand.self]
    )
}
