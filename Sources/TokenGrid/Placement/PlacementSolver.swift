import Foundation
import LinearProgramming

/// How to solve the placement LP.
public struct PlacementOptions: Sendable {
    /// Whether to solve the LP whole or by Benders decomposition over time slices.
    public enum Strategy: String, Sendable, CaseIterable, Codable {
        /// Decompose large plans (more than `decompositionThreshold` rows); solve the rest whole.
        case automatic
        /// One LP with GLPK.
        case monolithic
        /// Benders decomposition: a capacity master and one LP per year and block of slices.
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
    /// Block-LP entries (all blocks together) up to which decomposition keeps each block loaded in a GLPK problem of
    /// its own; beyond, the blocks of a worker thread take turns in one (a full chronological year's 2,190 day blocks
    /// would need about 6 GB of GLPK problems; re-solves then cost a reload and a refactorization each).
    public var residentBlockEntryLimit = 4_000_000
    /// Called after each Benders iteration with its number and the lower and upper bounds (M$).
    public var onIteration: (@Sendable (Int, Double, Double) -> Void)?
    /// Called with each solve's line (how it ran, its check, accepted or rejected) as it is checked.
    public var onAttempt: (@Sendable (String) -> Void)?
    /// Largest LP (rows) still solved whole after its decomposed answer failed the check twice; beyond it GLPK would
    /// run for hours, so the plan is reported unverified instead.
    public var wholeLPFallbackRowLimit = 200_000
    /// What a solution must meet, checked against the full LP, to be reported as optimal.
    public var tolerances = SolutionCheck.Tolerances.standard
    /// Test hook: changes the n-th candidate solution (0-based) before it is checked, to provoke a failed check.
    var tamper: (@Sendable (inout Solution, Int) -> Void)?

    public init(solver: SolverOptions = SolverOptions(method: .primalSimplex, presolve: true), strategy: Strategy = .automatic) {
        self.solver = solver
        self.strategy = strategy
    }
}

/// Builds the placement LP for a scenario, solves it with GLPK, checks the solution and extracts the results.
///
/// Every solution, whole or decomposed, is checked against the full LP before it is reported (`SolutionCheck`:
/// primal and dual residuals and the duality gap, in relative terms). One that fails is solved again another way —
/// the other simplex method without presolve, then GLPK's exact arithmetic for small LPs — and a plan whose every
/// attempt fails is reported as a solver failure, never as optimal.
public enum PlacementSolver {
    /// Why a placement could not be solved.
    public enum Failure: Error, CustomStringConvertible {
        /// The plan's hard limits contradict each other; the reasons name them.
        case infeasible([String])
        /// The solver stopped without an optimum (limit or numerical trouble).
        case solverStopped(SolveStatus, PlacementResult)
        /// Every solve ended "optimal" but none passed the check against the full LP.
        case unverified(PlacementResult)

        public var description: String {
            switch self {
            case .infeasible(let reasons):
                return "the plan is infeasible:\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
            case let .solverStopped(status, result):
                return "the solver stopped without an optimal plan: \(status.rawValue)" + Self.attemptList(result)
            case .unverified(let result):
                return "no solve passed the optimality check against the full LP, so no plan is reported as optimal" + Self.attemptList(result)
            }
        }

