import ArgumentParser
import Foundation
import LinearProgramming

/// `tokengrid solve-lp FILE`: solve an MPS or CPLEX LP file with GLPK and print status, objective and timing.
struct SolveLPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve-lp",
        abstract: "Solve a linear program from an MPS (free or fixed) or CPLEX LP file with GLPK.",
        discussion: """
        Prints the format read, the conventions applied, the size, the method, the status, the objective value, \
        the simplex iterations and the time spent reading and solving. A solve that ends without an optimum \
        prints GLPK's reason and the last objective value, and exits with 3.

        MPS files may be free or fixed (detected: free is tried first); an OBJSENSE section is honoured; a \
        right-hand side on the objective row is read as the objective constant -rhs, as HiGHS, CPLEX and Gurobi \
        read it (glpsol reads +rhs), and a note says so. Numbers GLPK could abort on are refused with the row or \
        column named. See docs/model-files.md.

        The default method is primal simplex with presolve, as for `tokengrid plan` and glpsol.

        Examples:
          tokengrid solve-lp docs/examples/production.mps
          tokengrid solve-lp docs/examples/fixed-format.mps --format fixed-mps
          tokengrid solve-lp docs/examples/production.mps --method dual \\
              --no-presolve --exact

        \(HelpText.exitCodes([(1, "a file that cannot be read, or is not a valid model"), (3, "no optimum")]))
        """
    )

    @Argument(help: "The model file; its format follows from the extension (.mps or .lp) unless --format is given.")
    var file: String

    @Option(help: "File format: mps (free or fixed, detected), free-mps, fixed-mps or lp (CPLEX LP).")
    var format: ModelFileFormatArgument?

    @OptionGroup(title: "Solver") var solver: SolverFlags

    @Flag(help: "Solve with primal simplex, then re-solve from its basis in exact rational arithmetic (GLPK's glp_exact) to verify the optimum; slow beyond small LPs. --method is then not used.")
    var exact = false

    @Flag(inversion: .prefixedNo, help: "Use GLPK's LP presolver (simplex only).")
    var presolve = true

    @Flag(help: "Print GLPK's own progress output.")
    var verbose = false

    func run() throws {
        guard let format = format?.format ?? ModelFileFormat(path: file) else {
            throw ValidationError("cannot tell the format of \(file) from its extension; pass --format mps, free-mps, fixed-mps or lp")
        }
        let readStart = Date()
        let (problem, report) = try GLPKProblem.readReporting(from: file, format: format)
        let readSeconds = Date().timeIntervalSince(readStart)
        let chosen: SolverOptions.Method = exact ? .exactSimplex : solver.method.method
        let options = SolverOptions(method: chosen, presolve: presolve, timeLimitSeconds: solver.timeLimitSeconds, verbose: verbose)
        print("file:        \(file)")
        print("format:      \(report.format.label)")
        for note in report.notes { print("note:        \(note)") }
        print("size:        \(problem.constraintCount) rows, \(problem.variableCount) columns, \(problem.entryCount) nonzeros")
        print("method:      \(Self.describe(options))")
        let solution: Solution
        do {
            solution = try problem.solve(options)
        } catch let LinearProgrammingError.solverFailure(code, message) {
            print("status:      failed")
            print("reason:      \(message) (GLPK code \(code))")
            throw ExitCode(3)
        }
        print("status:      \(solution.status.rawValue)")
        if solution.status == .optimal {
            print("objective:   \(Self.number(solution.objective))")
        } else {
            print("reason:      \(solution.message ?? "GLPK gave no reason")")
            print("last_objective: \(Self.number(solution.objective))")
        }
        print("iterations:  \(solution.iterations)")
        print("read_s:      \(String(format: "%.3f", readSeconds))")
        print("solve_s:     \(String(format: "%.3f", solution.solveSeconds))")
        if solution.status != .optimal { throw ExitCode(3) }
    }

    /// Fifteen significant digits: every digit printed is one the double holds.
    static func number(_ value: Double) -> String { String(format: "%.15g", value) }

    /// E.g. "primal simplex, presolve on".
    static func describe(_ options: SolverOptions) -> String {
        switch options.method {
        case .primalSimplex, .dualSimplex:
            return "\(options.method == .primalSimplex ? "primal" : "dual") simplex, presolve \(options.presolve ? "on" : "off")"
        case .interiorPoint:
            return "interior point"
        case .exactSimplex:
            return "primal simplex (presolve \(options.presolve ? "on" : "off")), then exact rational simplex (glp_exact)"
        }
    }
}

/// `--format` choices.
enum ModelFileFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case mps
    case freeMPS = "free-mps"
    case fixedMPS = "fixed-mps"
    case lp

    /// The library's format of the same name.
    var format: ModelFileFormat { ModelFileFormat(rawValue: rawValue)! }
}
