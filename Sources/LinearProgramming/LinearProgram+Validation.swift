extension LinearProgram {
    /// Longest name GLPK accepts, in bytes.
    public static let maximumNameLength = 255

    /// The magnitudes every finite, non-zero number of a program must lie in: coefficients, bounds and the constant.
    ///
    /// GLPK aborts the whole process (it does not return an error) on some numbers far from 1: its scaling asserts a
    /// non-zero scale factor, which underflows once the matrix holds e.g. 1e-200 next to 9, or 1e160; its interior
    /// point asserts positive iterates, which turn NaN with a bound or cost of 1e100 or more; glp_exact aborts on a
    /// denormal cost such as 5e-324. Random small LPs with every number drawn from 1e-60 … 1e60 never aborted any
    /// GLPK method (thousands of child-process trials, see docs/model-files.md); this range keeps a factor 1e10 of margin.
    public static let safeMagnitudes: ClosedRange<Double> = 1e-50 ... 1e50

    /// Why `value` cannot be handed to GLPK, or `nil`: it is NaN, infinite, or a non-zero number outside
    /// ``safeMagnitudes``.
    public static func numberProblem(_ value: Double) -> String? {
        if value.isNaN { return "it is NaN" }
        if value.isInfinite { return "it is infinite" }
        let magnitude = abs(value)
        if magnitude != 0 && !safeMagnitudes.contains(magnitude) {
            return "its magnitude is outside \(safeMagnitudes.lowerBound) … \(safeMagnitudes.upperBound), the range GLPK handles without aborting; use 0 or rescale"
        }
        return nil
    }

    /// Why `bounds` cannot be handed to GLPK, or `nil`: ``Bounds/problem`` or a finite end outside ``safeMagnitudes``.
    static func boundsProblem(_ bounds: Bounds) -> String? {
        if let reason = bounds.problem { return reason }
        if bounds.lower.isFinite, let reason = numberProblem(bounds.lower) { return "the lower bound \(bounds.lower): \(reason)" }
        if bounds.upper.isFinite, let reason = numberProblem(bounds.upper) { return "the upper bound \(bounds.upper): \(reason)" }
        return nil
    }

    /// Checks everything GLPK would abort the process on, and what would make exported files unreadable:
    /// names (non-empty, unique, no white space, ≤ 255 bytes), then ``validateNumbers()``.
    /// Runs in time linear in the size of the program.
    /// - Throws: ``LinearProgrammingError`` describing the first problem found.
    public func validate() throws {
        try validateSize()
        try Self.validateNames(variableNames, kind: "variable")
        try Self.validateNames(constraintNames, kind: "constraint")
        try validateNumbers()
    }

    /// Throws when the program has more rows, columns or entries than GLPK's 32-bit indices hold.
    func validateSize() throws {
        guard variableCount < Int(Int32.max), constraintCount < Int(Int32.max), entryCount < Int(Int32.max) else {
            throw LinearProgrammingError.tooLarge("\(constraintCount) rows, \(variableCount) columns, \(entryCount) entries")
        }
    }

    /// Checks the numbers and the matrix pattern, not the names: bounds (no NaN, lower ≤ upper), every number finite
    /// and 0 or within ``safeMagnitudes``, variable indices in range and no variable twice in a row. This is what a
    /// problem read from a file must pass before it is solved (the file's names are GLPK's own business).
    /// - Throws: ``LinearProgrammingError`` naming the row or column and the value.
    public func validateNumbers() throws {
        try Self.validateNumbers(objectiveConstant: objectiveConstant, objectiveCoefficients: objectiveCoefficients, variableBounds: variableBounds,
                                 constraintBounds: constraintBounds, entries: { rowStarts[$0] ..< rowStarts[$0 + 1] },
                                 entryColumns: entryColumns, entryValues: entryValues,
                                 variableName: { variableNames[$0].isEmpty ? "#\($0 + 1)" : variableNames[$0] },
                                 constraintName: { constraintNames[$0].isEmpty ? "#\($0 + 1)" : constraintNames[$0] })
    }

    /// ``validateNumbers()`` on a program's arrays, for any layout of them; rows and columns are named by the closures.
    static func validateNumbers(objectiveConstant: Double, objectiveCoefficients: [Double], variableBounds: [Bounds], constraintBounds: [Bounds],
                                entries: (Int) -> Range<Int>, entryColumns: [Int32], entryValues: [Double],
                                variableName: (Int) -> String, constraintName: (Int) -> String) throws {
        if numberProblem(objectiveConstant) != nil {
            throw LinearProgrammingError.invalidObjective(name: "(constant)", value: objectiveConstant)
        }
        let variableCount = variableBounds.count
        for j in 0 ..< variableCount {
            if let reason = boundsProblem(variableBounds[j]) {
                throw LinearProgrammingError.invalidBounds(kind: "variable", name: variableName(j), reason: reason)
            }
            if numberProblem(objectiveCoefficients[j]) != nil {
                throw LinearProgrammingError.invalidObjective(name: variableName(j), value: objectiveCoefficients[j])
            }
        }
        // lastRowSeen[j] marks the row in which column j was last met, to find duplicates in O(entries).
        var lastRowSeen = [Int](repeating: -1, count: variableCount)
        for i in constraintBounds.indices {
            if let reason = boundsProblem(constraintBounds[i]) {
                throw LinearProgrammingError.invalidBounds(kind: "constraint", name: constraintName(i), reason: reason)
            }
            for k in entries(i) {
                let j = Int(entryColumns[k])
                guard j >= 0, j < variableCount else {
                    throw LinearProgrammingError.variableOutOfRange(constraint: constraintName(i), index: j, variableCount: variableCount)
                }
                if numberProblem(entryValues[k]) != nil {
                    throw LinearProgrammingError.invalidCoefficient(constraint: constraintName(i), variable: variableName(j), value: entryValues[k])
                }
                guard lastRowSeen[j] != i else {
                    throw LinearProgrammingError.duplicateEntry(constraint: constraintName(i), variable: variableName(j))
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
        // GLPK's free MPS reader takes a field that starts with `$` as the start of a comment.
        if name.hasPrefix("$") { return "it starts with $, which MPS readers take for a comment" }
        return nil
    }
}