        private static func attemptList(_ result: PlacementResult) -> String {
            result.solver.attempts.isEmpty ? "" : "\n" + result.solver.attempts.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// Projects demand, builds and solves the placement LP.
    /// - Throws: ``Failure`` when the plan is infeasible, the solver stops early or no solution passes the check;
    ///   `LinearProgrammingError` on solver errors.
    public static func solve(_ scenario: Scenario, options: PlacementOptions = PlacementOptions()) throws -> PlacementResult {
        let demand = DemandProjection(scenario: scenario)
        return try solve(PlacementData(scenario: scenario, demand: demand), options: options)
    }

    /// Builds and solves the placement LP for prepared data. A plan with deferrable demand is solved a second time
    /// without it, to report what deferral saves (``PlacementResult/deferralSavingUSD``).
    public static func solve(_ data: PlacementData, options: PlacementOptions = PlacementOptions()) throws -> PlacementResult {
        var result = try PlacementSession(options: options).solve(data)
        if result.deferrals != nil {
            var scenario = data.scenario
            for z in scenario.plan.zones.indices { scenario.plan.zones[z].deferrable = nil }
            // The comparison is a report line, not the plan: when it cannot be solved the saving is left out.
            if let without = try? PlacementSession(options: options).solve(PlacementData(scenario: scenario, demand: data.demand)) {
                result.deferralSavingUSD = without.objectiveUSD - result.objectiveUSD
            }
        }
        return result
    }

    static func shouldDecompose(_ model: PlacementModel, _ options: PlacementOptions) -> Bool {
        switch options.strategy {
        case .monolithic: return false
        case .decomposed: return true
        case .automatic: return model.program.constraintCount > options.decompositionThreshold
        }
    }

    /// The whole-LP solves to try in order: the requested one; then the other simplex method from scratch without
    /// presolve or scaling; then the requested method likewise; then exact arithmetic when the LP is small enough.
    /// (GLPK's presolver, and its automatic scaling, have each let both simplex methods stop at "optimal" above the
    /// optimum: with a column at a bound against the sign of its reduced cost, below GLPK's scaled tolerance.)
    static func fallbackSequence(_ primary: SolverOptions, rows: Int, includePrimary: Bool) -> [SolverOptions] {
        var sequence = includePrimary ? [primary] : []
        var plain = primary
        plain.presolve = false
        plain.scaling = false
        plain.warmStart = false
        var other = plain
        other.method = primary.method == .primalSimplex ? .dualSimplex : .primalSimplex
        sequence += [other, plain]
        if rows <= exactSimplexRowLimit {
            var exact = plain
            exact.method = .exactSimplex
            sequence.append(exact)
        }
        return sequence
    }

    /// Largest LP (rows) re-solved in exact arithmetic as a last resort: about 7 s at 11,000 rows.
    static let exactSimplexRowLimit = 20_000
}

/// The solves tried for one plan and their checks.
struct Attempts {
    let model: PlacementModel
    let tolerances: SolutionCheck.Tolerances
    let tamper: (@Sendable (inout Solution, Int) -> Void)?
    var lines: [String] = []
    var checks: [SolutionCheck] = []
    var last: Solution?

    init(model: PlacementModel, tolerances: SolutionCheck.Tolerances, tamper: (@Sendable (inout Solution, Int) -> Void)?) {
        self.model = model
        self.tolerances = tolerances
        self.tamper = tamper
    }

    /// Checks an "optimal" solution; returns it with its label when it passes.
    mutating func consider(_ solution: Solution, label: String) -> (Solution, String)? {
        var solution = solution
        tamper?(&solution, lines.count)
        var check = SolutionCheck(program: model.program, solution: solution)
        let passed = check.passes(tolerances)
        if !passed && !model.hasNames {
            // A rejected solution's summary says where the gap is: by name, from the same model built with names.
            check = SolutionCheck(program: PlacementModel.build(model.data).program, solution: solution)
        }
        checks.append(check)
        last = solution
        lines.append("\(label): optimal, \(check.summary) — \(passed ? "accepted" : "rejected")")
        return passed ? (solution, label) : nil
    }

    /// Records a solve that ended without an optimum, with GLPK's reason when it gave one.
    mutating func record(_ solution: Solution, label: String) {
        lines.append("\(label): \(solution.status.rawValue)" + (solution.message.map { " (\($0))" } ?? ""))
        last = solution
    }

    func statistics(_ solution: Solution, method: String) -> PlacementResult.SolverStatistics {
        PlacementResult.SolverStatistics(rows: model.program.constraintCount, columns: model.program.variableCount, nonzeros: model.program.entryCount,
                                         iterations: solution.iterations, method: method, check: checks.last, attempts: lines)
    }

    /// How a whole-LP solve was run, in words: `primal with presolve`, `dual, unscaled`, `dual (warm start)`.
    static func label(_ options: SolverOptions, warm: Bool) -> String {
        if warm { return "\(options.method.rawValue) (warm start)" }
        return options.method.rawValue + (options.presolve ? " with presolve" : "") + (options.scaling ? "" : ", unscaled")
    }
}

/// Phase timings for ``PlacementResult/Timings``.
struct Clock {
    var timings = PlacementResult.Timings()
    private var watch = Stopwatch()

    /// Seconds since the last lap.
    mutating func lap() -> Double { watch.lap() }
}
