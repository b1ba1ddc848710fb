import LinearProgramming

/// One (year, block) operational LP with capacity given, kept on its worker thread between Benders iterations — and
/// between variants of a plan — with the basis of its last solve, so that each re-solve starts from there.
///
/// Its numbers are held as a ``CompactProgram``. While a plan's blocks are small in all (``BendersSolver/residentEntryLimit``)
/// each block also keeps a GLPK problem of its own, loaded once; beyond that (a full chronological year: 2,190 day
/// blocks of 5,000 rows, 3 MB each in GLPK) blocks are loaded one after another into their worker's one GLPK problem
/// (``BlockWorker``), in place where the pattern is the same, and start from their own saved basis.
final class BlockProblem {
    let year: Int
    let block: Int
    let label: String
    private(set) var program: CompactProgram
    /// The GLPK problem kept loaded for this block alone, if any.
    private(set) var resident: GLPKProblem?
    /// The basis of the last solve (kept here when the block is solved in its worker's shared problem).
    var basis: Basis?
    /// Whether the block has been solved since its pattern last changed (its basis, resident or saved, is its own).
    private(set) var hasBasis = false
    /// Columns fixed at the master's values (capacity of the year, and the block's emission allowance under a cap).
    private(set) var linkingColumns: [VariableID]
    /// Columns and rows shared with the full LP, in ``PlacementModel/blockColumns(year:block:)`` and
    /// ``PlacementModel/blockRows(year:block:)`` order, as positions in the block LP.
    private(set) var operationColumns: [Int32]
    private(set) var operationRows: [Int32]
    /// Where the cuts kept from the previous variant were made, which the next variant makes them again from (see
    /// ``BendersSolver/remakeKeptCuts()``).
    var keptCuts: [CutOrigin] = []
    /// Counts loads of new data, so that a worker knows whether the program it holds is still this block's.
    private(set) var version = 0

    /// How this block's numbers are read off the full LP (plans with resident blocks only: sweeps of small plans).
    private var derivation: BlockDerivation?
    /// Whether the program was read off the full LP, without its objective constant (see ``BlockDerivation``).
    private(set) var isDerived = false

    /// Builds the block's LP. How to read it off the full LP is worked out at the first new variant loaded
    /// (``load(_:full:)``), for resident blocks only, so that a single solve does not pay for it.
    init(data: PlacementData, year: Int, block: Int, resident: Bool) throws {
        self.year = year
        self.block = block
        let model = PlacementModel.build(data, scope: .block(year: year, block: block), names: false)
        program = try CompactProgram(model.program)
        self.resident = resident ? try GLPKProblem(program) : nil
        linkingColumns = model.linkingColumns(year: year, block: block)
        operationColumns = model.blockColumns(year: year, block: block).map { Int32($0.index) }
        operationRows = model.blockRows(year: year, block: block).map { Int32($0.index) }
        label = "\(data.years[year])/\(model.blockID(block))"
    }

    private func makeDerivation(_ full: PlacementModel) -> BlockDerivation? {
        BlockDerivation(block: program, linking: linkingColumns, operationColumns: operationColumns, operationRows: operationRows,
                        year: year, block: block, full: full)
    }

    /// Loads the block of a new variant of the plan: read off its full LP `full` when it can be, else built. The basis
    /// (and the kept cut points) stay when the LP has the same pattern; otherwise they no longer fit and are dropped.
    func load(_ data: PlacementData, full: PlacementModel) throws {
        if let derivation, let new = try derivation.program(from: full.program, template: program) {
            if let resident { _ = resident.load(new, replacing: program) }
            program = new
            isDerived = true
            version += 1
            return
        }
        try build(data, full: full)
    }

    /// Builds the block's LP for `data` (with its objective constant, unlike one read off the full LP).
    func build(_ data: PlacementData, full: PlacementModel) throws {
        let model = PlacementModel.build(data, scope: .block(year: year, block: block), names: false)
        var new = try CompactProgram(model.program)
        let linking = model.linkingColumns(year: year, block: block)
        if linking == linkingColumns, new.sharePattern(with: program) {
            if let resident { _ = resident.load(new, replacing: program) }
        } else {
            resident = resident == nil ? nil : try GLPKProblem(new)
            basis = nil
            hasBasis = false
            keptCuts = []
            linkingColumns = linking
            operationColumns = model.blockColumns(year: year, block: block).map { Int32($0.index) }
            operationRows = model.blockRows(year: year, block: block).map { Int32($0.index) }
        }
        program = new
        isDerived = false
        if derivation != nil || resident != nil { derivation = makeDerivation(full) }
        version += 1
    }

