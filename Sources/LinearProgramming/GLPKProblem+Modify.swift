import CGLPK

/// In-place changes that keep the problem's structure, so the next solve can start from the current basis.
extension GLPKProblem {
    /// Replaces a variable's bounds.
    /// - Throws: ``LinearProgrammingError`` for an index out of range or invalid bounds (checked before GLPK sees them).
    public func setBounds(_ variable: VariableID, _ bounds: Bounds) throws {
        try checkIndex(variable.index, count: variableCount, kind: "variable")
        if let reason = LinearProgram.boundsProblem(bounds) {
            throw LinearProgrammingError.invalidBounds(kind: "variable", name: "#\(variable.index + 1)", reason: reason)
        }
        let (type, lower, upper) = Self.glpkBounds(bounds)
        glp_set_col_bnds(pointer, Int32(variable.index + 1), type, lower, upper)
    }

    /// Replaces a constraint's bounds.
    public func setBounds(_ constraint: ConstraintID, _ bounds: Bounds) throws {
        try checkIndex(constraint.index, count: constraintCount, kind: "constraint")
        if let reason = LinearProgram.boundsProblem(bounds) {
            throw LinearProgrammingError.invalidBounds(kind: "constraint", name: "#\(constraint.index + 1)", reason: reason)
        }
        let (type, lower, upper) = Self.glpkBounds(bounds)
        glp_set_row_bnds(pointer, Int32(constraint.index + 1), type, lower, upper)
    }

    /// Replaces a variable's objective coefficient.
    public func setObjective(_ variable: VariableID, _ coefficient: Double) throws {
        try checkIndex(variable.index, count: variableCount, kind: "variable")
        guard LinearProgram.numberProblem(coefficient) == nil else {
            throw LinearProgrammingError.invalidObjective(name: "#\(variable.index + 1)", value: coefficient)
        }
        glp_set_obj_coef(pointer, Int32(variable.index + 1), coefficient)
    }

    /// Replaces the coefficients of one row (the whole row: entries not given become zero).
    public func setRow(_ constraint: ConstraintID, variables: [VariableID], coefficients: [Double]) throws {
        try checkIndex(constraint.index, count: constraintCount, kind: "constraint")
        guard variables.count == coefficients.count else {
            throw LinearProgrammingError.mismatchedLengths(variables: variables.count, coefficients: coefficients.count)
        }
        var seen = Set<Int>()
        for (variable, value) in zip(variables, coefficients) {
            try checkIndex(variable.index, count: variableCount, kind: "variable")
            guard LinearProgram.numberProblem(value) == nil else {
                throw LinearProgrammingError.invalidCoefficient(constraint: "#\(constraint.index + 1)", variable: "#\(variable.index + 1)", value: value)
            }
            guard seen.insert(variable.index).inserted else {
                throw LinearProgrammingError.duplicateEntry(constraint: "#\(constraint.index + 1)", variable: "#\(variable.index + 1)")
            }
        }
        let indices = [0] + variables.map { Int32($0.index + 1) }
        let values = [0] + coefficients
        glp_set_mat_row(pointer, Int32(constraint.index + 1), Int32(variables.count), indices, values)
        entryCount = Int(glp_get_num_nz(pointer))
        isScaled = false
    }

    private func checkIndex(_ index: Int, count: Int, kind: String) throws {
        guard index >= 0, index < count else {
            throw LinearProgrammingError.indexOutOfRange(kind: kind, index: index, count: count)
        }
    }
}

extension GLPKProblem {
    /// Appends a constraint to the loaded problem (e.g. a cutting plane) and returns its handle.
    ///
    /// The current basis stays valid (the new row's slack enters it), so a following warm-started dual
    /// simplex continues from where the last solve ended.
    @discardableResult
    public func addConstraint(_ name: String, variables: [VariableID], coefficients: [Double], bounds: Bounds) throws -> ConstraintID {
        guard variables.count == coefficients.count else {
            throw LinearProgrammingError.mismatchedLengths(variables: variables.count, coefficients: coefficients.count)
        }
        if let reason = LinearProgram.nameProblem(name) {
            throw LinearProgrammingError.invalidName(kind: "constraint", index: constraintCount, name: name, reason: reason)
        }
        // GLPK's name index makes the lookup O(1); it is kept up to date by GLPK once created.
        glp_create_index(pointer)
        let existing = glp_find_row(pointer, name)
        if existing != 0 {
            throw LinearProgrammingError.duplicateName(kind: "constraint", name: name, firstIndex: Int(existing) - 1, secondIndex: constraintCount)
        }
        if let reason = LinearProgram.boundsProblem(bounds) {
            throw LinearProgrammingError.invalidBounds(kind: "constraint", name: name, reason: reason)
        }
        let row = glp_add_rows(pointer, 1)
        constraintCount += 1
        glp_set_row_name(pointer, row, name)
        let (type, lower, upper) = Self.glpkBounds(bounds)
        glp_set_row_bnds(pointer, row, type, lower, upper)
        let constraint = ConstraintID(Int(row) - 1)
        // Keep the current scaling: rescaling on every added cut would cost time and unsettle the warm start.
        let wasScaled = isScaled
        defer { isScaled = wasScaled }
        do {
            try setRow(constraint, variables: variables, coefficients: coefficients)
        } catch {
            glp_del_rows(pointer, 1, [0, row])
            constraintCount -= 1
            throw error
        }
        entryCount = Int(glp_get_num_nz(pointer))
        // A new row's auxiliary variable is basic: the basis stays valid for a warm start.
        glp_set_row_stat(pointer, row, GLP_BS)
        return constraint
    }
}

extension GLPKProblem {
    /// Removes constraints (e.g. cutting planes that no longer bind). Later rows move up: a row at index i becomes
    /// i − (number of removed rows before it). Removing basic rows keeps the basis valid for a warm start.
    /// - Throws: ``LinearProgrammingError/indexOutOfRange(kind:index:count:)`` for a row that does not exist.
    public func removeConstraints(_ constraints: [ConstraintID]) throws {
        let rows = Array(Set(constraints.map(\.index))).sorted()
        guard !rows.isEmpty else { return }
        for row in rows { try checkRow(row) }
        let numbers = [Int32(0)] + rows.map { Int32($0 + 1) }
        glp_del_rows(pointer, Int32(rows.count), numbers)
        constraintCount -= rows.count
        entryCount = Int(glp_get_num_nz(pointer))
    }

    /// A constraint's lower bound as loaded (−∞ when it has none).
    public func constraintLowerBound(_ constraint: ConstraintID) -> Double {
        guard constraint.index >= 0, constraint.index < constraintCount else { return -.infinity }
        let row = Int32(constraint.index + 1)
        let type = glp_get_row_type(pointer, row)
        return type == GLP_LO || type == GLP_DB || type == GLP_FX ? glp_get_row_lb(pointer, row) : -.infinity
    }

    private func checkRow(_ index: Int) throws {
        guard index >= 0, index < constraintCount else {
            throw LinearProgrammingError.indexOutOfRange(kind: "constraint", index: index, count: constraintCount)
        }
    }
}
