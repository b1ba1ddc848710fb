import ArgumentParser
import Foundation
import LinearProgramming

/// `tokengrid solve-lp FILE`: solve an MPS or CPLEX LP file with GLPK and print status, objective and timing.
struct SolveLPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve-lp",
        abstract: "Solve a linear program from an MPS (free) or CPLEX LP file with GLPK.",
        discussion: """
        Prints the status, the objective value, the simplex iterations and the time spent reading and solving.
        Useful to cross-check an exported plan against glpsol.

        Example:
          tokengrid solve-lp Plans/examples/production.mps --method dual
        """
    )

    @Argument(help: "The model file; its format follows from the extension (.mps or .lp) unless --format is given.")
    var file: String

    @Option(help: "File format: mps (free MPS) or lp (CPLEX LP).")
    var format: ModelFileFormatArgument?

    @Option(help: "Solver algorithm: primal, dual or interior.")
    var method: MethodArgument = .dual

    @Option(name: .customLong("time-limit"), help: "Stop after this many seconds.")
    var timeLimitSeconds: Double?

    @Flag(inversion: .prefixedNo, help: "Use GLPK's LP presolver (simplex only).")
    var presolve = false

    @Flag(help: "Print GLPK's own progress output.")
    var verbose = false

    func run() throws {
        guard let format = format?.format ?? ModelFileFormat(path: file) else {
            throw ValidationError("cannot tell the format of \(file) from its extension; pass --format mps or --format lp")
        }
        let readStart = Date()
        let problem = try GLPKProblem.read(from: file, format: format)
        let readSeconds = Date().timeIntervalSince(readStart)
        let options = SolverOptions(method: method.method, presolve: presolve, timeLimitSeconds: timeLimitSeconds, verbose: verbose)
        let solution = try problem.solve(options)
        print("file:        \(file)")
        print("size:        \(problem.constraintCount) rows, \(problem.variableCount) columns, \(problem.entryCount) nonzeros")
        print("status:      \(solution.status.rawValue)")
        if solution.status == .optimal {
            print("objective:   \(String(format: "%.10g", solution.objective))")
        }
        print("iterations:  \(solution.iterations)")
        print("read_s:      \(String(format: "%.3f", readSeconds))")
        print("solve_s:     \(String(format: "%.3f", solution.solveSeconds))")
        if solution.status != .optimal { throw ExitCode(3) }
    }
}

/// `--format` choices.
enum ModelFileFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case mps, lp
    var format: ModelFileFormat { self == .mps ? .mps : .lp }
}

/// `--method` choices.
enum MethodArgument: String, ExpressibleByArgument, CaseIterable {
    case primal, dual, interior
    var method: SolverOptions.Method {
        switch self {
        case .primal: return .primalSimplex
        case .dual: return .dualSimplex
        case .interior: return .interiorPoint
        }
    }
}
