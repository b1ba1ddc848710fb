import CGLPK
import Foundation

/// Text formats GLPK reads and writes.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// Free MPS.
    case mps
    /// CPLEX LP.
    case lp

    /// The format a path's extension suggests (`.mps` or `.lp`), if any.
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "mps": self = .mps
        case "lp": self = .lp
        default: return nil
        }
    }
}

extension GLPKProblem {
    /// Writes the problem in `format` to `path`.
    ///
    /// Note that CPLEX LP restricts names more than MPS does; GLPK substitutes generic names where needed.
    /// - Throws: ``LinearProgrammingError/file(path:message:)`` with GLPK's message on failure.
    public func write(to path: String, format: ModelFileFormat) throws {
        if format == .mps, let reason = mpsProblem() {
            throw LinearProgrammingError.file(path: path, message: "cannot write free MPS: \(reason); write CPLEX LP (.lp) instead")
        }
        let capture = TerminalCapture(echo: false)
        let code = capture.run {
            switch format {
            case .mps: return glp_write_mps(pointer, GLP_MPS_FILE, nil, path)
            case .lp: return writeLPKeepingConstant(path)
            }
        }
        guard code == 0 else {
            throw LinearProgrammingError.file(path: path, message: capture.lastLine.isEmpty ? "cannot write" : capture.lastLine)
        }
    }

    /// What GLPK's MPS writer would abort on or silently get wrong, checked before it runs: it fits every number into
    /// 12 characters (aborting on e.g. 1e-123), names the objective row R0000000, and needs at least one row.
    private func mpsProblem() -> String? {
        guard constraintCount > 0 else { return "the problem has no rows" }
        // GLPK reports a missing bound as ±DBL_MAX; only numbers that are really there must fit the format.
        func unwritable(_ value: Double) -> Bool {
            value != 0 && abs(value) < .greatestFiniteMagnitude && (abs(value) < 1e-99 || abs(value) >= 1e99)
        }
        var indices = [Int32](repeating: 0, count: variableCount + 1), values = [Double](repeating: 0, count: variableCount + 1)
        for i in 1 ... constraintCount {
            let row = Int32(i)
            if let name = glp_get_row_name(pointer, row), String(cString: name) == "R0000000" {
                return "a row is named R0000000, the name GLPK gives the objective row"
            }
            if unwritable(glp_get_row_lb(pointer, row)) || unwritable(glp_get_row_ub(pointer, row)) { return "row \(i) has a bound GLPK cannot write in MPS" }
            let length = Int(glp_get_mat_row(pointer, row, &indices, &values))
            if length > 0, (1 ... length).contains(where: { unwritable(values[$0]) }) { return "row \(i) has a coefficient GLPK cannot write in MPS (|x| < 1e-99 or ≥ 1e99)" }
        }
        for j in 0 ... variableCount {
            let column = Int32(j)
            if unwritable(glp_get_obj_coef(pointer, column)) { return "an objective coefficient GLPK cannot write in MPS" }
            if j > 0 && (unwritable(glp_get_col_lb(pointer, column)) || unwritable(glp_get_col_ub(pointer, column))) { return "column \(j) has a bound GLPK cannot write in MPS" }
        }
        return nil
    }

    /// GLPK's CPLEX LP writer keeps the objective constant only as a comment, so a file read back would lose it.
    /// Write a copy in which a column `objective_constant`, fixed at 1, carries the constant as its cost.
    private func writeLPKeepingConstant(_ path: String) -> Int32 {
        let constant = glp_get_obj_coef(pointer, 0)
        guard constant != 0, let copy = glp_create_prob() else { return glp_write_lp(pointer, nil, path) }
        defer { glp_delete_prob(copy) }
        glp_copy_prob(copy, pointer, GLP_ON)
        let column = glp_add_cols(copy, 1)
        glp_set_col_name(copy, column, "objective_constant")
        glp_set_col_bnds(copy, column, GLP_FX, 1, 1)
        glp_set_obj_coef(copy, column, constant)
        glp_set_obj_coef(copy, 0, 0)
        return glp_write_lp(copy, nil, path)
    }

    /// Reads a problem from an MPS (free) or CPLEX LP file.
    /// - Throws: ``LinearProgrammingError/file(path:message:)`` with GLPK's message (it names the line at fault).
    public static func read(from path: String, format: ModelFileFormat) throws -> GLPKProblem {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw LinearProgrammingError.file(path: path, message: "no such file, or it cannot be read")
        }
        guard let pointer = glp_create_prob() else {
            throw LinearProgrammingError.solverFailure(code: -1, message: "glp_create_prob returned NULL")
        }
        let capture = TerminalCapture(echo: false)
        let code = capture.run {
            switch format {
            case .mps: return glp_read_mps(pointer, GLP_MPS_FILE, nil, path)
            case .lp: return glp_read_lp(pointer, nil, path)
            }
        }
        guard code == 0 else {
            glp_delete_prob(pointer)
            throw LinearProgrammingError.file(path: path, message: capture.lastLine.isEmpty ? "cannot read" : capture.lastLine)
        }
        return GLPKProblem(adopting: pointer)
    }
}

extension LinearProgram {
    /// Reads a linear program from an MPS (free) or CPLEX LP file through GLPK.
    public static func read(from path: String, format: ModelFileFormat) throws -> LinearProgram {
        try GLPKProblem.read(from: path, format: format).program()
    }

    /// Writes the program to `path` in `format` through GLPK (validating it first).
    public func write(to path: String, format: ModelFileFormat) throws {
        try GLPKProblem(self).write(to: path, format: format)
    }
}
