import Foundation
import LinearProgramming

/// How to solve the placement LP.
public struct PlacementOptions: Sendable {
    /// Whether to solve the LP whole or by Benders decomposition over time slices.
    public enum Strategy: String, Sendable, CaseIterable, Codable {
        /// Decompose large plans (more than `decompositionThreshold` rows) that have no carbon cap; solve the rest whole.
        case automatic
        /// One LP with GLPK.
        case monolithic
        /// Benders decomposition: a capacity master and one LP per year and slice (not with a carbon cap).
        case decomposed
    }

    /// Primal simplex with presolve, as glpsol does by default: on the shipped plans about twice as fast as dual
    /// simplex. (Dual simplex with presolve returned a non-optimal "optimal" answer on a 57k-row generated plan,
    /// 0.6 % above the optimum that glpsol, HiGHS and the decomposition agree on; see docs/performance.md.)
    public var solver = SolverOptions(method: .primalSimplex, presolve: true)
    public var strategy = Strategy.automatic
    /// Worker threads for slice LPs (decomposition only).
    public var threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
    /// Relative gap between Benders bounds at which to stop.
    public var relativeGap = 1e-7
    /// Most Benders iterations.
    public var maxIterations = 500
    /// Rows above which `automatic` decomposes.
    public var decompositionThreshold = 20_000
    /// Called after each Benders iteration with its number and the lower and upper bounds (M$).
    public var onIteration: (@Sendable (Int, Double, Double) -> Void)?

    public init(solver: SolverOptions = SolverOptions(method: .primalSimplex, presolve: true), strategy: Strategy = .automatic) {
        self.solver = solver
        self.strategy = strategy
    }
}

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
    public static func solve(_ scenario: Scenario, options: PlacementOptions = PlacementOptions()) throws -> PlacementResult {
        let demand = DemandProjection(scenario: scenario)
        return try solve(PlacementData(scenario: scenario, demand: demand), options: options)
    }

    /// Builds and solves the placement LP for prepared data.
    public static func solve(_ data: PlacementData, options: PlacementOptions = PlacementOptions()) throws -> PlacementResult {
        let buildStart = Date()
        let model = PlacementModel.build(data)
        if shouldDecompose(model, options) {
            let buildSeconds = Date().timeIntervalSince(buildStart)
            var benders = BendersPlacement(data: data, options: options.solver, threads: options.threads,
                                           relativeGap: options.relativeGap, maxIterations: options.maxIterations)
            benders.onIteration = options.onIteration
            let outcome = try benders.solve(full: model)
            return try finish(outcome.model, outcome.solution, method: "benders-\(options.solver.method.rawValue)", buildSeconds: buildSeconds)
        }
        let problem = try GLPKProblem(model.program)
        let buildSeconds = Date().timeIntervalSince(buildStart)
        let solution = try problem.solve(options.solver)
        return try finish(model, solution, method: options.solver.method.rawValue, buildSeconds: buildSeconds)
    }

    static func shouldDecompose(_ model: PlacementModel, _ options: PlacementOptions) -> Bool {
        let hasCap = model.carbonCapRow.contains { $0 != nil }
        switch options.strategy {
        case .monolithic: return false
        case .decomposed: return !hasCap
        case .automatic: return !hasCap && model.program.constraintCount > options.decompositionThreshold
        }
    }

    private static func finish(_ model: PlacementModel, _ solution: Solution, method: String, buildSeconds: Double) throws -> PlacementResult {
        let extractStart = Date()
        var statistics = PlacementResult.SolverStatistics(
            rows: model.program.constraintCount, columns: model.program.variableCount, nonzeros: model.program.entryCount,
            iterations: solution.iterations, method: method, buildSeconds: buildSeconds, solveSeconds: solution.solveSeconds, extractSeconds: 0)
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
