import Foundation
import LinearProgramming

/// Builds the placement LP for a scenario, solves it with GLPK and extracts the results.
public enum PlacementSolver {
    /// Why a placement could not be solved.
    public enum Failure: Error, CustomStringConvertible {
        /// The plan's hard limits contradict each other; the reasons name them.
        case infeasible([String])
        /// The solver stopped without an optimum (limit or numerical trouble).
        case solverStopped(SolveStatus, PlacementResult)

        public var description: String {
            switch self {
            case .infeasible(let reasons):
                return "the plan is infeasible:\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
            case let .solverStopped(status, _):
                return "the solver stopped without an optimal plan: \(status.rawValue)"
            }
        }
    }

    /// Projects demand, builds and solves the placement LP.
    /// - Throws: ``Failure`` when the plan is infeasible or the solver stops early; ``LinearProgrammingError`` on solver errors.
    public static func solve(_ scenario: Scenario, options: SolverOptions = SolverOptions()) throws -> PlacementResult {
        let demand = DemandProjection(scenario: scenario)
        return try solve(PlacementData(scenario: scenario, demand: demand), options: options)
    }

    /// Builds and solves the placement LP for prepared data.
    public static func solve(_ data: PlacementData, options: SolverOptions = SolverOptions()) throws -> PlacementResult {
        let buildStart = Date()
        let model = PlacementModel.build(data)
        let problem = try GLPKProblem(model.program)
        let buildSeconds = Date().timeIntervalSince(buildStart)
        let solution = try problem.solve(options)
        let extractStart = Date()
        var statistics = PlacementResult.SolverStatistics(
            rows: model.program.constraintCount, columns: model.program.variableCount, nonzeros: model.program.entryCount,
            iterations: solution.iterations, method: options.method.rawValue, buildSeconds: buildSeconds,
            solveSeconds: solution.solveSeconds, extractSeconds: 0)
        switch solution.status {
        case .optimal:
            var result = model.results(from: solution, statistics: statistics)
            result.solver.extractSeconds = Date().timeIntervalSince(extractStart)
            return result
        case .infeasible, .infeasibleOrUnbounded:
            let reasons = model.infeasibilityReasons()
            throw Failure.infeasible(reasons.isEmpty ? ["GLPK reports \(solution.status.rawValue), and no single input limit explains it; export the model with `tokengrid export` to inspect it"] : reasons)
        default:
            statistics.extractSeconds = Date().timeIntervalSince(extractStart)
            var result = model.results(from: solution, statistics: statistics)
            result.status = solution.status
            throw Failure.solverStopped(solution.status, result)
        }
    }
}
