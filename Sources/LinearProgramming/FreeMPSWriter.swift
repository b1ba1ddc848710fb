import Foundation

/// Writes a ``LinearProgram`` as free MPS that GLPK (glpsol), HiGHS, CPLEX and Gurobi all read the same way.
///
/// GLPK's own writer keeps only 12 characters per number (as few as 7 significant digits), has no objective sense,
/// drops the objective row when the problem has a free row, and writes the objective constant as the right-hand
/// side of the objective row, which GLPK reads as `+constant` and HiGHS, CPLEX and Gurobi as `−constant`. This
/// writer instead:
/// - writes every number in the shortest form that reads back to the same `Double` (Swift's round-trip printing);
/// - names the objective row `obj` (or `obj_2`, `obj_3`, … when a constraint already has that name) and puts it
///   first, so every reader takes it for the objective; free rows follow as further `N` rows (readers drop them);
/// - writes the objective constant as a column `objective_constant` fixed at 1 whose cost is the constant, never
///   as a right-hand side of the objective row;
/// - writes an `OBJSENSE` section (`MAX`) for a maximisation only. HiGHS, CPLEX and Gurobi read it; glpsol refuses
///   the file ("invalid indicator record") rather than silently minimising; for glpsol, write CPLEX LP instead.
///   A minimisation has no such section, which every reader takes as minimise.
/// - writes a ranged row as `G` (or `L`) with a `RANGES` entry chosen so that the reader's `rhs ± |range|`
///   gives back the other end exactly whenever a `Double` allows it.
///
/// The program must be valid (``LinearProgram/validate()``): names without blanks, numbers within
/// ``LinearProgram/safeMagnitudes``.
struct FreeMPSWriter {
    let program: LinearProgram

    /// Name of the column that carries the objective constant.
    static let constantColumnBase = "objective_constant"

