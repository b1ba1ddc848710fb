import Foundation
import ArgumentParser
import LinearProgramming
import TokenGrid

/// The solver flags every command that solves shares: the simplex or interior method and a time limit.
struct SolverFlags: ParsableArguments {
    @Option(help: "Solver algorithm.")
    var method: MethodArgument = .primal

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Stop each solve after this many seconds.", valueName: "seconds"))
    var timeLimitSeconds: Double?

    func validate() throws {
        if let timeLimitSeconds, !(timeLimitSeconds > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }
}

/// The flags of commands that solve a plan's placement LP: the solver flags and how to split the LP.
struct PlacementFlags: ParsableArguments {
    @OptionGroup var solver: SolverFlags

    @Option(help: "How to solve: automatic (decompose plans over 20,000 rows), monolithic (one LP) or decomposed (Benders over time slices).")
    var strategy: StrategyArgument = .automatic

    /// Placement options with these flags; `verbose` passes GLPK's own output through.
    func options(verbose: Bool = false) -> PlacementOptions {
        PlacementOptions(solver: SolverOptions(method: solver.method.method, presolve: true, timeLimitSeconds: solver.timeLimitSeconds, verbose: verbose),
                         strategy: strategy.strategy)
    }
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

/// `--strategy` choices.
enum StrategyArgument: String, ExpressibleByArgument, CaseIterable {
    case automatic, monolithic, decomposed
    var strategy: PlacementOptions.Strategy { PlacementOptions.Strategy(rawValue: rawValue)! }
}

/// One `--format` choice.
enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case md, html, csv, json
    var format: ReportFormat { ReportFormat(rawValue: rawValue)! }
}

/// `--format`: a comma-separated list of ``ReportFormatArgument`` choices, e.g. `md,html`.
struct ReportFormatList: ExpressibleByArgument {
    var choices: [ReportFormatArgument]

    init(_ choices: [ReportFormatArgument]) { self.choices = choices }

    init?(argument: String) {
        let items = argument.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let choices = items.compactMap(ReportFormatArgument.init(rawValue:))
        guard !choices.isEmpty, choices.count == items.count else { return nil }
        self.choices = choices
    }

    static var all: ReportFormatList { ReportFormatList(ReportFormatArgument.allCases) }
    static var allValueStrings: [String] { ReportFormatArgument.allCases.map(\.rawValue) }
    var defaultValueDescription: String { choices.map(\.rawValue).joined(separator: ",") }
    var formats: [ReportFormat] { choices.map(\.format) }
}
