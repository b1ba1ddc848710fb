import ArgumentParser
import TokenGrid

@main
struct TokenGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokengrid",
        abstract: "Plan where AI compute clusters should go given the power grid, and what a token costs there.",
        discussion: """
        Start with a shipped plan, then compare it with a variant:
          tokengrid plan Plans/quickstart.yaml
          tokengrid plan Plans/quickstart.yaml --set discount_rate=0.05 \\
              --out out/quickstart-5pc
          tokengrid compare out/quickstart out/quickstart-5pc

        Exit codes (each command's help lists its own):
          0    success
          1    invalid input, or a file or folder that cannot be read or written
          2    plan: infeasible or too much unserved; sweep-merge: scenarios missing
          3    plan, solve-lp: the solver stopped without a checked optimum
          64   command-line usage error (unknown option, bad value)
          130  sweep interrupted with Ctrl-C
        """,
        version: TokenGridVersion.current,
        subcommands: [PlanCommand.self, ValidateCommand.self, DemandCommand.self, ExportCommand.self, RegionsCommand.self, HeadroomCommand.self, SweepCommand.self, SweepMergeCommand.self, CompareCommand.self, SolveLPCommand.self]
    )
}
