extension LinearProgram {
    /// Longest name GLPK accepts, in bytes.
    public static let maximumNameLength = 255

    /// Checks everything GLPK would abort the process on, and what would make exported files unreadable:
    /// names (non-empty, unique, no white space, ≤ 255 bytes), bounds (no NaN, lower ≤ upper),
    /// finite objective and matrix coefficients, variable indices in range and no variable twice in a row.
    /// - Throws: ``LinearProgrammingError`` describing the first problem found.
    public func validate() throws {
        guard variableCount < Int(Int32.max), constraintCount < Int(Int32.max), entryCount < Int(Int32.max) else {
            throw LinearProgrammingError.tooLarge("\(constraintCount) rows, \(variableCount) columns, \(entryCount) entries")
        }
        try Self.validateNames(variableNames, kind: "variable")
        try Self.validateNames(constraintNames, kind: "constraint")
        guard objectiveConstant.isFinite else {
            throw LinearProgrammingError.invalidObjective(name: "(constant)", value: objectiveConstant)
        }
        for j in 0 ..< variableCount {
            if let reason = variableBounds[j].problem {
                throw LinearProgrammingError.invalidBounds(kind: "variable", name: variableNames[j], reason: reason)
            }
            guard objectiveCoefficients[j].isFinite else {
                throw LinearProgrammingError.invalidObjective(name: variableNames[j], value: objectiveCoefficients[j])
            }
        }
        // lastRowSeen[j] marks the row in which column j was last met, to find duplicates in O(entries).
        var lastRowSeen = [Int](repeating: -1, count: variableCount)
        for i in 0 ..< constraintCount {
            if let reason = constraintBounds[i].problem {
                throw LinearProgrammingError.invalidBounds(kind: "constraint", name: constraintNames[i], reason: reason)
            }
            for k in rowStarts[i] ..< rowStarts[i + 1] {
                let j = Int(entryColumns[k])
                guard j >= 0, j < variableCount else {
                    throw LinearProgrammingError.variableOutOfRange(constraint: constraintNames[i], index: j, variableCount: variableCount)
                }
                guard entryValues[k].isFinite else {
                    throw LinearProgrammingError.invalidCoefficient(
                        constraint: constraintNames[i], variable: variableNames[j], value: entryValues[k])
                }
                guard lastRowSeen[j] != i else {
                    throw LinearProgrammingError.duplicateEntry(constraint: constraintNames[i], variable: variableNames[j])
                }
                lastRowSeen[j] = i
            }
        }
    }

    private static func validateNames(_ names: [String], kind: String) throws {
        var firstIndex = [String: Int](minimumCapacity: names.count)
        for (index, name) in names.enumerated() {
            if let reason = nameProblem(name) {
                throw LinearProgrammingError.invalidName(kind: kind, index: index, name: name, reason: reason)
            }
            if let first = firstIndex.updateValue(index, forKey: name) {
                throw LinearProgrammingError.duplicateName(kind: kind, name: name, firstIndex: first, secondIndex: index)
            }
        }
    }

    /// Why `name` is not a valid row or column name, or `nil`.
    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.utf8.count > maximumNameLength { return "it is longer than \(maximumNameLength) bytes" }
        // Free MPS separates fields by blanks, so a blank inside a name would corrupt exported files.
        if name.utf8.contains(where: { $0 <= 32 || $0 == 127 }) { return "it contains white space or a control character" }
        return nil
    }
}
