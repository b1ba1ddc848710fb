import Foundation
import LinearProgramming

/// Solves one plan, or a sequence of variants of one plan (a sweep), keeping what the next solve can reuse: the
/// loaded whole LP with its optimal basis, or the decomposition's block problems with their bases and binding cuts.
///
/// Each solve builds the full LP, solves it whole or by Benders decomposition (``PlacementOptions/strategy``), checks
/// the answer against the full LP (`SolutionCheck`) and, when the check fails, solves again another way (see
/// ``PlacementSolver``). A variant whose LP has the shape of the previous one is changed in place and re-solved from
/// the previous basis (dual simplex); any other is loaded afresh.
///
/// - Important: GLPK problems live on the thread that made them: create, use and release a session on one thread.
public final class PlacementSession {
    public var options: PlacementOptions
    private var whole: (problem: GLPKProblem, fingerprint: ProgramFingerprint)?
    private var benders: BendersSolver?

    public init(options: PlacementOptions = PlacementOptions()) {
        self.options = options
    }

    /// Builds, solves and checks the placement LP for `data`, reusing the previous solve's state when it can.
    /// - Throws: ``PlacementSolver/Failure`` when the plan is infeasible, the solver stops early or no solution passes
    ///   the check; `LinearProgrammingError` on solver errors.
    public func solve(_ data: PlacementData) throws -> PlacementResult {
        do {
            return try solveUnnamed(data)
        } catch let error as LinearProgrammingError where error.isProgramError {
            // Rows and columns are built without names (half the build time of a sweep variant); a program GLPK
            // refuses is built again with them, so that the error names the row or column.
            try PlacementModel.build(data).program.validate()
            throw error
        }
    }

    private func solveUnnamed(_ data: PlacementData) throws -> PlacementResult {
        var clock = Clock()
        let model = PlacementModel.build(data, names: false)
        clock.timings.buildSeconds = clock.lap()
        var attempts = Attempts(model: model, tolerances: options.tolerances, tamper: options.tamper)
        let decompose = PlacementSolver.shouldDecompose(model, options)
        if decompose {
            let solver = benders ?? BendersSolver(options: options.solver, threads: options.threads,
                                                  relativeGap: options.relativeGap, maxIterations: options.maxIterations)
            solver.onIteration = options.onIteration
            solver.residentEntryLimit = options.residentBlockEntryLimit
            benders = solver
            // A decomposed answer that fails the check is solved again with a hundred times tighter gap between the
            // Benders bounds (the check's 1e-6 on the duality gap is then met with room to spare).
            for (round, gap) in [options.relativeGap, options.relativeGap / 100].enumerated() {
                solver.relativeGap = gap
                let outcome = try solver.solve(data, full: model)
                clock.timings.solveSeconds += clock.lap()
                let label = "benders-\(options.solver.method.rawValue), \(outcome.iterations) iterations" + (round > 0 ? " to a \(String(format: "%.0e", gap)) gap" : "")
                    + (outcome.cutsReused > 0 ? " (warm: \(outcome.cutsReused) cuts kept)" : "")
                clock.timings.masterSeconds += outcome.masterSeconds
                clock.timings.blockSeconds += outcome.blockSeconds
                let accepted = attempts.consider(outcome.solution, label: label)
                clock.timings.checkSeconds += clock.lap()
                options.onAttempt?(attempts.lines.last!)
                if let accepted {
                    solver.relativeGap = options.relativeGap
                    return finish(accepted.0, method: "benders-\(options.solver.method.rawValue)", attempts, &clock)
                }
            }
            solver.relativeGap = options.relativeGap
            // The whole LP is tried after a failed decomposition only while GLPK can be expected to finish it.
            guard model.program.constraintCount <= options.wholeLPFallbackRowLimit else {
                var result = model.results(from: attempts.last!, statistics: attempts.statistics(attempts.last!, method: "unverified"))
                result.status = .undetermined
                throw PlacementSolver.Failure.unverified(result)
            }
        }
        for (index, solver) in PlacementSolver.fallbackSequence(options.solver, rows: model.program.constraintCount, includePrimary: !decompose).enumerated() {
            let (problem, warm) = try load(model.program, reuse: index == 0)
            var solverOptions = solver
            if warm {
                // Only numbers changed since the last optimum: restart from its basis.
                solverOptions = SolverOptions(method: .dualSimplex, presolve: false, scaling: solver.scaling, warmStart: true,
                                              timeLimitSeconds: solver.timeLimitSeconds, iterationLimit: solver.iterationLimit, verbose: solver.verbose)
            }
            let solution = try problem.solve(solverOptions)
            clock.timings.solveSeconds += clock.lap()
            let label = Attempts.label(solverOptions, warm: warm)
            switch solution.status {
            case .optimal:
                let accepted = attempts.consider(solution, label: label)
                clock.timings.checkSeconds += clock.lap()
                options.onAttempt?(attempts.lines.last!)
                if let accepted { return finish(accepted.0, method: solverOptions.method.rawValue, attempts, &clock) }
            case .infeasible, .infeasibleOrUnbounded:
                whole = nil
                let reasons = model.infeasibilityReasons()
                throw PlacementSolver.Failure.infeasible(reasons.isEmpty ? ["GLPK reports \(solution.status.rawValue), and no single input limit explains it; export the model with `tokengrid export` to inspect it"] : reasons)
            default:
                whole = nil
                attempts.record(solution, label: label)
                var result = model.results(from: solution, statistics: attempts.statistics(solution, method: solverOptions.method.rawValue))
                result.status = solution.status
                throw PlacementSolver.Failure.solverStopped(solution.status, result)
            }
        }
        whole = nil
        var result = model.results(from: attempts.last!, statistics: attempts.statistics(attempts.last!, method: "unverified"))
        result.status = .undetermined
        throw PlacementSolver.Failure.unverified(result)
    }

    /// The GLPK problem to solve `program` with: the kept one changed in place when `reuse` allows and the shapes
    /// match (then `warm` is true), else a new one, which is kept for the next solve.
    private func load(_ program: LinearProgram, reuse: Bool) throws -> (GLPKProblem, warm: Bool) {
        if reuse, let whole, let fingerprint = try whole.problem.update(from: whole.fingerprint, to: program) {
            self.whole = (whole.problem, fingerprint)
            return (whole.problem, true)
        }
        let problem = try GLPKProblem(program, names: false)
        whole = (problem, ProgramFingerprint(program))
        return (problem, false)
    }

    private func finish(_ solution: Solution, method: String, _ attempts: Attempts, _ clock: inout Clock) -> PlacementResult {
        var result = attempts.model.results(from: solution, statistics: attempts.statistics(solution, method: method))
        clock.timings.extractSeconds = clock.lap()
        result.timings = clock.timings
        return result
    }
}
