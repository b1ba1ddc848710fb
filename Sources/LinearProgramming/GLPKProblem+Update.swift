import CGLPK

extension GLPKProblem {
    /// Changes the loaded problem in place into `new`, which must have the same shape as `old` (the program it
    /// was loaded from): same row and column counts and the same matrix pattern. Only bounds, objective
    /// coefficients and the values of matrix entries may differ; those that differ are written to GLPK.
    /// The basis is kept, so the next solve with `warmStart` starts from the previous optimum.
    ///
    /// - Returns: false, changing nothing, when the shapes differ (then load `new` afresh).
    /// - Throws: ``LinearProgrammingError`` when `new` is invalid (checked before anything reaches GLPK).
    public func update(from old: LinearProgram, to new: LinearProgram) throws -> Bool {
        guard old.variableCount == new.variableCount, old.constraintCount == new.constraintCount,
              old.rowStarts == new.rowStarts, old.entryColumns == new.entryColumns,
              variableCount == new.variableCount, constraintCount == new.constraintCount else { return false }
        try new.validate()
        glp_set_obj_coef(pointer, 0, new.objectiveConstant)
        if old.sense != new.sense { glp_set_obj_dir(pointer, new.sense == .minimize ? GLP_MIN : GLP_MAX) }
        for j in 0 ..< new.variableCount {
            if old.variableBounds[j] != new.variableBounds[j] {
                let (type, lower, upper) = Self.glpkBounds(new.variableBounds[j])
                glp_set_col_bnds(pointer, Int32(j + 1), type, lower, upper)
            }
            if old.objectiveCoefficients[j] != new.objectiveCoefficients[j] {
                glp_set_obj_coef(pointer, Int32(j + 1), new.objectiveCoefficients[j])
            }
        }
        var indices: [Int32] = [], values: [Double] = []
        for i in 0 ..< new.constraintCount {
            if old.constraintBounds[i] != new.constraintBounds[i] {
                let (type, lower, upper) = Self.glpkBounds(new.constraintBounds[i])
                glp_set_row_bnds(pointer, Int32(i + 1), type, lower, upper)
            }
            let entries = new.rowStarts[i] ..< new.rowStarts[i + 1]
            guard entries.contains(where: { old.entryValues[$0] != new.entryValues[$0] }) else { continue }
            indices = [0] + entries.map { new.entryColumns[$0] + 1 }
            values = [0] + entries.map { new.entryValues[$0] }
            glp_set_mat_row(pointer, Int32(i + 1), Int32(entries.count), indices, values)
        }
        return true
    }
}
