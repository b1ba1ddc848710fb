import ArgumentParser
import LinearProgramming
import TokenGrid

/// `tokengrid export PLAN --mps FILE | --lp FILE`: write the placement LP for other solvers or glpsol.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a plan's placement LP as free MPS or CPLEX LP, e.g. to solve it with glpsol.",
        discussion: """
        Rows and columns are named family[index,...], e.g. headroom[ningxia,2028,djf-h16-20]; units are MW, \
        millions of tokens per second and millions of dollars (see docs/formulation.md).

        MPS is free MPS with every number written to full (round-trip) precision; CPLEX LP is written by GLPK \
        (15 significant digits). In both, the objective constant is the cost of a column objective_constant fixed \
        at 1, so glpsol, HiGHS and tokengrid solve-lp read the same objective (see docs/model-files.md).

        Examples:
          tokengrid export Plans/quickstart.yaml --mps /tmp/quickstart.mps
          glpsol --freemps /tmp/quickstart.mps
          scripts/check-export-highs.py /tmp/quickstart.mps

        \(HelpText.exitCodes([(1, "invalid input, or a file that cannot be written")]))
        """
    )

    @OptionGroup var input: PlanInputOptions

    @Option(help: "Write free MPS to this file.")
    var mps: String?

    @Option(help: "Write CPLEX LP to this file.")
    var lp: String?

    func validate() throws {
        if mps == nil && lp == nil { throw ValidationError("give --mps FILE or --lp FILE (or both)") }
    }

    func run() throws {
        let scenario = try input.load()
        let program = PlacementModel.build(PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))).program
        if let mps { try program.write(to: mps, format: .mps) }
        if let lp { try program.write(to: lp, format: .lp) }
        print("exported \(program.constraintCount) rows, \(program.variableCount) columns, \(program.entryCount) nonzeros; objective constant \(program.objectiveConstant) M$ (the cost of column objective_constant, fixed at 1)")
    }
}
