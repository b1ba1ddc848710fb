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