    /// Shares the pattern arrays of `other` (a block of the same shape on the same worker) to save memory.
    func sharePattern(with other: BlockProblem) {
        program.sharePattern(with: other.program)
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
        var operationRowPositions: [Int32]
        var iterations: Int
        /// The block's basis after this solve, kept for blocks with a GLPK problem of their own (``CutOrigin``).
        var basis: Basis?

        /// Where a cut made from this solve at `point` comes from.
        func origin(at point: [Double]) -> CutOrigin {
            CutOrigin(point: point, duals: SparseMultipliers(duals), basis: basis)
        }
    }

    /// Fixes the linking columns of `problem` (this block's LP, loaded) at `values` and solves it: by dual simplex from
    /// the block's own basis (between iterations only bounds change, which leaves it dual feasible); the first time by
    /// `method`, or primal simplex for dual (the master's first capacity leaves the block primal feasible at little or
    /// no output, while GLPK's dual simplex took 1.8 s from its advanced basis on a 24-hour block, against 67 ms), from
    /// whatever basis `problem` holds when `warm` (a block of the same pattern's).
    /// A `basis` given (one stored with a cut, its block's optimum at `values` for an earlier variant's data) is
    /// started from by primal simplex: at the same bounds it stays primal feasible when only costs changed.
    func solve(_ problem: GLPKProblem, at values: [Double], method: SolverOptions.Method, warm: Bool, from basis: Basis? = nil) throws -> Outcome {
        for (column, value) in zip(linkingColumns, values) {
            // The master's values below 1e-30 are rounding noise around zero.
            try problem.setBounds(column, .equal(to: value < 1e-30 ? 0 : value))
        }
        if let basis { try problem.setBasis(basis) }
        let options = basis != nil ? SolverOptions(method: .primalSimplex, presolve: false, warmStart: true)
            : hasBasis ? SolverOptions(method: .dualSimplex, presolve: false, warmStart: true)
            : SolverOptions(method: method == .dualSimplex ? .primalSimplex : method, presolve: false, warmStart: warm)
        let solution: Solution
        do {
            solution = try problem.solve(options)
        } catch {
            throw LinearProgrammingError.solverFailure(code: -1, message: "block \(label): \(error)")
        }
        guard solution.status == .optimal else {
            throw LinearProgrammingError.solverFailure(code: -1, message: "block \(label) ended \(solution.status.rawValue)")
        }
        hasBasis = true
        return Outcome(year: year, block: block, objective: solution.objective,
                       gradient: linkingColumns.map { solution.reducedCosts[$0.index] },
                       values: operationColumns.map { solution.variableValues[Int($0)] },
                       duals: solution.constraintDuals, operationRowPositions: operationRows, iterations: solution.iterations,
                       basis: resident == nil ? nil : problem.basis())
    }
}

/// A worker thread, the block problems it owns (touched only on that thread) and the one GLPK problem it loads
/// blocks without a resident problem into.
final class BlockWorker: @unchecked Sendable {
    let thread: SolverThread
    var problems: [BlockProblem] = []
    /// The shared GLPK problem, the program it holds, and the block (and its data version) that program is.
    private var shared: (problem: GLPKProblem, program: CompactProgram, owner: ObjectIdentifier?, version: Int)?

    init(index: Int) {
        thread = SolverThread(name: "tokengrid-blocks-\(index)")
    }

    /// Solves `block` at the linking `values`, in its resident problem or loaded into the shared one.
    /// `basis`, when given, is started from (see ``BlockProblem/solve(_:at:method:warm:from:)``).
    func solve(_ block: BlockProblem, at values: [Double], method: SolverOptions.Method, from basis: Basis? = nil) throws -> BlockProblem.Outcome {
        let (problem, warm) = try problem(for: block)
        let outcome = try block.solve(problem, at: values, method: method, warm: warm, from: basis)
        if block.resident == nil { block.basis = problem.basis() }
        return outcome
    }

    /// The GLPK problem holding `block`: its resident one, or the shared one with the block loaded (in place when the
    /// shared one holds a program of the same pattern) and its own basis set. `warm` tells that a block never solved
    /// starts from the basis of the last block of its pattern solved here.
    private func problem(for block: BlockProblem) throws -> (problem: GLPKProblem, warm: Bool) {
        if let resident = block.resident { return (resident, false) }
        if let shared, shared.owner == ObjectIdentifier(block), shared.version == block.version { return (shared.problem, false) }
        let problem: GLPKProblem
        var warm = false
        if let shared, shared.problem.load(block.program, replacing: shared.program) {
            problem = shared.problem
            warm = true
        } else {
            problem = try GLPKProblem(block.program)
        }
        if block.hasBasis, let basis = block.basis { try problem.setBasis(basis) }
        shared = (problem, block.program, ObjectIdentifier(block), block.version)
        return (problem, warm)
    }

    /// Drops the shared problem (GLPK problems must be freed on the thread that made them: call on this worker's thread).
    func releaseShared() {
        shared = nil
    }
}
