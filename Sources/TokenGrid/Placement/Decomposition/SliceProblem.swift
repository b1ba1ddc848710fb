import LinearProgramming

/// One (year, slice) operational LP with capacity given, kept on its worker thread between Benders iterations
/// so that each re-solve starts from the previous basis.
final class SliceProblem {
    let year: Int
    let slice: Int
    let problem: GLPKProblem
    /// The slice's handles, kept instead of its model so that hundreds of slices stay small in memory.
    let capacityColumns: [VariableID]
    let operationColumns: [VariableID]
    let operationRows: [ConstraintID]
    let label: String
    private var hasBasis = false

    init(data: PlacementData, year: Int, slice: Int) throws {
        self.year = year
        self.slice = slice
        let model = PlacementModel.build(data, scope: .slice(year: year, slice: slice))
        problem = try GLPKProblem(model.program)
        capacityColumns = model.capacityColumns(year: year)
        operationColumns = model.sliceColumns(year: year, slice: slice)
        operationRows = model.sliceRows(year: year, slice: slice)
        label = "\(data.years[year])/\(data.slices[slice].name)"
    }

    /// What one solve at given capacity returns: its cost, the cut's gradient, and the values to assemble results.
    struct Outcome: Sendable {
        var year: Int
        var slice: Int
        /// Operational cost of the slice incl. its unserved-token penalty, M$.
        var objective: Double
        /// ∂cost/∂capacity for each capacity column (reduced costs of the fixed columns), M$ per MW.
        var gradient: [Double]
        /// Values of the slice's operational columns (``PlacementModel/sliceColumns(year:slice:)`` order).
        var values: [Double]
        /// Duals of the slice's operational rows (``PlacementModel/sliceRows(year:slice:)`` order), single precision
        /// to halve what hundreds of stored cuts hold.
        var duals: [Float]
        var iterations: Int
    }

    /// Fixes capacity at `values` (one per capacity column) and solves, warm-started after the first time.
    func solve(capacity values: [Double], method: SolverOptions.Method) throws -> Outcome {
        for (column, value) in zip(capacityColumns, values) {
            try problem.setBounds(column, .equal(to: max(0, value)))
        }
        // Between iterations only bounds change, which leaves the basis dual feasible: dual simplex is the right restart.
        let solution = try problem.solve(SolverOptions(method: hasBasis || method == .interiorPoint ? .dualSimplex : method, presolve: false, warmStart: hasBasis))
        guard solution.status == .optimal else {
            throw LinearProgrammingError.solverFailure(code: -1, message: "slice \(label) ended \(solution.status.rawValue)")
        }
        hasBasis = true
        return Outcome(year: year, slice: slice, objective: solution.objective,
                       gradient: capacityColumns.map { solution.reducedCosts[$0.index] },
                       values: operationColumns.map { solution.variableValues[$0.index] },
                       duals: operationRows.map { Float(solution.constraintDuals[$0.index]) },
                       iterations: solution.iterations)
    }
}

/// A worker thread and the slice problems it owns (touched only on that thread).
final class SliceWorker: @unchecked Sendable {
    let thread: SolverThread
    var problems: [SliceProblem] = []

    init(index: Int) {
        thread = SolverThread(name: "tokengrid-slices-\(index)")
    }
}
