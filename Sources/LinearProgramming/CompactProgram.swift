/// The numbers of a linear program without its names: what a problem that is only solved — never written to a file or
/// read back — needs, in a fraction of the memory of a ``LinearProgram`` (no strings) or of a loaded ``GLPKProblem``
/// (about ten times less for a 5,000-row program).
///
/// Keep many programs this way and load each into GLPK only to solve it (``GLPKProblem/init(_:)-(CompactProgram)``),
/// or change a loaded one into another of the same pattern (``GLPKProblem/load(_:replacing:)``).
public struct CompactProgram: Sendable {
    public let sense: ObjectiveSense
    public let objectiveConstant: Double
    public let objectiveCoefficients: [Double]
    public let variableBounds: [Bounds]
    public let constraintBounds: [Bounds]
    /// Row `i`'s entries are `entryColumns[rowStarts[i] ..< rowStarts[i + 1]]`.
    public private(set) var rowStarts: [Int32]
    public private(set) var entryColumns: [Int32]
    public let entryValues: [Double]

    /// The numbers of `program`, checked as GLPK needs them (``LinearProgram/validateNumbers()``); names are dropped.
    /// - Throws: ``LinearProgrammingError`` for a number or index GLPK cannot take.
    public init(_ program: LinearProgram) throws {
        try program.validateSize()
        try program.validateNumbers()
        sense = program.sense
        objectiveConstant = program.objectiveConstant
        objectiveCoefficients = program.objectiveCoefficients
        variableBounds = program.variableBounds
        constraintBounds = program.constraintBounds
        rowStarts = program.rowStarts.map { Int32($0) }
        entryColumns = program.entryColumns
        entryValues = program.entryValues
    }

    private init(sense: ObjectiveSense, objectiveConstant: Double, objectiveCoefficients: [Double], variableBounds: [Bounds],
                 constraintBounds: [Bounds], rowStarts: [Int32], entryColumns: [Int32], entryValues: [Double]) {
        self.sense = sense
        self.objectiveConstant = objectiveConstant
        self.objectiveCoefficients = objectiveCoefficients
        self.variableBounds = variableBounds
        self.constraintBounds = constraintBounds
        self.rowStarts = rowStarts
        self.entryColumns = entryColumns
        self.entryValues = entryValues
    }

    /// A program of this one's pattern and sense with other numbers (one number per column, row and entry, in this
    /// program's order), checked as ``init(_:)`` checks them.
    /// - Throws: ``LinearProgrammingError`` for a count that does not fit or a number GLPK cannot take.
    public func with(objectiveConstant: Double, objectiveCoefficients: [Double], variableBounds: [Bounds], constraintBounds: [Bounds],
                     entryValues: [Double]) throws -> CompactProgram {
        guard objectiveCoefficients.count == variableCount, variableBounds.count == variableCount,
              constraintBounds.count == constraintCount, entryValues.count == entryCount else {
            throw LinearProgrammingError.mismatchedLengths(variables: variableBounds.count, coefficients: objectiveCoefficients.count)
        }
        let new = CompactProgram(sense: sense, objectiveConstant: objectiveConstant, objectiveCoefficients: objectiveCoefficients,
                                 variableBounds: variableBounds, constraintBounds: constraintBounds, rowStarts: rowStarts,
                                 entryColumns: entryColumns, entryValues: entryValues)
        try new.validateNumbers()
        return new
    }

    /// ``LinearProgram/validateNumbers()`` on this program's arrays.
    private func validateNumbers() throws {
        try LinearProgram.validateNumbers(objectiveConstant: objectiveConstant, objectiveCoefficients: objectiveCoefficients,
                                          variableBounds: variableBounds, constraintBounds: constraintBounds, entries: { entries(ofRow: $0) },
                                          entryColumns: entryColumns, entryValues: entryValues,
                                          variableName: { "#\($0 + 1)" }, constraintName: { "#\($0 + 1)" })
    }

    public var variableCount: Int { variableBounds.count }
    public var constraintCount: Int { constraintBounds.count }
    public var entryCount: Int { entryValues.count }

    /// Whether `other` has the same rows, columns and matrix pattern (numbers aside).
    public func hasSamePattern(as other: CompactProgram) -> Bool {
        variableCount == other.variableCount && constraintCount == other.constraintCount
            && rowStarts == other.rowStarts && entryColumns == other.entryColumns
    }

    /// Shares `other`'s pattern arrays when they are equal to this program's, so that many programs of one pattern
    /// hold it once.
    /// - Returns: whether the patterns are the same (and now shared).
    @discardableResult
    public mutating func sharePattern(with other: CompactProgram) -> Bool {
        guard hasSamePattern(as: other) else { return false }
        rowStarts = other.rowStarts
        entryColumns = other.entryColumns
        return true
    }

    /// Row `i`'s entries.
    func entries(ofRow i: Int) -> Range<Int> { Int(rowStarts[i]) ..< Int(rowStarts[i + 1]) }
}
