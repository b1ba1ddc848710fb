import LinearProgramming

/// Puts the full LP's solution together from a decomposition: capacity from the master, operation from the blocks at
/// that capacity, capacity-row duals from the master and block-row duals combined over the cuts by the master's cut
/// duals (a block whose cuts all have zero weight keeps its own last duals).
struct BendersAssembly {
    let full: PlacementModel
    let master: BendersMaster
    let subproblems: [(year: Int, block: Int)]

    /// - Parameter cutDuals: each cut's master row, block (index into `subproblems`) and block-row multipliers.
    func solution(masterValues: [Double], masterDuals: [Double], outcomes: [BlockProblem.Outcome],
                  cutDuals: [(row: Int, subproblem: Int, duals: SparseMultipliers)], objective: Double,
                  iterations: Int, method: SolverOptions.Method) -> Solution {
        var x = [Double](repeating: 0, count: full.program.variableCount)
        for (fullColumn, masterColumn) in zip(full.capacityPartColumns(), master.model.capacityPartColumns()) {
            x[fullColumn.index] = masterValues[masterColumn.index]
        }
        var duals = [Double](repeating: 0, count: full.program.constraintCount)
        for (fullRow, masterRow) in zip(full.capacityRows(), master.model.capacityRows()) {
            duals[fullRow.index] = masterDuals[masterRow.index]
        }
        var combined = [[Double]](repeating: [], count: subproblems.count)
        for cut in cutDuals {
            let weight = masterDuals[cut.row]
            guard weight > 0 else { continue }
            if combined[cut.subproblem].isEmpty { combined[cut.subproblem] = [Double](repeating: 0, count: cut.duals.count) }
            cut.duals.add(times: weight, to: &combined[cut.subproblem])
        }
        for (index, outcome) in outcomes.enumerated() {
            let (y, b) = subproblems[index]
            for (column, value) in zip(full.blockColumns(year: y, block: b), outcome.values) { x[column.index] = value }
            let blockDuals = combined[index].isEmpty ? outcome.duals : combined[index]
            for (row, position) in zip(full.blockRows(year: y, block: b), outcome.operationRowPositions) { duals[row.index] = blockDuals[Int(position)] }
        }
        // An idle-fit row of the master is a slice's headroom row plus its renewables and on-site limit rows with nothing produced.
        for fit in master.idleFitRows {
            let dual = masterDuals[fit.row.index]
            guard dual != 0 else { continue }
            duals[full.headroomRow[fit.site][fit.year][fit.slice].index] += dual
            if let rows = full.renewableRow[fit.site] { duals[rows[fit.year][fit.slice].index] += dual }
            if let rows = full.edge.onsiteLimitRow[fit.site] { duals[rows[fit.year][fit.slice].index] += dual }
        }
        let activities = (0 ..< full.program.constraintCount).map { full.program.activity(of: ConstraintID($0), at: x) }
        return Solution(status: .optimal, objective: objective, variableValues: x, reducedCosts: [Double](repeating: 0, count: x.count),
                        constraintActivities: activities, constraintDuals: duals, iterations: iterations, solveSeconds: 0, method: method)
    }
}
