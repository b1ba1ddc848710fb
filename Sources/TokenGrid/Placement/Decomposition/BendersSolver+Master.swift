import LinearProgramming

/// The Benders master's solves and upkeep: its start from merged slices, its re-solves, and removing cuts gone slack.
extension BendersSolver {
    /// A master point with the capacity ``CoarseStart`` finds (θ at 0), or nil when it does not apply: the plan has
    /// single-slice blocks, or master columns besides capacity and θ (a carbon cap's allowances) it cannot set.
    func coarsePoint(_ data: PlacementData, master: BendersMaster) throws -> [Double]? {
        let columns = master.model.stockColumns()
        guard master.model.capacityPartColumns().count + master.theta.count == master.model.program.variableCount,
              let capacity = try CoarseStart.capacity(for: data, options: options, threads: threads), capacity.count == columns.count else { return nil }
        var point = [Double](repeating: 0, count: master.model.program.variableCount)
        for (column, value) in zip(columns, capacity) { point[column.index] = value }
        // Curtailment columns are not carried over (their number depends on the slices): fill what the stock forces.
        master.fillCurtailment(data, at: &point)
        return point
    }

    /// Removes the cuts that are slack with a zero dual at the master's answer (they would only slow its solves; any
    /// that matters again is found again), and renumbers what refers to later rows, the solution's row values included
    /// (the loop may end on this solution, and its duals are then read by the new row numbers).
    func removeSlackCuts(_ problem: GLPKProblem, _ solution: inout Solution, owners: inout [Int: CutOwner], master: inout BendersMaster) throws {
        let slack = owners.keys.filter { row in
            solution.constraintDuals[row] == 0 && problem.constraintCount > row
        }.filter { row in
            // Activity above the cut's bound: θ − g·x > constant.
            let activity = solution.constraintActivities[row]
            let bound = problem.constraintLowerBound(ConstraintID(row))
            return bound.isFinite && activity - bound > 1e-7 * (1 + abs(bound))
        }.sorted()
        guard slack.count > owners.count / 4 else { return }
        try problem.removeConstraints(slack.map { ConstraintID($0) })
        let removed = Set(slack)
        // A row moves up by the number of removed rows before it (binary search in the sorted list).
        func moved(_ row: Int) -> Int {
            var low = 0, high = slack.count
            while low < high { let mid = (low + high) / 2; if slack[mid] < row { low = mid + 1 } else { high = mid } }
            return row - low
        }
        var renumbered: [Int: CutOwner] = [:]
        for (row, owner) in owners where !removed.contains(row) { renumbered[moved(row)] = owner }
        owners = renumbered
        master.idleFitRows = master.idleFitRows.map { (ConstraintID(moved($0.row.index)), $0.site, $0.year, $0.slice) }
        solution.constraintDuals = solution.constraintDuals.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        solution.constraintActivities = solution.constraintActivities.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// Solves the master: the first time from scratch by primal simplex (or from the previous variant's basis), afterwards
    /// from the previous basis by dual simplex (added cuts keep it dual feasible), and again from scratch by primal
    /// simplex if that does not end optimal (GLPK has called a master with many kept cuts infeasible that primal simplex
    /// solves). Unscaled: scale factors fixed before the cuts arrive fit them badly, and GLPK then failed on masters
    /// HiGHS solved at once.
    func solveMaster(_ problem: GLPKProblem, iteration: Int, fromKeptBasis: Bool) throws -> Solution {
        var solution: Solution?
        if iteration > 1 {
            solution = try? problem.solve(SolverOptions(method: .dualSimplex, presolve: false, scaling: false, warmStart: true))
        } else if fromKeptBasis {
            // Another variant's basis: neither primal nor dual feasible in general, which primal simplex starts from best.
            // On a degenerate master it can also stall (in a trial of repaired kept multipliers, one variant in a
            // hundred ran for minutes): a kept basis that needs more pivots than the master has rows is worse than a
            // fresh start (about 1,200 pivots on the 40-site plan's 1,900 rows), which then follows.
            solution = try? problem.solve(SolverOptions(method: .primalSimplex, presolve: false, scaling: false, warmStart: true,
                                                        iterationLimit: problem.constraintCount))
            if solution?.status != .optimal { problem.useAdvancedBasis() }
        }
        if solution?.status != .optimal {
            do {
                solution = try problem.solve(SolverOptions(method: .primalSimplex, presolve: false, scaling: false))
            } catch {
                throw LinearProgrammingError.solverFailure(code: -1, message: "Benders master, iteration \(iteration): \(error)")
            }
        }
        guard let solution, solution.status == .optimal else {
            throw LinearProgrammingError.solverFailure(code: -1, message: "Benders master, iteration \(iteration), ended \(solution?.status.rawValue ?? "without a status")")
        }
        return solution
    }
}
