import LinearProgramming

/// One (year, block) operational LP with capacity given, kept on its worker thread between Benders iterations — and
/// between variants of a plan — so that each re-solve starts from the previous basis.
final class BlockProblem {
    let year: Int
    let block: Int
    private(set) var problem: GLPKProblem
    private var fingerprint: ProgramFingerprint
    /// Columns fixed at the master's values (capacity of the year, and the block's emission allowance under a cap).
    private(set) var linkingColumns: [VariableID]
    /// Columns and rows shared with the full LP, in ``PlacementModel/blockColumns(year:block:)`` order.
    private(set) var operationColumns: [VariableID]
    private(set) var operationRows: [ConstraintID]
    let label: String
    private var hasBasis = false
    /// Multipliers of cuts kept from earlier variants, re-evaluated against each new variant's block LP.
    var keptMultipliers: [[Double]] = []

    init(data: PlacementData, year: Int, block: Int) throws {
        self.year = year
        self.block = block
        let model = PlacementModel.build(data, scope: .block(year: year, block: block))
        problem = try GLPKProblem(model.program, names: false)
        fingerprint = ProgramFingerprint(model.program)
        linkingColumns = model.linkingColumns(year: year, block: block)
        operationColumns = model.blockColumns(year: year, block: block)
        operationRows = model.blockRows(year: year, block: block)
        label = "\(data.years[year])/\(model.blockID(block))"
    }

    /// Loads the block of a new variant of the plan: in place, keeping the basis, when its LP has the same shape; the
    /// cuts kept from earlier variants are re-evaluated against it (a cut from any multipliers is valid for any variant).
    /// - Returns: the re-evaluated cuts that are still finite, each with its multipliers.
    func load(_ data: PlacementData) throws -> [(cut: BendersCut, multipliers: [Double])] {
        let model = PlacementModel.build(data, scope: .block(year: year, block: block))
        if let updated = try problem.update(from: fingerprint, to: model.program) {
            fingerprint = updated
        } else {
            // Another shape: rows no longer match the kept multipliers, nor the basis.
            problem = try GLPKProblem(model.program, names: false)
            fingerprint = ProgramFingerprint(model.program)
            hasBasis = false
            keptMultipliers = []
        }
        linkingColumns = model.linkingColumns(year: year, block: block)
        operationColumns = model.blockColumns(year: year, block: block)
        operationRows = model.blockRows(year: year, block: block)
        let cuts = keptMultipliers.compactMap { multipliers in
            BendersCut(multipliers: multipliers, program: model.program, linking: linkingColumns, impliedUpper: model.impliedUpperBounds).map { ($0, multipliers) }
        }
        keptMultipliers = []
        return cuts
    }

    /// What one solve at given capacity returns: its cost, the cut's gradient, and the values to assemble results.
    struct Outcome: Sendable {
        var year: Int
        var block: Int
        /// Operational cost of the block incl. its unserved-token penalty, M$.
        var objective: Double
        /// ∂cost/∂(linking column) (reduced costs of the fixed columns), M$ per unit.
        var gradient: [Double]
        /// Values of the operation columns.
        var values: [Double]
        /// Duals of every row of the block LP, kept for the cut and for assembling duals.
        var duals: [Double]
        /// Positions, among the block LP's rows, of the rows the full LP shares (``PlacementModel/blockRows(year:block:)``).
        var operationRowPositions: [Int]
        var iterations: Int
    }

    /// Fixes the linking columns at `values` and solves, warm-started after the first time.
    func solve(linking values: [Double], method: SolverOptions.Method) throws -> Outcome {
        for (column, value) in zip(linkingColumns, values) {
            // The master's values below 1e-30 are rounding noise around zero.
            try problem.setBounds(column, .equal(to: value < 1e-30 ? 0 : value))
        }
        // Between iterations only bounds change, which leaves the basis dual feasible: dual simplex is the right restart.
        let solution: Solution
        do {
            solution = try problem.solve(SolverOptions(method: hasBasis || method == .interiorPoint ? .dualSimplex : method, presolve: false, warmStart: hasBasis))
        } catch {
            throw LinearProgrammingError.solverFailure(code: -1, message: "block \(label): \(error)")
        }
        guard solution.status == .optimal else {
            throw LinearProgrammingError.solverFailure(code: -1, message: "block \(label) ended \(solution.status.rawValue)")
        }
        hasBasis = true
        return Outcome(year: year, block: block, objective: solution.objective,
                       gradient: linkingColumns.map { solution.reducedCosts[$0.index] },
                       values: operationColumns.map { solution.variableValues[$0.index] },
                       duals: solution.constraintDuals.map { $0 },
                       operationRowPositions: operationRows.map(\.index),
                       iterations: solution.iterations)
    }
}

/// A worker thread and the block problems it owns (touched only on that thread).
final class BlockWorker: @unchecked Sendable {
    let thread: SolverThread
    var problems: [BlockProblem] = []

    init(index: Int) {
        thread = SolverThread(name: "tokengrid-blocks-\(index)")
    }
}
