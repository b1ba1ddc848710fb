import CGLPK

/// A linear program loaded into GLPK: owns one `glp_prob` and frees it when released.
///
/// Create it from a validated ``LinearProgram`` (validation runs in the initialiser), then
/// ``solve(_:)`` it, change bounds or objective coefficients in place, and solve again from the
/// previous basis (a warm start).
///
/// - Important: GLPK keeps its working memory per thread (this GLPK is built with thread-local
///   storage). One problem per thread is safe, and problems on different threads may be solved in
///   parallel; but a `GLPKProblem` must be created, used and released on the **same** thread.
///   It is deliberately not `Sendable`.
public final class GLPKProblem {
    /// The underlying `glp_prob`. Never nil while the object lives.
    let pointer: OpaquePointer
    /// Number of variables (columns).
    public internal(set) var variableCount: Int
    /// Number of constraints (rows).
    public internal(set) var constraintCount: Int
    /// Number of matrix entries loaded.
    public internal(set) var entryCount: Int
    /// Whether GLPK's scaling has been applied (it is applied once, before the first solve).
    var isScaled = false
    /// Simplex iterations of the last solve.
    var lastIterations = 0
    /// Whether the last solve left its answer in GLPK's interior-point solution (not the basic one).
    var usedInteriorSolution = false
    /// Whether rows and columns were loaded with their names (and programs changed into are checked for valid names).
    var hasNames: Bool

    /// Validates `program` and loads it into a new GLPK problem, handing the whole matrix over in one call.
    /// - Parameter program: the linear program to load.
    /// - Parameter names: whether GLPK keeps the row and column names. Without them (`false`) a problem that is only
    ///   solved, never written or read back, takes less memory and the names are not checked (GLPK never sees them;
    ///   they may be empty); a written model file or an exported program then has GLPK's `r…`/`x…` names.
    /// - Throws: ``LinearProgrammingError`` when the program is invalid; nothing reaches GLPK then.
    public init(_ program: LinearProgram, names: Bool = true) throws {
        if names { try program.validate() } else { try program.validateSize(); try program.validateNumbers() }
        if let reason = LinearProgram.nameProblem(program.name) {
            throw LinearProgrammingError.invalidName(kind: "problem", index: 0, name: program.name, reason: reason)
        }
        guard let pointer = glp_create_prob() else {
            throw LinearProgrammingError.solverFailure(code: -1, message: "glp_create_prob returned NULL")
        }
        self.pointer = pointer
        variableCount = program.variableCount
        constraintCount = program.constraintCount
        entryCount = program.entryCount
        hasNames = names
        load(program, names: names)
    }

    /// Wraps a `glp_prob` this object now owns (used by the file readers).
    init(adopting pointer: OpaquePointer) {
        self.pointer = pointer
        hasNames = true
        variableCount = Int(glp_get_num_cols(pointer))
        constraintCount = Int(glp_get_num_rows(pointer))
        entryCount = Int(glp_get_num_nz(pointer))
    }

    deinit {
        glp_delete_prob(pointer)
    }

    private func load(_ program: LinearProgram, names: Bool) {
        glp_set_prob_name(pointer, program.name)
        glp_set_obj_dir(pointer, program.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(pointer, 0, program.objectiveConstant)
        if constraintCount > 0 { glp_add_rows(pointer, Int32(constraintCount)) }
        if variableCount > 0 { glp_add_cols(pointer, Int32(variableCount)) }
        for i in 0 ..< constraintCount {
            let row = Int32(i + 1)
            if names { glp_set_row_name(pointer, row, program.constraintNames[i]) }
            let (type, lower, upper) = Self.glpkBounds(program.constraintBounds[i])
            glp_set_row_bnds(pointer, row, type, lower, upper)
        }
        for j in 0 ..< variableCount {
            let column = Int32(j + 1)
            if names { glp_set_col_name(pointer, column, program.variableNames[j]) }
            let (type, lower, upper) = Self.glpkBounds(program.variableBounds[j])
            glp_set_col_bnds(pointer, column, type, lower, upper)
            glp_set_obj_coef(pointer, column, program.objectiveCoefficients[j])
        }
        guard entryCount > 0 else { return }
        // GLPK's arrays are 1-based: element 0 is a placeholder.
        var rowIndices = [Int32](repeating: 0, count: entryCount + 1)
        var columnIndices = [Int32](repeating: 0, count: entryCount + 1)
        var values = [Double](repeating: 0, count: entryCount + 1)
        for i in 0 ..< constraintCount {
            for k in program.rowStarts[i] ..< program.rowStarts[i + 1] {
                rowIndices[k + 1] = Int32(i + 1)
                columnIndices[k + 1] = program.entryColumns[k] + 1
                values[k + 1] = program.entryValues[k]
            }
        }
        glp_load_matrix(pointer, Int32(entryCount), rowIndices, columnIndices, values)
    }

    /// GLPK's bound type and values for `bounds` (assumed valid).
    static func glpkBounds(_ bounds: Bounds) -> (Int32, Double, Double) {
        switch (bounds.lower.isFinite, bounds.upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, bounds.lower, 0)
        case (false, true): return (GLP_UP, 0, bounds.upper)
        case (true, true): return (bounds.lower == bounds.upper ? GLP_FX : GLP_DB, bounds.lower, bounds.upper)
        }
    }

    /// The program as GLPK holds it now (after any in-place changes), read back into Swift arrays.
    public func program() -> LinearProgram {
        var program = LinearProgram(
            name: glp_get_prob_name(pointer).map { String(cString: $0) } ?? "lp",
            sense: glp_get_obj_dir(pointer) == GLP_MAX ? .maximize : .minimize)
        program.objectiveConstant = glp_get_obj_coef(pointer, 0)
        program.reserveCapacity(variables: variableCount, constraints: constraintCount, entries: entryCount)
        for j in 1 ... max(variableCount, 1) where j <= variableCount {
            let column = Int32(j)
            let name = glp_get_col_name(pointer, column).map { String(cString: $0) } ?? "x\(j)"
            let bounds = Self.swiftBounds(glp_get_col_type(pointer, column), glp_get_col_lb(pointer, column), glp_get_col_ub(pointer, column))
            program.addVariable(name, bounds: bounds, objective: glp_get_obj_coef(pointer, column))
        }
        var indices = [Int32](repeating: 0, count: variableCount + 1)
        var values = [Double](repeating: 0, count: variableCount + 1)
        for i in 1 ... max(constraintCount, 1) where i <= constraintCount {
            let row = Int32(i)
            let name = glp_get_row_name(pointer, row).map { String(cString: $0) } ?? "r\(i)"
            let bounds = Self.swiftBounds(glp_get_row_type(pointer, row), glp_get_row_lb(pointer, row), glp_get_row_ub(pointer, row))
            let length = Int(glp_get_mat_row(pointer, row, &indices, &values))
            let variables = (1 ... max(length, 1)).prefix(length).map { VariableID(Int(indices[$0]) - 1) }
            let coefficients = (1 ... max(length, 1)).prefix(length).map { values[$0] }
            program.addConstraint(name, variables: variables, coefficients: coefficients, bounds: bounds)
        }
        return program
    }

    static func swiftBounds(_ type: Int32, _ lower: Double, _ upper: Double) -> Bounds {
        switch type {
        case GLP_LO: return .atLeast(lower)
        case GLP_UP: return .atMost(upper)
        case GLP_DB: return .between(lower, upper)
        case GLP_FX: return .equal(to: lower)
        default: return .free
        }
    }
}
