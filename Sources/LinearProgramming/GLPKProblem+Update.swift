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

/// A compact summary of a loaded program, enough to change the loaded problem into a program of the same shape
/// without keeping the old program's arrays: the counts, a hash of the matrix pattern and a hash of each row's values.
public struct ProgramFingerprint: Sendable, Hashable {
    public let variableCount: Int
    public let constraintCount: Int
    /// Hash of the row starts and entry columns (the sparsity pattern).
    public let patternHash: Int
    /// Hash of each row's coefficient values.
    public let rowValueHashes: [Int]

    public init(_ program: LinearProgram) {
        variableCount = program.variableCount
        constraintCount = program.constraintCount
        var pattern = Hasher()
        pattern.combine(program.rowStarts)
        pattern.combine(program.entryColumns)
        patternHash = pattern.finalize()
        rowValueHashes = (0 ..< program.constraintCount).map { i in
            var hasher = Hasher()
            for k in program.rowStarts[i] ..< program.rowStarts[i + 1] { hasher.combine(program.entryValues[k]) }
            return hasher.finalize()
        }
    }

    /// Whether `other` has the same rows, columns and matrix pattern.
    public func hasSameShape(as other: ProgramFingerprint) -> Bool {
        variableCount == other.variableCount && constraintCount == other.constraintCount && patternHash == other.patternHash
    }
}

extension GLPKProblem {
    /// Changes the loaded problem in place into `new`, given the fingerprint of the program it holds now. Every bound
    /// and objective coefficient is written, and the matrix rows whose values changed; the basis is kept, so the next
    /// solve with `warmStart` starts from the previous optimum.
    ///
    /// - Returns: the new program's fingerprint, or nil (changing nothing) when the shapes differ: load `new` afresh.
    /// - Throws: ``LinearProgrammingError`` when `new` is invalid (checked before anything reaches GLPK).
    public func update(from old: ProgramFingerprint, to new: LinearProgram) throws -> ProgramFingerprint? {
        let fingerprint = ProgramFingerprint(new)
        guard fingerprint.hasSameShape(as: old), variableCount == new.variableCount, constraintCount == new.constraintCount else { return nil }
        if hasNames { try new.validate() } else { try new.validateNumbers() }
        glp_set_obj_coef(pointer, 0, new.objectiveConstant)
        glp_set_obj_dir(pointer, new.sense == .minimize ? GLP_MIN : GLP_MAX)
        for j in 0 ..< new.variableCount {
            let (type, lower, upper) = Self.glpkBounds(new.variableBounds[j])
            glp_set_col_bnds(pointer, Int32(j + 1), type, lower, upper)
            glp_set_obj_coef(pointer, Int32(j + 1), new.objectiveCoefficients[j])
        }
        var changedRows = false
        for i in 0 ..< new.constraintCount {
            let (type, lower, upper) = Self.glpkBounds(new.constraintBounds[i])
            glp_set_row_bnds(pointer, Int32(i + 1), type, lower, upper)
            guard fingerprint.rowValueHashes[i] != old.rowValueHashes[i] else { continue }
            let entries = new.rowStarts[i] ..< new.rowStarts[i + 1]
            let indices = [0] + entries.map { new.entryColumns[$0] + 1 }, values = [0] + entries.map { new.entryValues[$0] }
            glp_set_mat_row(pointer, Int32(i + 1), Int32(entries.count), indices, values)
            changedRows = true
        }
        if changedRows { isScaled = false }
        return fingerprint
    }
}