    /// Writes the file at `path`, truncating what is there. The path is opened for writing, never replaced: a
    /// symbolic link stays a link and a device such as /dev/stdout is written to (an atomic write, as Foundation's
    /// `createFile` does, would put a regular file in the device's place).
    /// - Throws: ``LinearProgrammingError/file(path:message:)`` when the file cannot be created or written.
    func write(to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw LinearProgrammingError.file(path: path, message: "cannot create the file: \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var buffer = ""
        buffer.reserveCapacity(1 << 20)
        do {
            try writeText { line in
                buffer += line
                buffer += "\n"
                if buffer.utf8.count >= 1 << 20 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: Data(buffer.utf8))
        } catch {
            throw LinearProgrammingError.file(path: path, message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Emits the file line by line.
    private func writeText(_ emit: (String) throws -> Void) throws {
        let p = program
        let objective = Self.uniqueName("obj", avoiding: p.constraintNames)
        let constantColumn = p.objectiveConstant == 0 ? nil : Self.uniqueName(Self.constantColumnBase, avoiding: p.variableNames)
        try emit("* written by TokenGrid LinearProgramming: free MPS, every number round-trips exactly")
        try emit("* \(p.constraintCount) rows, \(p.variableCount) columns, \(p.entryCount) nonzeros; objective row \(objective)")
        if let constantColumn {
            try emit("* objective constant \(Self.number(p.objectiveConstant)) is the cost of column \(constantColumn), fixed at 1")
        }
        try emit(LinearProgram.nameProblem(p.name) == nil ? "NAME \(p.name)" : "NAME")
        if p.sense == .maximize {
            try emit("OBJSENSE")
            try emit("    MAX")
        }
        try writeRows(objective: objective, emit)
        try writeColumns(objective: objective, constantColumn: constantColumn, emit)
        try writeRightHandSides(emit)
        try writeBounds(constantColumn: constantColumn, emit)
        try emit("ENDATA")
    }

    private func writeRows(objective: String, _ emit: (String) throws -> Void) throws {
        try emit("ROWS")
        try emit(" N \(objective)")
        var freeRows: [String] = []
        for (name, bounds) in zip(program.constraintNames, program.constraintBounds) {
            switch Self.rowForm(bounds) {
            case .free: freeRows.append(name)
            case let .row(type, _, _): try emit(" \(type) \(name)")
            }
        }
        for name in freeRows { try emit(" N \(name)") }
    }

    private func writeColumns(objective: String, constantColumn: String?, _ emit: (String) throws -> Void) throws {
        let p = program
        // Transpose the row-wise matrix: entries of column j are rows[columnStarts[j] ..< columnStarts[j + 1]].
        var columnStarts = [Int](repeating: 0, count: p.variableCount + 1)
        for column in p.entryColumns { columnStarts[Int(column) + 1] += 1 }
        for j in 0 ..< p.variableCount { columnStarts[j + 1] += columnStarts[j] }
        var next = columnStarts
        var rows = [Int32](repeating: 0, count: p.entryCount), values = [Double](repeating: 0, count: p.entryCount)
        for i in 0 ..< p.constraintCount {
            for k in p.rowStarts[i] ..< p.rowStarts[i + 1] {
                let j = Int(p.entryColumns[k])
                rows[next[j]] = Int32(i)
                values[next[j]] = p.entryValues[k]
                next[j] += 1
            }
        }
        try emit("COLUMNS")
        for j in 0 ..< p.variableCount {
            let name = p.variableNames[j], cost = p.objectiveCoefficients[j]
            let entries = columnStarts[j] ..< columnStarts[j + 1]
            // A column is declared by its entries: one with none gets an explicit zero cost.
            if cost != 0 || entries.isEmpty { try emit(" \(name) \(objective) \(Self.number(cost))") }
            for k in entries {
                try emit(" \(name) \(p.constraintNames[Int(rows[k])]) \(Self.number(values[k]))")
            }
        }
        if let constantColumn {
            try emit(" \(constantColumn) \(objective) \(Self.number(p.objectiveConstant))")
        }
    }

    private func writeRightHandSides(_ emit: (String) throws -> Void) throws {
        var rhs: [String] = [], ranges: [String] = []
        for (name, bounds) in zip(program.constraintNames, program.constraintBounds) {
            guard case let .row(_, value, range) = Self.rowForm(bounds) else { continue }
            if value != 0 { rhs.append(" RHS \(name) \(Self.number(value))") }
            if let range { ranges.append(" RNG \(name) \(Self.number(range))") }
        }
        if !rhs.isEmpty {
            try emit("RHS")
            for line in rhs { try emit(line) }
        }
        if !ranges.isEmpty {
            try emit("RANGES")
            for line in ranges { try emit(line) }
        }
    }

    private func writeBounds(constantColumn: String?, _ emit: (String) throws -> Void) throws {
        var lines: [String] = []
        for (name, bounds) in zip(program.variableNames, program.variableBounds) {
            lines += Self.boundLines(name, bounds)
        }
        if let constantColumn { lines.append(" FX BND \(constantColumn) 1") }
        guard !lines.isEmpty else { return }
        try emit("BOUNDS")
        for line in lines { try emit(line) }
    }

    /// A row in MPS terms: its type letter, right-hand side and range, or free.
    enum RowForm: Equatable {
        case free
        case row(type: Character, rhs: Double, range: Double?)
    }

    /// How `bounds` are written: `G`/`L`/`E` with the finite end as right-hand side; a ranged row as `G` or `L`
    /// with a range `r` such that the reader's `rhs + |r|` (G) or `rhs − |r|` (L) is the other end exactly, when
    /// one of `upper − lower` and its neighbouring doubles gives that.
    static func rowForm(_ bounds: Bounds) -> RowForm {
        let (lower, upper) = (bounds.lower, bounds.upper)
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return .free
        case (true, false): return .row(type: "G", rhs: lower, range: nil)
        case (false, true): return .row(type: "L", rhs: upper, range: nil)
        case (true, true):
            if lower == upper { return .row(type: "E", rhs: lower, range: nil) }
            let width = upper - lower
            for range in [width, width.nextUp, width.nextDown] {
                if lower + range == upper { return .row(type: "G", rhs: lower, range: range) }
                if upper - range == lower { return .row(type: "L", rhs: upper, range: range) }
            }
            return .row(type: "G", rhs: lower, range: width)
        }
    }

    /// BOUNDS lines for a column; none for the default `0 ≤ x < ∞`. A missing lower bound is written as `MI`
    /// before any `UP`, so no reader applies its own rule for a negative upper bound.
    static func boundLines(_ name: String, _ bounds: Bounds) -> [String] {
        let (lower, upper) = (bounds.lower, bounds.upper)
        if lower == upper { return [" FX BND \(name) \(number(lower))"] }
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return [" FR BND \(name)"]
        case (false, true): return [" MI BND \(name)", " UP BND \(name) \(number(upper))"]
        case (true, false): return lower == 0 ? [] : [" LO BND \(name) \(number(lower))"]
        case (true, true):
            return (lower == 0 ? [] : [" LO BND \(name) \(number(lower))"]) + [" UP BND \(name) \(number(upper))"]
        }
    }

    /// `value` in the shortest text that reads back as the same `Double`: integers without a fraction, everything
    /// else as Swift prints it (e.g. `0.1`, `1e-05`, `-6.02214076e+23`), which `strtod` and every MPS reader parse.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `base`, or `base_2`, `base_3`, … : the first that is not in `names`.
    static func uniqueName(_ base: String, avoiding names: [String]) -> String {
        guard names.contains(base) else { return base }
        let taken = Set(names)
        var suffix = 2
        while taken.contains("\(base)_\(suffix)") { suffix += 1 }
        return "\(base)_\(suffix)"
    }
}
