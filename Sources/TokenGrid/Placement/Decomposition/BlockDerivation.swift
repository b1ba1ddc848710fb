import LinearProgramming

/// How a block LP is read off the full LP of its plan, so that a sweep's next variant takes its blocks' numbers from
/// its full LP (built anyway, for the check) instead of building one model per block: 576 block builds were a quarter
/// of a warm variant's time at 96 slices.
///
/// Made once from a built block LP and the full LP it came with, and kept only when reading it off gives that block LP
/// exactly: every row of the block is a full-LP row (its entries all on the block's operation columns and its year's
/// linking columns), every operation column a full-LP column. Linking columns keep the block's own numbers (fixed, no
/// cost: capacity is costed in the master). The objective constant is left out: the master carries the full LP's
/// constant less its own (``BendersSolver``). A block with rows of its own (a carbon allowance row) is never read off.
struct BlockDerivation {
    /// Full-LP row of each block row.
    private let rowSource: [Int32]
    /// Full-LP column of each block column.
    private let columnSource: [Int32]
    /// Whether a block column is a linking column.
    private let isLinking: [Bool]
    /// Full-LP entry of each block entry.
    private let entrySource: [Int32]
    private let highestRow: Int
    private let highestColumn: Int

    /// The derivation of `block` (its program, linking columns and operation positions) from `full`, or nil when the
    /// block is not a part of the full LP read as above.
    init?(block: CompactProgram, linking: [VariableID], operationColumns: [Int32], operationRows: [Int32], year y: Int, block b: Int, full: PlacementModel) {
        let fullRows = full.blockRows(year: y, block: b), fullColumns = full.blockColumns(year: y, block: b)
        let fullLinking = full.linkingColumns(year: y, block: b)
        guard operationRows.count == block.constraintCount, fullRows.count == operationRows.count,
              fullColumns.count == operationColumns.count, fullLinking.count == linking.count,
              operationColumns.count + linking.count == block.variableCount else { return nil }
        var rowSource = [Int32](repeating: -1, count: block.constraintCount)
        for (position, row) in zip(operationRows, fullRows) { rowSource[Int(position)] = Int32(row.index) }
        var columnSource = [Int32](repeating: -1, count: block.variableCount), isLinking = [Bool](repeating: false, count: block.variableCount)
        for (position, column) in zip(operationColumns, fullColumns) { columnSource[Int(position)] = Int32(column.index) }
        for (column, fullColumn) in zip(linking, fullLinking) {
            columnSource[column.index] = Int32(fullColumn.index)
            isLinking[column.index] = true
        }
        guard !rowSource.contains(-1), !columnSource.contains(-1) else { return nil }
        // Each block entry's full-LP entry: the one in the source row on the source column, rows of equal length.
        let fullProgram = full.program
        var entrySource = [Int32](repeating: -1, count: block.entryCount)
        for i in 0 ..< block.constraintCount {
            let source = Int(rowSource[i])
            let fullEntries = fullProgram.rowStarts[source] ..< fullProgram.rowStarts[source + 1]
            let entries = Int(block.rowStarts[i]) ..< Int(block.rowStarts[i + 1])
            guard fullEntries.count == entries.count else { return nil }
            for k in entries {
                let column = columnSource[Int(block.entryColumns[k])]
                guard let match = fullEntries.first(where: { fullProgram.entryColumns[$0] == column }) else { return nil }
                entrySource[k] = Int32(match)
            }
        }
        self.rowSource = rowSource
        self.columnSource = columnSource
        self.isLinking = isLinking
        self.entrySource = entrySource
        highestRow = rowSource.max().map(Int.init) ?? -1
        highestColumn = columnSource.max().map(Int.init) ?? -1
        // Kept only when reading the full LP gives the block's numbers exactly.
        guard let derived = try? program(from: fullProgram, template: block),
              derived.constraintBounds == block.constraintBounds, derived.entryValues == block.entryValues,
              derived.variableBounds == block.variableBounds, derived.objectiveCoefficients == block.objectiveCoefficients else { return nil }
    }

    /// The block LP for the full LP `full` of another variant of the plan, with the pattern, linking columns and sense
    /// of `template` (this block's current program), or nil when `full` is not laid out like the LP this derivation
    /// was made from.
    /// - Throws: ``LinearProgrammingError`` for a number GLPK cannot take.
    func program(from full: LinearProgram, template: CompactProgram) throws -> CompactProgram? {
        guard full.constraintCount > highestRow, full.variableCount > highestColumn else { return nil }
        var entryValues = [Double](repeating: 0, count: template.entryCount)
        for i in 0 ..< template.constraintCount {
            let source = Int(rowSource[i])
            guard full.rowStarts[source + 1] - full.rowStarts[source] == Int(template.rowStarts[i + 1] - template.rowStarts[i]) else { return nil }
            for k in Int(template.rowStarts[i]) ..< Int(template.rowStarts[i + 1]) {
                let entry = Int(entrySource[k])
                guard entry >= full.rowStarts[source], entry < full.rowStarts[source + 1],
                      full.entryColumns[entry] == columnSource[Int(template.entryColumns[k])] else { return nil }
                entryValues[k] = full.entryValues[entry]
            }
        }
        var objective = template.objectiveCoefficients, bounds = template.variableBounds
        for j in 0 ..< template.variableCount where !isLinking[j] {
            let source = Int(columnSource[j])
            objective[j] = full.objectiveCoefficients[source]
            bounds[j] = full.variableBounds[source]
        }
        return try template.with(objectiveConstant: 0, objectiveCoefficients: objective, variableBounds: bounds,
                                 constraintBounds: rowSource.map { full.constraintBounds[Int($0)] }, entryValues: entryValues)
    }
}
