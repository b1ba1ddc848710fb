import CGLPK

extension GLPKProblem {
    /// Loads the numbers of `program` into a new GLPK problem, without names (GLPK's `r…`/`x…` stand in for them).
    /// The program was checked when it was made, so nothing unchecked reaches GLPK.
    public convenience init(_ program: CompactProgram) throws {
        guard let pointer = glp_create_prob() else {
            throw LinearProgrammingError.solverFailure(code: -1, message: "glp_create_prob returned NULL")
        }
        self.init(adopting: pointer)
        hasNames = false
        glp_set_obj_dir(pointer, program.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(pointer, 0, program.objectiveConstant)
        if program.constraintCount > 0 { glp_add_rows(pointer, Int32(program.constraintCount)) }
        if program.variableCount > 0 { glp_add_cols(pointer, Int32(program.variableCount)) }
        variableCount = program.variableCount
        constraintCount = program.constraintCount
        entryCount = program.entryCount
        for i in 0 ..< program.constraintCount {
            let (type, lower, upper) = Self.glpkBounds(program.constraintBounds[i])
            glp_set_row_bnds(pointer, Int32(i + 1), type, lower, upper)
        }
        for j in 0 ..< program.variableCount {
            let (type, lower, upper) = Self.glpkBounds(program.variableBounds[j])
            glp_set_col_bnds(pointer, Int32(j + 1), type, lower, upper)
            glp_set_obj_coef(pointer, Int32(j + 1), program.objectiveCoefficients[j])
        }
        guard program.entryCount > 0 else { return }
        // GLPK's arrays are 1-based: element 0 is a placeholder.
        var rowIndices = [Int32](repeating: 0, count: program.entryCount + 1)
        var columnIndices = [Int32](repeating: 0, count: program.entryCount + 1)
        var values = [Double](repeating: 0, count: program.entryCount + 1)
        for i in 0 ..< program.constraintCount {
            for k in program.entries(ofRow: i) {
                rowIndices[k + 1] = Int32(i + 1)
                columnIndices[k + 1] = program.entryColumns[k] + 1
                values[k + 1] = program.entryValues[k]
            }
        }
        glp_load_matrix(pointer, Int32(program.entryCount), rowIndices, columnIndices, values)
    }

    /// Changes the loaded problem, which holds `old`, into `new` of the same pattern, writing only the bounds,
    /// objective coefficients and matrix rows that differ. The basis statuses stay (set another with ``setBasis(_:)``).
    /// - Returns: false, changing nothing, when the patterns differ (then load `new` into a new problem).
    public func load(_ new: CompactProgram, replacing old: CompactProgram) -> Bool {
        guard new.hasSamePattern(as: old), variableCount == new.variableCount, constraintCount == new.constraintCount else { return false }
        if new.objectiveConstant != old.objectiveConstant { glp_set_obj_coef(pointer, 0, new.objectiveConstant) }
        if new.sense != old.sense { glp_set_obj_dir(pointer, new.sense == .minimize ? GLP_MIN : GLP_MAX) }
        for j in 0 ..< new.variableCount {
            if new.variableBounds[j] != old.variableBounds[j] {
                let (type, lower, upper) = Self.glpkBounds(new.variableBounds[j])
                glp_set_col_bnds(pointer, Int32(j + 1), type, lower, upper)
            }
            if new.objectiveCoefficients[j] != old.objectiveCoefficients[j] {
                glp_set_obj_coef(pointer, Int32(j + 1), new.objectiveCoefficients[j])
            }
        }
        var indices: [Int32] = [0], values: [Double] = [0]
        var changedRows = false
        for i in 0 ..< new.constraintCount {
            if new.constraintBounds[i] != old.constraintBounds[i] {
                let (type, lower, upper) = Self.glpkBounds(new.constraintBounds[i])
                glp_set_row_bnds(pointer, Int32(i + 1), type, lower, upper)
            }
            let entries = new.entries(ofRow: i)
            guard entries.contains(where: { new.entryValues[$0] != old.entryValues[$0] }) else { continue }
            indices.removeSubrange(1...)
            values.removeSubrange(1...)
            for k in entries {
                indices.append(new.entryColumns[k] + 1)
                values.append(new.entryValues[k])
            }
            glp_set_mat_row(pointer, Int32(i + 1), Int32(entries.count), indices, values)
            changedRows = true
        }
        if changedRows { isScaled = false }
        return true
    }
}
