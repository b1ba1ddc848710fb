import CGLPK
import Foundation

/// Text formats for linear programs. See docs/model-files.md for what each reader and writer does.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// MPS of either kind: reading tries free MPS and, when that fails, fixed MPS; writing writes free MPS.
    case mps
    /// Free MPS: fields separated by blanks, names without blanks.
    case freeMPS = "free-mps"
    /// Fixed (column-positioned) MPS, as in the Netlib collection: names may hold blanks. Read only.
    case fixedMPS = "fixed-mps"
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

    /// The formats this library writes (everything but fixed MPS, whose 8-character names and 12-character numbers
    /// cannot hold a modern model).
    public static let writable: [ModelFileFormat] = [.mps, .freeMPS, .lp]

    /// Whether this is one of the MPS formats.
    public var isMPS: Bool { self != .lp }

    /// A few words for messages: "free MPS", "fixed MPS", "MPS (free or fixed)", "CPLEX LP".
    public var label: String {
        switch self {
        case .mps: return "MPS (free or fixed)"
        case .freeMPS: return "free MPS"
        case .fixedMPS: return "fixed MPS"
        case .lp: return "CPLEX LP"
        }
    }
}

extension GLPKProblem {
    /// Writes the problem in `format` to `path`.
    ///
    /// MPS is written by ``LinearProgram/write(to:format:)`` from the problem as GLPK holds it now (a problem name
    /// that cannot stand in a file becomes `lp`). CPLEX LP is written by GLPK, which restricts names more than MPS
    /// does and substitutes generic names where needed; the objective constant goes into a column
    /// `objective_constant` fixed at 1 in both formats.
    /// - Throws: ``LinearProgrammingError/file(path:message:)`` on failure, or the validation error of a problem
    ///   whose names or numbers cannot be written.
    public func write(to path: String, format: ModelFileFormat) throws {
        switch format {
        case .mps, .freeMPS:
            var program = program()
            if LinearProgram.nameProblem(program.name) != nil { program.name = "lp" }
            try program.write(to: path, format: format)
        case .fixedMPS:
            throw LinearProgrammingError.file(path: path, message: "fixed MPS is read only; write free MPS (.mps) or CPLEX LP (.lp)")
        case .lp:
            let capture = TerminalCapture(echo: false)
            let code = capture.run { writeLPKeepingConstant(path) }
            guard code == 0 else {
                throw LinearProgrammingError.file(path: path, message: capture.lastLine.isEmpty ? "cannot write" : capture.lastLine)
            }
        }
    }

    /// GLPK's CPLEX LP writer keeps the objective constant only as a comment, so a file read back would lose it.
    /// Write a copy in which a column `objective_constant`, fixed at 1, carries the constant as its cost.
    private func writeLPKeepingConstant(_ path: String) -> Int32 {
        let constant = glp_get_obj_coef(pointer, 0)
        guard constant != 0, let copy = glp_create_prob() else { return glp_write_lp(pointer, nil, path) }
        defer { glp_delete_prob(copy) }
        glp_copy_prob(copy, pointer, GLP_ON)
        let names = (1 ... max(variableCount, 1)).prefix(variableCount).map {
            glp_get_col_name(pointer, Int32($0)).map { String(cString: $0) } ?? ""
        }
        let column = glp_add_cols(copy, 1)
        glp_set_col_name(copy, column, FreeMPSWriter.uniqueName(FreeMPSWriter.constantColumnBase, avoiding: names))
        glp_set_col_bnds(copy, column, GLP_FX, 1, 1)
        glp_set_obj_coef(copy, column, constant)
        glp_set_obj_coef(copy, 0, 0)
        return glp_write_lp(copy, nil, path)
    }
}

extension LinearProgram {
    /// Reads a linear program from an MPS (free or fixed) or CPLEX LP file through GLPK.
    /// See ``GLPKProblem/readReporting(from:format:)`` for the conventions applied.
    public static func read(from path: String, format: ModelFileFormat) throws -> LinearProgram {
        try GLPKProblem.read(from: path, format: format).program()
    }

    /// Writes the program to `path` in `format`, validating it first (nothing is created when it is invalid).
    ///
    /// MPS (``ModelFileFormat/mps`` or ``ModelFileFormat/freeMPS``) is free MPS written in full precision by
    /// `FreeMPSWriter` (see docs/model-files.md); CPLEX LP is written by GLPK.
    public func write(to path: String, format: ModelFileFormat) throws {
        switch format {
        case .mps, .freeMPS:
            try validate()
            if let reason = Self.nameProblem(name) {
                throw LinearProgrammingError.invalidName(kind: "problem", index: 0, name: name, reason: reason)
            }
            try FreeMPSWriter(program: self).write(to: path)
        case .fixedMPS, .lp:
            try GLPKProblem(self).write(to: path, format: format)
        }
    }
}
